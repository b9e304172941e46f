package io.zoomdex.cli;

import io.zoomdex.search.http.CrawlRun;
import io.zoomdex.search.http.RunHistory;
import io.zoomdex.sync.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The run history in {@code DATA/state.db}, opened anew for each read. A long-lived {@link
 * StateStore} keeps its connection outside auto-commit, so its reads would stay on the snapshot of
 * their first transaction while a crawl in another process adds runs; opening per read costs a few
 * milliseconds on rare admin and metrics requests.
 */
public final class StateStoreRunHistory implements RunHistory {

  private final Path dataDir;

  /** The history under {@code dataDir}; nothing is opened or created until the first read. */
  public StateStoreRunHistory(Path dataDir) {
    this.dataDir = dataDir;
  }

  @Override
  public List<CrawlRun> recentRuns(int limit) {
    // Not created here: the crawl owns the state, and no state just means no runs yet.
    if (!Files.isRegularFile(dataDir.resolve("state.db"))) {
      return List.of();
    }
    try (StateStore state = StateStore.open(dataDir)) {
      return state.recentRuns(limit).stream()
          .map(
              run ->
                  new CrawlRun(
                      run.id(),
                      run.mode(),
                      run.started(),
                      run.finished(),
                      run.outcome(),
                      run.report()))
          .toList();
    }
  }
}
