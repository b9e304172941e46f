package io.zoomdex.simulator;

import java.util.Map;
import java.util.Objects;

/**
 * "The next {@code count} requests matching {@code operationId} get this answer": for 429 storms,
 * 5xx bursts or a 401 in the middle of a crawl.
 *
 * @param operationId Zoom operationId to match (for example {@code "pastMeetingParticipants"},
 *     {@code "downloadRecording"} or {@code "oauthToken"}), or null for any API or download request
 *     (token requests are matched only by name)
 * @param count how many matching requests get this answer
 * @param status the HTTP status to send
 * @param body the body to send (JSON text, may be empty)
 * @param headers extra response headers (for example {@code Retry-After})
 * @param continuationsOnly whether only requests for a later page (carrying a {@code
 *     next_page_token}) match, to fail a listing in its middle
 */
public record FaultRule(
    String operationId,
    int count,
    int status,
    String body,
    Map<String, String> headers,
    boolean continuationsOnly) {
  public FaultRule {
    if (count < 1) {
      throw new IllegalArgumentException("A fault rule must apply to at least one request.");
    }
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("A fault rule needs an HTTP status between 100 and 599.");
    }
    body = Objects.requireNonNullElse(body, "");
    headers = Map.copyOf(Objects.requireNonNullElse(headers, Map.of()));
  }

  /** A rule matching first pages and continuations alike. */
  public FaultRule(
      String operationId, int count, int status, String body, Map<String, String> headers) {
    this(operationId, count, status, body, headers, false);
  }

  /**
   * A rule answering the next {@code count} requests for a later page of {@code operationId} with
   * Zoom's 400/300 for an expired page token, as when a listing outlives its token.
   */
  public static FaultRule expiredPageToken(String operationId, int count) {
    return new FaultRule(
        operationId,
        count,
        400,
        ZoomErrors.body(300, "The next page token is invalid or expired."),
        Map.of(),
        true);
  }

  /** A rule answering Zoom's per-second 429 with {@code Retry-After} in seconds. */
  public static FaultRule qpsTooManyRequests(String operationId, int count, int retryAfterSeconds) {
    return new FaultRule(
        operationId,
        count,
        429,
        ZoomErrors.QPS_LIMIT_BODY,
        Map.of("Retry-After", Integer.toString(retryAfterSeconds), "X-RateLimit-Type", "QPS"));
  }

  /** A rule answering {@code status} with Zoom's generic error body. */
  public static FaultRule serverError(String operationId, int count, int status) {
    return new FaultRule(
        operationId, count, status, ZoomErrors.body(status, "Internal Server Error."), Map.of());
  }

  boolean matches(String operation, boolean continuation) {
    return (operationId == null || operationId.equals(operation))
        && (continuation || !continuationsOnly);
  }
}
