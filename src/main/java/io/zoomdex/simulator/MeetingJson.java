package io.zoomdex.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Renders meetings as {@code GET /users/{userId}/meetings} and {@code GET /meetings/{id}} do. */
final class MeetingJson {
  static final int LIST_AGENDA_LIMIT = 250;

  private MeetingJson() {}

  /** The UUID a scheduled meeting shows now: that of its next, not yet ended, instance. */
  static String currentUuid(SimulatedAccount account, SimMeeting meeting) {
    return account
        .ids()
        .instanceUuid(
            new IdCodec.InstanceKey(
                false, meeting.hostIndex(), meeting.slot(), meeting.instanceCount()));
  }

  static ObjectNode listItem(SimulatedAccount account, SimMeeting meeting) {
    SimUser host = account.user(meeting.hostIndex());
    ObjectNode node = Json.object();
    node.put("uuid", currentUuid(account, meeting));
    node.put("id", meeting.id());
    node.put("host_id", host.id());
    node.put("topic", meeting.topic());
    node.put("type", meeting.type());
    if (meeting.startTime() != null) {
      node.put("start_time", Json.time(meeting.startTime()));
    }
    node.put("duration", meeting.durationMinutes());
    node.put("timezone", meeting.timezone());
    node.put("agenda", Json.truncate(meeting.agenda(), LIST_AGENDA_LIMIT));
    node.put("created_at", Json.time(meeting.createdAt()));
    node.put("join_url", joinUrl(meeting.id()));
    return node;
  }

  static String joinUrl(long id) {
    return "https://us05web.zoom.us/j/" + id + "?pwd=" + Long.toHexString(Hashes.mix(id));
  }

  static ObjectNode detail(SimulatedAccount account, SimMeeting meeting) {
    SimUser host = account.user(meeting.hostIndex());
    ObjectNode node = Json.object();
    node.put("uuid", currentUuid(account, meeting));
    node.put("id", meeting.id());
    node.put("host_id", host.id());
    node.put("host_email", host.email());
    node.put("assistant_id", "");
    node.put("topic", meeting.topic());
    node.put("type", meeting.type());
    node.put("status", "waiting");
    if (meeting.startTime() != null) {
      node.put("start_time", Json.time(meeting.startTime()));
    }
    node.put("duration", meeting.durationMinutes());
    node.put("timezone", meeting.timezone());
    node.put("agenda", meeting.agenda());
    node.put("created_at", Json.time(meeting.createdAt()));
    node.put("start_url", "https://us05web.zoom.us/s/" + meeting.id() + "?zak=simulated");
    node.put("join_url", joinUrl(meeting.id()));
    String password = Long.toString(Math.floorMod(Hashes.mix(meeting.id() + 1), 1_000_000L));
    node.put("password", password);
    node.put("h323_password", password);
    node.put("pstn_password", password);
    node.put("encrypted_password", Long.toHexString(Hashes.mix(meeting.id() + 2)));
    node.put("pre_schedule", false);
    node.put("creation_source", "web_portal");
    if (meeting.type() == 8) {
      ObjectNode recurrence = node.putObject("recurrence");
      recurrence.put("type", 2);
      recurrence.put("repeat_interval", 1);
      // Zoom numbers week days from Sunday = 1.
      int weekDay = 1 + meeting.startTime().atZone(ZoneOffset.UTC).getDayOfWeek().getValue() % 7;
      recurrence.put("weekly_days", Integer.toString(weekDay));
      recurrence.put("end_times", 60);
      ArrayNode occurrences = node.putArray("occurrences");
      for (int i = 0; i < 3; i++) {
        Instant start = meeting.startTime().plus(Duration.ofDays(7L * i));
        ObjectNode occurrence = occurrences.addObject();
        occurrence.put("occurrence_id", Long.toString(start.toEpochMilli()));
        occurrence.put("start_time", Json.time(start));
        occurrence.put("duration", meeting.durationMinutes());
        occurrence.put("status", "available");
      }
    }
    node.set("settings", settings(account, meeting));
    return node;
  }

  private static ObjectNode settings(SimulatedAccount account, SimMeeting meeting) {
    long h = Hashes.mix(meeting.id());
    ObjectNode s = Json.object();
    s.put("host_video", (h & 1) == 0);
    s.put("participant_video", (h & 2) == 0);
    s.put("cn_meeting", false);
    s.put("in_meeting", false);
    s.put("join_before_host", (h & 4) == 0);
    s.put("jbh_time", 0);
    s.put("mute_upon_entry", (h & 8) == 0);
    s.put("watermark", false);
    s.put("use_pmi", false);
    s.put("approval_type", 2);
    s.put("audio", "voip");
    s.put("auto_recording", (h & 16) == 0 ? "cloud" : "none");
    s.put("enforce_login", false);
    s.put("enforce_login_domains", "");
    s.put("alternative_hosts", meeting.alternativeHostsField());
    s.put("alternative_hosts_email_notification", true);
    s.put("close_registration", false);
    s.put("show_share_button", false);
    s.put("allow_multiple_devices", false);
    s.put("registrants_confirmation_email", true);
    s.put("waiting_room", (h & 32) == 0);
    s.put("request_permission_to_unmute_participants", false);
    s.put("registrants_email_notification", true);
    s.put("meeting_authentication", false);
    s.put("encryption_type", "enhanced_encryption");
    s.putObject("approved_or_denied_countries_or_regions").put("enable", false);
    s.putObject("breakout_room").put("enable", false);
    s.put("internal_meeting", false);
    s.putObject("continuous_meeting_chat").put("enable", false);
    s.put("participant_focused_meeting", false);
    s.put("push_change_to_calendar", false);
    s.put("show_join_info", false);
    s.put("device_testing", false);
    s.put("focus_mode", false);
    s.put("private_meeting", false);
    s.put("email_notification", true);
    s.put("host_save_video_order", false);
    s.put("email_in_attendee_report", false);
    ObjectNode qa = s.putObject("question_and_answer");
    qa.put("enable", true);
    qa.put("allow_submit_questions", true);
    qa.put("allow_anonymous_questions", true);
    qa.put("question_visibility", "all");
    qa.put("attendees_can_comment", true);
    qa.put("attendees_can_upvote", true);
    if (!meeting.invitees().isEmpty()) {
      ArrayNode invitees = s.putArray("meeting_invitees");
      for (SimInvitee invitee : meeting.invitees()) {
        ObjectNode entry = invitees.addObject();
        entry.put("email", invitee.email());
        entry.put("internal_user", invitee.internalUser());
      }
    }
    s.put("auto_start_meeting_summary", meeting.whoWillReceiveSummary() != null);
    if (meeting.whoWillReceiveSummary() != null) {
      s.put("who_will_receive_summary", meeting.whoWillReceiveSummary());
    }
    s.put("auto_start_ai_companion_questions", false);
    s.putArray("global_dial_in_countries").add("US");
    return s;
  }
}
