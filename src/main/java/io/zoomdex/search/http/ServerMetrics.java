package io.zoomdex.search.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.zoomdex.search.SearchException;
import io.zoomdex.search.SearchService;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's Prometheus metrics: search requests and latency, HTTP responses by status, the index
 * size, and the counters of the last finished crawl (read from its report at each scrape, since the
 * crawl runs in another process). One registry per server, never a global one.
 *
 * <p>Crawl report fields read: {@code outcome}, {@code started}, {@code duration}, {@code added},
 * {@code updated}, {@code unchanged}, {@code deleted}, {@code documentsByType}, {@code skipped},
 * {@code failureCount}, and {@code apiUsage} (calls by rate-limit label and 429 answers).
 */
final class ServerMetrics {

  private static final Logger LOG = LoggerFactory.getLogger(ServerMetrics.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofMillis(2),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5)
  };

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Timer searchLatency;
  private final Map<String, Counter> searchesByOutcome = new ConcurrentHashMap<>();
  private final Map<Integer, Counter> responsesByStatus = new ConcurrentHashMap<>();
  private final RunHistory runs;
  private final AtomicReference<CrawlFigures> lastCrawl = new AtomicReference<>(CrawlFigures.NONE);
  private final MultiGauge crawlDocuments;
  private final MultiGauge crawlChanges;
  private final MultiGauge crawlSkipped;
  private final MultiGauge crawlApiCalls;

  ServerMetrics(SearchService search, RunHistory runs) {
    this.runs = runs;
    searchLatency =
        Timer.builder("zoomdex.search.latency")
            .description("Time to answer a search, index work included, HTTP excluded")
            .serviceLevelObjectives(LATENCY_BUCKETS)
            .register(registry);
    Gauge.builder("zoomdex.index.documents", search, ServerMetrics::documentCount)
        .description("Documents in the index, readable by anyone or not")
        .strongReference(true)
        .register(registry);
    crawlDocuments =
        MultiGauge.builder("zoomdex.crawl.last.documents")
            .description("Documents the last finished crawl produced, by type")
            .register(registry);
    crawlChanges =
        MultiGauge.builder("zoomdex.crawl.last.changes")
            .description("Documents the last finished crawl added, updated, kept or deleted")
            .register(registry);
    crawlSkipped =
        MultiGauge.builder("zoomdex.crawl.last.skipped")
            .description("Items Zoom refused for a known reason in the last finished crawl")
            .register(registry);
    crawlApiCalls =
        MultiGauge.builder("zoomdex.crawl.last.api.calls")
            .description("Zoom API calls the last finished crawl made, by label")
            .register(registry);
    Gauge.builder("zoomdex.crawl.last.rate.limited", lastCrawl, last -> last.get().rateLimited())
        .description("HTTP 429 answers Zoom gave the last finished crawl")
        .register(registry);
    Gauge.builder("zoomdex.crawl.last.failures", lastCrawl, last -> last.get().failures())
        .description("Failures in the last finished crawl")
        .register(registry);
    Gauge.builder("zoomdex.crawl.last.complete", lastCrawl, last -> last.get().complete())
        .description("1 when the last finished crawl was complete, 0 otherwise (NaN: none yet)")
        .register(registry);
    Gauge.builder("zoomdex.crawl.last.finished", lastCrawl, last -> last.get().finishedEpoch())
        .description("When the last crawl finished, seconds since the epoch (NaN: none yet)")
        .baseUnit("timestamp_seconds")
        .register(registry);
    Gauge.builder("zoomdex.crawl.last.duration", lastCrawl, last -> last.get().durationSeconds())
        .description("How long the last finished crawl took (NaN: none yet)")
        .baseUnit("seconds")
        .register(registry);
  }

  /** Times one search; the outcome is {@code ok}, {@code bad_request} or {@code error}. */
  void searched(Duration took, String outcome) {
    searchLatency.record(took);
    searchesByOutcome
        .computeIfAbsent(
            outcome,
            name ->
                Counter.builder("zoomdex.search.requests")
                    .description("Search requests answered, by outcome")
                    .tag("outcome", name)
                    .register(registry))
        .increment();
  }

  /** Counts one HTTP response by its status. */
  void responded(int status) {
    responsesByStatus
        .computeIfAbsent(
            status,
            code ->
                Counter.builder("zoomdex.http.responses")
                    .description("HTTP responses, by status")
                    .tag("status", Integer.toString(code))
                    .register(registry))
        .increment();
  }

  /** The Prometheus text format, with the crawl figures re-read first. */
  String scrape() {
    refreshCrawl();
    return registry.scrape();
  }

  private void refreshCrawl() {
    CrawlFigures figures;
    try {
      figures = CrawlFigures.NONE;
      for (CrawlRun run : runs.recentRuns(20)) {
        if (run.finished() != null && run.reportJson() != null) {
          figures = CrawlFigures.of(run, JSON.readTree(run.reportJson()));
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Metrics must not fail because the history is briefly unreadable: keep the last figures.
      LOG.warn("Could not read the crawl history for metrics: {}", e.getMessage());
      return;
    }
    lastCrawl.set(figures);
    crawlDocuments.register(figures.rows("type", figures.documentsByType()), true);
    crawlChanges.register(figures.rows("change", figures.changes()), true);
    crawlSkipped.register(figures.rows("reason", figures.skipped()), true);
    crawlApiCalls.register(figures.rows("label", figures.apiCalls()), true);
  }

  private static double documentCount(SearchService search) {
    try {
      OptionalLong count = search.documentCount();
      return count.isPresent() ? count.getAsLong() : Double.NaN;
    } catch (SearchException e) {
      return Double.NaN;
    }
  }

  /** The numbers of one finished crawl, read leniently from its report. */
  private record CrawlFigures(
      Map<String, Long> documentsByType,
      Map<String, Long> changes,
      Map<String, Long> skipped,
      Map<String, Long> apiCalls,
      double rateLimited,
      double failures,
      double complete,
      double finishedEpoch,
      double durationSeconds) {

    static final CrawlFigures NONE =
        new CrawlFigures(
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN);

    static CrawlFigures of(CrawlRun run, JsonNode report) {
      Map<String, Long> changes = new LinkedHashMap<>();
      for (String change : List.of("added", "updated", "unchanged", "deleted")) {
        if (report.path(change).isNumber()) {
          changes.put(change, report.path(change).asLong());
        }
      }
      return new CrawlFigures(
          counts(report.path("documentsByType")),
          changes,
          counts(report.path("skipped")),
          counts(report.path("apiUsage").path("callsByLabel")),
          report.path("apiUsage").path("rateLimited").asDouble(Double.NaN),
          report.path("failureCount").asDouble(0),
          "complete".equals(run.outcome()) ? 1 : 0,
          run.finished().getEpochSecond(),
          seconds(report.path("duration")));
    }

    private static Map<String, Long> counts(JsonNode object) {
      Map<String, Long> counts = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (field.getValue().isNumber()) {
          counts.put(field.getKey(), field.getValue().asLong());
        }
      }
      return counts;
    }

    private static double seconds(JsonNode duration) {
      if (duration.isNumber()) {
        return duration.asDouble();
      }
      try {
        return Duration.parse(duration.asText()).toMillis() / 1000.0;
      } catch (DateTimeParseException e) {
        return Double.NaN;
      }
    }

    List<MultiGauge.Row<?>> rows(String tag, Map<String, Long> counts) {
      List<MultiGauge.Row<?>> rows = new ArrayList<>();
      counts.forEach((key, count) -> rows.add(MultiGauge.Row.of(Tags.of(tag, key), count)));
      return rows;
    }
  }
}
