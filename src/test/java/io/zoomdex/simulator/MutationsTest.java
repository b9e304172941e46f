package io.zoomdex.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MutationsTest {
  private ZoomSimulator simulator;
  private SimulatorHttp http;
  private SimulatedAccount account;
  private Mutations mutations;

  @BeforeEach
  void start() throws Exception {
    simulator = ZoomSimulator.start(SimulatorFixtures.settings().users(30).build());
    http = new SimulatorHttp(simulator);
    account = simulator.account();
    mutations = simulator.mutations();
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  private SimUser activeHost() {
    return account.users().stream()
        .filter(u -> u.index() > 0 && u.status() == SimUserStatus.ACTIVE)
        .findFirst()
        .orElseThrow();
  }

  private SimMeeting listedMeeting(SimUser host, int type) {
    return account.meetingsOf(host).stream()
        .filter(m -> m.listed() && m.type() == type)
        .findFirst()
        .orElseThrow();
  }

  private SimMeeting recurringMeeting() {
    return account.meetingsOf(account.user(0)).get(0);
  }

  private static List<Long> listedIds(JsonNode page) {
    List<Long> ids = new ArrayList<>();
    page.get("meetings").forEach(m -> ids.add(m.get("id").asLong()));
    return ids;
  }

  @Test
  void updateMeeting_changesDetailsListingAndGroundTruth() {
    SimMeeting meeting = recurringMeeting();
    SimUser alt = activeHost();

    mutations.updateMeeting(
        meeting.id(),
        MeetingChanges.none()
            .withTopic("Renamed planning")
            .withAgenda("New agenda.")
            .withAlternativeHosts(List.of(alt.email()))
            .withInvitees(List.of(new SimInvitee("guest@partner.example", false)))
            .withWhoWillReceiveSummary(3));

    JsonNode detail = http.getJson("/meetings/" + meeting.id());
    assertThat(detail.get("topic").asText()).isEqualTo("Renamed planning");
    assertThat(detail.get("agenda").asText()).isEqualTo("New agenda.");
    assertThat(detail.at("/settings/alternative_hosts").asText()).isEqualTo(alt.email());
    assertThat(detail.at("/settings/meeting_invitees/0/email").asText())
        .isEqualTo("guest@partner.example");
    assertThat(detail.at("/settings/who_will_receive_summary").asInt()).isEqualTo(3);
    JsonNode listing = http.getJson("/users/" + account.user(0).id() + "/meetings?page_size=300");
    assertThat(listing.get("meetings"))
        .anyMatch(m -> m.get("topic").asText().equals("Renamed planning"));
    SimMeeting truth = account.meeting(meeting.id()).orElseThrow();
    assertThat(truth.topic()).isEqualTo("Renamed planning");
    assertThat(truth.instanceCount()).isEqualTo(meeting.instanceCount());
    // Past instances keep their times; their topic follows the meeting, as Zoom's does.
    SimInstance past = account.instancesOf(truth).get(0);
    assertThat(past.startTime()).isEqualTo(account.instancesOf(meeting).get(0).startTime());
    assertThat(account.topicOf(past)).isEqualTo("Renamed planning");
  }

  @Test
  void deleteMeeting_answers3001AndLeavesListing_butInstancesStayReachableByUuid() {
    SimMeeting meeting = recurringMeeting();
    SimInstance past = account.instancesOf(meeting).get(0);

    mutations.deleteMeeting(meeting.id());

    HttpResponse<String> gone = http.get("/meetings/" + meeting.id());
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(SimulatorHttp.json(gone).get("code").asInt()).isEqualTo(3001);
    assertThat(http.get("/past_meetings/" + meeting.id() + "/instances").statusCode())
        .isEqualTo(404);
    JsonNode listing = http.getJson("/users/" + account.user(0).id() + "/meetings?page_size=300");
    assertThat(listedIds(listing)).doesNotContain(meeting.id());
    assertThat(account.meeting(meeting.id())).isEmpty();
    assertThat(account.meetingsOf(account.user(0))).noneMatch(m -> m.id() == meeting.id());
    JsonNode pastDetail = http.getJson("/past_meetings/" + SimulatorHttp.doubleEncode(past.uuid()));
    assertThat(pastDetail.get("uuid").asText()).isEqualTo(past.uuid());
    assertThat(account.instance(past.uuid())).isPresent();
    LocalDate day = LocalDate.ofInstant(past.startTime(), ZoneOffset.UTC);
    JsonNode recordings =
        http.getJson("/users/" + account.user(0).id() + "/recordings?from=" + day + "&to=" + day);
    assertThat(recordings.get("meetings"))
        .anyMatch(r -> r.get("uuid").asText().equals(past.uuid()));
    assertThatThrownBy(() -> mutations.deleteMeeting(meeting.id()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void createMeeting_isListedAndAnswersDetails() {
    SimUser host = activeHost();

    SimMeeting created =
        mutations.createMeeting(
            host.id(),
            "Kickoff",
            "Plan the quarter.",
            SimulatorFixtures.START.plusSeconds(86_400),
            45);

    JsonNode detail = http.getJson("/meetings/" + created.id());
    assertThat(detail.get("topic").asText()).isEqualTo("Kickoff");
    assertThat(detail.get("host_id").asText()).isEqualTo(host.id());
    assertThat(detail.get("type").asInt()).isEqualTo(2);
    JsonNode upcoming =
        http.getJson("/users/" + host.id() + "/meetings?type=upcoming&page_size=300");
    assertThat(listedIds(upcoming)).contains(created.id());
    assertThat(account.meetingsOf(host)).contains(created);
  }

  @Test
  void addInstance_isListedWithParticipantsSummaryAndRecording() {
    SimMeeting meeting = recurringMeeting();
    SimulatorClock clock = simulator.clock();
    String expectedUuid = http.getJson("/meetings/" + meeting.id()).get("uuid").asText();

    SimInstance added =
        mutations.addInstance(
            meeting.id(),
            new NewInstance(
                clock.now().minus(Duration.ofHours(2)), Duration.ofMinutes(40), 4, true, true));

    assertThat(added.uuid()).isEqualTo(expectedUuid);
    JsonNode instances = http.getJson("/past_meetings/" + meeting.id() + "/instances");
    assertThat(instances.get("meetings"))
        .anyMatch(i -> i.get("uuid").asText().equals(added.uuid()));
    String encoded = SimulatorHttp.doubleEncode(added.uuid());
    JsonNode latest = http.getJson("/past_meetings/" + meeting.id());
    assertThat(latest.get("uuid").asText()).isEqualTo(added.uuid());
    JsonNode participants = http.getJson("/past_meetings/" + encoded + "/participants");
    assertThat(participants.get("participants").get(0).get("id").asText())
        .isEqualTo(account.user(0).id());
    JsonNode summary = http.getJson("/meetings/" + encoded + "/meeting_summary");
    assertThat(summary.get("meeting_uuid").asText()).isEqualTo(added.uuid());
    LocalDate day = LocalDate.ofInstant(added.startTime(), ZoneOffset.UTC);
    JsonNode recordings =
        http.getJson("/users/" + account.user(0).id() + "/recordings?from=" + day + "&to=" + day);
    assertThat(recordings.get("meetings"))
        .anyMatch(r -> r.get("uuid").asText().equals(added.uuid()));
    assertThat(account.instancesOf(account.meeting(meeting.id()).orElseThrow()).get(0))
        .isEqualTo(added);
    assertThat(http.getJson("/meetings/" + meeting.id()).get("uuid").asText())
        .isNotEqualTo(added.uuid());
  }

  @Test
  void addInstance_thatHasNotEnded_isRefused() {
    SimMeeting meeting = recurringMeeting();
    NewInstance running =
        new NewInstance(simulator.clock().now(), Duration.ofMinutes(30), 3, false, false);

    assertThatThrownBy(() -> mutations.addInstance(meeting.id(), running))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ends after");
  }

  @Test
  void addSummary_flipsHasSummaryAndAnswersTheSummaryEndpoint() {
    SimInstance without =
        account.meetingsOf(account.user(0)).stream()
            .flatMap(m -> account.instancesOf(m).stream().limit(3))
            .filter(i -> !i.hasSummary())
            .findFirst()
            .orElseThrow();
    String path = "/meetings/" + SimulatorHttp.doubleEncode(without.uuid()) + "/meeting_summary";
    assertThat(http.get(path).statusCode()).isEqualTo(404);

    mutations.addSummary(without.uuid());

    assertThat(http.get(path).statusCode()).isEqualTo(200);
    assertThat(account.instance(without.uuid()).orElseThrow().hasSummary()).isTrue();
    JsonNode detail = http.getJson("/past_meetings/" + SimulatorHttp.doubleEncode(without.uuid()));
    assertThat(detail.get("has_meeting_summary").asBoolean()).isTrue();
  }

  @Test
  void deactivateAndReactivateUser_changesStatusEverywhere() {
    SimUser user = activeHost();

    mutations.deactivateUser(user.id());

    assertThat(http.getJson("/users/" + user.id()).get("status").asText()).isEqualTo("inactive");
    JsonNode inactive = http.getJson("/users?status=inactive&page_size=300");
    assertThat(inactive.get("users")).anyMatch(u -> u.get("id").asText().equals(user.id()));
    assertThat(inactive.get("total_records").asInt()).isEqualTo(inactive.get("users").size());
    JsonNode active = http.getJson("/users?page_size=300");
    assertThat(active.get("users")).noneMatch(u -> u.get("id").asText().equals(user.id()));
    assertThat(account.user(user.index()).status()).isEqualTo(SimUserStatus.INACTIVE);

    mutations.activateUser(user.email());

    assertThat(http.getJson("/users/" + user.id()).get("status").asText()).isEqualTo("active");
  }

  @Test
  void deleteUser_answers1001AndLeavesListingsWithTheirMeetings() {
    SimUser user = activeHost();
    SimMeeting meeting = listedMeeting(user, account.meetingsOf(user).get(0).type());
    long activeBefore = http.getJson("/users?page_size=300").get("total_records").asLong();

    mutations.deleteUser(user.id());

    HttpResponse<String> gone = http.get("/users/" + user.id());
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(SimulatorHttp.json(gone).get("code").asInt()).isEqualTo(1001);
    assertThat(http.get("/users/" + user.email()).statusCode()).isEqualTo(404);
    JsonNode active = http.getJson("/users?page_size=300");
    assertThat(active.get("total_records").asLong()).isEqualTo(activeBefore - 1);
    assertThat(active.get("users")).noneMatch(u -> u.get("id").asText().equals(user.id()));
    assertThat(http.get("/meetings/" + meeting.id()).statusCode()).isEqualTo(404);
    assertThat(account.users()).doesNotContain(user).hasSize(29);
    assertThat(account.userExists(user.index())).isFalse();
  }

  @Test
  void createUser_isListedActiveAndFoundByIdAndEmail() {
    SimUser created = mutations.createUser("Ada", "Lovelace", 2);

    assertThat(http.getJson("/users/" + created.id()).get("email").asText())
        .isEqualTo(created.email());
    assertThat(http.getJson("/users/" + created.email()).get("status").asText())
        .isEqualTo("active");
    JsonNode active = http.getJson("/users?page_size=300");
    assertThat(active.get("users")).anyMatch(u -> u.get("id").asText().equals(created.id()));
    assertThat(account.users()).contains(created).hasSize(31);
    assertThat(http.getJson("/users/" + created.id() + "/meetings").get("total_records").asInt())
        .isZero();
  }

  @Test
  void updateAndDeleteWebinar_showInDetailsAndListing() {
    SimUser owner = account.user(0);
    SimWebinar webinar = account.webinarsOf(owner).get(0);

    mutations.updateWebinar(webinar.id(), "Renamed webinar", null);

    assertThat(http.getJson("/webinars/" + webinar.id()).get("topic").asText())
        .isEqualTo("Renamed webinar");

    mutations.deleteWebinar(webinar.id());

    HttpResponse<String> gone = http.get("/webinars/" + webinar.id());
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(SimulatorHttp.json(gone).get("code").asInt()).isEqualTo(3001);
    assertThat(http.getJson("/users/" + owner.id() + "/webinars").get("webinars"))
        .noneMatch(w -> w.get("id").asLong() == webinar.id());
  }

  @Test
  void changeLog_recordsEveryMutationInOrder() {
    SimMeeting meeting = recurringMeeting();
    SimUser user = activeHost();

    mutations.updateMeeting(meeting.id(), MeetingChanges.none().withTopic("X"));
    mutations.deactivateUser(user.id());
    mutations.deleteMeeting(meeting.id());

    List<ChangeEvent> log = mutations.changeLog();
    assertThat(log)
        .extracting(ChangeEvent::event)
        .containsExactly("meeting.updated", "user.deactivated", "meeting.deleted");
    assertThat(log).extracting(ChangeEvent::sequence).containsExactly(1L, 2L, 3L);
    assertThat(log.get(0).changedFields()).containsExactly("topic");
    assertThat(log.get(0).meetingId()).isEqualTo(meeting.id());
    assertThat(log.get(1).userId()).isEqualTo(user.id());
    assertThat(log.get(2).time()).isEqualTo(simulator.clock().now());
    assertThat(mutations.changesSince(2))
        .extracting(ChangeEvent::event)
        .containsExactly("meeting.deleted");
  }

  @Test
  void changeFraction_sameSeed_sameChanges_andEveryKindVisible() throws Exception {
    ChangeSet first = mutations.changeFraction(0.05, 99);
    ChangeSet second;
    try (ZoomSimulator other =
        ZoomSimulator.start(SimulatorFixtures.settings().users(30).build())) {
      second = other.mutations().changeFraction(0.05, 99);
    }

    assertThat(second).isEqualTo(first);
    assertThat(first.updatedMeetings()).isNotEmpty();
    assertThat(first.newInstances()).isNotEmpty();
    assertThat(first.newSummaries()).isNotEmpty();
    assertThat(first.deletedMeetings()).isNotEmpty();
    assertThat(first.deactivatedUsers()).isNotEmpty();
    assertThat(first.events()).isEqualTo(mutations.changeLog());
    for (long deleted : first.deletedMeetings()) {
      assertThat(http.get("/meetings/" + deleted).statusCode()).isEqualTo(404);
    }
    for (String uuid : first.newSummaries()) {
      assertThat(account.instance(uuid).orElseThrow().hasSummary()).isTrue();
    }
    for (String userId : first.deactivatedUsers()) {
      assertThat(http.getJson("/users/" + userId).get("status").asText()).isEqualTo("inactive");
    }
    ChangeSet different = mutations.changeFraction(0.05, 100);
    assertThat(different.updatedMeetings()).isNotEqualTo(first.updatedMeetings());
  }
}
