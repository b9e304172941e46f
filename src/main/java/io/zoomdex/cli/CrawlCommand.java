package io.zoomdex.cli;

import io.zoomdex.config.ConfigException;
import io.zoomdex.config.ZoomSettings;
import io.zoomdex.crawlsettings.CrawlSettings;
import io.zoomdex.source.CrawlStats;
import io.zoomdex.sync.ReportJson;
import io.zoomdex.sync.StorageException;
import io.zoomdex.sync.SyncReport;
import io.zoomdex.sync.WriterBusyException;
import io.zoomdex.zoom.ZoomException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code zoomdex crawl}: a full crawl of the Zoom account into the embedded index. */
@Command(
    name = "crawl",
    mixinStandardHelpOptions = true,
    description = {
      "Crawls users, meetings, webinars, every past instance, participants, Q&A, AI summaries"
          + " and cloud-recording transcripts into the index under --data.",
      "Documents no longer in Zoom are deleted only after a crawl that saw everything.",
      "The index is embedded Lucene under --data, or OpenSearch with --index opensearch; the sync"
          + " state always lives under --data."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:complete crawl",
      "1:internal error (the run history records the run as failed)",
      "2:bad command line (a --since that is not a date like 2026-01-31, or is in the future; a"
          + " bad crawl setting flag such as --kinds)",
      "3:bad configuration",
      "4:Zoom refused the credentials",
      "5:the Zoom app lacks a required scope",
      "6:Zoom unreachable or failing",
      "7:partial crawl: some listings failed, nothing was deleted",
      "8:index or state not writable",
      "9:another crawl (or serve's webhook worker or scheduler) is writing to --data"
    })
public final class CrawlCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(CrawlCommand.class);

  @Mixin ZoomOptions zoom;
  @Mixin IndexOptions index = new IndexOptions();
  @Mixin CrawlSettingsOptions crawlOptions = new CrawlSettingsOptions();
  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "zoomdex-data",
      description = "Where the index and sync state live (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--since",
      paramLabel = "YYYY-MM-DD",
      description =
          "First day of cloud recordings to crawl, YYYY-MM-DD (UTC), not after today (default:"
              + " 12 months ago).")
  String since;

  /** Which crawl to run. */
  enum Mode {
    full,
    incremental
  }

  @Option(
      names = "--mode",
      paramLabel = "full|incremental",
      defaultValue = "full",
      description =
          "One of ${COMPLETION-CANDIDATES}. full: everything, then deletes what Zoom no longer has"
              + " (after a complete crawl only); incremental: only what can have changed since"
              + " the last complete crawl, deletes nothing (default: ${DEFAULT-VALUE}).")
  Mode mode;

  @Option(
      names = "--summary-look-back",
      paramLabel = "DURATION",
      defaultValue = "1d",
      description =
          "How long after a meeting started a polling incremental crawl still checks it for a late"
              + " AI summary, e.g. 1d or 7d (default: ${DEFAULT-VALUE}); each day costs about one"
              + " call per meeting instance of that day.")
  String summaryLookBack;

  @Option(names = "--json", description = "Print the final report as one line of JSON.")
  boolean json;

  @Option(
      names = "--commit-every",
      paramLabel = "N",
      defaultValue = "" + CrawlJob.DEFAULT_COMMIT_EVERY,
      description =
          "Documents per index commit and checkpoint (default: ${DEFAULT-VALUE}); a killed crawl"
              + " resumes from the last checkpoint.")
  int commitEvery;

  private final Map<String, String> environment;
  private final Clock clock;

  /** The production command: the real environment and the system clock. */
  public CrawlCommand() {
    this(System.getenv(), Clock.systemUTC());
  }

  /** A command with an injected environment and clock (for tests). */
  public CrawlCommand(Map<String, String> environment, Clock clock) {
    this.environment = Map.copyOf(environment);
    this.clock = clock;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      // The command line is checked before the configuration: its mistakes are the user's own.
      LocalDate firstDay = RecordingsSince.firstDay(since, clock);
      CrawlSettings crawlSettings = crawlOptions.settings(zoom.configFile);
      ZoomSettings settings = zoom.settings(environment);
      index.embedding.configFile(zoom.configFile);
      index.validate(environment);
      Duration lookBack = Durations.parse("--summary-look-back", summaryLookBack);
      CrawlStats stats = new CrawlStats();
      SyncReport report;
      try (CrawlProgress progress = CrawlProgress.start(stats, err)) {
        CrawlJob job =
            new CrawlJob(
                settings,
                data,
                clock,
                Math.max(1, commitEvery),
                (dir, fence) -> index.openSink(dir, environment, fence),
                index.isOpenSearch()
                    ? LeaseGates.takenPerRun(
                        index.openSearchSettings(environment), LeaseGates.DEFAULT_LEASE, clock)
                    : WriterGate.FILE_LOCK);
        job.summaryLookBack(lookBack);
        job.crawlSettings(crawlSettings);
        report = job.run(firstDay, stats, mode == Mode.incremental);
      }
      out.println(json ? ReportJson.write(report) : ReportText.format(report));
      return report.complete() ? ExitCodes.OK : ExitCodes.PARTIAL;
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return ExitCodes.CONFIG;
    } catch (ZoomException e) {
      err.println(e.getMessage());
      return exitCodeOf(e);
    } catch (WriterBusyException e) {
      err.println(e.getMessage());
      return ExitCodes.BUSY;
    } catch (StorageException e) {
      err.println(e.getMessage());
      return ExitCodes.STORAGE;
    } catch (OptionValueException e) {
      err.println(e.getMessage());
      return ExitCodes.USAGE;
    } catch (RuntimeException e) {
      // A bug: one sentence here, the stack trace only in the debug log; the run history already
      // records the run as failed with this reason.
      log.debug("The crawl stopped on an internal error", e);
      err.println(InternalFailure.sentence("The crawl", e));
      return ExitCodes.INTERNAL_ERROR;
    } finally {
      index.close();
      out.flush();
      err.flush();
    }
  }

  /** The documented exit code for a crawl Zoom stopped. */
  static int exitCodeOf(ZoomException e) {
    return switch (e.reason()) {
      case BAD_CREDENTIALS -> ExitCodes.AUTH;
      case MISSING_SCOPE -> ExitCodes.MISSING_SCOPE;
      default -> ExitCodes.ZOOM_UNAVAILABLE;
    };
  }
}
