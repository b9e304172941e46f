package io.zoomdex.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.embed.HashingEmbedder;
import io.zoomdex.passage.PassageVectors;
import io.zoomdex.search.SearchMode;
import io.zoomdex.search.SearchService;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.sink.opensearch.EmbeddedOpenSearch;
import io.zoomdex.sink.opensearch.OpenSearchConnection;
import io.zoomdex.sink.opensearch.OpenSearchIndexSink;
import io.zoomdex.sink.opensearch.OpenSearchSettings;
import io.zoomdex.sink.opensearch.OpenSearchTestIndices;
import io.zoomdex.sink.opensearch.SharedOpenSearch;
import io.zoomdex.sync.SyncReport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The permission property of {@link PermissionPropertyTest} against a real OpenSearch node: random
 * accounts drawn from the same generator (with a fixed seed, so a failure repeats), crawled into
 * OpenSearch with passage vectors (the hashing embedder), audited by the same {@link
 * PermissionAudit} in every search mode. Accounts: {@code -Dzoomdex.opensearch.permission.tries}
 * (CI: 5). It runs under JUnit Jupiter rather than jqwik to share the run's one OpenSearch node.
 */
@ExtendWith(SharedOpenSearch.class)
class OpenSearchPermissionTest {
  private static final int TRIES = Integer.getInteger("zoomdex.opensearch.permission.tries", 5);

  @TempDir Path data;

  static List<PermissionScenario> accounts() {
    Iterator<PermissionScenario> draws =
        PermissionScenario.arbitrary().generator(100).stream(new Random(20261128L))
            .map(shrinkable -> shrinkable.value())
            .iterator();
    return java.util.stream.Stream.generate(draws::next).limit(TRIES).toList();
  }

  @ParameterizedTest
  @MethodSource("accounts")
  void everyPerson_seesExactlyWhatTheContractAllows_inOpenSearch(
      PermissionScenario scenario, EmbeddedOpenSearch node) throws Exception {
    OpenSearchSettings settings =
        OpenSearchSettings.of(List.of(node.uri())).withAlias("permission-" + scenario.seed());
    try (ZoomSimulator simulator = ZoomSimulator.start(scenario.settings());
        PassageVectors vectors = new PassageVectors(new HashingEmbedder(64), 2, 64);
        OpenSearchIndexSink sink = OpenSearchIndexSink.open(settings, vectors);
        SearchService search = sink.searchService()) {
      SyncReport report =
          SimulatorCrawls.crawl(
              simulator,
              data,
              Clock.fixed(PermissionScenario.NOW, ZoneOffset.UTC),
              PermissionPropertyTest.SINCE,
              false,
              sink);
      assertThat(report.complete()).as("crawl of %s", scenario).isTrue();
      ContractOracle oracle =
          new ContractOracle(
              simulator.account(), PermissionScenario.NOW, PermissionPropertyTest.SINCE);
      // Every mode: the vector side (passages nested in their documents) must leak nothing either.
      for (SearchMode mode : SearchMode.values()) {
        int people = new PermissionAudit(search, oracle, simulator.account(), mode).checkEveryone();
        assertThat(people).isGreaterThanOrEqualTo(scenario.users());
      }
    } finally {
      try (OpenSearchConnection admin = OpenSearchConnection.open(settings)) {
        OpenSearchTestIndices.delete(admin, settings.alias());
      }
    }
  }
}
