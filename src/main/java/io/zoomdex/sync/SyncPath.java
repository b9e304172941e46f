package io.zoomdex.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Which way an incremental crawl learns what changed, and why: from webhook events when the
 * receiver is healthy, else by polling the listings.
 *
 * <p>Healthy means: Zoom validated the endpoint recently (it re-validates every 72 hours, so a
 * validation within {@link #VALIDATION_FRESH} shows that events can arrive), no event received
 * since the last complete crawl was given up, none has waited longer than {@link #PENDING_LIMIT},
 * and the last complete full crawl started within {@link #COMPLETE_CRAWL_FRESH} (events cover what
 * happened after it, and what no event reports, such as deletions of recordings, waits for it).
 *
 * @param events whether webhook events drive this crawl
 * @param reason one sentence for the report and {@code zoomdex status}
 */
public record SyncPath(boolean events, String reason) {
  /** The name of the {@link StateStore#mark} the receiver sets when it answers a validation. */
  public static final String VALIDATED = "webhook.validated";

  public static final Duration VALIDATION_FRESH = Duration.ofHours(80);
  public static final Duration PENDING_LIMIT = Duration.ofMinutes(15);
  static final Duration COMPLETE_CRAWL_FRESH = Duration.ofHours(26);

  /** The report's name of this path. */
  public String name() {
    return events ? "webhooks" : "polling";
  }

  /** Decides the path of an incremental crawl starting now after the complete crawl of then. */
  static SyncPath choose(StateStore state, Instant now, Instant lastComplete) {
    return choose(state, now, lastComplete, lastComplete);
  }

  /**
   * As {@link #choose(StateStore, Instant, Instant)}, with the start of the last complete full
   * crawl (the base the events build on) apart from that of the last complete crawl of any mode.
   */
  static SyncPath choose(StateStore state, Instant now, Instant lastComplete, Instant lastFull) {
    Optional<Instant> validated = state.marked(VALIDATED);
    if (validated.isEmpty()) {
      return polling(
          "the webhook endpoint was never validated by Zoom (serve needs ZOOM_WEBHOOK_SECRET and"
              + " an event subscription)");
    }
    if (validated.get().isBefore(now.minus(VALIDATION_FRESH))) {
      return polling(
          "Zoom last validated the webhook endpoint at "
              + validated.get()
              + ", more than 72 hours ago, so events may not be arriving");
    }
    if (lastFull.isBefore(now.minus(COMPLETE_CRAWL_FRESH))) {
      return polling(
          "the last complete full crawl started at " + lastFull + ", more than 26 hours ago");
    }
    Map<String, Long> since = state.webhookEventCountsSince(lastComplete);
    long givenUp = since.getOrDefault("failed", 0L);
    if (givenUp > 0) {
      return polling(givenUp + " webhook event(s) were given up since the last complete crawl");
    }
    Optional<Instant> oldestPending = state.oldestPendingWebhookEvent();
    if (oldestPending.isPresent() && oldestPending.get().isBefore(now.minus(PENDING_LIMIT))) {
      return polling("webhook events have waited more than 15 minutes to be processed");
    }
    return new SyncPath(
        true,
        "the webhook receiver is healthy (validated at "
            + validated.get()
            + ", "
            + since.values().stream().mapToLong(Long::longValue).sum()
            + " event(s) since the last complete crawl, none given up)");
  }

  private static SyncPath polling(String reason) {
    return new SyncPath(false, reason);
  }
}
