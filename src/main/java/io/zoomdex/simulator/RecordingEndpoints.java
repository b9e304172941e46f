package io.zoomdex.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /users/{userId}/recordings}: recorded meeting and webinar instances whose start falls
 * in [from, to] (UTC dates), at most one month apart; with no {@code from} the range is today.
 */
final class RecordingEndpoints {
  static final int MAX_PAGE_SIZE = 300;

  private final SimulatedAccount account;
  private final PageTokens pageTokens;
  private final String origin;

  RecordingEndpoints(SimulatedAccount account, PageTokens pageTokens, String origin) {
    this.account = account;
    this.pageTokens = pageTokens;
    this.origin = origin;
  }

  void register(Map<Endpoint, Handler> handlers) {
    handlers.put(Endpoint.RECORDINGS, this::listRecordings);
  }

  private ApiResponse listRecordings(ApiRequest request) {
    String userId = request.path("userId");
    SimUser user =
        account
            .userByIdOrEmail(userId)
            .orElseThrow(
                () ->
                    new ZoomApiError(
                        404,
                        1001,
                        "User " + userId + " does not exist, or does not belong to this account."));
    LocalDate today = LocalDate.ofInstant(request.now(), ZoneOffset.UTC);
    LocalDate from = date(request.query("from").orElse(null), today);
    LocalDate to =
        date(
            request.query("to").orElse(null),
            request.query("from").isPresent() ? today : today.plusDays(1));
    if (to.isBefore(from)) {
      throw ZoomApiError.badRequest("The to date must not be before the from date.");
    }
    if (to.isAfter(from.plusMonths(1))) {
      throw ZoomApiError.badRequest("The maximum range can be a month.");
    }
    boolean trash = request.query("trash").map(Boolean::parseBoolean).orElse(false);
    List<SimInstance> recorded = new ArrayList<>();
    if (!trash) {
      // Zoom lists webinar recordings here too; their type (5, 6, 9) tells them apart.
      List<SimInstance> instances = new ArrayList<>();
      for (SimMeeting meeting : account.meetingsOf(user, true)) {
        instances.addAll(account.instancesOf(meeting));
      }
      for (SimWebinar webinar : account.webinarsOf(user, true)) {
        instances.addAll(account.instancesOf(webinar));
      }
      for (SimInstance instance : instances) {
        LocalDate day = LocalDate.ofInstant(instance.startTime(), ZoneOffset.UTC);
        if (instance.recorded()
            && !day.isBefore(from)
            && !day.isAfter(to)
            && instance.endTime().isBefore(request.now())) {
          recorded.add(instance);
        }
      }
    }
    recorded.sort(Comparator.comparing(SimInstance::startTime).reversed());
    int pageSize = request.pageSize(MAX_PAGE_SIZE);
    String listing = "recordings|" + user.index() + "|" + from + "|" + to + "|" + trash;
    int start = (int) pageTokens.position(listing, request.query("next_page_token"));
    int end = Math.min(recorded.size(), start + pageSize);
    ArrayNode items = Json.array();
    for (int i = start; i < end; i++) {
      SimInstance instance = recorded.get(i);
      items.add(RecordingJson.meeting(account, instance, account.recordingFiles(instance), origin));
    }
    ObjectNode body = Json.object();
    body.put("from", from.toString());
    body.put("to", to.toString());
    Pages.envelope(
        body,
        pageSize,
        recorded.size(),
        end < recorded.size() ? pageTokens.issue(listing, end) : "");
    body.set("meetings", items);
    return Pages.ok(body);
  }

  private static LocalDate date(String text, LocalDate fallback) {
    if (text == null) {
      return fallback;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException malformed) {
      throw ZoomApiError.badRequest("Invalid field.");
    }
  }
}
