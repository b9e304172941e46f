package io.zoomdex.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zoomdex.config.Secret;
import io.zoomdex.search.http.WebhookEndpoint.Reply;
import io.zoomdex.sync.StateStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookReceiverTest {
  static final String SECRET = "s3cret-token";
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String EVENT =
      "{\"event\":\"meeting.updated\",\"event_ts\":1764331200000,"
          + "\"payload\":{\"account_id\":\"acc\",\"object\":{\"id\":123,\"topic\":\"New\"}}}";

  @TempDir Path data;

  private StateStore state;
  private final AtomicInteger woken = new AtomicInteger();
  private WebhookReceiver receiver;

  @BeforeEach
  void open() {
    state = StateStore.open(data);
    receiver = receiver(state);
  }

  @AfterEach
  void close() {
    state.close();
  }

  private WebhookReceiver receiver(StateStore store) {
    return new WebhookReceiver(
        new WebhookSignature(Secret.of(SECRET), CLOCK, Duration.ofMinutes(5)),
        store,
        CLOCK,
        woken::incrementAndGet);
  }

  /** Zoom's signature, computed here independently of the code under test. */
  static String sign(String secret, long timestamp, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
    return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
  }

  private Reply deliver(String body, long timestamp) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return receiver.receive(Long.toString(timestamp), sign(SECRET, timestamp, bytes), bytes);
  }

  private long now() {
    return NOW.getEpochSecond();
  }

  @Test
  void validSignature_isAcknowledgedAndRecordedForTheWorker() throws Exception {
    Reply reply = deliver(EVENT, now());

    assertThat(reply.status()).isEqualTo(204);
    assertThat(state.pendingWebhookEvents(10))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.event()).isEqualTo("meeting.updated");
              assertThat(e.body()).isEqualTo(EVENT);
            });
    assertThat(woken).hasValue(1);
  }

  @Test
  void wrongSecret_isRefusedWith401AndNothingRecorded() throws Exception {
    byte[] bytes = EVENT.getBytes(StandardCharsets.UTF_8);

    Reply reply = receiver.receive(Long.toString(now()), sign("other", now(), bytes), bytes);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json()).doesNotContain(SECRET).doesNotContain("v0=");
    assertThat(state.pendingWebhookEvents(10)).isEmpty();
    assertThat(woken).hasValue(0);
  }

  @Test
  void tamperedBody_isRefusedWith401() throws Exception {
    byte[] signed = EVENT.getBytes(StandardCharsets.UTF_8);
    byte[] tampered = EVENT.replace("New", "Old").getBytes(StandardCharsets.UTF_8);

    Reply reply = receiver.receive(Long.toString(now()), sign(SECRET, now(), signed), tampered);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(state.pendingWebhookEvents(10)).isEmpty();
  }

  @Test
  void reSerialisedBody_isRefused_becauseTheRawBytesAreSigned() throws Exception {
    byte[] raw = EVENT.replace(",", ", ").getBytes(StandardCharsets.UTF_8);
    byte[] compact = EVENT.getBytes(StandardCharsets.UTF_8);

    Reply reply = receiver.receive(Long.toString(now()), sign(SECRET, now(), raw), compact);

    assertThat(reply.status()).isEqualTo(401);
  }

  @Test
  void staleTimestamp_isRefused_soACapturedRequestCannotBeReplayed() throws Exception {
    assertThat(deliver(EVENT, now() - 301).status()).isEqualTo(401);
    assertThat(deliver(EVENT, now() - 299).status()).isEqualTo(204);
  }

  @Test
  void futureTimestamp_isRefused() throws Exception {
    assertThat(deliver(EVENT, now() + 301).status()).isEqualTo(401);
  }

  @Test
  void missingOrMalformedHeaders_areRefused() throws Exception {
    byte[] bytes = EVENT.getBytes(StandardCharsets.UTF_8);
    String signature = sign(SECRET, now(), bytes);

    assertThat(receiver.receive(null, signature, bytes).status()).isEqualTo(401);
    assertThat(receiver.receive(Long.toString(now()), null, bytes).status()).isEqualTo(401);
    assertThat(receiver.receive("soon", signature, bytes).status()).isEqualTo(401);
    assertThat(state.pendingWebhookEvents(10)).isEmpty();
  }

  @Test
  void oversizedBody_isRefusedWith413() throws Exception {
    String big = "{\"event\":\"meeting.updated\",\"pad\":\"" + "x".repeat(300 * 1024) + "\"}";

    assertThat(deliver(big, now()).status()).isEqualTo(413);
  }

  @Test
  void urlValidation_answersThePlainTokenAndItsHmac() throws Exception {
    String body =
        "{\"payload\":{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\"},\"event_ts\":1654503849680,"
            + "\"event\":\"endpoint.url_validation\"}";

    Reply reply = deliver(body, now());

    assertThat(reply.status()).isEqualTo(200);
    JsonNode answer = new ObjectMapper().readTree(reply.json());
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        HexFormat.of()
            .formatHex(mac.doFinal("qgg8vlvZRS6UYooatFL8Aw".getBytes(StandardCharsets.UTF_8)));
    assertThat(answer.get("plainToken").asText()).isEqualTo("qgg8vlvZRS6UYooatFL8Aw");
    assertThat(answer.get("encryptedToken").asText()).isEqualTo(expected);
    assertThat(state.pendingWebhookEvents(10)).isEmpty();
  }

  @Test
  void redelivery_isAcknowledgedButRecordedOnce() throws Exception {
    assertThat(deliver(EVENT, now()).status()).isEqualTo(204);
    assertThat(deliver(EVENT, now() + 60).status()).isEqualTo(204);
    assertThat(deliver(EVENT.replace(":", ": "), now() + 120).status()).isEqualTo(204);

    assertThat(state.pendingWebhookEvents(10)).hasSize(1);
    assertThat(woken).hasValue(1);
  }

  @Test
  void sameChangeAtAnotherTime_isANewEvent() throws Exception {
    deliver(EVENT, now());
    deliver(EVENT.replace("1764331200000", "1764331200001"), now());

    assertThat(state.pendingWebhookEvents(10)).hasSize(2);
  }

  @Test
  void acknowledgedEvent_survivesARestartBeforeItWasProcessed() throws Exception {
    assertThat(deliver(EVENT, now()).status()).isEqualTo(204);
    state.close();

    state = StateStore.open(data);

    assertThat(state.pendingWebhookEvents(10))
        .singleElement()
        .satisfies(e -> assertThat(e.body()).isEqualTo(EVENT));
  }
}
