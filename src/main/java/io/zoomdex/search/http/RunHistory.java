package io.zoomdex.search.http;

import java.util.List;

/** Read-only access to the crawl history, for the admin runs endpoint and the crawl metrics. */
public interface RunHistory {

  /** No history: a server started without a data directory (e.g. over an in-memory index). */
  RunHistory NONE = limit -> List.of();

  /**
   * The most recent runs, newest first; called on every {@code /api/runs} and {@code /metrics}
   * request, so implementations must see runs another process finished since the last call.
   *
   * @param limit at most this many, at least 1
   * @return the runs; empty when nothing was ever crawled
   * @throws RuntimeException when the history cannot be read (the request then fails with 500)
   */
  List<CrawlRun> recentRuns(int limit);
}
