package io.zoomdex.cli;

import io.zoomdex.sync.CrawlSettingsState;
import io.zoomdex.sync.ReportJson;
import io.zoomdex.sync.StateStore;
import io.zoomdex.sync.StateStore.RunRecord;
import io.zoomdex.sync.StorageException;
import io.zoomdex.sync.SyncReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code zoomdex status}: the crawl history under a data directory, newest first. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Shows the last crawls under --data: mode, start, duration, outcome, documents written and"
          + " deleted, Zoom API calls and 429s; and whether an interrupted crawl will be resumed."
    })
public final class StatusCommand implements Callable<Integer> {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "zoomdex-data",
      description = "The data directory (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--limit",
      defaultValue = "10",
      description = "How many runs to show (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.exists(data.resolve("state.db"))) {
      err.println("No crawl has run in " + data + " yet; run `zoomdex crawl --data " + data + "`.");
      err.flush();
      return ExitCodes.CONFIG;
    }
    try (StateStore state = StateStore.open(data)) {
      List<RunRecord> runs = state.recentRuns(Math.max(1, limit));
      out.printf(
          Locale.ROOT,
          "%-5s %-12s %-20s %9s %-11s %7s %7s %7s %9s %5s%n",
          "RUN",
          "MODE",
          "STARTED (UTC)",
          "DURATION",
          "OUTCOME",
          "ADDED",
          "UPDATED",
          "DELETED",
          "API CALLS",
          "429s");
      for (RunRecord run : runs) {
        out.println(row(run, ReportJson.read(run.report())));
      }
      state
          .unfinishedRun("full")
          .ifPresent(
              run ->
                  out.printf(
                      Locale.ROOT,
                      "Full crawl %d did not finish; the next `zoomdex crawl` resumes it (%d users"
                          + " already indexed).%n",
                      run.id(),
                      state.finishedUsers(run.id()).size()));
      out.printf(Locale.ROOT, "%d documents indexed.%n", state.documentCount());
      lastIncremental(runs)
          .ifPresent(
              r -> {
                out.printf(
                    Locale.ROOT,
                    "The last incremental crawl learnt of changes by %s, because %s.%n",
                    r.path(),
                    r.pathReason());
                if ("polling".equals(r.path())) {
                  out.println(POLLING_BLIND_SPOTS);
                }
              });
      Map<String, Long> webhooks = state.webhookEventCounts();
      if (!webhooks.isEmpty()) {
        out.printf(
            Locale.ROOT,
            "Webhook events (last 7 days): %d processed, %d pending, %d given up.%n",
            webhooks.getOrDefault("done", 0L),
            webhooks.getOrDefault("pending", 0L),
            webhooks.getOrDefault("failed", 0L));
      }
      if (CrawlSettingsState.fullCrawlRequired(state)) {
        out.println(
            "Status: full crawl required (crawl settings changed); the next crawl is a full one,"
                + " and removes what the settings now exclude once it completes.");
      }
      if (state.fullCrawlRequested()) {
        out.println("A webhook asked for a full crawl: the next crawl will be a full one.");
      }
      out.flush();
      return ExitCodes.OK;
    } catch (StorageException e) {
      err.println(e.getMessage());
      err.flush();
      return ExitCodes.STORAGE;
    }
  }

  /**
   * What the listings do not show, so that a polling incremental crawl misses it until the next
   * full crawl (or a webhook event, when the receiver is healthy).
   */
  static final String POLLING_BLIND_SPOTS =
      "Until the next full crawl, a polling incremental crawl cannot see: deleted meetings,"
          + " webinars and recordings; a meeting's alternative hosts, invitees or summary setting"
          + " and a webinar's alternative hosts when nothing its listing shows changed; AI"
          + " summaries written later than the summary look-back (--summary-look-back, 1d unless"
          + " set) after their meeting started; recordings added to days before the last"
          + " complete crawl; webinars of a user whose missing webinar plan was remembered.";

  private static Optional<SyncReport> lastIncremental(List<RunRecord> runs) {
    return runs.stream()
        .filter(run -> "incremental".equals(run.mode()))
        .map(run -> ReportJson.read(run.report()))
        .flatMap(Optional::stream)
        .filter(report -> !report.pathReason().isEmpty())
        .findFirst();
  }

  private static String row(RunRecord run, Optional<SyncReport> report) {
    String outcome = run.outcome() == null ? "running" : run.outcome();
    if (report.isEmpty()) {
      return String.format(
          Locale.ROOT,
          "%-5d %-12s %-20s %9s %-11s %s",
          run.id(),
          run.mode(),
          WHEN.format(run.started()),
          "",
          outcome,
          run.report() == null ? "" : run.report());
    }
    SyncReport r = report.get();
    return String.format(
        Locale.ROOT,
        "%-5d %-12s %-20s %7.1f s %-11s %7d %7d %7d %9d %5d",
        run.id(),
        r.mode(),
        WHEN.format(run.started()),
        r.duration().toMillis() / 1000.0,
        outcome,
        r.added(),
        r.updated(),
        r.deleted(),
        r.apiUsage().totalCalls(),
        r.apiUsage().rateLimited());
  }
}
