package io.zoomdex.cli;

import io.zoomdex.config.ConfigException;
import io.zoomdex.sink.SinkException;
import io.zoomdex.sink.lucene.LuceneIndexSink;
import io.zoomdex.sync.WriterBusyException;
import io.zoomdex.sync.WriterLock;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
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
      "Rebuilds the passage vectors of the index in DIR/index with the configured embedding model"
          + " (after changing --embedding-model, or to add vectors to an older index), without"
          + " calling Zoom.",
      "Killed, it resumes where it stopped when run again with the same model; searches keep the"
          + " old vectors until it finishes."
    })
public final class ReembedCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin IndexOptions index = new IndexOptions();

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "The data directory given to `zoomdex crawl`.")
  Path data;

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

  public ReembedCommand() {
    this(System.getenv());
  }

  /** A command with an injected environment (for tests). */
  public ReembedCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
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

  /** A progress bar over documents (on a terminal; a line per batch otherwise). */
  private static final class Progress implements LuceneIndexSink.ReembedProgress, AutoCloseable {
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
