package io.zoomdex.zoom;

import io.zoomdex.zoom.model.Meeting;
import io.zoomdex.zoom.model.MeetingSummary;
import io.zoomdex.zoom.model.Panelist;
import io.zoomdex.zoom.model.Participant;
import io.zoomdex.zoom.model.PastInstance;
import io.zoomdex.zoom.model.PastMeeting;
import io.zoomdex.zoom.model.PastQa;
import io.zoomdex.zoom.model.Recording;
import io.zoomdex.zoom.model.UserStatus;
import io.zoomdex.zoom.model.Webinar;
import io.zoomdex.zoom.model.ZoomUser;
import java.time.LocalDate;
import java.util.List;

/**
 * The read-only Zoom calls that the 17 scopes grant, one method per endpoint.
 *
 * <p>Every listing returns all of its pages: a method either returns the whole listing or throws;
 * it never returns a truncated one. An empty list means Zoom said there is nothing. Instance UUIDs
 * are passed exactly as Zoom returned them; implementations encode them for the path. Every method
 * may throw {@link ZoomException}, whose {@link ZoomException#reason()} tells a known refusal (not
 * found, too old, no permission) from a failure. Implementations are safe for concurrent use.
 */
public interface ZoomApi {

  /** {@code GET /users?status=...}: every user with that status. */
  List<ZoomUser> listUsers(UserStatus status);

  /**
   * {@code GET /users/{userId}/meetings?type=scheduled}: the user's unexpired scheduled meetings.
   */
  List<Meeting> listScheduledMeetings(String userId);

  /** {@code GET /meetings/{meetingId}}: full details, with the whole agenda and settings. */
  Meeting getMeeting(long meetingId);

  /** {@code GET /past_meetings/{meetingId}/instances}: every ended instance (15 months back). */
  List<PastInstance> listPastMeetingInstances(long meetingId);

  /** {@code GET /past_meetings/{uuid}}: one ended instance; 12702 when over a year old. */
  PastMeeting getPastMeeting(String instanceUuid);

  /** {@code GET /past_meetings/{uuid}/participants}: every participant row, rejoins included. */
  List<Participant> listPastMeetingParticipants(String instanceUuid);

  /** {@code GET /past_meetings/{uuid}/qa}: the instance's Q&amp;A. */
  PastQa getPastMeetingQa(String instanceUuid);

  /** {@code GET /meetings/{uuid}/meeting_summary}: only for instances with a summary. */
  MeetingSummary getMeetingSummary(String instanceUuid);

  /**
   * {@code GET /users/{userId}/recordings?from=&to=}: recorded instances in a window of at most one
   * month.
   */
  List<Recording> listRecordings(String userId, LocalDate from, LocalDate to);

  /** {@code GET /users/{userId}/webinars}: the user's unexpired webinars. */
  List<Webinar> listWebinars(String userId);

  /** {@code GET /webinars/{webinarId}}: full details. */
  Webinar getWebinar(long webinarId);

  /** {@code GET /webinars/{webinarId}/panelists}. */
  List<Panelist> listPanelists(long webinarId);

  /** {@code GET /past_webinars/{webinarId}/instances}: every ended instance. */
  List<PastInstance> listPastWebinarInstances(long webinarId);

  /** {@code GET /past_webinars/{uuid}/participants}: every attendee row. */
  List<Participant> listPastWebinarParticipants(String instanceUuid);

  /** {@code GET /past_webinars/{uuid}/qa}: the instance's Q&amp;A. */
  PastQa getPastWebinarQa(String instanceUuid);

  /**
   * Downloads a recording file's text (a WebVTT transcript) from its {@code download_url}, with the
   * Bearer token and following redirects.
   */
  String downloadText(String downloadUrl);
}
