package io.zoomdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zoomdex.e2e.SimulatorCrawls;
import io.zoomdex.search.auth.ApiTokenStore;
import io.zoomdex.simulator.MeetingChanges;
import io.zoomdex.simulator.SimMeeting;
import io.zoomdex.simulator.SimUser;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.Webhooks;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.sync.StateStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A full crawl and serve at DEBUG log level against a simulated account whose content is hostile
 * (markup and script in a topic, control characters, a 200 kB agenda), then two checks: hostile
 * content comes back as inert text, and no secret (client secret, a wrong secret tried, every
 * access token the simulator issued, the API tokens' plaintext) appears in any log line, standard
 * stream, command output, HTTP answer (search, document, runs, metrics, page) or file under {@code
 * --data}. Serve runs with webhooks on, so the webhook secret is checked too: the simulator's
 * emitter validates the endpoint and delivers a signed change that serve re-reads from Zoom, and a
 * forged event is refused.
 */
class SecretsAndHostileContentTest {
  private static final Instant NOW = Instant.parse("2026-11-20T09:30:00Z");
  private static final String HOSTILE_TOPIC =
      "<script>window.__pwned=1</script>\u0000\u0007\u001b[31m Quokka <b>plan</b> \"';--";
  private static final String WRONG_SECRET = "wrong-secret-4f1c9e7a2b";
  private static final String WEBHOOK_SECRET = "webhook-secret-9d2e5b7c1a";

  @TempDir Path data;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, String> outputs = new LinkedHashMap<>();

  @Test
  void crawlAndServeAtDebugLevel_leakNoSecret_andServeHostileContentAsText() throws Exception {
    List<String> secrets = new ArrayList<>();
    try (ZoomSimulator simulator =
            ZoomSimulator.start(
                SimulatorSettings.builder()
                    .seed(17)
                    .users(5)
                    .meetingsPerUser(2)
                    .start(NOW)
                    .build());
        CapturedOutput captured = CapturedOutput.start()) {
      SimMeeting meeting = aListedMeeting(simulator);
      String hugeAgenda = "agenda filler text ".repeat(10_000) + "zebracorn";
      simulator
          .mutations()
          .updateMeeting(
              meeting.id(), MeetingChanges.none().withTopic(HOSTILE_TOPIC).withAgenda(hugeAgenda));
      String hostEmail = simulator.account().user(meeting.hostIndex()).email();

      Map<String, String> env = SimulatorCrawls.environment(simulator);
      assertThat(crawl(env, "crawl")).isEqualTo(ExitCodes.OK);
      Map<String, String> wrong = new HashMap<>(env);
      wrong.put("ZOOM_CLIENT_SECRET", WRONG_SECRET);
      assertThat(crawl(wrong, "crawl with a wrong secret")).isEqualTo(ExitCodes.AUTH);

      String userToken;
      String adminToken;
      try (ApiTokenStore tokens = ApiTokenStore.open(data, Clock.systemUTC())) {
        userToken = tokens.create(hostEmail, false).token();
        adminToken = tokens.create("admin@example.com", true).token();
      }
      serveAndAsk(simulator, env, meeting, userToken, adminToken);

      assertThat(captured.debugLines()).as("DEBUG lines captured").isPositive();
      outputs.put("logs and standard streams", captured.text());
      secrets.add(simulator.clientSecret());
      secrets.add(WRONG_SECRET);
      secrets.add(WEBHOOK_SECRET);
      secrets.addAll(simulator.issuedAccessTokens());
      secrets.add(userToken);
      secrets.add(adminToken);
      assertThat(simulator.issuedAccessTokens()).isNotEmpty();
    }
    addEveryFileUnder(data);

    for (String secret : secrets) {
      for (Map.Entry<String, String> output : outputs.entrySet()) {
        assertThat(output.getValue())
            .as("%s must not contain a secret", output.getKey())
            .doesNotContain(secret);
      }
    }
    assertThat(outputs.keySet()).anyMatch(name -> name.contains("tokens"));
  }

  private void serveAndAsk(
      ZoomSimulator simulator,
      Map<String, String> env,
      SimMeeting meeting,
      String userToken,
      String adminToken)
      throws Exception {
    Map<String, String> withWebhooks = new HashMap<>(env);
    withWebhooks.put("ZOOM_WEBHOOK_SECRET", WEBHOOK_SECRET);
    ServeCommand serve = new ServeCommand(withWebhooks, Clock.systemUTC());
    CommandLine cli = new CommandLine(serve);
    ServingLine out = new ServingLine();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () -> cli.execute("--data", data.toString(), "--port", "0", "--rates", "unlimited"));
    try {
      assertThat(out.printed.await(30, TimeUnit.SECONDS)).as("the Serving line").isTrue();
      Matcher url = Pattern.compile("Serving (http://127\\.0\\.0\\.1:\\d+/)").matcher(out.text());
      assertThat(url.find()).isTrue();
      URI base = URI.create(url.group(1));

      List<HttpResponse<String>> searches = new ArrayList<>();
      for (String mode : List.of("keyword", "semantic", "hybrid")) {
        searches.addAll(searchHostile(base, meeting, userToken, mode));
      }
      HttpResponse<String> document = get(base, "api/documents/meeting:" + meeting.id(), userToken);
      assertThat(document.statusCode()).isEqualTo(200);
      assertThat(json.readTree(document.body()).path("body").asText()).contains("zebracorn");

      HttpResponse<String> page = get(base, "", null);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).doesNotContain("__pwned");
      HttpResponse<String> runs = get(base, "api/runs", adminToken);
      assertThat(runs.statusCode()).isEqualTo(200);
      HttpResponse<String> metrics = get(base, "metrics", adminToken);
      assertThat(metrics.statusCode()).isEqualTo(200);
      HttpResponse<String> refused = get(base, "api/search?q=x", userToken + "x");
      assertThat(refused.statusCode()).isEqualTo(401);
      HttpResponse<String> forged = postForgedWebhook(base.resolve("webhooks/zoom"));
      assertThat(forged.statusCode()).isEqualTo(401);
      deliverSignedChange(simulator, base.resolve("webhooks/zoom"), meeting);
      HttpResponse<String> changed = get(base, "api/search?type=meeting&q=okapi", userToken);
      assertThat(json.readTree(changed.body()).path("total").asLong()).isEqualTo(1);
      for (HttpResponse<String> answer :
          Stream.concat(
                  searches.stream(),
                  Stream.of(document, page, runs, metrics, refused, forged, changed))
              .toList()) {
        outputs.put(
            "HTTP " + answer.uri().getPath(), answer.headers().map() + "\n" + answer.body());
      }
    } finally {
      serve.stop.countDown();
    }
    assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
    outputs.put("serve output", out.text() + err);
  }

  /**
   * The hostile meeting searched in one mode: found, its markup and control characters inert in
   * every hit's title and snippets; its 200 kB agenda searchable by its last word (keyword ranking
   * finds exactly that one; a filler-only agenda gives the vectors nothing to find it by).
   */
  private List<HttpResponse<String>> searchHostile(
      URI base, SimMeeting meeting, String userToken, String mode) throws Exception {
    HttpResponse<String> search =
        get(
            base,
            "api/search?type=meeting&q=" + encode("quokka plan") + "&mode=" + mode,
            userToken);
    assertThat(search.statusCode()).as(mode).isEqualTo(200);
    JsonNode hits = json.readTree(search.body()).path("hits");
    JsonNode hit = null;
    for (JsonNode each : hits) {
      assertThat(each.path("title").asText()).as(mode).doesNotContain("\u0000", "\u0007", "\u001b");
      assertThat(each.path("title_snippet").path("html").asText())
          .as(mode)
          .doesNotContain("<script", "<b>plan");
      each.path("snippets")
          .forEach(
              s -> assertThat(s.path("html").asText()).as(mode).doesNotContain("<script", "<b>"));
      if (each.path("id").asText().equals("meeting:" + meeting.id())) {
        hit = each;
      }
    }
    assertThat(hit).as("the hostile meeting found in %s mode", mode).isNotNull();
    assertThat(hit.path("title").asText()).contains("<script>window.__pwned=1</script>");
    assertThat(hit.path("title_snippet").path("html").asText()).contains("&lt;script&gt;");

    HttpResponse<String> huge =
        get(base, "api/search?type=meeting&q=zebracorn&mode=" + mode, userToken);
    assertThat(huge.statusCode()).as(mode).isEqualTo(200);
    if (!mode.equals("semantic")) {
      JsonNode found = json.readTree(huge.body());
      // Only the hostile meeting has the word; in hybrid mode other meetings may follow by meaning
      // (any passage above the model's minimum similarity counts), never ahead of it.
      if (mode.equals("keyword")) {
        assertThat(found.path("total").asLong()).as(mode).isEqualTo(1);
      }
      assertThat(found.path("hits").path(0).path("id").asText())
          .as(mode)
          .isEqualTo("meeting:" + meeting.id());
    }
    return List.of(search, huge);
  }

  /** A webhook signed with a wrong secret: refused, and its signature must not be echoed. */
  private HttpResponse<String> postForgedWebhook(URI endpoint) throws Exception {
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    HttpRequest forged =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("x-zm-request-timestamp", timestamp)
            .header("x-zm-signature", "v0=" + "0".repeat(64))
            .POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"meeting.deleted\"}"))
            .build();
    return http.send(forged, HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Subscribes the simulator's emitter (which validates the endpoint first), changes the meeting's
   * agenda and waits until serve has re-read it from Zoom, so the receiver and worker both ran.
   */
  private void deliverSignedChange(ZoomSimulator simulator, URI endpoint, SimMeeting meeting)
      throws Exception {
    Webhooks webhooks = simulator.webhooks();
    webhooks.useTiming(Webhooks.Timing.scaled(1e-4));
    webhooks.subscribe(endpoint, WEBHOOK_SECRET);
    simulator
        .mutations()
        .updateMeeting(meeting.id(), MeetingChanges.none().withAgenda("okapi planning"));
    assertThat(
            webhooks.awaitDeliveries(
                log -> log.stream().anyMatch(d -> d.outcome() == Webhooks.Outcome.DELIVERED),
                Duration.ofSeconds(30)))
        .as("the change delivered")
        .isTrue();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!webhookEventsProcessed()) {
      assertThat(System.nanoTime()).as("webhook event processed").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private boolean webhookEventsProcessed() {
    try (StateStore state = StateStore.open(data)) {
      return state.pendingWebhookEvents(1).isEmpty();
    }
  }

  private HttpResponse<String> get(URI base, String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private int crawl(Map<String, String> env, String name) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new CrawlCommand(env, Clock.fixed(NOW, ZoneOffset.UTC)));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute("--data", data.toString(), "--rates", "unlimited", "--json");
    outputs.put(name + " output", out + "\n" + err);
    return code;
  }

  /** Every file under the data directory, read as bytes (Latin-1 keeps every byte). */
  private void addEveryFileUnder(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        outputs.put(
            "file " + root.relativize(file),
            new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
  }

  private static SimMeeting aListedMeeting(ZoomSimulator simulator) {
    for (SimUser user : simulator.account().users()) {
      if (user.id() == null) {
        continue;
      }
      for (SimMeeting meeting : simulator.account().meetingsOf(user)) {
        if (meeting.listed()) {
          return meeting;
        }
      }
    }
    throw new AssertionError("The generated account has no listed meeting.");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** Collects what serve prints and signals once the "Serving" line is there. */
  private static final class ServingLine extends Writer {
    final CountDownLatch printed = new CountDownLatch(1);
    private final StringBuilder text = new StringBuilder();

    @Override
    public synchronized void write(char[] chars, int off, int len) {
      text.append(chars, off, len);
      if (text.indexOf("Serving ") >= 0 && text.indexOf("\n") >= 0) {
        printed.countDown();
      }
    }

    synchronized String text() {
      return text.toString();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
