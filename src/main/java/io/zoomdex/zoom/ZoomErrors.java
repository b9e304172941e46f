package io.zoomdex.zoom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns Zoom's error answers ({@code {"code":..,"message":..}}) into typed exceptions. */
final class ZoomErrors {
  private static final Pattern SCOPE_LIST = Pattern.compile("\\[([^\\]]*)\\]");

  private final ObjectMapper mapper;

  ZoomErrors(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Zoom's error code and message, or 0 and "" when the body is not Zoom's error JSON. */
  ErrorBody parse(byte[] body) {
    try {
      JsonNode node = mapper.readTree(body);
      if (node == null || !node.isObject()) {
        return new ErrorBody(0, "");
      }
      return new ErrorBody(node.path("code").asInt(0), node.path("message").asText(""));
    } catch (IOException | RuntimeException e) {
      return new ErrorBody(0, "");
    }
  }

  /**
   * Whether an error answer's body is JSON cut off or garbled on the way: it starts like JSON but
   * does not parse. Plain-text or HTML bodies (a proxy's page, a download's 404) are not.
   */
  boolean isUnreadable(byte[] body) {
    String start = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8).strip();
    if (!start.startsWith("{") && !start.startsWith("[")) {
      return false;
    }
    try {
      JsonNode node = mapper.readTree(body);
      return node == null || !node.isObject();
    } catch (IOException | RuntimeException e) {
      return true;
    }
  }

  /** Whether the answer says the {@code next_page_token} is invalid or expired (400/300). */
  static boolean isExpiredPageToken(int status, ErrorBody error) {
    return status == 400
        && error.code() == 300
        && error.message().toLowerCase(Locale.ROOT).contains("page token");
  }

  /** The exception for an error answer that is not retried (not 401/124, 429 or 5xx). */
  ZoomException toException(String call, int status, ErrorBody error) {
    int code = error.code();
    String zoomSays = error.message().isBlank() ? "" : " (Zoom: " + clip(error.message()) + ")";
    if (code == 4711) {
      List<String> scopes = missingScopes(error.message());
      String named =
          scopes.isEmpty() ? "a required scope" : "the scope " + String.join(" or ", scopes);
      return new ZoomException(
          ZoomException.Reason.MISSING_SCOPE,
          status,
          code,
          "The Zoom app lacks "
              + named
              + " needed for "
              + call
              + "; add it in the Zoom App Marketplace on the app's Scopes page, then reactivate"
              + " the app.",
          scopes,
          null,
          null);
    }
    if (status == 404 && (code == 3001 || code == 1001 || code == 3301)) {
      return new ZoomException(
          ZoomException.Reason.NOT_FOUND,
          status,
          code,
          "Zoom has no such item for " + call + zoomSays + "; it was deleted or never existed.");
    }
    if (code == 12702) {
      return new ZoomException(
          ZoomException.Reason.TOO_OLD,
          status,
          code,
          "Zoom no longer serves "
              + call
              + " because the meeting is over a year old"
              + zoomSays
              + ".");
    }
    if (status == 400 && code == 200) {
      return new ZoomException(
          ZoomException.Reason.NO_PERMISSION,
          status,
          code,
          "Zoom refused "
              + call
              + " for lack of permission or plan"
              + zoomSays
              + "; the account or user lacks this feature (e.g. a paid plan or webinar licence).");
    }
    if (status == 403 && code == 2305) {
      return new ZoomException(
          ZoomException.Reason.SUMMARY_RESTRICTED,
          status,
          code,
          "Zoom refused "
              + call
              + " because summaries are restricted or the summary is in the trash"
              + zoomSays
              + "; turn off 'Only share meeting summaries by email' if summaries should be indexed.");
    }
    return new ZoomException(
        ZoomException.Reason.OTHER,
        status,
        code,
        "Zoom answered "
            + call
            + " with HTTP "
            + status
            + (code == 0 ? "" : " code " + code)
            + zoomSays
            + "; check the request and the app's settings.");
  }

  /** The scopes between the brackets of a 4711 message, e.g. {@code [a, b]}. */
  static List<String> missingScopes(String message) {
    List<String> scopes = new ArrayList<>();
    Matcher matcher = SCOPE_LIST.matcher(message);
    if (matcher.find()) {
      for (String scope : matcher.group(1).split(",")) {
        if (!scope.isBlank()) {
          scopes.add(scope.trim());
        }
      }
    }
    return scopes;
  }

  private static String clip(String text) {
    String oneLine = text.replaceAll("\\s+", " ").trim();
    return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
  }

  /** Zoom's error body. */
  record ErrorBody(int code, String message) {}
}
