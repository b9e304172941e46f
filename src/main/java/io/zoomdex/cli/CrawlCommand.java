package io.zoomdex.cli;

import io.zoomdex.config.ConfigException;
import io.zoomdex.config.ZoomSettings;
import io.zoomdex.source.CrawlStats;
import io.zoomdex.sync.ReportJson;
import io.zoomdex.sync.StorageException;
import io.zoomdex.sync.SyncReport;
import io.zoomdex.sync.WriterBusyException;
import io.zoomdex.zoom.ZoomException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
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
      "3:bad configuration",
      "4:Zoom refused the credentials",
      "5:the Zoom app lacks a required scope",
      "6:Zoom unreachable or failing",
      "7:partial crawl: some listings failed, nothing was deleted",
      "8:index or state not writable",
      "9:another crawl (or serve's webhook worker or scheduler) is writing to --data"
    })
public final class CrawlCommand implements Callable<Integer> {
  @Mixin ZoomOptions zoom;
  @Mixin IndexOptions index = new IndexOptions();
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
      description = "First day of cloud recordings to crawl (default: 12 months ago).")
  String since;

  /** Which crawl to run. */
  enum Mode {
    full,
    incremental
  }

  @Option(
      names = "--mode",
      defaultValue = "full",
      description =
          "full: everything, then deletes what Zoom no longer has (after a complete crawl only);"
              + " incremental: only what can have changed since the last complete crawl, deletes"
              + " nothing (default: ${DEFAULT-VALUE}).")
  Mode mode;

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
      ZoomSettings settings = zoom.settings(environment);
      index.validate(environment);
      LocalDate firstDay = RecordingsSince.firstDay(since, clock);
      CrawlStats stats = new CrawlStats();
      SyncReport report;
      try (CrawlProgress progress = CrawlProgress.start(stats, err)) {
        CrawlJob job =
            new CrawlJob(
                settings,
                data,
                clock,
                Math.max(1, commitEvery),
                dir -> index.openSink(dir, environment));
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
