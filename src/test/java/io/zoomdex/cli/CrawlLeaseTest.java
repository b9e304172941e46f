package io.zoomdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zoomdex.e2e.SimulatorCrawls;
import io.zoomdex.lease.LeaseHold;
import io.zoomdex.lease.LeaseRecord;
import io.zoomdex.lease.Ticker;
import io.zoomdex.lease.WriterLease;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.sink.opensearch.EmbeddedOpenSearch;
import io.zoomdex.sink.opensearch.OpenSearchConnection;
import io.zoomdex.sink.opensearch.OpenSearchSettings;
import io.zoomdex.sink.opensearch.OpenSearchTestIndices;
import io.zoomdex.sink.opensearch.SharedOpenSearch;
import io.zoomdex.sink.opensearch.WriteFence;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code zoomdex crawl --index opensearch} writes only under the writer lease. */
@ExtendWith(SharedOpenSearch.class)
class CrawlLeaseTest {
  private static final Instant NOW = Instant.parse("2026-11-20T09:30:00Z");

  @TempDir Path data;
  private final EmbeddedOpenSearch node;
  private final String alias =
      "crawl-lease-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
  private final OpenSearchConnection connection;
  private final ZoomSimulator simulator;
  private final StringWriter err = new StringWriter();

  CrawlLeaseTest(EmbeddedOpenSearch node) throws Exception {
    this.node = node;
    this.connection =
        OpenSearchConnection.open(OpenSearchSettings.of(List.of(node.uri())).withAlias(alias));
    this.simulator =
        ZoomSimulator.start(SimulatorSettings.builder().seed(11).users(3).start(NOW).build());
  }

  @AfterEach
  void cleanUp() throws Exception {
    simulator.close();
    connection.send("DELETE", "/" + WriterLease.indexName(alias), null);
    OpenSearchTestIndices.delete(connection, alias);
    connection.close();
  }

  private int crawl() {
    Map<String, String> env = SimulatorCrawls.environment(simulator);
    CommandLine cli = new CommandLine(new CrawlCommand(env, Clock.fixed(NOW, ZoneOffset.UTC)));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(
        "--data",
        data.toString(),
        "--rates",
        "unlimited",
        "--index",
        "opensearch",
        "--opensearch-url",
        node.uri().toString(),
        "--opensearch-index",
        alias,
        "--embedding-model",
        "none");
  }

  @Test
  void crawl_whileAReplicaHoldsTheLease_exits9NamingIt_thenWritesUnderItsOwnEpoch()
      throws Exception {
    WriterLease other =
        new WriterLease(
            connection,
            alias,
            "other-host/42/abcd",
            Duration.ofSeconds(15),
            Ticker.SYSTEM,
            Clock.systemUTC());
    LeaseHold held = other.tryAcquire().orElseThrow();

    int busy = crawl();

    assertThat(busy).isEqualTo(ExitCodes.BUSY);
    assertThat(err.toString().strip()).contains("other-host/42/abcd").doesNotContain("\n");
    assertThat(simulator.requestLog().total()).isZero();

    other.release(held);
    assertThat(crawl()).isEqualTo(ExitCodes.OK);

    LeaseRecord lease = other.read().orElseThrow();
    assertThat(lease.epoch()).isEqualTo(2);
    assertThat(lease.released()).as("released after the crawl").isTrue();
    connection.send("POST", "/" + alias + "/_refresh", null);
    JsonNode hits =
        connection
            .send("GET", "/" + alias + "/_search?size=100&version=true", null)
            .body()
            .path("hits")
            .path("hits");
    assertThat(hits.size()).isPositive();
    for (JsonNode hit : hits) {
      assertThat(hit.path("_version").asLong()).isEqualTo(WriteFence.documentVersion(2));
    }
  }
}
