package io.zoomdex.e2e;

import io.zoomdex.config.RateLimits;
import io.zoomdex.config.Secret;
import io.zoomdex.config.ZoomSettings;
import io.zoomdex.crawlsettings.CrawlSettings;
import io.zoomdex.document.DocumentId;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.sink.IndexSink;
import io.zoomdex.sink.lucene.LuceneIndexSink;
import io.zoomdex.source.CrawlStats;
import io.zoomdex.source.DocumentMapper;
import io.zoomdex.source.ZoomCrawler;
import io.zoomdex.sync.ApiUsage;
import io.zoomdex.sync.StateStore;
import io.zoomdex.sync.SyncEngine;
import io.zoomdex.sync.SyncReport;
import io.zoomdex.zoom.ZoomClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Crawls of a simulated account, as the end-to-end tests run and compare them. */
public final class SimulatorCrawls {
  private SimulatorCrawls() {}

  /** The environment a user would export to point zoomdex at the simulator. */
  public static Map<String, String> environment(ZoomSimulator simulator) {
    Map<String, String> env = new HashMap<>();
    env.put("ZOOM_ACCOUNT_ID", simulator.accountId());
    env.put("ZOOM_CLIENT_ID", simulator.clientId());
    env.put("ZOOM_CLIENT_SECRET", simulator.clientSecret());
    env.put("ZOOM_API_URL", simulator.apiBaseUrl().toString());
    env.put("ZOOM_OAUTH_URL", simulator.oauthBaseUrl().toString());
    return env;
  }

  /** Client settings for the simulator, unpaced. */
  public static ZoomSettings settings(ZoomSimulator simulator) {
    return ZoomSettings.defaults(
            simulator.accountId(), simulator.clientId(), Secret.of(simulator.clientSecret()))
        .withEndpoints(simulator.apiBaseUrl(), simulator.oauthBaseUrl())
        .withRateLimits(RateLimits.none());
  }

  /**
   * One crawl into the embedded index under {@code data}, as {@code zoomdex crawl} wires it.
   *
   * @param incremental whether to run an incremental crawl instead of a full one
   */
  public static SyncReport crawl(
      ZoomSimulator simulator, Path data, Clock clock, LocalDate since, boolean incremental)
      throws Exception {
    try (LuceneIndexSink sink = LuceneIndexSink.open(data.resolve("index"))) {
      return crawl(simulator, data, clock, since, incremental, sink);
    }
  }

  /**
   * One crawl into the given sink (which the caller closes), with its state under {@code data}.
   *
   * @param incremental whether to run an incremental crawl instead of a full one
   */
  public static SyncReport crawl(
      ZoomSimulator simulator,
      Path data,
      Clock clock,
      LocalDate since,
      boolean incremental,
      IndexSink sink)
      throws Exception {
    return crawl(simulator, data, clock, since, incremental, sink, CrawlSettings.DEFAULTS);
  }

  /**
   * One crawl into the given sink (which the caller closes) with these crawl settings, as {@code
   * zoomdex crawl} with them in its config file would run it.
   */
  public static SyncReport crawl(
      ZoomSimulator simulator,
      Path data,
      Clock clock,
      LocalDate since,
      boolean incremental,
      IndexSink sink,
      CrawlSettings crawlSettings)
      throws Exception {
    ZoomSettings settings = settings(simulator);
    try (StateStore state = StateStore.open(data)) {
      ZoomCrawler crawler =
          new ZoomCrawler(
              ZoomClient.create(settings),
              new DocumentMapper(settings.oauthUrl().toString(), crawlSettings.keepPasscodes()),
              4,
              crawlSettings);
      SyncEngine engine = new SyncEngine(crawler, sink, state, clock, 50, () -> ApiUsage.NONE);
      return incremental
          ? engine.incrementalCrawl(since, new CrawlStats())
          : engine.fullCrawl(since, new CrawlStats());
    }
  }

  /** Every document id with its version, as the ledger under {@code data} holds them. */
  public static Map<String, String> ledger(Path data) {
    Map<String, String> versions = new HashMap<>();
    try (StateStore state = StateStore.open(data)) {
      for (DocumentId id : state.notSeenIn(Long.MAX_VALUE, 1_000_000)) {
        versions.put(id.toString(), state.version(id).orElseThrow());
      }
    }
    return versions;
  }
}
