package io.zoomdex.search.http;

import static io.zoomdex.sink.lucene.SearchFixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zoomdex.cli.StateStoreRunHistory;
import io.zoomdex.sync.ApiUsage;
import io.zoomdex.sync.ReportJson;
import io.zoomdex.sync.StateStore;
import io.zoomdex.sync.SyncReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminEndpointsTest {

  /** One sample line of the Prometheus text format: name, optional labels, value. */
  private static final Pattern SAMPLE =
      Pattern.compile(
          "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*\\})?"
              + " (-?[0-9.eE+-]+|NaN|\\+Inf|-Inf)( -?[0-9]+)?");

  private static final Instant STARTED = Instant.parse("2024-05-01T10:00:00Z");

  @TempDir Path data;

  private ServerFixture fixture;
  private SearchServer server;
  private HttpTestClient http;
  private String admin;
  private String alice;

  @BeforeEach
  void setUp() throws Exception {
    fixture = new ServerFixture(data);
    server = SearchServer.start(fixture.settings().withRuns(new StateStoreRunHistory(data)));
    http = new HttpTestClient(server.port());
    admin = fixture.tokens.create("ops@example.com", true).token();
    alice = fixture.tokens.create(ALICE, false).token();
  }

  @AfterEach
  void tearDown() throws Exception {
    try (ServerFixture toClose = fixture) {
      server.close();
    }
  }

  private static SyncReport report(long runId, String outcome) {
    return new SyncReport(
        runId,
        "full",
        outcome,
        STARTED,
        Duration.ofMillis(2500),
        5,
        1,
        20,
        2,
        Map.of("meeting", 24L, "transcript", 1L),
        Map.of("recording_not_ready", 3L),
        0,
        List.of(),
        new ApiUsage(Map.of("LIGHT", 4L, "MEDIUM", 9L), 2, 1),
        null,
        null);
  }

  /** Records a finished run, as the crawl does from its own process. */
  private void recordRun(String outcome, String reportJson) {
    try (StateStore state = StateStore.open(data)) {
      long id = state.beginRun("full", STARTED);
      state.finishRun(id, STARTED.plusSeconds(3), outcome, reportJson);
    }
  }

  private static Map<String, Double> samples(String text) {
    Map<String, Double> samples = new HashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
        continue;
      }
      Matcher sample = SAMPLE.matcher(line);
      assertThat(sample.matches()).as("a valid sample line: %s", line).isTrue();
      String key = sample.group(1) + (sample.group(2) == null ? "" : sample.group(2));
      samples.put(key, Double.parseDouble(sample.group(3).replace("+Inf", "Infinity")));
    }
    return samples;
  }

  @Test
  void runs_needAnAdminToken() throws Exception {
    HttpTestClient.Reply reply = http.getAs(alice, "/api/runs");

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.error()).contains("Only admin tokens");
  }

  @Test
  void runs_listTheHistoryNewestFirstIncludingRunsFinishedAfterStart() throws Exception {
    assertThat(http.getAs(admin, "/api/runs").json().path("runs").size()).isZero();

    recordRun("partial", ReportJson.write(report(1, "partial")));
    recordRun("complete", ReportJson.write(report(2, "complete")));
    JsonNode runs = http.getAs(admin, "/api/runs?limit=5").json().path("runs");

    assertThat(runs.size()).isEqualTo(2);
    assertThat(runs.get(0).path("outcome").asText()).isEqualTo("complete");
    assertThat(runs.get(1).path("outcome").asText()).isEqualTo("partial");
    assertThat(runs.get(0).path("mode").asText()).isEqualTo("full");
    assertThat(runs.get(0).path("started").asText()).isEqualTo("2024-05-01T10:00:00Z");
    assertThat(runs.get(0).path("report").path("documentsByType").path("meeting").asLong())
        .isEqualTo(24);
    assertThat(http.getAs(admin, "/api/runs?limit=1").json().path("runs").size()).isEqualTo(1);
    assertThat(http.getAs(admin, "/api/runs?limit=0").status()).isEqualTo(400);
  }

  @Test
  void metrics_needAnAdminToken() throws Exception {
    assertThat(http.getAs(alice, "/metrics").status()).isEqualTo(403);
  }

  @Test
  void metrics_parseAsPrometheusTextWithSearchHttpIndexAndCrawlFigures() throws Exception {
    recordRun("complete", ReportJson.write(report(1, "complete")));
    http.getAs(alice, "/api/search?q=budget");
    http.getAs(alice, "/api/search?q=retro");
    http.getAs(alice, "/api/search?limit=0");
    http.get("/api/search?q=budget");

    HttpTestClient.Reply reply = http.getAs(admin, "/metrics");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("text/plain");
    Map<String, Double> samples = samples(reply.body());
    assertThat(samples).containsEntry("zoomdex_search_requests_total{outcome=\"ok\"}", 2.0);
    assertThat(samples)
        .containsEntry("zoomdex_search_requests_total{outcome=\"bad_request\"}", 1.0);
    assertThat(samples).containsEntry("zoomdex_search_latency_seconds_count", 3.0);
    assertThat(samples).containsKey("zoomdex_search_latency_seconds_bucket{le=\"0.005\"}");
    assertThat(samples).containsEntry("zoomdex_search_latency_seconds_bucket{le=\"+Inf\"}", 3.0);
    assertThat(samples).containsEntry("zoomdex_http_responses_total{status=\"200\"}", 2.0);
    assertThat(samples).containsEntry("zoomdex_http_responses_total{status=\"401\"}", 1.0);
    assertThat(samples)
        .containsEntry("zoomdex_index_documents", (double) ServerFixture.documentCount());
    assertThat(samples).containsEntry("zoomdex_crawl_last_documents{type=\"meeting\"}", 24.0);
    assertThat(samples).containsEntry("zoomdex_crawl_last_changes{change=\"added\"}", 5.0);
    assertThat(samples).containsEntry("zoomdex_crawl_last_changes{change=\"deleted\"}", 2.0);
    assertThat(samples)
        .containsEntry("zoomdex_crawl_last_skipped{reason=\"recording_not_ready\"}", 3.0);
    assertThat(samples).containsEntry("zoomdex_crawl_last_api_calls{label=\"MEDIUM\"}", 9.0);
    assertThat(samples).containsEntry("zoomdex_crawl_last_rate_limited", 2.0);
    assertThat(samples).containsEntry("zoomdex_crawl_last_complete", 1.0);
    assertThat(samples).containsEntry("zoomdex_crawl_last_duration_seconds", 2.5);
    assertThat(samples)
        .containsEntry(
            "zoomdex_crawl_last_finished_timestamp_seconds",
            (double) STARTED.plusSeconds(3).getEpochSecond());
  }

  @Test
  void metrics_beforeAnyCrawl_stillParse() throws Exception {
    Map<String, Double> samples = samples(http.getAs(admin, "/metrics").body());

    assertThat(samples.get("zoomdex_crawl_last_complete")).isNaN();
    assertThat(samples).doesNotContainKey("zoomdex_crawl_last_documents{type=\"meeting\"}");
  }
}
