package io.zoomdex.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one sync run, like a crawl history entry: what was written, kept, deleted and
 * skipped, and what failed.
 *
 * @param outcome {@code complete}, {@code partial} (something failed: nothing was deleted) or
 *     {@code failed} (the run stopped)
 * @param documentsByType documents the crawl produced, by type prefix
 * @param skipped items Zoom refused for a known reason, by reason
 * @param failures the first failures, word for word
 * @param apiUsage the Zoom API calls the run made
 * @param path how an incremental crawl learnt of changes: {@code webhooks} (events, plus polled
 *     recordings and panelists) or {@code polling} (the listings); the mode for a full crawl (null
 *     or blank means the mode)
 * @param pathReason why that path ran, in one sentence; empty for a full crawl
 */
public record SyncReport(
    long runId,
    String mode,
    String outcome,
    Instant started,
    Duration duration,
    long added,
    long updated,
    long unchanged,
    long deleted,
    Map<String, Long> documentsByType,
    Map<String, Long> skipped,
    int failureCount,
    List<String> failures,
    ApiUsage apiUsage,
    String path,
    String pathReason) {

  public static final String COMPLETE = "complete";
  public static final String PARTIAL = "partial";
  public static final String FAILED = "failed";

  public SyncReport {
    path = path == null || path.isBlank() ? mode : path;
    pathReason = pathReason == null ? "" : pathReason;
    documentsByType = Map.copyOf(documentsByType);
    skipped = Map.copyOf(skipped);
    failures = List.copyOf(failures);
  }

  public boolean complete() {
    return COMPLETE.equals(outcome);
  }
}
