package io.zoomdex.shared;

import io.zoomdex.search.http.CrawlRun;
import io.zoomdex.search.http.RunHistory;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Copies what a writer's local sync state says searchers depend on into OpenSearch: changes to the
 * deactivated users (additions and removals since it last looked, so another writer's earlier
 * publication is kept) and its crawl runs that are new or changed. Called by the lease holder every
 * {@link #PERIOD_MILLIS} and when a one-off crawl ends.
 */
public final class StatePublisher {
  /** How often a writer replica publishes. */
  public static final long PERIOD_MILLIS = 1_000;

  /** How many of the newest local runs are compared and published each time. */
  static final int RUNS = 50;

  private final String replica;
  private final Supplier<Set<String>> localDeactivated;
  private final RunHistory localRuns;
  private final SharedDeactivations deactivations;
  private final SharedRunHistory runs;
  private Set<String> seen;
  private final Map<Long, CrawlRun> published = new HashMap<>();

  /**
   * @param replica this writer's stable name (see {@link ReplicaName})
   * @param localDeactivated the deactivated users in the local state, read fresh on every call
   * @param localRuns the local crawl history, read fresh on every call
   */
  public StatePublisher(
      String replica,
      Supplier<Set<String>> localDeactivated,
      RunHistory localRuns,
      SharedDeactivations deactivations,
      SharedRunHistory runs) {
    this.replica = replica;
    this.localDeactivated = localDeactivated;
    this.localRuns = localRuns;
    this.deactivations = deactivations;
    this.runs = runs;
  }

  /**
   * Publishes what changed locally since the last call (everything local on the first).
   *
   * @throws io.zoomdex.sync.StorageException when the local state or OpenSearch cannot be read or
   *     written; the next call tries again with the same changes
   */
  public synchronized void publish() {
    Set<String> now = Set.copyOf(localDeactivated.get());
    Set<String> added = new HashSet<>(now);
    Set<String> removed = new HashSet<>();
    if (seen != null) {
      added.removeAll(seen);
      removed.addAll(seen);
      removed.removeAll(now);
    }
    deactivations.apply(added, removed);
    seen = now;
    List<CrawlRun> changed =
        localRuns.recentRuns(RUNS).stream()
            .filter(run -> !run.equals(published.get(run.id())))
            .toList();
    runs.publish(replica, changed);
    changed.forEach(run -> published.put(run.id(), run));
  }
}
