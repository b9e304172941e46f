package io.zoomdex.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhooksTest {
  private static final String SECRET = "test-webhook-secret";
  private static final Duration WAIT = Duration.ofSeconds(20);

  private ZoomSimulator simulator;
  private WebhookReceiver receiver;
  private Webhooks webhooks;

  @BeforeEach
  void start() throws Exception {
    simulator = ZoomSimulator.start(SimulatorFixtures.settings().users(30).build());
    receiver = new WebhookReceiver(SECRET);
    webhooks = simulator.webhooks();
    webhooks.useTiming(Webhooks.Timing.scaled(1e-5)); // 3 ms, 12 ms, 36 ms
    webhooks.subscribe(receiver.url(), SECRET);
  }

  @AfterEach
  void stop() {
    simulator.close();
    receiver.close();
  }

  private boolean awaitDelivered(int count) throws InterruptedException {
    return webhooks.awaitDeliveries(
        log -> log.stream().filter(d -> d.outcome() == Webhooks.Outcome.DELIVERED).count() >= count,
        WAIT);
  }

  private SimMeeting ownersMeeting() {
    return simulator.account().meetingsOf(simulator.account().user(0)).get(0);
  }

  private SimUser activeUser() {
    return simulator.account().users().stream()
        .filter(u -> u.index() > 0 && u.status() == SimUserStatus.ACTIVE)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void mutation_isValidatedThenDeliveredSigned_withZoomsEnvelope() throws Exception {
    SimMeeting meeting = ownersMeeting();

    simulator.mutations().updateMeeting(meeting.id(), MeetingChanges.none().withTopic("New topic"));

    assertThat(awaitDelivered(1)).isTrue();
    assertThat(webhooks.validations())
        .singleElement()
        .satisfies(v -> assertThat(v.passed()).isTrue());
    WebhookReceiver.Received received = receiver.events().get(0);
    assertThat(received.signatureValid()).isTrue();
    JsonNode body = received.json();
    assertThat(body.get("event").asText()).isEqualTo("meeting.updated");
    assertThat(body.get("event_ts").asLong()).isEqualTo(SimulatorFixtures.START.toEpochMilli());
    JsonNode payload = body.get("payload");
    assertThat(payload.get("account_id").asText()).isEqualTo(simulator.accountId());
    assertThat(payload.get("operator_id").asText()).isEqualTo(simulator.account().user(0).id());
    assertThat(payload.at("/object/id").asLong()).isEqualTo(meeting.id());
    assertThat(payload.at("/object/topic").asText()).isEqualTo("New topic");
    assertThat(payload.at("/old_object/topic").asText()).isEqualTo(meeting.topic());
    assertThat(payload.get("time_stamp").asLong())
        .isEqualTo(SimulatorFixtures.START.toEpochMilli());
  }

  @Test
  void everyEventKind_arrivesWithItsObject() throws Exception {
    Mutations mutations = simulator.mutations();
    SimMeeting meeting = ownersMeeting();
    SimUser user = activeUser();
    SimInstance added =
        mutations.addInstance(
            meeting.id(),
            new NewInstance(
                simulator.clock().now().minus(Duration.ofHours(1)),
                Duration.ofMinutes(30),
                3,
                true,
                false));
    SimMeeting created =
        mutations.createMeeting(
            user.id(), "Fresh", "", SimulatorFixtures.START.plus(Duration.ofDays(2)), 30);
    mutations.deleteMeeting(created.id());
    mutations.deactivateUser(user.id());
    mutations.activateUser(user.id());
    SimUser newcomer = mutations.createUser("Grace", "Hopper", 1);
    mutations.deleteUser(newcomer.id());
    SimWebinar webinar = simulator.account().webinarsOf(simulator.account().user(0)).get(0);
    mutations.updateWebinar(webinar.id(), null, "New webinar agenda.");
    mutations.deleteWebinar(webinar.id());

    assertThat(awaitDelivered(10)).isTrue();
    List<JsonNode> bodies = receiver.events().stream().map(WebhookReceiver.Received::json).toList();
    assertThat(bodies)
        .extracting(b -> b.get("event").asText())
        .containsExactly(
            "meeting.ended",
            "meeting.summary_completed",
            "meeting.created",
            "meeting.deleted",
            "user.deactivated",
            "user.activated",
            "user.created",
            "user.deleted",
            "webinar.updated",
            "webinar.deleted");
    assertThat(bodies.get(0).at("/payload/object/uuid").asText()).isEqualTo(added.uuid());
    assertThat(bodies.get(0).at("/payload/object/id").asText())
        .isEqualTo(Long.toString(meeting.id()));
    assertThat(bodies.get(1).at("/payload/object/meeting_uuid").asText()).isEqualTo(added.uuid());
    assertThat(bodies.get(1).at("/payload/object/summary_content").asText()).isNotBlank();
    assertThat(bodies.get(2).at("/payload/object/id").asLong()).isEqualTo(created.id());
    assertThat(bodies.get(3).at("/payload/object/id").asLong()).isEqualTo(created.id());
    assertThat(bodies.get(4).at("/payload/object/id").asText()).isEqualTo(user.id());
    assertThat(bodies.get(6).at("/payload/creation_type").asText()).isEqualTo("autoCreate");
    assertThat(bodies.get(8).at("/payload/object/agenda").asText())
        .isEqualTo("New webinar agenda.");
    assertThat(receiver.events()).allMatch(WebhookReceiver.Received::signatureValid);
  }

  @Test
  void emittedBodies_matchZoomsWebhookSchemas() throws Exception {
    String dir = System.getProperty("zoom.openapi.dir");
    Path meetingsDoc = dir == null ? null : Path.of(dir, "meetings-webhooks.openapi.json");
    Path usersDoc = dir == null ? null : Path.of(dir, "users-webhooks.openapi.json");
    Assumptions.assumeTrue(
        meetingsDoc != null && Files.isRegularFile(meetingsDoc) && Files.isRegularFile(usersDoc),
        "Zoom's webhook OpenAPI documents were not found (system property zoom.openapi.dir).");
    WebhookSchemaCheck meetings = new WebhookSchemaCheck(meetingsDoc);
    WebhookSchemaCheck users = new WebhookSchemaCheck(usersDoc);
    ChangeSet changes = simulator.mutations().changeFraction(0.1, 5);
    SimMeeting meeting =
        simulator.account().meeting(changes.updatedMeetings().get(0)).orElseThrow();
    simulator
        .mutations()
        .updateMeeting(
            meeting.id(),
            MeetingChanges.none()
                .withAlternativeHosts(List.of(activeUser().email()))
                .withInvitees(List.of(new SimInvitee("a@b.example", false)))
                .withWhoWillReceiveSummary(2));

    assertThat(awaitDelivered(changes.size() + 1)).isTrue();
    List<String> problems = new ArrayList<>();
    for (WebhookReceiver.Received received : receiver.events()) {
      String event = received.json().get("event").asText();
      WebhookSchemaCheck schemas = meetings.knows(event) ? meetings : users;
      assertThat(schemas.knows(event)).as(event).isTrue();
      problems.addAll(schemas.problems(event, received.json()));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void failedDelivery_isRetriedWithTheScaledDelays() throws Exception {
    receiver.failNext(2);

    simulator.mutations().deactivateUser(activeUser().id());

    assertThat(awaitDelivered(1)).isTrue();
    List<Webhooks.Delivery> log = webhooks.deliveries();
    assertThat(log)
        .extracting(
            Webhooks.Delivery::attempt, Webhooks.Delivery::status, Webhooks.Delivery::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, 500, Webhooks.Outcome.FAILED_WILL_RETRY),
            org.assertj.core.groups.Tuple.tuple(2, 500, Webhooks.Outcome.FAILED_WILL_RETRY),
            org.assertj.core.groups.Tuple.tuple(3, 200, Webhooks.Outcome.DELIVERED));
    assertThat(receiver.events()).hasSize(3);
    assertThat(receiver.events())
        .extracting(WebhookReceiver.Received::body)
        .containsOnly(receiver.events().get(0).body());
  }

  @Test
  void deliveryFailingEveryRetry_isDroppedAfterThreeRetries() throws Exception {
    receiver.failNext(10);

    simulator.mutations().deactivateUser(activeUser().id());

    assertThat(
            webhooks.awaitDeliveries(
                log -> log.stream().anyMatch(d -> d.outcome() == Webhooks.Outcome.DROPPED), WAIT))
        .isTrue();
    assertThat(webhooks.deliveries())
        .extracting(Webhooks.Delivery::attempt)
        .containsExactly(1, 2, 3, 4);
  }

  @Test
  void wrongValidationAnswer_isRecordedAndNoEventIsSent() throws Exception {
    receiver.answerValidationWrongly();

    simulator.mutations().deactivateUser(activeUser().id());

    assertThat(
            webhooks.awaitDeliveries(
                log -> log.stream().anyMatch(d -> d.outcome() == Webhooks.Outcome.NOT_VALIDATED),
                WAIT))
        .isTrue();
    assertThat(webhooks.validations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.passed()).isFalse();
              assertThat(v.problem()).contains("encryptedToken");
            });
    assertThat(receiver.events()).isEmpty();
  }

  @Test
  void redeliver_sendsTheIdenticalBodyAgain() throws Exception {
    simulator.mutations().deactivateUser(activeUser().id());
    assertThat(awaitDelivered(1)).isTrue();
    String eventId = webhooks.deliveries().get(0).eventId();

    webhooks.redeliver(eventId);

    assertThat(awaitDelivered(2)).isTrue();
    assertThat(receiver.events()).hasSize(2);
    assertThat(receiver.events().get(1).body()).isEqualTo(receiver.events().get(0).body());
    assertThat(webhooks.deliveries().get(1).redelivery()).isTrue();
    assertThat(webhooks.body(eventId)).contains(receiver.events().get(0).body());
  }

  @Test
  void duplicateMode_deliversEveryEventTwice() throws Exception {
    webhooks.setDuplicateDeliveries(true);

    simulator.mutations().deactivateUser(activeUser().id());
    simulator.mutations().deleteMeeting(ownersMeeting().id());

    assertThat(awaitDelivered(4)).isTrue();
    List<String> bodies = receiver.events().stream().map(WebhookReceiver.Received::body).toList();
    assertThat(bodies).hasSize(4);
    assertThat(bodies.stream().distinct()).hasSize(2);
  }
}
