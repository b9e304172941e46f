package io.zoomdex.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zoomdex.config.Plan;
import io.zoomdex.config.RateLabel;
import io.zoomdex.config.RateLimits;
import io.zoomdex.config.Secret;
import io.zoomdex.config.ZoomSettings;
import io.zoomdex.document.DocumentType;
import io.zoomdex.sink.lucene.LuceneIndexSink;
import io.zoomdex.source.CrawlStats;
import io.zoomdex.source.DocumentMapper;
import io.zoomdex.source.ZoomCrawler;
import io.zoomdex.sync.ApiUsage;
import io.zoomdex.sync.StateStore;
import io.zoomdex.sync.SyncEngine;
import io.zoomdex.sync.SyncReport;
import io.zoomdex.zoom.ZoomCallStats;
import io.zoomdex.zoom.ZoomClient;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The crawl side of a crawl benchmark, run in its own JVM so that its CPU time and memory are the
 * connector's alone: the same wiring as {@code zoomdex crawl} (client, crawler, Lucene sink, state
 * store, sync engine) with the pace chosen on the command line, and a JSON file of what it cost.
 *
 * <p>Usage: {@code BenchCrawl --data DIR --since YYYY-MM-DD --rates pro|none [--share 0.8]
 * [--concurrency 4] [--mode full|incremental] --out FILE}. The credentials and URLs come from the
 * environment (ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET, ZOOM_API_URL, ZOOM_OAUTH_URL),
 * so the secret never appears on a command line.
 */
public final class BenchCrawl {
  /** As in {@code CrawlJob}: documents committed together. */
  private static final int BATCH_SIZE = 500;

  private BenchCrawl() {}

  public static void main(String[] args) throws Exception {
    Args a = new Args(args);
    Path data = Path.of(a.get("data"));
    LocalDate since = LocalDate.parse(a.get("since"));
    double share = Double.parseDouble(a.get("share", "0.8"));
    int concurrency = Integer.parseInt(a.get("concurrency", "4"));
    RateLimits rates =
        switch (a.get("rates")) {
          case "none" -> RateLimits.none();
          case "pro" -> RateLimits.forPlan(Plan.PRO, share);
          case "business" -> RateLimits.forPlan(Plan.BUSINESS, share);
          default -> throw new IllegalArgumentException("--rates must be pro, business or none");
        };
    ZoomSettings settings =
        ZoomSettings.defaults(
                System.getenv("ZOOM_ACCOUNT_ID"),
                System.getenv("ZOOM_CLIENT_ID"),
                Secret.of(System.getenv("ZOOM_CLIENT_SECRET")))
            .withEndpoints(
                URI.create(System.getenv("ZOOM_API_URL")),
                URI.create(System.getenv("ZOOM_OAUTH_URL")))
            .withRateLimits(rates)
            .withConcurrency(concurrency);
    Files.createDirectories(data);

    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuBefore = os.getProcessCpuTime();
    long started = System.nanoTime();
    ZoomClient client = ZoomClient.create(settings);
    CrawlStats stats = new CrawlStats();
    SyncReport report;
    try (StateStore state = StateStore.open(data);
        LuceneIndexSink sink = LuceneIndexSink.open(data.resolve("index"))) {
      ZoomCrawler crawler =
          new ZoomCrawler(
              client,
              new DocumentMapper(settings.oauthUrl().toString()),
              Math.max(2, concurrency * 2));
      SyncEngine engine =
          new SyncEngine(
              crawler, sink, state, Clock.systemUTC(), BATCH_SIZE, () -> usage(client.stats()));
      report =
          "incremental".equals(a.get("mode", "full"))
              ? engine.incrementalCrawl(since, stats)
              : engine.fullCrawl(since, stats);
    }
    long wallNanos = System.nanoTime() - started;
    long cpuNanos = os.getProcessCpuTime() - cpuBefore;

    ObjectMapper json = new ObjectMapper();
    ObjectNode out = json.createObjectNode();
    out.put("outcome", report.outcome());
    out.put("wallSeconds", wallNanos / 1e9);
    out.put("processCpuSeconds", cpuNanos / 1e9);
    out.put("documents", stats.documentsTotal());
    ObjectNode byType = out.putObject("documentsByType");
    for (DocumentType type : DocumentType.values()) {
      byType.put(type.name(), stats.documents(type));
    }
    out.set("skipped", json.valueToTree(stats.skipped()));
    out.put("failures", stats.failureCount());
    ZoomCallStats calls = client.stats();
    out.set("callsByOperation", json.valueToTree(calls.callsByOperation()));
    Map<String, Long> byLabel = new LinkedHashMap<>();
    calls.callsByLabel().forEach((label, n) -> byLabel.put(label.name(), n));
    out.set("callsByLabel", json.valueToTree(byLabel));
    out.put("rateLimited", calls.rateLimited());
    out.put("retries", calls.retries());
    out.put("tokenRequests", calls.tokenRequests());
    out.put("bytesReceived", calls.bytesReceived());
    long heapPeak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPeak += pool.getPeakUsage().getUsed();
      }
    }
    out.put("heapPoolPeaksSumBytes", heapPeak);
    out.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
    json.writerWithDefaultPrettyPrinter().writeValue(Path.of(a.get("out")).toFile(), out);
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
