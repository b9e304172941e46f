package io.zoomdex.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.identity.IdentityResolver;
import io.zoomdex.identity.IdentityRules;
import io.zoomdex.inspect.AccessDecision;
import io.zoomdex.inspect.DocumentExplainer;
import io.zoomdex.inspect.Explanation;
import io.zoomdex.inspect.ItemHistory;
import io.zoomdex.inspect.ReaderReason;
import io.zoomdex.search.SearchService;
import io.zoomdex.simulator.SimUser;
import io.zoomdex.simulator.SimUserStatus;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.sink.lucene.LuceneIndexSink;
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
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code explain} against the permission oracle: random accounts from the permission property's
 * generator are crawled into each backend, and for every document the inspector's readers, and the
 * rule it names for each, must be exactly what {@link ContractOracle} (written apart from the
 * crawler's reader rules) says. Every reader can read it by {@code explain --as}, a stranger and a
 * deactivated user cannot. Accounts: {@code -Dzoomdex.explain.tries} (CI: 6 for Lucene, 2 for
 * OpenSearch); across them every rule must have been named at least once.
 */
@ExtendWith(SharedOpenSearch.class)
class ExplainOracleTest {
  private static final int TRIES = Integer.getInteger("zoomdex.explain.tries", 6);
  private static final int OPENSEARCH_TRIES = Math.max(1, TRIES / 3);
  private static final String STRANGER = "stranger@nowhere.example";

  /** Every rule the contract has, as the inspector names it. */
  private static final Set<String> EVERY_RULE =
      Set.of(
          "host",
          "alternative host",
          "invitee",
          "panelist",
          "participant",
          "internal invitee",
          "internal participant",
          "summary setting 1",
          "summary setting 2",
          "summary setting 3",
          "summary setting 4",
          "no summary setting");

  private static final Set<String> NAMED = new HashSet<>();

  @TempDir Path data;

  static List<PermissionScenario> accounts() {
    return draws(TRIES);
  }

  static List<PermissionScenario> fewerAccounts() {
    return draws(OPENSEARCH_TRIES);
  }

  private static List<PermissionScenario> draws(int count) {
    Iterator<PermissionScenario> draws =
        PermissionScenario.arbitrary().generator(100).stream(new Random(20261204L))
            .map(shrinkable -> shrinkable.value())
            .iterator();
    return Stream.generate(draws::next).limit(count).toList();
  }

  @ParameterizedTest
  @MethodSource("accounts")
  void explain_namesTheContractsRuleForEveryReader_inLucene(PermissionScenario scenario)
      throws Exception {
    try (ZoomSimulator simulator = ZoomSimulator.start(scenario.settings());
        LuceneIndexSink sink = LuceneIndexSink.open(data.resolve("index"))) {
      crawl(scenario, simulator, sink);
      try (SearchService search = sink.searchService()) {
        checkEveryDocument(simulator, search);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("fewerAccounts")
  void explain_namesTheContractsRuleForEveryReader_inOpenSearch(
      PermissionScenario scenario, EmbeddedOpenSearch node) throws Exception {
    OpenSearchSettings settings =
        OpenSearchSettings.of(List.of(node.uri())).withAlias("explain-" + scenario.seed());
    try (ZoomSimulator simulator = ZoomSimulator.start(scenario.settings());
        OpenSearchIndexSink sink = OpenSearchIndexSink.open(settings, null);
        SearchService search = sink.searchService()) {
      crawl(scenario, simulator, sink);
      checkEveryDocument(simulator, search);
    } finally {
      try (OpenSearchConnection admin = OpenSearchConnection.open(settings)) {
        OpenSearchTestIndices.delete(admin, settings.alias());
      }
    }
  }

  @AfterAll
  static void everyRuleWasNamed() {
    // Across the Lucene accounts alone (they always run), so a generator change cannot quietly
    // stop testing a rule.
    assertThat(NAMED).containsAll(EVERY_RULE);
  }

  private void crawl(
      PermissionScenario scenario, ZoomSimulator simulator, io.zoomdex.sink.IndexSink sink)
      throws Exception {
    SyncReport report =
        SimulatorCrawls.crawl(
            simulator,
            data,
            Clock.fixed(PermissionScenario.NOW, ZoneOffset.UTC),
            PermissionPropertyTest.SINCE,
            false,
            sink);
    assertThat(report.complete()).as("crawl of %s", scenario).isTrue();
  }

  private static void checkEveryDocument(ZoomSimulator simulator, SearchService search)
      throws Exception {
    ContractOracle oracle =
        new ContractOracle(
            simulator.account(), PermissionScenario.NOW, PermissionPropertyTest.SINCE);
    Set<String> deactivated = new TreeSet<>();
    for (SimUser user : simulator.account().users()) {
      if (user.status() == SimUserStatus.INACTIVE) {
        deactivated.add(user.email().strip().toLowerCase(java.util.Locale.ROOT));
      }
    }
    Set<String> known = new HashSet<>(search.readerNames());
    known.addAll(deactivated);
    DocumentExplainer explainer =
        new DocumentExplainer(
            search,
            new IdentityResolver(IdentityRules.LOWER_CASE_ONLY, known::contains),
            () -> deactivated,
            ItemHistory.NONE);
    assertThat(oracle.readers).isNotEmpty();
    for (Map.Entry<String, Set<String>> expected : oracle.readers.entrySet()) {
      DocumentId id = DocumentId.parse(expected.getKey());
      Explanation explanation = explainer.explain(id, STRANGER).orElseThrow();
      List<String> readers = explanation.readers().stream().map(ReaderReason::email).toList();
      assertThat(readers)
          .as("readers of %s", id)
          .containsExactlyInAnyOrderElementsOf(expected.getValue());
      Map<String, Set<String>> rules = oracle.rules.get(expected.getKey());
      for (ReaderReason reader : explanation.readers()) {
        assertThat(new TreeSet<>(reader.rules()))
            .as("rules of %s for %s", reader.email(), id)
            .isEqualTo(new TreeSet<>(rules.get(reader.email())));
        NAMED.addAll(reader.rules());
        AccessDecision decision = explainer.explain(id, reader.email()).orElseThrow().as();
        assertThat(decision.canRead()).as("%s reads %s", reader.email(), id).isTrue();
        assertThat(decision.reason()).contains(reader.rules().get(0));
      }
      assertThat(explanation.as().canRead()).isFalse();
      for (String gone : deactivated) {
        AccessDecision decision = explainer.explain(id, gone).orElseThrow().as();
        assertThat(decision.canRead()).isFalse();
        assertThat(decision.reason()).contains("deactivated");
      }
      Document indexed = search.inspect(id).orElseThrow();
      assertThat(indexed.readers().emails()).isEqualTo(expected.getValue());
    }
  }
}
