package io.zoomdex.simulator;

import java.util.List;

/**
 * The simulated Zoom GET endpoints: operationId, path template (relative to {@code /v2}), the
 * spec's {@code x-granular-scopes} (any one is enough) and the rate-limit label. The contract test
 * checks these against Zoom's OpenAPI documents.
 */
public enum Endpoint {
  USERS("users", "/users", RateLabel.MEDIUM, "user:read:list_users:admin"),
  USER("user", "/users/{userId}", RateLabel.LIGHT, "user:read:user", "user:read:user:admin"),
  MEETINGS(
      "meetings",
      "/users/{userId}/meetings",
      RateLabel.MEDIUM,
      "meeting:read:list_meetings",
      "meeting:read:list_meetings:admin"),
  MEETING(
      "meeting",
      "/meetings/{meetingId}",
      RateLabel.LIGHT,
      "meeting:read:meeting",
      "meeting:read:meeting:admin"),
  PAST_MEETING_INSTANCES(
      "pastMeetings",
      "/past_meetings/{meetingId}/instances",
      RateLabel.MEDIUM,
      "meeting:read:list_past_instances",
      "meeting:read:list_past_instances:admin"),
  PAST_MEETING(
      "pastMeetingDetails",
      "/past_meetings/{meetingId}",
      RateLabel.LIGHT,
      "meeting:read:past_meeting",
      "meeting:read:past_meeting:admin"),
  PAST_MEETING_PARTICIPANTS(
      "pastMeetingParticipants",
      "/past_meetings/{meetingId}/participants",
      RateLabel.MEDIUM,
      "meeting:read:list_past_participants",
      "meeting:read:list_past_participants:admin"),
  PAST_MEETING_QA(
      "listPastMeetingQA",
      "/past_meetings/{meetingId}/qa",
      RateLabel.MEDIUM,
      "meeting:read:past_qa",
      "meeting:read:past_qa:admin"),
  MEETING_SUMMARY(
      "Getameetingsummary",
      "/meetings/{meetingId}/meeting_summary",
      RateLabel.LIGHT,
      "meeting:read:summary",
      "meeting:read:summary:admin"),
  RECORDINGS(
      "recordingsList",
      "/users/{userId}/recordings",
      RateLabel.MEDIUM,
      "cloud_recording:read:list_user_recordings",
      "cloud_recording:read:list_user_recordings:master",
      "cloud_recording:read:list_user_recordings:admin"),
  WEBINARS(
      "webinars",
      "/users/{userId}/webinars",
      RateLabel.MEDIUM,
      "webinar:read:list_webinars",
      "webinar:read:list_webinars:admin"),
  WEBINAR(
      "webinar",
      "/webinars/{webinarId}",
      RateLabel.LIGHT,
      "webinar:read:webinar",
      "webinar:read:webinar:admin"),
  WEBINAR_PANELISTS(
      "webinarPanelists",
      "/webinars/{webinarId}/panelists",
      RateLabel.MEDIUM,
      "webinar:read:list_panelists",
      "webinar:read:list_panelists:admin"),
  PAST_WEBINAR_INSTANCES(
      "pastWebinars",
      "/past_webinars/{webinarId}/instances",
      RateLabel.LIGHT,
      "webinar:read:list_past_instances",
      "webinar:read:list_past_instances:admin"),
  PAST_WEBINAR_PARTICIPANTS(
      "listWebinarParticipants",
      "/past_webinars/{webinarId}/participants",
      RateLabel.MEDIUM,
      "webinar:read:list_past_participants:admin",
      "webinar:read:list_past_participants"),
  PAST_WEBINAR_QA(
      "listPastWebinarQA",
      "/past_webinars/{webinarId}/qa",
      RateLabel.MEDIUM,
      "webinar:read:past_qa",
      "webinar:read:past_qa:admin");

  /** The 17 granular scopes a zoomdex app is granted (zoom-api.md §1). */
  public static final List<String> GRANTED_SCOPES =
      List.of(
          "user:read:list_users:admin",
          "user:read:user:admin",
          "meeting:read:list_meetings:admin",
          "meeting:read:meeting:admin",
          "meeting:read:list_past_instances:admin",
          "meeting:read:past_meeting:admin",
          "meeting:read:list_past_participants:admin",
          "meeting:read:past_qa:admin",
          "meeting:read:summary:admin",
          "meeting:read:participant:admin",
          "cloud_recording:read:list_user_recordings:admin",
          "webinar:read:list_webinars:admin",
          "webinar:read:webinar:admin",
          "webinar:read:list_panelists:admin",
          "webinar:read:list_past_instances:admin",
          "webinar:read:list_past_participants:admin",
          "webinar:read:past_qa:admin");

  private final String operationId;
  private final String pathTemplate;
  private final RateLabel rateLabel;
  private final List<String> scopes;

  Endpoint(String operationId, String pathTemplate, RateLabel rateLabel, String... scopes) {
    this.operationId = operationId;
    this.pathTemplate = pathTemplate;
    this.rateLabel = rateLabel;
    this.scopes = List.of(scopes);
  }

  /** Zoom's operationId, the key of the request log. */
  public String operationId() {
    return operationId;
  }

  /** The path template as in the OpenAPI document (without {@code /v2}). */
  public String pathTemplate() {
    return pathTemplate;
  }

  /** Zoom's rate-limit label. */
  public RateLabel rateLabel() {
    return rateLabel;
  }

  /** The spec's granular scopes, in the spec's order; any one grants access. */
  public List<String> scopes() {
    return scopes;
  }
}
