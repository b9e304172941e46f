package io.zoomdex.cli;

import io.zoomdex.source.CrawlStats;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a crawl's progress on standard error: a progress bar over users on a terminal, a plain line
 * every few seconds otherwise (logs and CI output stay readable).
 */
final class CrawlProgress implements AutoCloseable {
  private static final long PLAIN_LINE_SECONDS = 5;

  private final ScheduledExecutorService ticker;
  private final ProgressBar bar;

  private CrawlProgress(ScheduledExecutorService ticker, ProgressBar bar) {
    this.ticker = ticker;
    this.bar = bar;
  }

  static CrawlProgress start(CrawlStats stats, PrintWriter err) {
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "crawl-progress");
              thread.setDaemon(true);
              return thread;
            });
    if (System.console() != null) {
      ProgressBar bar =
          new ProgressBarBuilder()
              .setTaskName("Crawling users")
              .setStyle(ProgressBarStyle.ASCII)
              .setInitialMax(0)
              .continuousUpdate()
              .build();
      ticker.scheduleAtFixedRate(
          () -> {
            bar.maxHint(stats.usersTotal());
            bar.stepTo(stats.usersDone());
            bar.setExtraMessage(stats.documentsTotal() + " documents");
          },
          0,
          200,
          TimeUnit.MILLISECONDS);
      return new CrawlProgress(ticker, bar);
    }
    ticker.scheduleAtFixedRate(
        () ->
            plainLine(
                    stats.usersDone(),
                    stats.usersTotal(),
                    stats.documentsTotal(),
                    stats.failureCount())
                .ifPresent(
                    line -> {
                      err.println(line);
                      err.flush();
                    }),
        PLAIN_LINE_SECONDS,
        PLAIN_LINE_SECONDS,
        TimeUnit.SECONDS);
    return new CrawlProgress(ticker, null);
  }

  /**
   * The plain progress line, or nothing before the users are listed: "0 of 0 users" says nothing,
   * and would come before the one sentence of a crawl Zoom refuses (bad credentials, say).
   */
  static Optional<String> plainLine(int usersDone, int usersTotal, long documents, int failures) {
    if (usersTotal == 0) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "crawling: %d of %d users done, %d documents, %d failures",
            usersDone,
            usersTotal,
            documents,
            failures));
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    if (bar != null) {
      bar.close();
    }
  }
}
