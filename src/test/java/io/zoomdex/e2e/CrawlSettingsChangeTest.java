package io.zoomdex.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.cli.StatusCommand;
import io.zoomdex.crawlsettings.CrawlSettings;
import io.zoomdex.e2e.ContractOracle.Origin;
import io.zoomdex.search.SearchService;
import io.zoomdex.simulator.FaultRule;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.sink.lucene.LuceneIndexSink;
import io.zoomdex.sync.CrawlSettingsState;
import io.zoomdex.sync.StateStore;
import io.zoomdex.sync.SyncReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A change of crawl settings: recorded in the sync state, it makes the next crawl a full one; what
 * the new settings exclude leaves the index only when that crawl completes, never after a failed
 * page; {@code zoomdex status} says a full crawl is required until then.
 */
class CrawlSettingsChangeTest {
  private static final Instant NOW = Instant.parse("2026-11-20T09:30:00Z");
  private static final LocalDate SINCE = LocalDate.parse("2025-11-20");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path data;
  private ZoomSimulator simulator;
  private ContractOracle oracle;

  @BeforeEach
  void start() throws Exception {
    simulator =
        ZoomSimulator.start(SimulatorSettings.builder().seed(77).users(8).start(NOW).build());
    oracle = new ContractOracle(simulator.account(), NOW, SINCE);
  }

  @AfterEach
  void stop() throws Exception {
    simulator.close();
  }

  @Test
  void changedSettings_fullCrawlRemovesExcluded_onlyAfterItCompletes() throws Exception {
    SyncReport first = crawl(CrawlSettings.DEFAULTS, false);
    assertThat(first.outcome()).isEqualTo(SyncReport.COMPLETE);
    Set<String> everything = CrawlSettingsCrawlTest.indexedIds(data);
    assertThat(everything).containsExactlyInAnyOrderElementsOf(oracle.readers.keySet());
    assertThat(status()).doesNotContain("full crawl required");

    String host = busiestHost();
    CrawlSettings narrower = CrawlSettings.DEFAULTS.with("exclude_hosts", host).validated();
    Set<String> excluded =
        oracle.origins.entrySet().stream()
            .filter(e -> e.getValue().host().equals(host))
            .map(Map.Entry::getKey)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(excluded).isNotEmpty();

    // A listing fails: the crawl is partial, so it removes nothing, and a full crawl stays due.
    simulator.faults().add(FaultRule.serverError("meetings", 1, 400));
    SyncReport failed = crawl(narrower, true);
    assertThat(failed.mode()).isEqualTo("full");
    assertThat(failed.outcome()).isEqualTo(SyncReport.PARTIAL);
    assertThat(failed.deleted()).isZero();
    assertThat(CrawlSettingsState.fullCrawlRequired(state()))
        .as("a full crawl is still required")
        .isTrue();
    assertThat(CrawlSettingsCrawlTest.indexedIds(data)).isEqualTo(everything);
    assertThat(status()).contains("full crawl required (crawl settings changed)");

    // The next crawl, though asked for as incremental, is full, completes and removes them.
    SyncReport complete = crawl(narrower, true);
    assertThat(complete.mode()).isEqualTo("full");
    assertThat(complete.outcome()).isEqualTo(SyncReport.COMPLETE);
    assertThat(complete.deleted()).isEqualTo(excluded.size());
    Set<String> kept = new TreeSet<>(everything);
    kept.removeAll(excluded);
    assertThat(CrawlSettingsCrawlTest.indexedIds(data)).isEqualTo(kept);
    assertThat(searchableByAnyone()).doesNotContainAnyElementsOf(excluded).isNotEmpty();
    assertThat(status()).doesNotContain("full crawl required");
    try (StateStore state = state()) {
      assertThat(CrawlSettingsState.inForceJson(state).orElseThrow()).contains(host);
    }

    // Settings as in force: an incremental crawl stays incremental.
    assertThat(crawl(narrower, true).mode()).isEqualTo("incremental");
  }

  @Test
  void unchangedSettings_keepIncrementalCrawlsIncremental() throws Exception {
    crawl(CrawlSettings.DEFAULTS, false);

    assertThat(crawl(CrawlSettings.DEFAULTS, true).mode()).isEqualTo("incremental");
  }

  private SyncReport crawl(CrawlSettings settings, boolean incremental) throws Exception {
    try (LuceneIndexSink sink = LuceneIndexSink.open(data.resolve("index"))) {
      return SimulatorCrawls.crawl(simulator, data, CLOCK, SINCE, incremental, sink, settings);
    }
  }

  private StateStore state() {
    return StateStore.open(data);
  }

  private String status() {
    StringWriter out = new StringWriter();
    CommandLine status = new CommandLine(new StatusCommand());
    status.setOut(new PrintWriter(out));
    status.setErr(new PrintWriter(new StringWriter()));
    assertThat(status.execute("--data", data.toString())).isZero();
    return out.toString();
  }

  private Set<String> searchableByAnyone() throws Exception {
    Set<String> ids = new HashSet<>();
    try (LuceneIndexSink sink = LuceneIndexSink.open(data.resolve("index"));
        SearchService search = sink.searchService()) {
      for (String person : oracle.everyone()) {
        ids.addAll(CrawlSettingsCrawlTest.readableBy(search, person));
      }
    }
    return ids;
  }

  private String busiestHost() {
    return oracle.origins.values().stream()
        .collect(Collectors.groupingBy(Origin::host, Collectors.counting()))
        .entrySet()
        .stream()
        .max(Map.Entry.comparingByValue())
        .orElseThrow()
        .getKey();
  }
}
