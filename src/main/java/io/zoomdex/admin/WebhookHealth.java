package io.zoomdex.admin;

import io.zoomdex.sync.ReportJson;
import io.zoomdex.sync.StateStore;
import io.zoomdex.sync.SyncPath;
import io.zoomdex.sync.SyncReport;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The webhook receiver's health as the admin page shows it: a verdict with its reason, by the rules
 * {@link SyncPath} uses to decide whether incremental crawls may trust events.
 */
final class WebhookHealth {

  static final String OFF = "off";
  static final String HEALTHY = "healthy";
  static final String ATTENTION = "attention";

  private static final Duration WINDOW = Duration.ofDays(7);

  private WebhookHealth() {}

  /**
   * @param state the sync state, or null when nothing was ever crawled
   * @param enabled whether this server receives webhooks (ZOOM_WEBHOOK_SECRET is set)
   */
  static Map<String, Object> read(StateStore state, boolean enabled, Instant now) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("enabled", enabled);
    Optional<Instant> validated =
        state == null ? Optional.empty() : state.marked(SyncPath.VALIDATED);
    Map<String, Long> counts =
        state == null ? Map.of() : state.webhookEventCountsSince(now.minus(WINDOW));
    Optional<Instant> oldestPending =
        state == null ? Optional.empty() : state.oldestPendingWebhookEvent();
    long done = counts.getOrDefault("done", 0L);
    long pending = counts.getOrDefault("pending", 0L);
    long givenUp = counts.getOrDefault("failed", 0L);
    String status;
    String reason;
    if (!enabled) {
      status = OFF;
      reason =
          "This server does not receive webhooks (set ZOOM_WEBHOOK_SECRET or zoom.webhook_secret),"
              + " so incremental crawls poll the listings.";
    } else if (validated.isEmpty()) {
      status = ATTENTION;
      reason =
          "Zoom never validated the endpoint; add it to the app's event subscription in the Zoom"
              + " App Marketplace.";
    } else if (validated.get().isBefore(now.minus(SyncPath.VALIDATION_FRESH))) {
      status = ATTENTION;
      reason =
          "Zoom last validated the endpoint more than 72 hours ago, so events may not be arriving;"
              + " check the app's event subscription.";
    } else if (givenUp > 0) {
      status = ATTENTION;
      reason =
          givenUp
              + " event(s) were given up in the last 7 days; the next full crawl catches up, and"
              + " the log says why they failed.";
    } else if (oldestPending.isPresent()
        && oldestPending.get().isBefore(now.minus(SyncPath.PENDING_LIMIT))) {
      status = ATTENTION;
      reason = "Events have waited more than 15 minutes; check that a crawl is not stuck.";
    } else {
      status = HEALTHY;
      reason = "Zoom validated the endpoint recently and no event was given up.";
    }
    body.put("status", status);
    body.put("reason", reason);
    body.put("validated", validated.map(Instant::toString).orElse(null));
    body.put("processed_7d", done);
    body.put("pending", pending);
    body.put("given_up_7d", givenUp);
    body.put("oldest_pending", oldestPending.map(Instant::toString).orElse(null));
    Optional<SyncReport> lastIncremental = lastIncremental(state);
    body.put("last_incremental_path", lastIncremental.map(SyncReport::path).orElse(null));
    body.put("last_incremental_reason", lastIncremental.map(SyncReport::pathReason).orElse(null));
    return body;
  }

  private static Optional<SyncReport> lastIncremental(StateStore state) {
    if (state == null) {
      return Optional.empty();
    }
    return state.recentRuns(50).stream()
        .filter(run -> "incremental".equals(run.mode()))
        .map(run -> ReportJson.read(run.report()))
        .flatMap(Optional::stream)
        .filter(report -> report.pathReason() != null && !report.pathReason().isEmpty())
        .findFirst();
  }
}
