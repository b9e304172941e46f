package io.zoomdex.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Webinars: listing, details, panelists, past instances, attendees and Q&A. */
final class WebinarEndpoints {
  static final int MAX_PAGE_SIZE = 300;

  private final SimulatedAccount account;
  private final PageTokens pageTokens;

  WebinarEndpoints(SimulatedAccount account, PageTokens pageTokens) {
    this.account = account;
    this.pageTokens = pageTokens;
  }

  void register(Map<Endpoint, Handler> handlers) {
    handlers.put(Endpoint.WEBINARS, this::listWebinars);
    handlers.put(Endpoint.WEBINAR, this::getWebinar);
    handlers.put(Endpoint.WEBINAR_PANELISTS, this::panelists);
    handlers.put(Endpoint.PAST_WEBINAR_INSTANCES, this::instances);
    handlers.put(Endpoint.PAST_WEBINAR_PARTICIPANTS, this::participants);
    handlers.put(Endpoint.PAST_WEBINAR_QA, this::qa);
  }

  private ApiResponse listWebinars(ApiRequest request) {
    SimUser user = UserEndpoints.requireUser(account, request.path("userId"));
    if (!user.webinarLicence()) {
      throw new ZoomApiError(
          400,
          200,
          "Webinar plan is missing. You must subscribe to the webinar plan and enable webinars"
              + " for this user in order to perform this action.");
    }
    List<SimWebinar> webinars = account.webinarsOf(user);
    int pageSize = request.pageSize(MAX_PAGE_SIZE);
    String listing = "webinars|" + user.index();
    int start = (int) pageTokens.position(listing, request.query("next_page_token"));
    int end = Math.min(webinars.size(), start + pageSize);
    ArrayNode items = Json.array();
    for (int i = start; i < end; i++) {
      items.add(WebinarJson.listItem(account, webinars.get(i)));
    }
    ObjectNode body = Json.object();
    Pages.envelope(
        body,
        pageSize,
        webinars.size(),
        end < webinars.size() ? pageTokens.issue(listing, end) : "");
    body.put("page_number", start / pageSize + 1);
    body.set("webinars", items);
    return Pages.ok(body);
  }

  private SimWebinar requireWebinar(String id) {
    return MeetingEndpoints.parseNumber(id)
        .flatMap(account::webinar)
        .orElseThrow(() -> ZoomApiError.webinarNotFound(id));
  }

  private ApiResponse getWebinar(ApiRequest request) {
    return Pages.ok(WebinarJson.detail(account, requireWebinar(request.path("webinarId"))));
  }

  private ApiResponse panelists(ApiRequest request) {
    SimWebinar webinar = requireWebinar(request.path("webinarId"));
    ObjectNode body = Json.object();
    ArrayNode list = body.putArray("panelists");
    webinar.panelists().forEach(p -> list.add(WebinarJson.panelist(webinar, p)));
    body.put("total_records", webinar.panelists().size());
    return Pages.ok(body);
  }

  private ApiResponse instances(ApiRequest request) {
    SimWebinar webinar = requireWebinar(request.path("webinarId"));
    ArrayNode list = Json.array();
    account.instancesOf(webinar).stream()
        .filter(i -> !InstanceWindows.beyondFifteenMonths(i, request.now()))
        .sorted(Comparator.comparing(SimInstance::startTime))
        .forEach(i -> list.add(PastJson.instanceListItem(i)));
    ObjectNode body = Json.object();
    body.set("webinars", list);
    return Pages.ok(body);
  }

  private Optional<SimInstance> resolve(String idOrUuid) {
    Optional<Long> number = MeetingEndpoints.parseNumber(idOrUuid);
    if (number.isPresent()) {
      return account
          .webinar(number.get())
          .filter(w -> w.instanceCount() > 0)
          .map(w -> account.instancesOf(w).get(0));
    }
    return account.instance(idOrUuid).filter(SimInstance::webinar);
  }

  private ApiResponse participants(ApiRequest request) {
    String id = request.path("webinarId");
    SimInstance instance = resolve(id).orElseThrow(() -> ZoomApiError.webinarNotFound(id));
    return PastMeetingEndpoints.participantPage(
        account, pageTokens, request, "listWebinarParticipants|" + instance.uuid(), instance);
  }

  private ApiResponse qa(ApiRequest request) {
    SimInstance instance =
        resolve(request.path("webinarId"))
            .filter(i -> !InstanceWindows.beyondFifteenMonths(i, request.now()))
            .orElseThrow(() -> new ZoomApiError(404, 3001, "Webinar ID is invalid or not end."));
    return Pages.ok(PastJson.qa(instance, account.questions(instance)));
  }
}
