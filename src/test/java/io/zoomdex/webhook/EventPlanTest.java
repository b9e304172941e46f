package io.zoomdex.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.document.DocumentId;
import io.zoomdex.source.Targets;
import io.zoomdex.sync.StateStore;
import io.zoomdex.sync.StateStore.WebhookEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventPlanTest {
  private final List<WebhookEvent> events = new ArrayList<>();

  private void event(String name, String payload) {
    events.add(
        new WebhookEvent(
            events.size() + 1,
            name,
            "{\"event\":\"" + name + "\",\"event_ts\":1,\"payload\":" + payload + "}",
            Instant.EPOCH));
  }

  @Test
  void meetingUpdated_reReadsThatSeries() {
    event("meeting.updated", "{\"object\":{\"id\":42,\"agenda\":\"x\"}}");

    EventPlan plan = EventPlan.of(events);

    assertThat(plan.targets().meetings()).containsExactly(42L);
    assertThat(plan.deletions()).isEmpty();
  }

  @Test
  void webinarTopicChanged_reReadsItsTranscripts_anAgendaChangeOrDeletionDoesNot() {
    event("webinar.updated", "{\"object\":{\"id\":52,\"agenda\":\"x\"}}");
    event("webinar.updated", "{\"object\":{\"id\":53,\"topic\":\"New name\"}}");
    event("webinar.updated", "{\"object\":{\"id\":54,\"topic\":\"Gone soon\"}}");
    event("webinar.deleted", "{\"object\":{\"id\":54}}");

    Targets targets = EventPlan.of(events).targets();

    assertThat(targets.webinars()).containsExactlyInAnyOrder(52L, 53L);
    assertThat(targets.transcriptsStale()).containsExactly(53L);
  }

  @Test
  void hostsOrTopicChanged_alsoReReadsTheTranscripts_anAgendaChangeDoesNot() {
    event("meeting.updated", "{\"object\":{\"id\":42,\"agenda\":\"x\"}}");
    event(
        "meeting.updated",
        "{\"object\":{\"id\":43,\"settings\":{\"alternative_hosts\":\"a@example.com\"}}}");

    Targets targets = EventPlan.of(events).targets();

    assertThat(targets.meetings()).containsExactlyInAnyOrder(42L, 43L);
    assertThat(targets.transcriptsStale()).containsExactly(43L);
  }

  @Test
  void meetingDeleted_deletesTheSeriesDocument_unlessOnlyOneOccurrenceWent() {
    event("meeting.deleted", "{\"operation\":\"all\",\"object\":{\"id\":42}}");
    event("meeting.deleted", "{\"operation\":\"single\",\"object\":{\"id\":43}}");

    EventPlan plan = EventPlan.of(events);

    assertThat(plan.deletions()).containsExactly(DocumentId.parse("meeting:42"));
    assertThat(plan.targets().meetings()).containsExactly(43L);
  }

  @Test
  void laterEventOnTheSameMeeting_wins() {
    event("meeting.updated", "{\"object\":{\"id\":42}}");
    event("meeting.deleted", "{\"object\":{\"id\":42}}");

    EventPlan plan = EventPlan.of(events);

    assertThat(plan.targets().meetings()).isEmpty();
    assertThat(plan.deletions()).containsExactly(DocumentId.parse("meeting:42"));
  }

  @Test
  void meetingEnded_withItsStringId_reReadsThatInstance() {
    event("meeting.ended", "{\"object\":{\"id\":\"42\",\"uuid\":\"ab/c+d==\"}}");

    assertThat(EventPlan.of(events).targets().instances())
        .containsExactly(new Targets.Instance(42, "ab/c+d=="));
  }

  @Test
  void summaryCompleted_reReadsItsInstance_andSummaryDeleted_deletesTheSummary() {
    event(
        "meeting.summary_completed",
        "{\"object\":{\"meeting_id\":42,\"meeting_uuid\":\"u1\",\"summary_title\":\"t\"}}");
    event("meeting.summary_deleted", "{\"object\":{\"meeting_id\":43,\"meeting_uuid\":\"u2\"}}");

    EventPlan plan = EventPlan.of(events);

    assertThat(plan.targets().instances()).containsExactly(new Targets.Instance(42, "u1"));
    assertThat(plan.deletions()).containsExactly(DocumentId.parse("summary:u2"));
  }

  @Test
  void webinarEvents_reReadOrDelete() {
    event("webinar.updated", "{\"object\":{\"id\":7}}");
    event("webinar.deleted", "{\"object\":{\"id\":8}}");

    EventPlan plan = EventPlan.of(events);

    assertThat(plan.targets().webinars()).containsExactly(7L);
    assertThat(plan.deletions()).containsExactly(DocumentId.parse("webinar:8"));
  }

  @Test
  void userEvents_changeAccess_andReactivationIsAOneUserCrawlAndAReaderChange() {
    event("user.deactivated", "{\"object\":{\"id\":\"u1\",\"email\":\"Ann@Example.com\"}}");
    event("user.deleted", "{\"object\":{\"id\":\"u2\",\"email\":\"bob@example.com\"}}");
    event("user.deactivated", "{\"object\":{\"id\":\"u3\",\"email\":\"cy@example.com\"}}");
    event("user.activated", "{\"object\":{\"id\":\"u3\",\"email\":\"cy@example.com\"}}");

    EventPlan plan = EventPlan.of(events);

    assertThat(plan.deactivated()).containsExactlyInAnyOrder("ann@example.com", "bob@example.com");
    assertThat(plan.reactivated()).containsExactly("cy@example.com");
    assertThat(plan.newUsers()).containsExactly("u3");
    assertThat(plan.fullCrawlNeeded()).isFalse();
    assertThat(plan.readerChanges())
        .extracting(c -> c.kind() + " " + c.email())
        .containsExactly(
            "deactivated ann@example.com",
            "deactivated bob@example.com",
            "deactivated cy@example.com",
            "reactivated cy@example.com");
    assertThat(plan.writes()).isTrue();
  }

  @Test
  void emailChange_remapsFromTheOldObject_andWithoutItAsksForAFullCrawl() {
    event(
        "user.updated",
        "{\"object\":{\"id\":\"u4\",\"email\":\"New@example.com\"},"
            + "\"old_object\":{\"id\":\"u4\",\"email\":\"old@example.com\"}}");
    event("user.updated", "{\"object\":{\"id\":\"u5\",\"first_name\":\"Al\"}}");

    EventPlan plan = EventPlan.of(events);

    assertThat(plan.readerChanges())
        .containsExactly(
            new StateStore.ReaderChange(
                0, StateStore.EMAIL_CHANGED, "old@example.com", "new@example.com"));
    assertThat(plan.oldEmails()).containsExactly("old@example.com");
    assertThat(plan.fullCrawlNeeded()).isFalse();

    events.clear();
    event("user.updated", "{\"object\":{\"id\":\"u4\",\"email\":\"new@example.com\"}}");
    assertThat(EventPlan.of(events).fullCrawlNeeded()).isTrue();
  }

  @Test
  void createdAndDeletedUsers_needNoFullCrawl_aCreatedOneGetsAOneUserCrawl() {
    event("user.created", "{\"object\":{\"id\":\"u7\",\"email\":\"new@example.com\"}}");
    event("user.invitation_accepted", "{\"object\":{\"id\":\"u8\"}}");
    event("user.deleted", "{\"object\":{\"id\":\"u2\",\"email\":\"bob@example.com\"}}");

    EventPlan plan = EventPlan.of(events);

    assertThat(plan.newUsers()).containsExactlyInAnyOrder("u7", "u8");
    assertThat(plan.deactivated()).containsExactly("bob@example.com");
    assertThat(plan.fullCrawlNeeded()).isFalse();
  }

  @Test
  void endedMeetingsAndWebinars_nameTheHostsWhoseRecordingsArePolled() {
    event("meeting.ended", "{\"object\":{\"id\":\"42\",\"uuid\":\"abc==\",\"host_id\":\"h1\"}}");
    event("webinar.ended", "{\"object\":{\"id\":7,\"uuid\":\"w==\",\"host_id\":\"h2\"}}");
    event("meeting.updated", "{\"object\":{\"id\":43,\"host_id\":\"h3\"}}");

    assertThat(EventPlan.of(events).endedHosts()).containsExactlyInAnyOrder("h1", "h2");
  }

  @Test
  void unusedAndUnreadableEvents_addNothing() {
    event("recording.completed", "{\"object\":{\"id\":42}}");
    event("meeting.participant_joined", "{\"object\":{\"id\":42}}");
    event("meeting.updated", "{\"object\":{}}");
    events.add(new WebhookEvent(99, "meeting.updated", "not json", Instant.EPOCH));

    EventPlan plan = EventPlan.of(events);

    assertThat(plan.writes()).isFalse();
    assertThat(plan.fullCrawlNeeded()).isFalse();
  }
}
