package io.zoomdex.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zoomdex.Main;
import io.zoomdex.e2e.SimulatorCrawls;
import io.zoomdex.lease.OpenSearchWebhookQueue;
import io.zoomdex.lease.WriterLease;
import io.zoomdex.shared.OpenSearchTokenStore;
import io.zoomdex.shared.SharedDeactivations;
import io.zoomdex.shared.SharedRunHistory;
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
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import picocli.CommandLine;

/**
 * A writer replica and a search replica ({@code --role search}, no data directory) in their own
 * JVMs against one real OpenSearch node: a token made with {@code zoomdex token create --index
 * opensearch} works on both; once revoked, both refuse it on their very next request (tokens are
 * read through, no cache); a user deactivated by a webhook the writer received sees nothing on the
 * search replica. Prints the measured propagation times (see BENCHMARKS.md section 12).
 */
@ExtendWith(SharedOpenSearch.class)
class SharedStoresTest {
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final String SECRET = "shared-stores-webhook-secret";
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @TempDir Path dir;

  private final EmbeddedOpenSearch node;
  private final String alias =
      "shared-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
  private final OpenSearchConnection connection;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final List<ServeProcess> processes = new ArrayList<>();
  private ZoomSimulator simulator;
  private long eventTs = NOW.toEpochMilli();

  SharedStoresTest(EmbeddedOpenSearch node) {
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
    for (String index :
        List.of(
            WriterLease.indexName(alias),
            OpenSearchWebhookQueue.indexName(alias),
            OpenSearchTokenStore.indexName(alias),
            SharedDeactivations.indexName(alias),
            SharedRunHistory.indexName(alias))) {
      connection.send("DELETE", "/" + index, null);
    }
    OpenSearchTestIndices.delete(connection, alias);
    connection.close();
  }

  @Test
  void tokensRevocationsAndDeactivations_reachTheSearchReplica_thatHasNoDataDirectory()
      throws Exception {
    simulator =
        ZoomSimulator.start(SimulatorSettings.builder().seed(47).users(4).start(NOW).build());
    SimUser alice = null;
    List<Long> aliceMeetings = new ArrayList<>();
    for (SimUser user : simulator.account().users()) {
      List<SimMeeting> meetings = simulator.account().meetingsOf(user);
      if (alice == null && !meetings.isEmpty() && user.status().name().equals("ACTIVE")) {
        alice = user;
        meetings.forEach(meeting -> aliceMeetings.add(meeting.id()));
      }
    }
    assertThat(alice).as("an active user hosting meetings").isNotNull();
    OpenSearchIndexSink.open(OpenSearchSettings.of(List.of(node.uri())).withAlias(alias), null)
        .close(); // the index exists before any replica serves it

    ServeProcess writer = writer();
    ServeProcess replica = searchReplica();
    Path replicaLogDir = dir.resolve("replica");
    try (var files = Files.list(replicaLogDir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .as("a search replica keeps nothing in a data directory")
          .containsExactly("serve.log");
    }

    // Health and readiness, unauthenticated.
    assertThat(get(writer, "/healthz", null).statusCode()).isEqualTo(200);
    assertThat(get(replica, "/healthz", null).statusCode()).isEqualTo(200);
    JsonNode replicaReady = readyz(replica);
    assertThat(replicaReady.path("status").asText()).isEqualTo("ready");
    assertThat(replicaReady.path("role").asText()).isEqualTo("search");
    assertThat(replicaReady.has("writer_lease")).as("a search replica never campaigns").isFalse();
    await(
        () -> readyzQuietly(writer).path("writer_lease").asText().equals("held"),
        "the writer reports that it holds the writer lease");
    assertThat(readyz(writer).path("role").asText()).isEqualTo("writer");
    assertThat(get(replica, "/webhooks/zoom", null).statusCode())
        .as("a search replica has no webhook route")
        .isEqualTo(404);

    // 1. A token made once (in OpenSearch) works on both replicas.
    String token = tokenCommand("create", "--user", alice.email()).strip();
    assertThat(token).startsWith("zdx_");
    assertThat(me(writer, token)).isEqualTo(alice.email().toLowerCase(Locale.ROOT));
    assertThat(me(replica, token)).isEqualTo(alice.email().toLowerCase(Locale.ROOT));
    assertThat(tokenCommand("list")).contains(alice.email().toLowerCase(Locale.ROOT));

    // 2. Revoked, it is refused by both on their very next request: no cache to wait out.
    long revokeStarted = System.nanoTime();
    assertThat(tokenCommand("revoke", "1")).contains("Token 1 revoked.");
    long revoked = System.nanoTime();
    assertThat(get(replica, "/api/me", token).statusCode())
        .as("the search replica's first request after the revocation")
        .isEqualTo(401);
    long refusedByReplica = System.nanoTime();
    assertThat(get(writer, "/api/me", token).statusCode()).isEqualTo(401);

    // 3. A deactivation the writer receives by webhook hides the user's documents on the replica.
    String token2 = tokenCommand("create", "--user", alice.email()).strip();
    for (long meeting : aliceMeetings) {
      post(writer, "meeting.updated", "{\"id\":" + meeting + "}");
    }
    await(() -> total(replica, token2) > 0, "the writer re-read alice's meetings into the index");
    post(writer, "user.deactivated", "{\"email\":\"" + alice.email() + "\"}");
    long deactivationSent = System.nanoTime();
    await(() -> total(replica, token2) == 0, "the search replica hides alice's documents");
    long hidden = System.nanoTime();
    assertThat(total(writer, token2)).isZero();

    System.out.printf(
        Locale.ROOT,
        "Shared stores: revocation took %d ms (token revoke command), then the search replica's"
            + " next request was refused %d ms after it returned; a webhook deactivation hid the"
            + " user on the search replica %d ms after the writer acknowledged it%n",
        TimeUnit.NANOSECONDS.toMillis(revoked - revokeStarted),
        TimeUnit.NANOSECONDS.toMillis(refusedByReplica - revoked),
        TimeUnit.NANOSECONDS.toMillis(hidden - deactivationSent));
  }

  private List<String> openSearchArgs() {
    return List.of(
        "--index",
        "opensearch",
        "--opensearch-url",
        node.uri().toString(),
        "--opensearch-index",
        alias,
        "--embedding-model",
        "none");
  }

  private ServeProcess writer() throws Exception {
    Map<String, String> env = new HashMap<>(SimulatorCrawls.environment(simulator));
    env.put("ZOOM_WEBHOOK_SECRET", SECRET);
    List<String> args = new ArrayList<>(openSearchArgs());
    args.addAll(
        List.of(
            "--writer-lease",
            "4s",
            "--rates",
            "unlimited",
            "--since",
            LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusMonths(6).toString()));
    ServeProcess process = ServeProcess.start(dir.resolve("writer"), env, args);
    processes.add(process);
    return process;
  }

  private ServeProcess searchReplica() throws Exception {
    // The webhook secret is set, as on every machine of a deployment: a search replica ignores it.
    ServeProcess process =
        ServeProcess.startSearchReplica(
            dir.resolve("replica"), Map.of("ZOOM_WEBHOOK_SECRET", SECRET), openSearchArgs());
    processes.add(process);
    return process;
  }

  /** {@code zoomdex token ...} against the shared store, in this JVM; its standard output. */
  private String tokenCommand(String... args) {
    List<String> all = new ArrayList<>(List.of("token", args[0]));
    all.addAll(openSearchArgs().subList(0, 6));
    all.addAll(List.of(args).subList(1, args.length));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(all.toArray(String[]::new));
    assertThat(code).as("token %s: %s", args[0], err).isZero();
    return out.toString();
  }

  private HttpResponse<String> get(ServeProcess to, String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(to.uri().resolve(path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode readyz(ServeProcess to) throws Exception {
    HttpResponse<String> answer = get(to, "/readyz", null);
    assertThat(answer.statusCode()).as("/readyz: %s", answer.body()).isEqualTo(200);
    return json.readTree(answer.body());
  }

  private JsonNode readyzQuietly(ServeProcess to) {
    try {
      return readyz(to);
    } catch (Exception | AssertionError e) {
      return json.createObjectNode();
    }
  }

  private String me(ServeProcess to, String token) throws Exception {
    HttpResponse<String> answer = get(to, "/api/me", token);
    assertThat(answer.statusCode()).as("/api/me: %s", answer.body()).isEqualTo(200);
    return json.readTree(answer.body()).path("email").asText();
  }

  private long total(ServeProcess to, String token) {
    try {
      HttpResponse<String> answer = get(to, "/api/search?q=&limit=5", token);
      if (answer.statusCode() != 200) {
        throw new AssertionError(
            "search answered "
                + answer.statusCode()
                + ": "
                + answer.body()
                + "; its log:\n"
                + to.log());
      }
      return json.readTree(answer.body()).path("total").asLong();
    } catch (java.io.IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Sends a signed webhook event to a replica; it must be acknowledged. */
  private void post(ServeProcess to, String event, String object) throws Exception {
    String body =
        "{\"event\":\""
            + event
            + "\",\"event_ts\":"
            + (++eventTs)
            + ",\"payload\":{\"account_id\":\""
            + simulator.accountId()
            + "\",\"object\":"
            + object
            + "}}";
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
    assertThat(answer.statusCode()).as("%s acknowledged: %s", event, answer.body()).isEqualTo(204);
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
