package io.zoomdex.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Past meetings: instances, details, participants, Q&A and the AI Companion summary. Endpoints
 * taking "ID or UUID" answer for the latest instance when given the numeric id.
 */
final class PastMeetingEndpoints {
  static final int MAX_PAGE_SIZE = 300;

  private final SimulatedAccount account;
  private final PageTokens pageTokens;

  PastMeetingEndpoints(SimulatedAccount account, PageTokens pageTokens) {
    this.account = account;
    this.pageTokens = pageTokens;
  }

  void register(Map<Endpoint, Handler> handlers) {
    handlers.put(Endpoint.PAST_MEETING_INSTANCES, this::instances);
    handlers.put(Endpoint.PAST_MEETING, this::details);
    handlers.put(Endpoint.PAST_MEETING_PARTICIPANTS, this::participants);
    handlers.put(Endpoint.PAST_MEETING_QA, this::qa);
    handlers.put(Endpoint.MEETING_SUMMARY, this::summary);
  }

  /** The instance an "ID or UUID" parameter names, if it is an ended meeting instance. */
  private Optional<SimInstance> resolve(String idOrUuid) {
    Optional<Long> number = MeetingEndpoints.parseNumber(idOrUuid);
    if (number.isPresent()) {
      return account
          .meeting(number.get())
          .filter(m -> m.instanceCount() > 0)
          .map(m -> account.instancesOf(m).get(0));
    }
    return account.instance(idOrUuid).filter(i -> !i.webinar());
  }

  private ApiResponse instances(ApiRequest request) {
    String id = request.path("meetingId");
    SimMeeting meeting =
        MeetingEndpoints.parseNumber(id)
            .flatMap(account::meeting)
            .orElseThrow(() -> ZoomApiError.meetingNotFound(id));
    ArrayNode list = Json.array();
    account.instancesOf(meeting).stream()
        .filter(i -> !InstanceWindows.beyondFifteenMonths(i, request.now()))
        .sorted(Comparator.comparing(SimInstance::startTime))
        .forEach(i -> list.add(PastJson.instanceListItem(i)));
    ObjectNode body = Json.object();
    body.set("meetings", list);
    return Pages.ok(body);
  }

  private ApiResponse details(ApiRequest request) {
    String id = request.path("meetingId");
    SimInstance instance = resolve(id).orElseThrow(() -> ZoomApiError.meetingNotFound(id));
    if (InstanceWindows.overAYearOld(instance, request.now())) {
      throw InstanceWindows.yearOld();
    }
    return Pages.ok(PastJson.pastMeeting(account, instance));
  }

  private ApiResponse participants(ApiRequest request) {
    String id = request.path("meetingId");
    SimInstance instance = resolve(id).orElseThrow(() -> ZoomApiError.meetingNotFound(id));
    if (InstanceWindows.overAYearOld(instance, request.now())) {
      throw InstanceWindows.yearOld();
    }
    return participantPage(
        account, pageTokens, request, "pastMeetingParticipants|" + instance.uuid(), instance);
  }

  static ApiResponse participantPage(
      SimulatedAccount account,
      PageTokens pageTokens,
      ApiRequest request,
      String listing,
      SimInstance instance) {
    List<SimParticipant> rows = account.participants(instance);
    int pageSize = request.pageSize(MAX_PAGE_SIZE);
    int start = (int) pageTokens.position(listing, request.query("next_page_token"));
    int end = Math.min(rows.size(), start + pageSize);
    ArrayNode items = Json.array();
    for (int i = start; i < end; i++) {
      items.add(PastJson.participant(rows.get(i)));
    }
    ObjectNode body = Json.object();
    Pages.envelope(
        body, pageSize, rows.size(), end < rows.size() ? pageTokens.issue(listing, end) : "");
    body.set("participants", items);
    return Pages.ok(body);
  }

  private ApiResponse qa(ApiRequest request) {
    SimInstance instance =
        resolve(request.path("meetingId"))
            .filter(i -> !InstanceWindows.beyondFifteenMonths(i, request.now()))
            .orElseThrow(() -> new ZoomApiError(404, 3001, "Meeting ID is invalid or not end."));
    return Pages.ok(PastJson.qa(instance, account.questions(instance)));
  }

  private ApiResponse summary(ApiRequest request) {
    String id = request.path("meetingId");
    SimInstance instance = resolve(id).orElseThrow(() -> ZoomApiError.meetingNotFound(id));
    SimSummary summary =
        account.summary(instance).orElseThrow(() -> ZoomApiError.meetingNotFound(id));
    if (instance.summaryRestricted()) {
      throw new ZoomApiError(
          403,
          2305,
          "Access to meeting summaries is restricted by account settings. To use this feature,"
              + " disable the Only share meeting summaries by email setting in the Account"
              + " Settings page of the Zoom web portal.");
    }
    return Pages.ok(PastJson.summary(account, instance, summary));
  }
}
