package io.zoomdex.cli;

import io.zoomdex.sync.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The deactivated users the last crawl recorded under a data directory, re-read at most every few
 * seconds, so that a search service in another process learns of a deactivation soon after the
 * crawl that saw it.
 */
final class StateStoreDeactivatedUsers implements Supplier<Set<String>> {
  private static final Duration FRESH_FOR = Duration.ofSeconds(5);

  private final Path dataDir;
  private final Clock clock;
  private Set<String> cached = Set.of();
  private Instant readAt = Instant.MIN;

  StateStoreDeactivatedUsers(Path dataDir, Clock clock) {
    this.dataDir = dataDir;
    this.clock = clock;
  }

  @Override
  public synchronized Set<String> get() {
    Instant now = clock.instant();
    if (now.isAfter(readAt.plus(FRESH_FOR))) {
      cached = read();
      readAt = now;
    }
    return cached;
  }

  private Set<String> read() {
    return readNow(dataDir);
  }

  /** The deactivated users recorded under {@code dataDir} now, uncached. */
  static Set<String> readNow(Path dataDir) {
    if (!Files.exists(dataDir.resolve("state.db"))) {
      return Set.of(); // nothing crawled here (e.g. an index filled by other means)
    }
    try (StateStore state = StateStore.open(dataDir)) {
      return Set.copyOf(state.deactivatedUsers());
    }
  }
}
