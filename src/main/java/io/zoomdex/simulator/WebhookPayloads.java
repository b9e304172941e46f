package io.zoomdex.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * Builds the {@code payload} of Zoom's webhook events as the webhook OpenAPI documents
 * (meetings-webhooks, users-webhooks) define them. The account owner (user 0) is the operator.
 */
final class WebhookPayloads {
  private final SimulatedAccount account;

  WebhookPayloads(SimulatedAccount account) {
    this.account = account;
  }

  private ObjectNode operated() {
    SimUser owner = account.user(0);
    ObjectNode payload = Json.object();
    payload.put("account_id", account.accountId());
    payload.put("operator", owner.email());
    payload.put("operator_id", owner.id());
    return payload;
  }

  private ObjectNode meetingObject(SimMeeting meeting) {
    ObjectNode object = Json.object();
    object.put("uuid", MeetingJson.currentUuid(account, meeting));
    object.put("id", meeting.id());
    object.put("host_id", account.user(meeting.hostIndex()).id());
    object.put("topic", meeting.topic());
    object.put("type", meeting.type());
    if (meeting.startTime() != null) {
      object.put("start_time", Json.time(meeting.startTime()));
    }
    object.put("duration", meeting.durationMinutes());
    object.put("timezone", meeting.timezone());
    return object;
  }

  ObjectNode meetingCreated(SimMeeting meeting) {
    ObjectNode payload = operated();
    ObjectNode object = meetingObject(meeting);
    object.put("join_url", MeetingJson.joinUrl(meeting.id()));
    object.put("password", Long.toString(Math.floorMod(Hashes.mix(meeting.id() + 1), 1_000_000L)));
    ObjectNode settings = object.putObject("settings");
    settings.put("use_pmi", false);
    settings.put("alternative_hosts", meeting.alternativeHostsField());
    invitees(settings, meeting);
    settings.put("join_before_host", false);
    settings.put("jbh_time", 0);
    payload.set("object", object);
    return payload;
  }

  private static void invitees(ObjectNode settings, SimMeeting meeting) {
    ArrayNode invitees = settings.putArray("meeting_invitees");
    meeting.invitees().forEach(i -> invitees.addObject().put("email", i.email()));
  }

  /** {@code object} holds the id and the changed fields' new values, {@code old_object} the old. */
  ObjectNode meetingUpdated(
      SimMeeting before, SimMeeting after, MeetingChanges changes, Instant at) {
    ObjectNode payload = operated();
    payload.put("scope", "all");
    payload.set("object", changedMeetingFields(after, changes));
    payload.set("old_object", changedMeetingFields(before, changes));
    payload.put("time_stamp", at.toEpochMilli());
    return payload;
  }

  private static ObjectNode changedMeetingFields(SimMeeting meeting, MeetingChanges changes) {
    ObjectNode object = Json.object();
    object.put("id", meeting.id());
    if (changes.topic() != null) {
      object.put("topic", meeting.topic());
    }
    if (changes.agenda() != null) {
      object.put("agenda", meeting.agenda());
    }
    if (changes.alternativeHosts() != null
        || changes.invitees() != null
        || changes.whoWillReceiveSummary() != null) {
      ObjectNode settings = object.putObject("settings");
      if (changes.alternativeHosts() != null) {
        settings.put("alternative_hosts", meeting.alternativeHostsField());
      }
      if (changes.invitees() != null) {
        invitees(settings, meeting);
      }
      if (changes.whoWillReceiveSummary() != null && meeting.whoWillReceiveSummary() != null) {
        settings.put("who_will_receive_summary", meeting.whoWillReceiveSummary());
      }
    }
    return object;
  }

  ObjectNode meetingDeleted(SimMeeting meeting) {
    ObjectNode payload = operated();
    if (meeting.type() == 3 || meeting.type() == 8) {
      payload.put("operation", "all");
    }
    payload.set("object", meetingObject(meeting));
    return payload;
  }

  /** {@code meeting.ended}: no operator; the spec types {@code object.id} as a string. */
  ObjectNode meetingEnded(SimInstance instance) {
    ObjectNode payload = Json.object();
    payload.put("account_id", account.accountId());
    ObjectNode object = payload.putObject("object");
    object.put("id", Long.toString(instance.meetingId()));
    object.put("uuid", instance.uuid());
    object.put("host_id", account.user(instance.hostIndex()).id());
    object.put("topic", account.topicOf(instance));
    object.put("type", account.typeOf(instance));
    object.put("start_time", Json.time(instance.startTime()));
    object.put("timezone", account.user(instance.hostIndex()).timezone());
    object.put("duration", instance.durationMinutes());
    object.put("end_time", Json.time(instance.endTime()));
    return payload;
  }

  /** {@code meeting.summary_completed}: the whole summary, as the summary endpoint returns it. */
  ObjectNode summaryCompleted(SimInstance instance, SimSummary summary) {
    ObjectNode payload = Json.object();
    payload.put("account_id", account.accountId());
    payload.set("object", PastJson.summary(account, instance, summary));
    return payload;
  }

  private ObjectNode webinarObject(SimWebinar webinar) {
    ObjectNode object = Json.object();
    object.put("uuid", WebinarJson.currentUuid(account, webinar));
    object.put("id", webinar.id());
    object.put("host_id", account.user(webinar.hostIndex()).id());
    object.put("topic", webinar.topic());
    object.put("type", webinar.type());
    object.put("start_time", Json.time(webinar.startTime()));
    object.put("duration", webinar.durationMinutes());
    object.put("timezone", webinar.timezone());
    return object;
  }

  ObjectNode webinarUpdated(SimWebinar before, SimWebinar after, Instant at) {
    ObjectNode payload = operated();
    payload.put("scope", "all");
    payload.set("object", changedWebinarFields(after, before));
    payload.set("old_object", changedWebinarFields(before, after));
    payload.put("time_stamp", at.toEpochMilli());
    return payload;
  }

  private static ObjectNode changedWebinarFields(SimWebinar webinar, SimWebinar other) {
    ObjectNode object = Json.object();
    object.put("id", webinar.id());
    if (!webinar.topic().equals(other.topic())) {
      object.put("topic", webinar.topic());
    }
    if (!webinar.agenda().equals(other.agenda())) {
      object.put("agenda", webinar.agenda());
    }
    return object;
  }

  ObjectNode webinarDeleted(SimWebinar webinar) {
    ObjectNode payload = operated();
    if (webinar.type() != 5) {
      payload.put("operation", "all");
    }
    payload.set("object", webinarObject(webinar));
    return payload;
  }

  /** {@code user.deactivated}, {@code user.activated}, {@code user.deleted}. */
  ObjectNode userChanged(SimUser user) {
    ObjectNode payload = operated();
    ObjectNode object = payload.putObject("object");
    object.put("id", user.id());
    object.put("first_name", user.firstName());
    object.put("last_name", user.lastName());
    object.put("email", user.email());
    object.put("type", user.type());
    return payload;
  }

  /** {@code user.updated}: the changed fields in {@code object}, their old values beside. */
  ObjectNode userUpdated(SimUser before, SimUser after) {
    ObjectNode payload = operated();
    ObjectNode object = payload.putObject("object");
    object.put("id", after.id());
    object.put("email", after.email());
    ObjectNode old = payload.putObject("old_object");
    old.put("id", before.id());
    old.put("email", before.email());
    return payload;
  }

  ObjectNode userCreated(SimUser user) {
    ObjectNode payload = userChanged(user);
    payload.put("creation_type", "autoCreate");
    ((ObjectNode) payload.get("object")).put("display_name", user.displayName());
    return payload;
  }
}
