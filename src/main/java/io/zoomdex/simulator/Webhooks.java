package io.zoomdex.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Zoom's webhook emitter: every {@link Mutations} change is POSTed to each subscribed endpoint as
 * Zoom does it (envelope {@code {"event","event_ts","payload"}}, headers {@code
 * x-zm-request-timestamp} in epoch seconds and {@code x-zm-signature} = {@code v0=} + hex
 * HMAC-SHA256(secret, {@code v0:{timestamp}:{body}})). Before the first event to an endpoint it
 * sends {@code endpoint.url_validation} and checks the {@code plainToken}/{@code encryptedToken}
 * answer; an endpoint that fails validation gets no events (Zoom would not enable it). A delivery
 * succeeds on 200 or 204 within the response timeout; otherwise it is retried after each of the
 * retry delays (Zoom: 5, 20 and 60 minutes; scale them with {@link #useTiming}) and then dropped.
 * Deliveries run on one background thread, stopped by {@link #close()}. Only events raised after
 * {@link #subscribe} reach an endpoint.
 */
public final class Webhooks implements AutoCloseable, Mutations.ChangeListener {
  /** How a delivery attempt ended. */
  public enum Outcome {
    /** The endpoint answered 200 or 204 in time. */
    DELIVERED,
    /** Another status, a timeout or a connection failure; another attempt is scheduled. */
    FAILED_WILL_RETRY,
    /** The last retry failed too; Zoom gives the event up. */
    DROPPED,
    /** The endpoint failed URL validation, so nothing was sent. */
    NOT_VALIDATED
  }

  /**
   * Delivery timing.
   *
   * @param retryDelays the waits before the 2nd, 3rd, ... attempt
   * @param responseTimeout how long the endpoint has to answer
   */
  public record Timing(List<Duration> retryDelays, Duration responseTimeout) {
    public Timing {
      retryDelays = List.copyOf(retryDelays);
      Objects.requireNonNull(responseTimeout, "responseTimeout");
      if (retryDelays.stream().anyMatch(Duration::isNegative) || responseTimeout.isNegative()) {
        throw new IllegalArgumentException("Webhook delays and timeouts must not be negative.");
      }
    }

    /** Zoom's: retries after 5, 20 and 60 minutes; 3 seconds to answer. */
    public static Timing zoom() {
      return new Timing(
          List.of(Duration.ofMinutes(5), Duration.ofMinutes(20), Duration.ofMinutes(60)),
          Duration.ofSeconds(3));
    }

    /** Zoom's retry delays multiplied by {@code factor} (e.g. 1e-4), with Zoom's 3 s timeout. */
    public static Timing scaled(double factor) {
      if (!(factor > 0)) {
        throw new IllegalArgumentException("The webhook time scale must be positive.");
      }
      return new Timing(
          zoom().retryDelays().stream()
              .map(d -> Duration.ofNanos(Math.max(1, (long) (d.toNanos() * factor))))
              .toList(),
          Duration.ofSeconds(3));
    }
  }

  /**
   * One delivery attempt.
   *
   * @param eventId the simulator's id of the event ({@code evt-} + change sequence); not in the
   *     body, as Zoom sends none
   * @param event the event name
   * @param endpoint where it was posted
   * @param attempt 1 for the first attempt, then 2, 3, 4 for retries
   * @param redelivery whether this is an explicit duplicate ({@link #redeliver} or duplicate mode)
   * @param status the HTTP status, or -1 when there was no answer in time or no connection
   * @param outcome what happened
   */
  public record Delivery(
      String eventId,
      String event,
      URI endpoint,
      int attempt,
      boolean redelivery,
      int status,
      Outcome outcome) {}

  /**
   * One URL validation.
   *
   * @param endpoint the endpoint validated
   * @param passed whether it answered 200 with the right plainToken and encryptedToken
   * @param status the HTTP status, or -1 when there was no answer
   * @param problem why it failed, empty when it passed
   */
  public record Validation(URI endpoint, boolean passed, int status, String problem) {}

  /** An emitted event: its id, name and exact body (redeliveries send the same bytes). */
  private record Emitted(String eventId, String event, String body) {}

  private static final class Subscription {
    final URI endpoint;
    final String secretToken;
    final AtomicReference<Boolean> validated = new AtomicReference<>();

    Subscription(URI endpoint, String secretToken) {
      this.endpoint = endpoint;
      this.secretToken = secretToken;
    }
  }

  private final ScheduledExecutorService worker;
  private final HttpClient http;
  private final SecureRandom random = new SecureRandom();
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
  private final Map<String, Emitted> emitted = new ConcurrentHashMap<>();
  private final List<Delivery> deliveries = new ArrayList<>();
  private final List<Validation> validations = new ArrayList<>();
  private volatile Timing timing = Timing.zoom();
  private volatile Clock signingClock;
  private volatile boolean duplicateDeliveries;

  Webhooks(Clock signingClock) {
    this.signingClock = signingClock;
    this.worker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "zoom-simulator-webhooks");
              t.setDaemon(true);
              return t;
            });
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  }

  /**
   * Sends every later event to {@code endpoint}, signed with {@code secretToken}; the endpoint is
   * URL-validated before its first event.
   *
   * @throws IllegalArgumentException when the endpoint is not an http(s) URL or the secret is empty
   */
  public void subscribe(URI endpoint, String secretToken) {
    if (endpoint == null
        || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
      throw new IllegalArgumentException("The webhook endpoint must be an http or https URL.");
    }
    if (secretToken == null || secretToken.isEmpty()) {
      throw new IllegalArgumentException("The webhook secret token must not be empty.");
    }
    subscriptions.add(new Subscription(endpoint, secretToken));
  }

  /** Uses these retry delays and response timeout from now on. */
  public void useTiming(Timing newTiming) {
    this.timing = Objects.requireNonNull(newTiming, "timing");
  }

  /**
   * Uses this clock for {@code x-zm-request-timestamp} (the system clock by default; the data's
   * {@link SimulatorClock} is not used, so a receiver's staleness check sees real send times).
   */
  public void useSigningClock(Clock clock) {
    this.signingClock = Objects.requireNonNull(clock, "clock");
  }

  /** When on, every event is delivered twice (at-least-once delivery, for dedupe tests). */
  public void setDuplicateDeliveries(boolean on) {
    this.duplicateDeliveries = on;
  }

  /**
   * Sends an already emitted event again, with its identical body, to every endpoint.
   *
   * @throws IllegalArgumentException when no event has this id
   */
  public void redeliver(String eventId) {
    Emitted event = emitted.get(eventId);
    if (event == null) {
      throw new IllegalArgumentException("No webhook event " + eventId + " was emitted.");
    }
    for (Subscription subscription : subscriptions) {
      worker.execute(() -> attempt(subscription, event, 1, true));
    }
  }

  /** The exact body of an emitted event, if one has this id. */
  public java.util.Optional<String> body(String eventId) {
    return java.util.Optional.ofNullable(emitted.get(eventId)).map(Emitted::body);
  }

  /** Every delivery attempt so far, in order (a copy). */
  public synchronized List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  /** Every URL validation so far, in order (a copy). */
  public synchronized List<Validation> validations() {
    return List.copyOf(validations);
  }

  /**
   * Waits until {@code condition} holds for the delivery log, or {@code timeout} passes.
   *
   * @return whether the condition held
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public synchronized boolean awaitDeliveries(Predicate<List<Delivery>> condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.test(List.copyOf(deliveries))) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  private synchronized void log(Delivery delivery) {
    deliveries.add(delivery);
    notifyAll();
  }

  private synchronized void log(Validation validation) {
    validations.add(validation);
    notifyAll();
  }

  @Override
  public void changed(ChangeEvent change, ObjectNode payload) {
    ObjectNode envelope = Json.object();
    envelope.put("event", change.event());
    envelope.put("event_ts", change.time().toEpochMilli());
    envelope.set("payload", payload);
    Emitted event = new Emitted("evt-" + change.sequence(), change.event(), write(envelope));
    emitted.put(event.eventId(), event);
    for (Subscription subscription : subscriptions) {
      if (!worker.isShutdown()) {
        worker.execute(() -> attempt(subscription, event, 1, false));
        if (duplicateDeliveries) {
          worker.execute(() -> attempt(subscription, event, 1, true));
        }
      }
    }
  }

  private static String write(JsonNode node) {
    try {
      return Json.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException("A webhook body could not be written.", impossible);
    }
  }

  private void attempt(Subscription subscription, Emitted event, int attempt, boolean redelivery) {
    if (!validate(subscription)) {
      log(
          new Delivery(
              event.eventId(),
              event.event(),
              subscription.endpoint,
              attempt,
              redelivery,
              -1,
              Outcome.NOT_VALIDATED));
      return;
    }
    Timing current = timing;
    int status = post(subscription, event.body(), current.responseTimeout());
    boolean delivered = status == 200 || status == 204;
    boolean retry = !delivered && attempt <= current.retryDelays().size() && !worker.isShutdown();
    Outcome outcome =
        delivered ? Outcome.DELIVERED : retry ? Outcome.FAILED_WILL_RETRY : Outcome.DROPPED;
    log(
        new Delivery(
            event.eventId(),
            event.event(),
            subscription.endpoint,
            attempt,
            redelivery,
            status,
            outcome));
    if (retry) {
      try {
        worker.schedule(
            () -> attempt(subscription, event, attempt + 1, redelivery),
            current.retryDelays().get(attempt - 1).toNanos(),
            TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.RejectedExecutionException closed) {
        // The emitter was closed meanwhile: the event is given up, as on shutdown in Zoom.
      }
    }
  }

  /** Validates the endpoint once (on the worker thread); later calls return the result. */
  private boolean validate(Subscription subscription) {
    Boolean known = subscription.validated.get();
    if (known != null) {
      return known;
    }
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    String plainToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    ObjectNode envelope = Json.object();
    envelope.putObject("payload").put("plainToken", plainToken);
    envelope.put("event_ts", signingClock.millis());
    envelope.put("event", "endpoint.url_validation");
    String body = write(envelope);
    Validation result;
    try {
      HttpResponse<String> response = send(subscription, body, timing.responseTimeout());
      result = checkValidation(subscription, plainToken, response);
    } catch (IOException | RuntimeException noAnswer) {
      result =
          new Validation(
              subscription.endpoint,
              false,
              -1,
              "no answer: " + noAnswer.getClass().getSimpleName());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      result = new Validation(subscription.endpoint, false, -1, "interrupted");
    }
    subscription.validated.set(result.passed());
    log(result);
    return result.passed();
  }

  private static Validation checkValidation(
      Subscription subscription, String plainToken, HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      return new Validation(
          subscription.endpoint, false, response.statusCode(), "status " + response.statusCode());
    }
    JsonNode answer;
    try {
      answer = Json.MAPPER.readTree(response.body());
    } catch (JsonProcessingException notJson) {
      return new Validation(subscription.endpoint, false, 200, "the answer is not JSON");
    }
    String expected = WebhookSigner.hmacHex(subscription.secretToken, plainToken);
    if (answer == null || !plainToken.equals(answer.path("plainToken").asText(null))) {
      return new Validation(subscription.endpoint, false, 200, "plainToken missing or different");
    }
    if (!expected.equals(answer.path("encryptedToken").asText(null))) {
      return new Validation(subscription.endpoint, false, 200, "encryptedToken is wrong");
    }
    return new Validation(subscription.endpoint, true, 200, "");
  }

  /** Posts a body; the HTTP status, or -1 when there was no answer in time. */
  private int post(Subscription subscription, String body, Duration timeout) {
    try {
      return send(subscription, body, timeout).statusCode();
    } catch (IOException | RuntimeException noAnswer) {
      return -1;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private HttpResponse<String> send(Subscription subscription, String body, Duration timeout)
      throws IOException, InterruptedException {
    long timestamp = signingClock.millis() / 1000;
    HttpRequest request =
        HttpRequest.newBuilder(subscription.endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/json; charset=utf-8")
            .header("User-Agent", "Zoom Marketplace/1.1a")
            .header("x-zm-request-timestamp", Long.toString(timestamp))
            .header(
                "x-zm-signature",
                WebhookSigner.signature(subscription.secretToken, timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Stops the delivery thread; pending retries are dropped. */
  @Override
  public void close() {
    worker.shutdownNow();
  }
}
