package io.zoomdex.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zoomdex.e2e.SimulatorCrawls;
import io.zoomdex.lease.OpenSearchWebhookQueue;
import io.zoomdex.lease.WriterLease;
import io.zoomdex.simulator.SimMeeting;
import io.zoomdex.simulator.SimUser;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.sink.opensearch.EmbeddedOpenSearch;
import io.zoomdex.sink.opensearch.OpenSearchConnection;
import io.zoomdex.sink.opensearch.OpenSearchIndexSink;
import io.zoomdex.sink.opensearch.OpenSearchSettings;
import io.zoomdex.sink.opensearch.OpenSearchTestIndices;
import io.zoomdex.sink.opensearch.SharedOpenSearch;
import io.zoomdex.sink.opensearch.WriteFence;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two (then three) {@code zoomdex serve} JVMs against one real OpenSearch node: the writer is
 * killed with SIGKILL and a standby takes over within the lease time, with every acknowledged
 * webhook event processed and none processed twice; a writer frozen with SIGSTOP loses the lease
 * and, resumed, writes nothing; a writer stopped with SIGTERM releases the lease so the standby
 * takes over at once. Prints the measured takeover times (see BENCHMARKS.md).
 */
@ExtendWith(SharedOpenSearch.class)
class WriterTakeoverTest {
  /** Short, so the test is quick; {@code -Dtakeover.leaseSeconds=15} measures the default. */
  private static final Duration LEASE =
      Duration.ofSeconds(Long.getLong("takeover.leaseSeconds", 4));

  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final String SECRET = "takeover-webhook-secret";
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @TempDir Path dir;

  private final EmbeddedOpenSearch node;
  private final String alias =
      "takeover-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
  private final OpenSearchConnection connection;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<ServeProcess> processes = new ArrayList<>();
  private ZoomSimulator simulator;
  private List<Long> meetings;
  private long eventTs = NOW.toEpochMilli();

  WriterTakeoverTest(EmbeddedOpenSearch node) {
    this.node = node;
    this.connection =
        OpenSearchConnection.open(OpenSearchSettings.of(List.of(node.uri())).withAlias(alias));
  }

  @AfterEach
  void cleanUp() throws Exception {
    for (ServeProcess process : processes) {
      process.close();
    }
    if (simulator != null) {
      simulator.close();
    }
    connection.send("DELETE", "/" + WriterLease.indexName(alias), null);
    connection.send("DELETE", "/" + OpenSearchWebhookQueue.indexName(alias), null);
    OpenSearchTestIndices.delete(connection, alias);
    connection.close();
  }

  @Test
  void killedWriter_isReplacedWithinTheLease_withNoEventLostOrProcessedTwice_andStaleWriterFenced()
      throws Exception {
    simulator =
        ZoomSimulator.start(SimulatorSettings.builder().seed(46).users(6).start(NOW).build());
    meetings = new ArrayList<>();
    for (SimUser user : simulator.account().users()) {
      for (SimMeeting meeting : simulator.account().meetingsOf(user)) {
        meetings.add(meeting.id());
      }
    }
    assertThat(meetings).isNotEmpty();
    OpenSearchIndexSink.open(OpenSearchSettings.of(List.of(node.uri())).withAlias(alias), null)
        .close(); // the index exists before any replica serves it

    ServeProcess a = serve("a");
    awaitHolder(a);
    ServeProcess b = serve("b");
    long epochA = lease().path("epoch").asLong();

    // 1. Events acknowledged by either replica are processed by the writer.
    for (int i = 0; i < 10; i++) {
      post(i % 2 == 0 ? a : b, i);
    }
    awaitDone(10);
    assertThat(finishers()).as("all finished by the writer").containsOnly("a@" + epochA);

    // 2. kill -9 the writer right after more events were acknowledged.
    for (int i = 10; i < 20; i++) {
      post(i % 2 == 0 ? a : b, i);
    }
    long killed = System.nanoTime();
    a.kill9();
    awaitHolder(b);
    Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
    long epochB = lease().path("epoch").asLong();
    awaitDone(20);

    assertThat(epochB).isGreaterThan(epochA);
    Map<String, JsonNode> events = events();
    assertThat(events).hasSize(20);
    for (JsonNode event : events.values()) {
      assertThat(event.path("status").asText()).isEqualTo("done");
      if (event.path("finished_epoch").asLong() == epochA) {
        // finished before the kill: never claimed (so never processed) again
        assertThat(event.path("claim_epoch").asLong()).isEqualTo(epochA);
      }
    }
    assertThat(finishers()).containsAnyOf("b@" + epochB);
    // 1.2 x the lease after the last renewal (README), with slack for a loaded machine
    assertThat(takeover)
        .as("takeover after kill -9")
        .isLessThan(LEASE.multipliedBy(2).plusSeconds(5));

    // 3. A writer frozen (SIGSTOP) loses the lease; resumed, it is fenced and writes nothing.
    ServeProcess c = serve("c");
    b.pause();
    long paused = System.nanoTime();
    awaitHolder(c);
    Duration takeoverFromPaused = Duration.ofNanos(System.nanoTime() - paused);
    long epochC = lease().path("epoch").asLong();
    for (int i = 20; i < 25; i++) {
      post(c, i);
    }
    awaitDone(25);
    b.resume();
    await(() -> logOf(b).contains("lost the writer lease"), "the resumed writer saw it lost");
    for (int i = 25; i < 30; i++) {
      post(b, i); // b still acknowledges events, as a standby
    }
    awaitDone(30);
    Map<String, Long> finishedBy = countFinishers();
    assertThat(finishedBy.getOrDefault("c@" + epochC, 0L)).isEqualTo(10);
    assertThat(finishedBy.keySet()).containsOnly("a@" + epochA, "b@" + epochB, "c@" + epochC);
    assertThat(lease().path("holder").asText()).contains("/" + c.pid() + "/");

    // 4. SIGTERM: the writer releases the lease, the standby takes over without waiting it out.
    assertThat(c.terminate()).as("exit status after SIGTERM (128 + 15)").isIn(0, 143);
    long exited = System.nanoTime();
    assertThat(logOf(c)).contains("Released the writer lease");
    awaitHolder(b);
    Duration takeoverAfterRelease = Duration.ofNanos(System.nanoTime() - exited);
    assertThat(takeoverAfterRelease).as("released, not expired").isLessThan(LEASE);
    long epochAfter = lease().path("epoch").asLong();
    assertThat(epochAfter).isGreaterThan(epochC);
    // Every document the writers wrote carries the epoch of the writer that wrote it last.
    connection.send("POST", "/" + alias + "/_refresh", null);
    JsonNode written =
        connection
            .send("GET", "/" + alias + "/_search?size=1000&version=true", null)
            .body()
            .path("hits")
            .path("hits");
    assertThat(written.size()).as("documents the webhooks re-read").isPositive();
    for (JsonNode document : written) {
      long version = document.path("_version").asLong();
      assertThat(version % WriteFence.VERSION_STEP).isZero();
      assertThat(version / WriteFence.VERSION_STEP).isIn(epochA, epochB, epochC);
    }

    System.out.printf(
        Locale.ROOT,
        "Writer takeover (lease %d s): after kill -9 %d ms, after SIGSTOP %d ms, after SIGTERM"
            + " %d ms%n",
        LEASE.toSeconds(),
        takeover.toMillis(),
        takeoverFromPaused.toMillis(),
        takeoverAfterRelease.toMillis());
  }

  private ServeProcess serve(String name) throws Exception {
    Map<String, String> env = new HashMap<>(SimulatorCrawls.environment(simulator));
    env.put("ZOOM_WEBHOOK_SECRET", SECRET);
    env.put("ZOOMDEX_LOG_LEVEL", "INFO");
    ServeProcess process =
        ServeProcess.start(
            dir.resolve(name),
            env,
            List.of(
                "--index",
                "opensearch",
                "--opensearch-url",
                node.uri().toString(),
                "--opensearch-index",
                alias,
                "--writer-lease",
                LEASE.toSeconds() + "s",
                "--rates",
                "unlimited",
                "--since",
                LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusMonths(6).toString(),
                "--embedding-model",
                "none"));
    processes.add(process);
    names.put(process.pid(), name);
    return process;
  }

  private final Map<Long, String> names = new HashMap<>();

  /** Sends event {@code n} (a meeting.updated) to a replica, signed; it must be acknowledged. */
  private void post(ServeProcess to, int n) throws Exception {
    long meeting = meetings.get(n % meetings.size());
    String body =
        "{\"event\":\"meeting.updated\",\"event_ts\":"
            + (++eventTs)
            + ",\"payload\":{\"account_id\":\""
            + simulator.accountId()
            + "\",\"object\":{\"id\":"
            + meeting
            + "}}}";
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature =
        "v0="
            + HexFormat.of()
                .formatHex(
                    mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(to.uri().resolve("/webhooks/zoom"))
                .header("content-type", "application/json")
                .header("x-zm-request-timestamp", timestamp)
                .header("x-zm-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as("event %d acknowledged", n).isEqualTo(204);
  }

  private JsonNode lease() throws IOException {
    return connection
        .send("GET", "/" + WriterLease.indexName(alias) + "/_doc/writer", null)
        .body()
        .path("_source");
  }

  private void awaitHolder(ServeProcess process) throws Exception {
    String pid = "/" + process.pid() + "/";
    await(
        () -> {
          JsonNode lease = leaseQuietly();
          return lease.path("holder").asText().contains(pid) && !lease.path("released").asBoolean();
        },
        "process " + process.pid() + " holds the writer lease");
  }

  private JsonNode leaseQuietly() {
    try {
      return lease();
    } catch (IOException e) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
  }

  private Map<String, JsonNode> events() throws IOException {
    String index = OpenSearchWebhookQueue.indexName(alias);
    connection.send("POST", "/" + index + "/_refresh", null);
    JsonNode hits =
        connection
            .send("GET", "/" + index + "/_search?size=1000", null)
            .body()
            .path("hits")
            .path("hits");
    Map<String, JsonNode> events = new HashMap<>();
    for (JsonNode hit : hits) {
      events.put(hit.path("_id").asText(), hit.path("_source"));
    }
    return events;
  }

  private void awaitDone(int count) throws Exception {
    await(
        () -> {
          try {
            Map<String, JsonNode> events = events();
            return events.size() == count
                && events.values().stream().allMatch(e -> e.path("status").asText().equals("done"));
          } catch (IOException e) {
            return false;
          }
        },
        count + " events done");
  }

  /** Who finished the events, as {@code name@epoch}. */
  private List<String> finishers() throws IOException {
    return new ArrayList<>(countFinishers().keySet());
  }

  private Map<String, Long> countFinishers() throws IOException {
    Map<String, Long> counts = new HashMap<>();
    for (JsonNode event : events().values()) {
      String holder = event.path("finished_by").asText();
      String name =
          names.entrySet().stream()
              .filter(e -> holder.contains("/" + e.getKey() + "/"))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(holder);
      counts.merge(name + "@" + event.path("finished_epoch").asLong(), 1L, Long::sum);
    }
    return counts;
  }

  private static String logOf(ServeProcess process) {
    try {
      return process.log();
    } catch (IOException e) {
      return "";
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting until " + what);
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }
}
