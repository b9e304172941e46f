package io.zoomdex.cli;

import io.zoomdex.config.RateLabel;
import io.zoomdex.config.ZoomSettings;
import io.zoomdex.crawlsettings.CrawlSettings;
import io.zoomdex.document.DocumentId;
import io.zoomdex.sink.IndexSink;
import io.zoomdex.sink.SinkException;
import io.zoomdex.sink.lucene.LuceneIndexSink;
import io.zoomdex.sink.opensearch.WriteFence;
import io.zoomdex.source.CrawlPlan;
import io.zoomdex.source.CrawlStats;
import io.zoomdex.source.DocumentMapper;
import io.zoomdex.source.Targets;
import io.zoomdex.source.ZoomCrawler;
import io.zoomdex.sync.ApiUsage;
import io.zoomdex.sync.StateStore;
import io.zoomdex.sync.StorageException;
import io.zoomdex.sync.SyncEngine;
import io.zoomdex.sync.SyncReport;
import io.zoomdex.zoom.ZoomCallStats;
import io.zoomdex.zoom.ZoomClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One full crawl of a Zoom account into an index (embedded Lucene under the data directory, or
 * OpenSearch) with its sync state under the data directory: the wiring of client, crawler, sink,
 * state and engine that the crawl and demo commands share.
 */
final class CrawlJob {
  /**
   * How long a crawl waits, once its last commit is made, for the index to merge the segments it
   * flushed (see {@link IndexSink#settle}). Merges of a first large crawl can take minutes; an
   * incremental crawl's are small. A merge still running then continues on the next run.
   */
  static final Duration SETTLE_WITHIN = Duration.ofMinutes(10);

  /** Documents committed together by default: a crash costs at most this much redone work. */
  static final int DEFAULT_COMMIT_EVERY = 500;

  private final ZoomSettings settings;
  private final Path dataDir;
  private final Clock clock;
  private final int commitEvery;
  private final SinkOpener sinks;
  private final WriterGate gate;
  private ZoomClient webhookClient;
  private volatile Duration summaryLookBack = CrawlPlan.DEFAULT_SUMMARY_LOOK_BACK;
  private volatile CrawlSettings crawlSettings = CrawlSettings.DEFAULTS;

  /** Opens the index the crawl writes to. */
  @FunctionalInterface
  interface SinkOpener {
    /**
     * @param fence the writer lease to write under (OpenSearch), or null (embedded Lucene)
     */
    IndexSink open(Path dataDir, WriteFence fence) throws SinkException;
  }

  CrawlJob(ZoomSettings settings, Path dataDir, Clock clock, int commitEvery, SinkOpener sinks) {
    this(settings, dataDir, clock, commitEvery, sinks, WriterGate.FILE_LOCK);
  }

  /** A job that becomes the writer through {@code gate} (e.g. the OpenSearch writer lease). */
  CrawlJob(
      ZoomSettings settings,
      Path dataDir,
      Clock clock,
      int commitEvery,
      SinkOpener sinks,
      WriterGate gate) {
    this.settings = settings;
    this.dataDir = dataDir;
    this.clock = clock;
    this.commitEvery = commitEvery;
    this.sinks = sinks;
    this.gate = gate;
  }

  /** Sets the polling incremental crawl's summary look-back (see {@link CrawlPlan}). */
  void summaryLookBack(Duration lookBack) {
    this.summaryLookBack = lookBack;
  }

  /** Sets what the crawls index (see {@link CrawlSettings}); the defaults index everything. */
  void crawlSettings(CrawlSettings settings) {
    this.crawlSettings = settings;
  }

  /** Opens the embedded Lucene index under the data directory. */
  static IndexSink embeddedLucene(Path dataDir) throws SinkException {
    return LuceneIndexSink.open(dataDir.resolve("index"));
  }

  /**
   * Crawls, in full or only what can have changed since the last complete crawl, with recordings
   * back to {@code since}.
   *
   * @param stats counted while the crawl runs (for progress)
   * @param incremental whether to crawl only what can have changed
   * @throws io.zoomdex.zoom.ZoomException when Zoom refuses the crawl as a whole
   * @throws io.zoomdex.sync.WriterBusyException when another writer (a crawl, serve's webhook
   *     worker) is writing to the data directory
   * @throws StorageException when the index or state cannot be written
   */
  SyncReport run(LocalDate since, CrawlStats stats, boolean incremental) {
    try (WriterGate.Permit permit = gate.enter(dataDir)) {
      return runLocked(since, stats, incremental, permit.fence());
    }
  }

  private SyncReport runLocked(
      LocalDate since, CrawlStats stats, boolean incremental, WriteFence fence) {
    ZoomClient client = ZoomClient.create(settings);
    client.grantedScopes(); // refused credentials stop the crawl before anything is written
    try (StateStore state = StateStore.open(dataDir);
        IndexSink sink = sinks.open(dataDir, fence)) {
      SyncEngine engine = engine(client, sink, state);
      SyncReport report =
          incremental ? engine.incrementalCrawl(since, stats) : engine.fullCrawl(since, stats);
      sink.settle(SETTLE_WITHIN);
      return report;
    } catch (SinkException e) {
      throw new StorageException(e.getMessage(), e);
    }
  }

  /**
   * Re-reads what webhooks named and deletes what they said is gone, under the writer lock (see
   * {@link SyncEngine#refetch}). Uses one Zoom client for the job's life, so its token is reused.
   *
   * @throws io.zoomdex.sync.WriterBusyException when another writer holds the lock
   * @throws io.zoomdex.zoom.ZoomException when Zoom refuses the credentials or a scope
   * @throws StorageException when the index or state cannot be written
   */
  SyncEngine.TargetedReport refetch(Targets targets, Set<DocumentId> deletions, LocalDate since) {
    try (WriterGate.Permit permit = gate.enter(dataDir);
        StateStore state = StateStore.open(dataDir);
        IndexSink sink = sinks.open(dataDir, permit.fence())) {
      return engine(webhookClient(), sink, state)
          .refetch(targets, deletions, since, new CrawlStats());
    } catch (SinkException e) {
      throw new StorageException(e.getMessage(), e);
    }
  }

  private SyncEngine engine(ZoomClient client, IndexSink sink, StateStore state) {
    ZoomCrawler crawler =
        new ZoomCrawler(
            client,
            new DocumentMapper(settings.oauthUrl().toString(), crawlSettings.keepPasscodes()),
            crawlThreads(settings.concurrency()),
            crawlSettings);
    return new SyncEngine(crawler, sink, state, clock, commitEvery, () -> usage(client.stats()))
        .summaryLookBack(summaryLookBack);
  }

  private synchronized ZoomClient webhookClient() {
    if (webhookClient == null) {
      webhookClient = ZoomClient.create(settings);
    }
    return webhookClient;
  }

  /**
   * More crawl threads than requests in flight, so that while some threads wait for Zoom others map
   * and index; the client's own limit keeps Zoom's load where it was set.
   */
  private static int crawlThreads(int concurrency) {
    return Math.max(2, concurrency * 2);
  }

  private static ApiUsage usage(ZoomCallStats stats) {
    Map<String, Long> byLabel = new LinkedHashMap<>();
    for (RateLabel label : RateLabel.values()) {
      long calls = stats.calls(label);
      if (calls > 0) {
        byLabel.put(label.name(), calls);
      }
    }
    return new ApiUsage(byLabel, stats.rateLimited(), stats.retries());
  }
}
