package io.zoomdex.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zoomdex.search.http.WebhookEndpoint;
import io.zoomdex.sync.StateStore;
import io.zoomdex.sync.StorageException;
import io.zoomdex.sync.SyncPath;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zoom's webhook deliveries at {@code POST /webhooks/zoom}: checks the signature, answers {@code
 * endpoint.url_validation}, and otherwise records the event durably under --data before answering
 * 204, so an acknowledged event survives a crash. A redelivery (same event, time and payload) is
 * acknowledged and not recorded again. Processing is left to the {@link WebhookWorker}, woken here.
 */
public final class WebhookReceiver implements WebhookEndpoint {
  private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VALIDATION = "endpoint.url_validation";

  private final WebhookSignature signature;
  private final StateStore state;
  private final WebhookQueue queue;
  private final Clock clock;
  private final Runnable onEvent;

  /**
   * @param state where accepted events are recorded
   * @param onEvent called after a new event was recorded (wakes the worker); must not block
   */
  public WebhookReceiver(
      WebhookSignature signature, StateStore state, Clock clock, Runnable onEvent) {
    this(signature, state, new StateStoreWebhookQueue(state), clock, onEvent);
  }

  /**
   * A receiver recording events in {@code queue} (e.g. one shared by every replica, so that any of
   * them can acknowledge an event and the writer processes it), and the rest in {@code state}.
   */
  public WebhookReceiver(
      WebhookSignature signature,
      StateStore state,
      WebhookQueue queue,
      Clock clock,
      Runnable onEvent) {
    this.signature = signature;
    this.state = state;
    this.queue = queue;
    this.clock = clock;
    this.onEvent = onEvent;
  }

  @Override
  public Reply receive(String timestamp, String signatureHeader, byte[] body) {
    if (body.length > MAX_BODY_BYTES) {
      return error(413, "The webhook body is too large.");
    }
    if (!signature.verifies(timestamp, signatureHeader, body)) {
      return error(401, "Unauthorized.");
    }
    JsonNode envelope;
    try {
      envelope = JSON.readTree(body);
    } catch (java.io.IOException e) {
      return error(400, "The webhook body is not JSON.");
    }
    String event = envelope == null ? "" : envelope.path("event").asText("");
    if (event.isEmpty()) {
      return error(400, "The webhook body names no event.");
    }
    if (VALIDATION.equals(event)) {
      Reply reply = validation(envelope.path("payload").path("plainToken").asText(""));
      if (reply.status() == 200) {
        markValidated();
      }
      return reply;
    }
    String key = dedupeKey(event, envelope);
    try {
      boolean fresh =
          queue.record(key, event, new String(body, StandardCharsets.UTF_8), clock.instant());
      if (fresh) {
        onEvent.run();
      } else {
        log.debug("Webhook event {} was delivered again; already recorded", event);
      }
    } catch (StorageException e) {
      // Not acknowledged, so Zoom delivers it again later.
      log.error("Could not record a webhook event: {}", e.getMessage());
      return error(503, "The event could not be recorded; it will be retried.");
    }
    return new Reply(204, "");
  }

  /**
   * Remembers that Zoom validated the endpoint: a healthy receiver lets incremental crawls take
   * meeting and webinar changes from events (see {@link SyncPath}).
   */
  private void markValidated() {
    try {
      state.mark(SyncPath.VALIDATED, clock.instant());
    } catch (StorageException e) {
      // The answer still goes out; incremental crawls keep polling until a validation is recorded.
      log.warn("Could not record the webhook validation: {}", e.getMessage());
    }
  }

  private Reply validation(String plainToken) {
    if (plainToken.isEmpty()) {
      return error(400, "The URL validation carries no plainToken.");
    }
    ObjectNode answer = JSON.createObjectNode();
    answer.put("plainToken", plainToken);
    answer.put("encryptedToken", signature.encryptedToken(plainToken));
    return new Reply(200, answer.toString());
  }

  /**
   * Zoom redelivers an event with the same name, {@code event_ts} and payload; the payload is
   * compared as parsed JSON, so a redelivery that differs only in spacing still counts as one.
   */
  private static String dedupeKey(String event, JsonNode envelope) {
    String identity =
        event + "\n" + envelope.path("event_ts").asText("") + "\n" + envelope.path("payload");
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(identity.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("SHA-256 is not available in this JVM.", impossible);
    }
  }

  private static Reply error(int status, String sentence) {
    ObjectNode body = JSON.createObjectNode();
    body.put("error", sentence);
    return new Reply(status, body.toString());
  }
}
