package io.zoomdex.bench;

import io.zoomdex.cli.ServeCommand;
import io.zoomdex.config.Plan;
import io.zoomdex.config.RateLabel;
import io.zoomdex.config.RateLimits;
import io.zoomdex.config.ZoomSettings;
import io.zoomdex.e2e.SimulatorCrawls;
import io.zoomdex.simulator.ChangeSet;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.Webhooks;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.sink.lucene.LuceneIndexSink;
import io.zoomdex.source.CrawlStats;
import io.zoomdex.source.DocumentMapper;
import io.zoomdex.source.ZoomCrawler;
import io.zoomdex.sync.ApiUsage;
import io.zoomdex.sync.StateStore;
import io.zoomdex.sync.SyncEngine;
import io.zoomdex.sync.SyncPath;
import io.zoomdex.sync.SyncReport;
import io.zoomdex.zoom.ZoomClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * What an incremental crawl costs by each path after 1% of the account changed: one full crawl is
 * copied into three data directories; `zoomdex serve` with a webhook secret runs on one of them,
 * subscribed to the simulator's emitter, while {@code Mutations.changeFraction(0.01)} changes the
 * account (its events are signed, delivered and processed); then an incremental crawl runs on each
 * copy: webhook-driven on the served one, polling on the others (1 day and no summary look-back),
 * and once more with nothing changed. Calls are the simulator's request log.
 *
 * <p>{@code java -cp ... io.zoomdex.bench.IncrementalPathsBench --users 200}
 */
public final class IncrementalPathsBench {
  private static final String SECRET = "bench-webhook-secret";

  private IncrementalPathsBench() {}

  /** Measures, then exits (see {@link ExitAfter}). */
  public static void main(String[] argv) {
    ExitAfter.run(() -> measure(argv));
  }

  private static void measure(String[] argv) throws Exception {
    Args a = new Args(argv);
    int users = a.getInt("users", 200);
    SimulatorSettings settings =
        SimulatorSettings.builder()
            .seed(42)
            .users(users)
            .meetingsPerUser(3)
            .webinarsPerUser(1)
            .instancesPerMeeting(8)
            .participantsPerInstance(5)
            .plan(io.zoomdex.simulator.Plan.UNLIMITED)
            .build();
    Path root = Files.createTempDirectory("zoomdex-paths-bench-");
    Path webhooks = root.resolve("webhooks");
    Path polling = root.resolve("polling");
    Path noLookBack = root.resolve("no-look-back");
    Map<String, String> rows = new LinkedHashMap<>();
    try (ZoomSimulator sim = ZoomSimulator.start(settings)) {
      LocalDate since = LocalDate.ofInstant(sim.clock().now(), ZoneOffset.UTC).minusMonths(12);
      crawl(sim, webhooks, since, false, CrawlPlanDefaults.LOOK_BACK);
      Map<String, Long> full = labelled(sim);
      copy(webhooks, polling);
      copy(webhooks, noLookBack);

      sim.requestLog().reset();
      Served served = serve(sim, webhooks, since);
      sim.webhooks().useTiming(Webhooks.Timing.scaled(1e-4));
      sim.webhooks().subscribe(served.webhookUri, SECRET);
      int firstChange = sim.mutations().changeLog().size();
      ChangeSet changes = sim.mutations().changeFraction(0.01, 7);
      awaitProcessed(sim, webhooks, firstChange);
      served.stop();
      Map<String, Long> events = labelled(sim);

      sim.requestLog().reset();
      SyncReport viaEvents = crawl(sim, webhooks, since, true, CrawlPlanDefaults.LOOK_BACK);
      Map<String, Long> webhookIncremental = labelled(sim);
      Map<String, Long> webhookOps = sim.requestLog().callsByOperation();
      sim.requestLog().reset();
      SyncReport viaPolling = crawl(sim, polling, since, true, CrawlPlanDefaults.LOOK_BACK);
      Map<String, Long> pollingIncremental = labelled(sim);
      Map<String, Long> pollingOps = sim.requestLog().callsByOperation();
      sim.requestLog().reset();
      crawl(sim, noLookBack, since, true, Duration.ZERO);
      Map<String, Long> pollingNoLookBack = labelled(sim);
      Map<String, Long> noLookBackOps = sim.requestLog().callsByOperation();
      sim.requestLog().reset();
      crawl(sim, polling, since, true, CrawlPlanDefaults.LOOK_BACK);
      Map<String, Long> pollingIdle = labelled(sim);
      sim.requestLog().reset();
      SyncReport idle = crawl(sim, webhooks, since, true, CrawlPlanDefaults.LOOK_BACK);
      Map<String, Long> webhookIdle = labelled(sim);

      long fullTotal = total(full);
      // The floor: the users listing, then per host one page of meetings, one of webinars and
      // one recordings window (the simulator lists at most 300 a page: one call per host).
      long hosts = pollingOps.getOrDefault("meetings", 0L);
      long floor = pollingOps.getOrDefault("users", 0L) + 3 * hosts;
      long panelists = pollingOps.getOrDefault("webinarPanelists", 0L);
      StringBuilder md = new StringBuilder();
      md.append(
          String.format(
              Locale.ROOT,
              "Account: seed 42, %d users, 3 meetings and 1 webinar per user; full crawl %d labelled"
                  + " calls %s. Changes: `Mutations.changeFraction(0.01, 7)` (%d meetings updated,"
                  + " %d created, %d deleted, %d new instances, %d new summaries, %d webinars"
                  + " updated, %d users deactivated, %d deleted, %d created).%n%n",
              users,
              fullTotal,
              full,
              changes.updatedMeetings().size(),
              changes.createdMeetings().size(),
              changes.deletedMeetings().size(),
              changes.newInstances().size(),
              changes.newSummaries().size(),
              changes.updatedWebinars().size(),
              changes.deactivatedUsers().size(),
              changes.deletedUsers().size(),
              changes.createdUsers().size()));
      md.append("| incremental after 1% churn | path | labelled calls | / full crawl |\n");
      md.append("|---|---|---:|---:|\n");
      row(
          md,
          "API-shape floor: users + each host's meetings, webinars, recordings (1 window)",
          "–",
          floor,
          fullTotal);
      row(
          md,
          "floor + each listed webinar's panelists (no event reports them)",
          "–",
          floor + panelists,
          fullTotal);
      row(
          md,
          "polling, --summary-look-back 1d (default)",
          viaPolling.path(),
          total(pollingIncremental),
          fullTotal);
      row(md, "polling, no summary look-back", "polling", total(pollingNoLookBack), fullTotal);
      row(
          md,
          "webhook events processed by serve (signed, delivered)",
          "–",
          total(events),
          fullTotal);
      row(
          md,
          "webhook-driven incremental crawl",
          viaEvents.path(),
          total(webhookIncremental),
          fullTotal);
      row(
          md,
          "**webhook-driven: events + incremental crawl**",
          viaEvents.path(),
          total(events) + total(webhookIncremental),
          fullTotal);
      row(md, "polling, nothing changed since", "polling", total(pollingIdle), fullTotal);
      row(md, "webhook-driven, nothing changed since", idle.path(), total(webhookIdle), fullTotal);
      md.append('\n');
      md.append(
          String.format(
              Locale.ROOT,
              "Calls by operation: polling (1d look-back) %s; polling (no look-back) %s;"
                  + " webhook-driven crawl %s; the events %s.%n%n",
              pollingOps,
              noLookBackOps,
              webhookOps,
              events));
      md.append(
          String.format(
              Locale.ROOT,
              "Summary look-back: one day of look-back cost %d calls here (%d with 1d, %d"
                  + " without): each instance indexed without a summary that started in the window"
                  + " is asked once more (`pastMeetingDetails`), per incremental crawl.%n%n",
              total(pollingIncremental) - total(pollingNoLookBack),
              total(pollingIncremental),
              total(pollingNoLookBack)));
      md.append(dayBudget(users, full, events, webhookIncremental, webhookIdle, pollingIdle));
      md.append(String.format(Locale.ROOT, "Webhook-driven reason: %s.%n", viaEvents.pathReason()));
      System.out.print(md);
    }
  }

  /**
   * A day at `--sync-every 15m --full-every 24h` for a 1,000-user Pro account, scaled from this
   * account's per-crawl costs by the ratio of users (every cost here grows with the hosts).
   */
  private static String dayBudget(
      int users,
      Map<String, Long> full,
      Map<String, Long> events,
      Map<String, Long> webhookIncremental,
      Map<String, Long> webhookIdle,
      Map<String, Long> pollingIdle) {
    double scale = 1000.0 / users;
    int incrementals = 95; // 96 runs a day, one of them the full crawl
    StringBuilder md = new StringBuilder();
    md.append(
        "A day of freshness, 1,000-user Pro account, `--sync-every 15m --full-every 24h`: one full"
            + " crawl and 95 incremental crawls, each cost scaled by 1000/"
            + users
            + " users from the figures above; the day's changes are taken as the 1% churn above"
            + " once (about 1% of the account changing per day), its events and crawl cost"
            + " counted once, the other 94 incremental crawls as the \"nothing changed\" ones."
            + " Pro allows 30 LIGHT and 20 MEDIUM calls a second (no daily cap for them):\n\n");
    md.append(
        "| label | full crawl | webhooks on: day | share of Pro's day | polling: day | share of"
            + " Pro's day |\n|---|---:|---:|---:|---:|---:|\n");
    double fullAll = 0;
    double webhookAll = 0;
    double pollingAll = 0;
    for (RateLabel label : new RateLabel[] {RateLabel.LIGHT, RateLabel.MEDIUM}) {
      String name = label.name();
      double f = scale * full.getOrDefault(name, 0L);
      double w =
          f
              + scale
                  * (events.getOrDefault(name, 0L)
                      + webhookIncremental.getOrDefault(name, 0L)
                      + (incrementals - 1) * webhookIdle.getOrDefault(name, 0L));
      double p = f + scale * incrementals * pollingIdle.getOrDefault(name, 0L);
      double allowed = Plan.PRO.perSecond(label) * 86_400;
      fullAll += f;
      webhookAll += w;
      pollingAll += p;
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %,.0f | %,.0f | %.2f%% | %,.0f | %.2f%% |%n",
              name,
              f,
              w,
              100 * w / allowed,
              p,
              100 * p / allowed));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "%nThe whole day with webhooks on costs **%.2f full crawls** of calls (goal ≤ 2: %s);"
                + " polling only, %.2f full crawls.%n%n",
            webhookAll / fullAll,
            webhookAll / fullAll <= 2 ? "met" : "missed",
            pollingAll / fullAll));
    return md.toString();
  }

  private static void row(StringBuilder md, String what, String path, long calls, long full) {
    md.append(
        String.format(
            Locale.ROOT, "| %s | %s | %d | %.1f%% |%n", what, path, calls, 100.0 * calls / full));
  }

  private static SyncReport crawl(
      ZoomSimulator sim, Path data, LocalDate since, boolean incremental, Duration lookBack)
      throws Exception {
    ZoomSettings settings =
        SimulatorCrawls.settings(sim).withRateLimits(RateLimits.none()).withConcurrency(4);
    ZoomClient client = ZoomClient.create(settings);
    try (StateStore state = StateStore.open(data);
        LuceneIndexSink sink = LuceneIndexSink.open(data.resolve("index"))) {
      ZoomCrawler crawler =
          new ZoomCrawler(client, new DocumentMapper(settings.oauthUrl().toString()), 8);
      SyncEngine engine =
          new SyncEngine(crawler, sink, state, Clock.systemUTC(), 500, () -> ApiUsage.NONE)
              .summaryLookBack(lookBack);
      SyncReport report =
          incremental
              ? engine.incrementalCrawl(since, new CrawlStats())
              : engine.fullCrawl(since, new CrawlStats());
      if (!report.complete()) {
        throw new IllegalStateException("The crawl was not complete: " + report.failures());
      }
      return report;
    }
  }

  private static Map<String, Long> labelled(ZoomSimulator sim) {
    return ApiCallBound.byLabel(sim.requestLog().callsByOperation());
  }

  private static long total(Map<String, Long> byLabel) {
    return byLabel.values().stream().mapToLong(Long::longValue).sum();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void awaitProcessed(ZoomSimulator sim, Path data, int firstChange)
      throws Exception {
    int events = sim.mutations().changeLog().size() - firstChange;
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (sim.webhooks().deliveries().stream()
            .filter(d -> d.outcome() == Webhooks.Outcome.DELIVERED)
            .map(Webhooks.Delivery::eventId)
            .distinct()
            .count()
        < events) {
      check(deadline, "events delivered");
      Thread.sleep(50);
    }
    while (true) {
      try (StateStore state = StateStore.open(data)) {
        if (state.pendingWebhookEvents(1).isEmpty()
            && state.marked(SyncPath.VALIDATED).isPresent()) {
          return;
        }
      }
      check(deadline, "events processed");
      Thread.sleep(50);
    }
  }

  private static void check(long deadline, String what) {
    if (System.nanoTime() > deadline) {
      throw new IllegalStateException("Timed out waiting for " + what + ".");
    }
  }

  private static Served serve(ZoomSimulator sim, Path data, LocalDate since) throws Exception {
    Map<String, String> env = new HashMap<>(SimulatorCrawls.environment(sim));
    env.put("ZOOM_WEBHOOK_SECRET", SECRET);
    ServeCommand serve = new ServeCommand(env, Clock.systemUTC());
    CommandLine cli = new CommandLine(serve);
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                cli.execute(
                    "--data",
                    data.toString(),
                    "--port",
                    "0",
                    "--rates",
                    "unlimited",
                    "--since",
                    since.toString(),
                    // The bench's own crawls write no vectors: serve must not ask for them.
                    "--embedding-model",
                    "none"));
    Pattern line = Pattern.compile("Zoom webhooks: (\\S+)");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      Matcher m = line.matcher(out.toString());
      if (m.find()) {
        return new Served(serve, exit, java.net.URI.create(m.group(1)));
      }
      check(deadline, "serve to start");
      Thread.sleep(20);
    }
  }

  private record Served(
      ServeCommand serve, CompletableFuture<Integer> exit, java.net.URI webhookUri) {
    void stop() throws Exception {
      serve.requestStop();
      exit.get(60, TimeUnit.SECONDS);
    }
  }

  /** The crawl's default summary look-back. */
  private static final class CrawlPlanDefaults {
    static final Duration LOOK_BACK = io.zoomdex.source.CrawlPlan.DEFAULT_SUMMARY_LOOK_BACK;
  }
}
