package io.zoomdex.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.embed.HashingEmbedder;
import io.zoomdex.passage.PassageVectors;
import io.zoomdex.search.SearchMode;
import io.zoomdex.search.SearchService;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.sink.lucene.LuceneIndexSink;
import io.zoomdex.sync.SyncReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsCollector;

/**
 * The permission contract as a property: for random small accounts crawled into the embedded index,
 * every person sees exactly what {@code permissions.md} allows and nothing else leaks (see {@link
 * PermissionAudit}). Tries: {@code -Dzoomdex.permission.tries} (CI: 20). The same audit runs
 * against OpenSearch in {@link OpenSearchPermissionTest}.
 */
class PermissionPropertyTest {
  static final LocalDate SINCE = LocalDate.parse("2025-11-20");

  /** CI default; raise it for a manual run. */
  static final int TRIES = Integer.getInteger("zoomdex.permission.tries", 20);

  @Property(seed = "20261128")
  @AddLifecycleHook(TriesFromSystemProperty.class)
  void everyPerson_seesExactlyWhatTheContractAllows_inLucene(
      @ForAll("accounts") PermissionScenario scenario) throws Exception {
    Path data = Files.createTempDirectory("zoomdex-permission");
    try (ZoomSimulator simulator = ZoomSimulator.start(scenario.settings());
        PassageVectors vectors = new PassageVectors(new HashingEmbedder(1024), 2, 64);
        LuceneIndexSink sink = LuceneIndexSink.open(data.resolve("index"), vectors)) {
      SyncReport report =
          SimulatorCrawls.crawl(
              simulator,
              data,
              Clock.fixed(PermissionScenario.NOW, ZoneOffset.UTC),
              SINCE,
              false,
              sink);
      assertThat(report.complete()).as("crawl of %s", scenario).isTrue();
      ContractOracle oracle =
          new ContractOracle(simulator.account(), PermissionScenario.NOW, SINCE);
      try (SearchService search = sink.searchService()) {
        // Every mode: the vector side (passages with their readers) must leak nothing either.
        for (SearchMode mode : SearchMode.values()) {
          int people =
              new PermissionAudit(search, oracle, simulator.account(), mode).checkEveryone();
          assertThat(people).isGreaterThanOrEqualTo(scenario.users());
        }
      }
      requireEveryKindAcrossTries(AccountKinds.of(simulator.account()));
    } finally {
      deleteTree(data);
    }
  }

  /**
   * Checked by jqwik after the last try: every kind of person and data the contract has a rule for
   * appeared in at least one random account, so a generator change cannot quietly stop testing a
   * rule.
   */
  private static void requireEveryKindAcrossTries(Set<AccountKinds> present) {
    for (AccountKinds kind : AccountKinds.values()) {
      StatisticsCollector collector = Statistics.label(kind.name()).collect(present.contains(kind));
      collector.coverage(coverage -> coverage.check(true).count(times -> times >= 1));
    }
  }

  @Provide
  Arbitrary<PermissionScenario> accounts() {
    return PermissionScenario.arbitrary();
  }

  static void deleteTree(Path root) throws java.io.IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** Sets the number of tries from {@code zoomdex.permission.tries}. */
  static final class TriesFromSystemProperty implements AroundPropertyHook {
    @Override
    public PropertyExecutionResult aroundProperty(
        PropertyLifecycleContext context, PropertyExecutor property) {
      context.attributes().setTries(TRIES);
      return property.execute();
    }
  }
}
