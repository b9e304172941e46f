package io.zoomdex.zoom;

import java.util.List;

/** The 17 granular scopes the Server-to-Server OAuth app needs, in one place. */
public final class RequiredScopes {
  public static final String LIST_USER_RECORDINGS =
      "cloud_recording:read:list_user_recordings:admin";
  public static final String LIST_MEETINGS = "meeting:read:list_meetings:admin";
  public static final String LIST_PAST_MEETING_INSTANCES = "meeting:read:list_past_instances:admin";
  public static final String LIST_PAST_MEETING_PARTICIPANTS =
      "meeting:read:list_past_participants:admin";
  public static final String MEETING = "meeting:read:meeting:admin";

  /**
   * No REST call needs it: Zoom grants it for the live participant webhooks, which zoomdex does not
   * subscribe to (participants are read after each meeting).
   */
  public static final String PARTICIPANT_WEBHOOKS = "meeting:read:participant:admin";

  public static final String PAST_MEETING = "meeting:read:past_meeting:admin";
  public static final String PAST_MEETING_QA = "meeting:read:past_qa:admin";
  public static final String MEETING_SUMMARY = "meeting:read:summary:admin";
  public static final String LIST_USERS = "user:read:list_users:admin";
  public static final String USER = "user:read:user:admin";
  public static final String LIST_PANELISTS = "webinar:read:list_panelists:admin";
  public static final String LIST_PAST_WEBINAR_INSTANCES = "webinar:read:list_past_instances:admin";
  public static final String LIST_PAST_WEBINAR_PARTICIPANTS =
      "webinar:read:list_past_participants:admin";
  public static final String LIST_WEBINARS = "webinar:read:list_webinars:admin";
  public static final String PAST_WEBINAR_QA = "webinar:read:past_qa:admin";
  public static final String WEBINAR = "webinar:read:webinar:admin";

  /** All 17, sorted by name. */
  public static final List<String> ALL =
      List.of(
          LIST_USER_RECORDINGS,
          LIST_MEETINGS,
          LIST_PAST_MEETING_INSTANCES,
          LIST_PAST_MEETING_PARTICIPANTS,
          MEETING,
          PARTICIPANT_WEBHOOKS,
          PAST_MEETING,
          PAST_MEETING_QA,
          MEETING_SUMMARY,
          LIST_USERS,
          USER,
          LIST_PANELISTS,
          LIST_PAST_WEBINAR_INSTANCES,
          LIST_PAST_WEBINAR_PARTICIPANTS,
          LIST_WEBINARS,
          PAST_WEBINAR_QA,
          WEBINAR);

  private RequiredScopes() {}
}
