package io.zoomdex.identity;

import io.zoomdex.document.Readers;
import io.zoomdex.search.SearchException;
import io.zoomdex.search.SearchService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The known Zoom identities: every reader the index lists plus the deactivated users (who are still
 * Zoom users, though they see nothing), re-read at most every {@link #REFRESH} so that a crawl in
 * another process is seen without a read per request.
 */
public final class IndexedIdentities implements KnownIdentities {
  static final Duration REFRESH = Duration.ofSeconds(30);
  private static final Logger LOG = LoggerFactory.getLogger(IndexedIdentities.class);

  private final SearchService index;
  private final Supplier<Set<String>> deactivated;
  private final Clock clock;
  private Set<String> known = Set.of();
  private Instant readAt;

  public IndexedIdentities(SearchService index, Supplier<Set<String>> deactivated, Clock clock) {
    this.index = index;
    this.deactivated = deactivated;
    this.clock = clock;
  }

  @Override
  public boolean contains(String principal) {
    return current().contains(Readers.normalize(principal));
  }

  private synchronized Set<String> current() {
    Instant now = clock.instant();
    if (readAt == null || !now.isBefore(readAt.plus(REFRESH))) {
      try {
        Set<String> all = new HashSet<>(index.readerNames());
        deactivated.get().stream().map(Readers::normalize).forEach(all::add);
        known = Set.copyOf(all);
        readAt = now;
      } catch (SearchException e) {
        // Keep the last known set: a failed read must not turn known people into strangers
        // mid-flight, and an index that cannot be read fails every search anyway.
        LOG.warn("Could not read the known identities: {}", e.getMessage());
      }
    }
    return known;
  }
}
