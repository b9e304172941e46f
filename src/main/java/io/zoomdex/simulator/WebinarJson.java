package io.zoomdex.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders webinars, their list items and panelists. */
final class WebinarJson {
  private WebinarJson() {}

  static String currentUuid(SimulatedAccount account, SimWebinar webinar) {
    return account
        .ids()
        .instanceUuid(
            new IdCodec.InstanceKey(
                true, webinar.hostIndex(), webinar.slot(), webinar.instanceCount()));
  }

  static ObjectNode listItem(SimulatedAccount account, SimWebinar webinar) {
    SimUser host = account.user(webinar.hostIndex());
    ObjectNode node = Json.object();
    node.put("uuid", currentUuid(account, webinar));
    node.put("id", webinar.id());
    node.put("host_id", host.id());
    node.put("topic", webinar.topic());
    node.put("type", webinar.type());
    node.put("start_time", Json.time(webinar.startTime()));
    node.put("duration", webinar.durationMinutes());
    node.put("timezone", webinar.timezone());
    node.put("agenda", Json.truncate(webinar.agenda(), MeetingJson.LIST_AGENDA_LIMIT));
    node.put("created_at", Json.time(webinar.createdAt()));
    node.put("join_url", "https://us05web.zoom.us/w/" + webinar.id());
    node.put("is_simulive", false);
    return node;
  }

  static ObjectNode detail(SimulatedAccount account, SimWebinar webinar) {
    ObjectNode node = listItem(account, webinar);
    SimUser host = account.user(webinar.hostIndex());
    node.put("host_email", host.email());
    node.put("agenda", webinar.agenda());
    node.put("registration_url", "https://us05web.zoom.us/webinar/register/" + webinar.id());
    node.put("start_url", "https://us05web.zoom.us/s/" + webinar.id() + "?zak=simulated");
    node.put("password", "w" + Math.floorMod(Hashes.mix(webinar.id()), 100_000));
    node.put("creation_source", "web_portal");
    if (webinar.type() == 9) {
      ObjectNode recurrence = node.putObject("recurrence");
      recurrence.put("type", 2);
      recurrence.put("repeat_interval", 1);
      recurrence.put("weekly_days", "3");
      recurrence.put("end_times", 10);
    }
    ObjectNode s = node.putObject("settings");
    s.put("host_video", true);
    s.put("panelists_video", true);
    s.put("practice_session", false);
    s.put("hd_video", false);
    s.put("approval_type", 2);
    s.put("audio", "both");
    s.put("auto_recording", "none");
    s.put("enforce_login", false);
    s.put("close_registration", false);
    s.put("show_share_button", true);
    s.put("allow_multiple_devices", true);
    s.put("on_demand", false);
    s.put("post_webinar_survey", false);
    s.put("registrants_email_notification", true);
    s.put("meeting_authentication", false);
    s.put("panelist_authentication", false);
    s.put("alternative_hosts", webinar.alternativeHostsField());
    s.put("email_language", "en-US");
    s.put("panelists_invitation_email_notification", true);
    ObjectNode qa = s.putObject("question_and_answer");
    qa.put("enable", true);
    qa.put("allow_submit_questions", true);
    qa.put("allow_anonymous_questions", true);
    qa.put("answer_questions", "all");
    qa.put("attendees_can_comment", true);
    qa.put("attendees_can_upvote", true);
    return node;
  }

  static ObjectNode panelist(SimWebinar webinar, SimPanelist panelist) {
    ObjectNode node = Json.object();
    node.put("id", panelist.id());
    node.put("email", panelist.email());
    node.put("name", panelist.name());
    node.put(
        "join_url",
        "https://us05web.zoom.us/w/"
            + webinar.id()
            + "?tk="
            + Long.toHexString(Hashes.mix(panelist.id().hashCode())));
    node.put("virtual_background_id", "");
    node.put("name_tag_id", "");
    node.put("name_tag_name", "");
    node.put("name_tag_pronouns", "");
    node.put("name_tag_description", "");
    return node;
  }
}
