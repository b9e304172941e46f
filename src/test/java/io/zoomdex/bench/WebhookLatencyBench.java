package io.zoomdex.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zoomdex.cli.CrawlCommand;
import io.zoomdex.cli.ServeCommand;
import io.zoomdex.e2e.SimulatorCrawls;
import io.zoomdex.search.auth.ApiTokenStore;
import io.zoomdex.simulator.MeetingChanges;
import io.zoomdex.simulator.Plan;
import io.zoomdex.simulator.SimMeeting;
import io.zoomdex.simulator.SimUser;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.Webhooks;
import io.zoomdex.simulator.ZoomSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Webhook-to-searchable latency: on the demo account (25 users, seed 7, Business limits), a full
 * crawl, then `zoomdex serve` with a webhook secret (paced at Business-plan limits as `--plan
 * business`), subscribed to the simulator's emitter. Each round changes one meeting's agenda to a
 * word no document holds and measures from the mutation (the simulator emits {@code
 * meeting.updated} at once) until a search over HTTP as the host finds that word. Rounds run one
 * after another, so each latency is one event's, not a queue's.
 *
 * <p>{@code java -cp ... io.zoomdex.bench.WebhookLatencyBench --events 50 --users 25}
 */
public final class WebhookLatencyBench {
  private static final String SECRET = "bench-webhook-secret";

  private WebhookLatencyBench() {}

  /** Measures, then exits (see {@link ExitAfter}). */
  public static void main(String[] argv) {
    ExitAfter.run(() -> measure(argv));
  }

  private static void measure(String[] argv) throws Exception {
    Args args = new Args(argv);
    int events = args.getInt("events", 50);
    int users = args.getInt("users", 25);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    LocalDate since = LocalDate.ofInstant(now, ZoneOffset.UTC).minusMonths(12);
    Path data = Files.createTempDirectory("zoomdex-webhook-bench-");
    SimulatorSettings account =
        SimulatorSettings.builder().seed(7).users(users).plan(Plan.BUSINESS).start(now).build();
    try (ZoomSimulator simulator = ZoomSimulator.start(account)) {
      // The first crawl as `zoomdex crawl` runs it, with the default embedding model, so that the
      // events below are measured as a default serve handles them (passages embedded too).
      int crawled =
          new CommandLine(
                  new CrawlCommand(SimulatorCrawls.environment(simulator), Clock.systemUTC()))
              .execute(
                  "--data", data.toString(), "--rates", "unlimited", "--since", since.toString());
      if (crawled != 0) {
        throw new IllegalStateException("The first crawl exited with " + crawled + ".");
      }
      SimUser host = simulator.account().user(0);
      List<SimMeeting> meetings =
          simulator.account().meetingsOf(host).stream().filter(SimMeeting::listed).toList();
      String token;
      try (ApiTokenStore tokens = ApiTokenStore.open(data, Clock.systemUTC())) {
        token = tokens.create(host.email(), false).token();
      }
      Map<String, String> env = new HashMap<>(SimulatorCrawls.environment(simulator));
      env.put("ZOOM_WEBHOOK_SECRET", SECRET);
      ServeCommand serve = new ServeCommand(env, Clock.systemUTC());
      CommandLine cli = new CommandLine(serve);
      StringWriter out = new StringWriter();
      cli.setOut(new PrintWriter(out, true));
      CompletableFuture<Integer> exit =
          CompletableFuture.supplyAsync(
              () ->
                  cli.execute(
                      "--data",
                      data.toString(),
                      "--port",
                      "0",
                      "--plan",
                      "business",
                      "--since",
                      since.toString()));
      URI webhookUri = awaitWebhookUri(out);
      URI base = webhookUri.resolve("/");
      Webhooks webhooks = simulator.webhooks();
      webhooks.subscribe(webhookUri, SECRET);
      HttpClient http = HttpClient.newHttpClient();
      List<Double> millis = new ArrayList<>();
      long zoomCallsBefore = simulator.requestLog().total();
      try {
        for (int i = 0; i < events; i++) {
          SimMeeting meeting = meetings.get(i % meetings.size());
          String word = "wlat" + i + "q" + Long.toString(now.getEpochSecond(), 36);
          long started = System.nanoTime();
          simulator
              .mutations()
              .updateMeeting(meeting.id(), MeetingChanges.none().withAgenda("Agenda " + word));
          while (total(http, base, token, word) == 0) {
            if (System.nanoTime() - started > Duration.ofSeconds(60).toNanos()) {
              throw new IllegalStateException("Event " + i + " was not searchable after 60 s.");
            }
            Thread.sleep(2);
          }
          millis.add((System.nanoTime() - started) / 1e6);
        }
      } finally {
        serve.requestStop();
        exit.join();
      }
      long zoomCalls = simulator.requestLog().total() - zoomCallsBefore;
      List<Double> sorted = new ArrayList<>(millis);
      Collections.sort(sorted);
      System.out.printf(
          Locale.ROOT,
          "webhook-to-searchable over %d meeting.updated events (%d users, seed 7, Business"
              + " limits): p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms, mean %.0f ms;"
              + " %.1f Zoom calls per event%n",
          sorted.size(),
          users,
          percentile(sorted, 50),
          percentile(sorted, 90),
          percentile(sorted, 99),
          sorted.get(sorted.size() - 1),
          sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0),
          zoomCalls / (double) sorted.size());
    }
  }

  private static URI awaitWebhookUri(StringWriter out) throws InterruptedException {
    Pattern line = Pattern.compile("Zoom webhooks: (\\S+)");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = line.matcher(out.toString());
      if (m.find()) {
        return URI.create(m.group(1));
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("serve did not start: " + out);
  }

  private static long total(HttpClient http, URI base, String token, String word) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve("/api/search?limit=1&q=" + word))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(response.body()).path("total").asLong();
  }

  /** Nearest-rank percentile of sorted values. */
  private static double percentile(List<Double> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
