package io.zoomdex.admin;

import io.zoomdex.sync.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code /api/admin/overview}: documents indexed, whether a full crawl is due, the
 * webhook receiver's health and the crawl settings in force. The sync state is opened anew for each
 * request, so crawls another process finished show at once (as {@code /api/runs} does).
 */
public final class AdminOverview {

  private final Path dataDir;
  private final boolean webhooksEnabled;
  private final CrawlSettingsInForce settings;
  private final Clock clock;

  /**
   * @param dataDir the data directory holding {@code state.db} (not created here)
   * @param webhooksEnabled whether this server receives Zoom's webhooks
   * @param settings the crawl settings in force
   */
  public AdminOverview(
      Path dataDir, boolean webhooksEnabled, CrawlSettingsInForce settings, Clock clock) {
    this.dataDir = dataDir;
    this.webhooksEnabled = webhooksEnabled;
    this.settings = settings;
    this.clock = clock;
  }

  /** The overview now; throws {@code StorageException} when the sync state cannot be read. */
  Map<String, Object> read() {
    Instant now = clock.instant();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("generated", now.toString());
    if (!Files.isRegularFile(dataDir.resolve("state.db"))) {
      body.put("crawled", false);
      body.put("documents", 0);
      body.put("full_crawl_requested", false);
      body.put("unfinished_full_run", null);
      body.put("webhooks", WebhookHealth.read(null, webhooksEnabled, now));
    } else {
      try (StateStore state = StateStore.open(dataDir)) {
        body.put("crawled", true);
        body.put("documents", state.documentCount());
        body.put("full_crawl_requested", state.fullCrawlRequested());
        body.put(
            "unfinished_full_run",
            state.unfinishedRun("full").map(StateStore.RunRecord::id).orElse(null));
        body.put("webhooks", WebhookHealth.read(state, webhooksEnabled, now));
      }
    }
    body.put("settings", settings.describe());
    return body;
  }
}
