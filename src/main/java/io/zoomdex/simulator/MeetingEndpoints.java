package io.zoomdex.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** {@code GET /users/{userId}/meetings} and {@code GET /meetings/{meetingId}}. */
final class MeetingEndpoints {
  static final int MAX_PAGE_SIZE = 300;

  private final SimulatedAccount account;
  private final PageTokens pageTokens;

  MeetingEndpoints(SimulatedAccount account, PageTokens pageTokens) {
    this.account = account;
    this.pageTokens = pageTokens;
  }

  void register(Map<Endpoint, Handler> handlers) {
    handlers.put(Endpoint.MEETINGS, this::listMeetings);
    handlers.put(Endpoint.MEETING, this::getMeeting);
  }

  private ApiResponse listMeetings(ApiRequest request) {
    SimUser user = UserEndpoints.requireUser(account, request.path("userId"));
    String type = request.query("type").orElse("scheduled");
    Predicate<SimMeeting> filter = filter(type, request.now());
    List<SimMeeting> meetings =
        account.meetingsOf(user).stream().filter(SimMeeting::listed).filter(filter).toList();
    int pageSize = request.pageSize(MAX_PAGE_SIZE);
    String listing = "meetings|" + user.index() + "|" + type;
    int start = (int) pageTokens.position(listing, request.query("next_page_token"));
    int end = Math.min(meetings.size(), start + pageSize);
    ArrayNode items = Json.array();
    for (int i = start; i < end; i++) {
      items.add(MeetingJson.listItem(account, meetings.get(i)));
    }
    ObjectNode body = Json.object();
    Pages.envelope(
        body,
        pageSize,
        meetings.size(),
        end < meetings.size() ? pageTokens.issue(listing, end) : "");
    body.put("page_number", start / pageSize + 1);
    body.set("meetings", items);
    return Pages.ok(body);
  }

  private static Predicate<SimMeeting> filter(String type, Instant now) {
    return switch (type) {
      case "scheduled" -> m -> true;
      case "live" -> m -> false;
      case "upcoming", "upcoming_meetings" ->
          m -> m.startTime() == null || m.startTime().isAfter(now);
      case "previous_meetings" ->
          m ->
              m.instanceCount() > 0
                  && (m.startTime() == null
                      || m.type() != 2
                      || m.startTime().isAfter(now.minus(Duration.ofDays(183))));
      default -> throw ZoomApiError.badRequest("Invalid field.");
    };
  }

  private ApiResponse getMeeting(ApiRequest request) {
    String id = request.path("meetingId");
    SimMeeting meeting =
        parseNumber(id)
            .flatMap(account::meeting)
            .filter(m -> m.type() != 1) // an instant meeting is gone once it ended
            .orElseThrow(() -> ZoomApiError.meetingNotFound(id));
    return Pages.ok(MeetingJson.detail(account, meeting));
  }

  static java.util.Optional<Long> parseNumber(String id) {
    if (id == null
        || id.isEmpty()
        || id.length() > 18
        || !id.chars().allMatch(Character::isDigit)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Long.parseLong(id));
  }
}
