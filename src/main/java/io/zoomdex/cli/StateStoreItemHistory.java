package io.zoomdex.cli;

import io.zoomdex.document.Document;
import io.zoomdex.inspect.ItemHistory;
import io.zoomdex.inspect.ItemStatus;
import io.zoomdex.sync.ReportJson;
import io.zoomdex.sync.StateStore;
import io.zoomdex.sync.SyncReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An item's indexing status from {@code DATA/state.db}: the ledger's run that last wrote or
 * confirmed it, and the newest failure in the run history (the first failures of each run are kept
 * word for word) that names one of its Zoom ids since then. Opened anew for each question, as
 * {@link StateStoreRunHistory} is.
 */
final class StateStoreItemHistory implements ItemHistory {
  /** Runs searched for failures; the history keeps 30 days and at least the last 20 runs. */
  private static final int RUNS_SEARCHED = 200;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final Path dataDir;

  StateStoreItemHistory(Path dataDir) {
    this.dataDir = dataDir;
  }

  @Override
  public ItemStatus statusOf(Document document) {
    if (!Files.isRegularFile(dataDir.resolve("state.db"))) {
      return ItemHistory.NONE.statusOf(document);
    }
    try (StateStore state = StateStore.open(dataDir)) {
      Optional<Long> lastRun = state.lastRunOf(document.id());
      List<StateStore.RunRecord> runs = state.recentRuns(RUNS_SEARCHED);
      String indexed = indexed(lastRun, runs);
      long since = lastRun.orElse(0L);
      String lastError = null;
      for (StateStore.RunRecord run : runs) {
        if (run.id() < since) {
          break; // newest first: older failures were mended by the run that indexed it
        }
        Optional<String> failure = failureNaming(run, keys(document));
        if (failure.isPresent()) {
          lastError = "Run " + run.id() + " (" + describe(run) + ") failed on it: " + failure.get();
          break;
        }
      }
      return new ItemStatus(indexed, lastError);
    }
  }

  private static String indexed(Optional<Long> lastRun, List<StateStore.RunRecord> runs) {
    if (lastRun.isEmpty()) {
      return "In the index but not in the sync ledger (written by another tool, or the sync state"
          + " was reset); the next crawl records it.";
    }
    for (StateStore.RunRecord run : runs) {
      if (run.id() == lastRun.get()) {
        return "Indexed: last written or confirmed unchanged by run "
            + run.id()
            + " ("
            + describe(run)
            + ").";
      }
    }
    return "Indexed: last written or confirmed unchanged by run "
        + lastRun.get()
        + ", which is no longer in the history (or by a webhook update).";
  }

  private static String describe(StateStore.RunRecord run) {
    return run.mode()
        + " crawl started "
        + WHEN.format(run.started())
        + (run.outcome() == null ? ", still running" : ", " + run.outcome());
  }

  /** The Zoom ids a failure may name the item by, as the crawler words its failures. */
  private static List<String> keys(Document document) {
    Map<String, String> ids = document.sourceIds();
    List<String> keys = new ArrayList<>();
    if (ids.containsKey("uuid")) {
      keys.add(" of " + ids.get("uuid") + ":");
    }
    if (ids.containsKey("meeting_id")) {
      keys.add("meeting " + ids.get("meeting_id") + ":");
    }
    if (ids.containsKey("webinar_id")) {
      keys.add("webinar " + ids.get("webinar_id") + ":");
    }
    if (ids.containsKey("host_id")) {
      keys.add("of user " + ids.get("host_id") + ":");
      keys.add("of user " + ids.get("host_id") + " from ");
    }
    return keys;
  }

  private static Optional<String> failureNaming(StateStore.RunRecord run, List<String> keys) {
    Optional<SyncReport> report = ReportJson.read(run.report());
    if (report.isEmpty()) {
      return Optional.empty();
    }
    for (String failure : report.get().failures()) {
      for (String key : keys) {
        if (failure.contains(key)) {
          return Optional.of(failure);
        }
      }
    }
    return Optional.empty();
  }
}
