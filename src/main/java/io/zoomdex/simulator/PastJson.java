package io.zoomdex.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Renders ended instances: details, instance lists, participants, Q&A and summaries. */
final class PastJson {
  private PastJson() {}

  static ObjectNode instanceListItem(SimInstance instance) {
    ObjectNode node = Json.object();
    node.put("uuid", instance.uuid());
    node.put("start_time", Json.time(instance.startTime()));
    return node;
  }

  static ObjectNode pastMeeting(SimulatedAccount account, SimInstance instance) {
    SimUser host = account.user(instance.hostIndex());
    ObjectNode node = Json.object();
    node.put("id", instance.meetingId());
    node.put("uuid", instance.uuid());
    node.put("host_id", host.id());
    node.put("type", account.typeOf(instance));
    node.put("topic", account.topicOf(instance));
    node.put("user_name", host.displayName());
    node.put("user_email", host.email());
    node.put("start_time", Json.time(instance.startTime()));
    node.put("end_time", Json.time(instance.endTime()));
    node.put("duration", instance.durationMinutes());
    int rows = account.participants(instance).size();
    node.put("total_minutes", instance.durationMinutes() * instance.participantCount());
    node.put("participants_count", rows);
    node.put("dept", host.dept());
    node.put("source", "Zoom");
    node.put("has_meeting_summary", instance.hasSummary());
    return node;
  }

  static ObjectNode participant(SimParticipant participant) {
    ObjectNode node = Json.object();
    node.put("id", participant.id());
    node.put("user_id", participant.userId());
    node.put("name", participant.name());
    node.put("user_email", participant.email());
    node.put("join_time", Json.time(participant.joinTime()));
    node.put("leave_time", Json.time(participant.leaveTime()));
    node.put("duration", participant.durationSeconds());
    node.put("failover", false);
    node.put("status", "in_meeting");
    node.put("internal_user", participant.internalUser());
    return node;
  }

  static ObjectNode qa(SimInstance instance, List<SimQuestion> questions) {
    ObjectNode node = Json.object();
    node.put("id", instance.meetingId());
    node.put("uuid", instance.uuid());
    node.put("start_time", Json.time(instance.startTime()));
    ArrayNode list = node.putArray("questions");
    for (SimQuestion question : questions) {
      ObjectNode entry = list.addObject();
      entry.put("name", question.name());
      entry.put("email", question.email());
      ArrayNode details = entry.putArray("question_details");
      if (question.answers().isEmpty()) {
        details.addObject().put("question", question.question());
      }
      for (String answer : question.answers()) {
        ObjectNode detail = details.addObject();
        detail.put("question", question.question());
        detail.put("answer", answer);
      }
    }
    return node;
  }

  static ObjectNode summary(SimulatedAccount account, SimInstance instance, SimSummary summary) {
    SimUser host = account.user(instance.hostIndex());
    ObjectNode node = Json.object();
    node.put("meeting_host_id", host.id());
    node.put("meeting_host_email", host.email());
    node.put("meeting_uuid", instance.uuid());
    node.put("meeting_id", instance.meetingId());
    node.put("meeting_topic", account.topicOf(instance));
    node.put("meeting_start_time", Json.time(instance.startTime()));
    node.put("meeting_end_time", Json.time(instance.endTime()));
    node.put("summary_start_time", Json.time(instance.startTime()));
    node.put("summary_end_time", Json.time(instance.endTime()));
    node.put("summary_created_time", Json.time(instance.endTime().plusSeconds(120)));
    node.put("summary_last_modified_time", Json.time(instance.endTime().plusSeconds(120)));
    node.put("summary_title", summary.title());
    node.put("summary_overview", summary.overview());
    ArrayNode details = node.putArray("summary_details");
    for (SimSummary.Detail detail : summary.details()) {
      ObjectNode entry = details.addObject();
      entry.put("label", detail.label());
      entry.put("summary", detail.summary());
    }
    ArrayNode steps = node.putArray("next_steps");
    summary.nextSteps().forEach(steps::add);
    node.put("summary_content", summary.content());
    node.put(
        "summary_doc_url",
        "https://docs.zoom.us/doc/" + Long.toHexString(Hashes.mix(instance.uuid().hashCode())));
    return node;
  }
}
