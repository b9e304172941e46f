package io.zoomdex.cli;

import io.zoomdex.config.ConfigException;
import io.zoomdex.sink.SinkException;
import io.zoomdex.sink.lucene.LuceneIndexSink;
import io.zoomdex.sink.opensearch.OpenSearchReembed;
import io.zoomdex.sync.StorageException;
import io.zoomdex.sync.WriterBusyException;
import io.zoomdex.sync.WriterLock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code zoomdex reembed}: rebuilds the passages and vectors of the embedded index with the
 * configured embedding model, from the index alone (Zoom is not called). Resumable: a killed run
 * continues after its last committed batch when started again with the same model.
 */
@Command(
    name = "reembed",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuilds the passage vectors of the index (DIR/index, or OpenSearch) with the configured"
          + " embedding model"
          + " (after changing --embedding-model, or to add vectors to an older index), without"
          + " calling Zoom.",
      "Killed, it resumes where it stopped when run again with the same model; searches keep the"
          + " old vectors until it finishes.",
      "With --index opensearch, it copies the index into the alias's next generation with new"
          + " vectors under the writer lease, moves the alias there atomically and deletes the old"
          + " one (--keep-old-index keeps it)."
    })
public final class ReembedCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ReembedCommand.class);

  @Spec CommandSpec spec;

  @Mixin IndexOptions index = new IndexOptions();

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "The data directory given to `zoomdex crawl` (required for the embedded index; not used"
              + " with --index opensearch).")
  Path data;

  @Option(
      names = "--keep-old-index",
      description =
          "With --index opensearch: keep the previous index after the alias moved to the"
              + " re-embedded one (to point the alias back by hand); by default it is deleted.")
  boolean keepOldIndex;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "The properties file given to crawl and serve; its embedding.* keys choose the model"
              + " (flags and the environment win).")
  Path configFile;

  @Option(
      names = "--batch",
      paramLabel = "N",
      defaultValue = "256",
      description =
          "Documents per commit (default ${DEFAULT-VALUE}); a killed run resumes after the last one.")
  int batch;

  private final Map<String, String> environment;
  private final Clock clock;

  public ReembedCommand() {
    this(System.getenv());
  }

  /** A command with an injected environment (for tests). */
  public ReembedCommand(Map<String, String> environment) {
    this(environment, Clock.systemUTC());
  }

  /** A command with an injected environment and clock (for tests). */
  public ReembedCommand(Map<String, String> environment, Clock clock) {
    this.environment = Map.copyOf(environment);
    this.clock = clock;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean openSearch;
    try {
      openSearch = index.isOpenSearch();
    } catch (ConfigException e) {
      err.println(e.getMessage());
      err.flush();
      return ExitCodes.CONFIG;
    }
    if (openSearch) {
      return reembedOpenSearch(out, err);
    }
    if (data == null) {
      err.println(
          "zoomdex reembed needs --data DIR, the data directory given to `zoomdex crawl` (or"
              + " --index opensearch for an OpenSearch index).");
      err.flush();
      return ExitCodes.USAGE;
    }
    if (!Files.isDirectory(data.resolve("index"))) {
      err.println("No index at " + data + "; run `zoomdex crawl --data " + data + "` first.");
      return ExitCodes.CONFIG;
    }
    index.embedding.configFile(configFile);
    try (IndexOptions owned = index;
        WriterLock lock = WriterLock.acquire(data);
        LuceneIndexSink sink = index.openForReembed(data, environment);
        Progress progress = new Progress(err)) {
      sink.reembed(Math.max(1, batch), progress);
      sink.settle(CrawlJob.SETTLE_WITHIN); // every passage was replaced: many small segments
      out.println(
          sink.recordedModel()
              .map(model -> "Re-embedded " + progress.done + " documents with " + model + ".")
              .orElse("Removed every vector; the index now serves keyword search only."));
      return ExitCodes.OK;
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return ExitCodes.CONFIG;
    } catch (WriterBusyException e) {
      err.println(e.getMessage());
      return ExitCodes.BUSY;
    } catch (SinkException e) {
      err.println(e.getMessage() + " Run `zoomdex reembed` again to resume.");
      return ExitCodes.STORAGE;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * Rebuilds the OpenSearch index into the alias's next generation under the writer lease, then
   * moves the alias; searches use the old generation until then.
   */
  private int reembedOpenSearch(PrintWriter out, PrintWriter err) {
    index.embedding.configFile(configFile);
    try {
      // A typo in the options or a model that does not load is told before the lease is touched;
      // the loaded model is the one the run then uses.
      index.validate(environment);
      index.embedding.vectors(environment);
    } catch (ConfigException e) {
      err.println(e.getMessage());
      err.flush();
      index.close();
      return ExitCodes.CONFIG;
    }
    try (IndexOptions owned = index;
        LeaseGates.HeldLease lease =
            LeaseGates.takenWithoutData(
                index.openSearchSettings(environment), LeaseGates.DEFAULT_LEASE, clock);
        OpenSearchReembed reembed = index.openForOpenSearchReembed(environment, lease.fence());
        Progress progress = new Progress(err)) {
      OpenSearchReembed.Outcome outcome = reembed.run(Math.max(1, batch), progress, keepOldIndex);
      out.println(
          outcome
                  .model()
                  .map(
                      model ->
                          "Re-embedded "
                              + outcome.documents()
                              + " documents with "
                              + model
                              + " into "
                              + outcome.newIndex())
                  .orElse(
                      "Rebuilt "
                          + outcome.documents()
                          + " documents without vectors into "
                          + outcome.newIndex()
                          + "; the index now serves keyword search only")
              + "; the alias "
              + index.openSearchAlias
              + " points at it, and "
              + outcome.oldIndex()
              + (outcome.oldIndexKept() ? " is kept." : " was deleted."));
      return ExitCodes.OK;
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return ExitCodes.CONFIG;
    } catch (WriterBusyException e) {
      err.println(e.getMessage());
      return ExitCodes.BUSY;
    } catch (StorageException e) {
      err.println(e.getMessage());
      return ExitCodes.STORAGE;
    } catch (SinkException e) {
      err.println(e.getMessage());
      return ExitCodes.STORAGE;
    } catch (IOException e) {
      // Only closing the connection can throw this; the run itself finished.
      return ExitCodes.OK;
    } catch (RuntimeException e) {
      // A bug: one sentence here, the stack trace only in the debug log; the alias was not moved.
      log.debug("The re-embed stopped on an internal error", e);
      err.println(InternalFailure.sentence("The re-embed", e));
      return ExitCodes.INTERNAL_ERROR;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** A progress bar over documents (on a terminal; a line per batch otherwise). */
  private static final class Progress
      implements LuceneIndexSink.ReembedProgress, OpenSearchReembed.Progress, AutoCloseable {
    private final PrintWriter err;
    private ProgressBar bar;
    private long done;
    private long total;

    Progress(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void started(long totalDocuments, long alreadyDone) {
      total = totalDocuments;
      done = alreadyDone;
      if (alreadyDone > 0) {
        err.printf(Locale.ROOT, "Resuming: %d of %d documents already done.%n", alreadyDone, total);
      }
      if (System.console() != null) {
        bar =
            new ProgressBarBuilder()
                .setTaskName("Re-embedding")
                .setStyle(ProgressBarStyle.ASCII)
                .setInitialMax(totalDocuments)
                .setUnit(" docs", 1)
                .build();
        bar.stepTo(alreadyDone);
      }
      err.flush();
    }

    @Override
    public void advanced(int documents) {
      done += documents;
      if (bar != null) {
        bar.stepTo(done);
      } else {
        err.printf(Locale.ROOT, "re-embedding: %d of %d documents%n", done, total);
        err.flush();
      }
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }
}
