package io.zoomdex.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.crawlsettings.CrawlSettings;
import io.zoomdex.e2e.ContractOracle.Origin;
import io.zoomdex.search.SearchHit;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchResults;
import io.zoomdex.search.SearchService;
import io.zoomdex.simulator.RequestLog;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.sink.lucene.LuceneIndexSink;
import io.zoomdex.sync.StateStore;
import io.zoomdex.sync.SyncReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each crawl setting against the simulator: a crawl with it indexes exactly the documents of the
 * permission contract that the setting keeps (computed from the simulator's ground truth, apart
 * from the crawler), each with exactly its contract readers, and does not call Zoom for what the
 * setting excludes where a listing tells.
 */
class CrawlSettingsCrawlTest {
  private static final Instant NOW = Instant.parse("2026-11-20T09:30:00Z");
  private static final LocalDate SINCE = LocalDate.parse("2025-11-20");

  @TempDir static Path root;
  private static ZoomSimulator simulator;
  private static ContractOracle oracle;

  @BeforeAll
  static void startSimulator() throws Exception {
    simulator =
        ZoomSimulator.start(SimulatorSettings.builder().seed(2026).users(12).start(NOW).build());
    oracle = new ContractOracle(simulator.account(), NOW, SINCE);
  }

  @AfterAll
  static void stop() throws Exception {
    simulator.close();
  }

  @Test
  void kinds_indexOnlyTheNamedKinds_andSkipInstanceCalls() throws Exception {
    RequestLog calls =
        crawlsExactly(
            settings("kinds", "meeting,transcript"),
            (id, o) -> typeIn(id, "meeting", "transcript"));

    assertThat(calls.calls("pastMeetings")).isZero();
    assertThat(calls.calls("pastMeetingDetails")).isZero();
    assertThat(calls.calls("pastWebinars")).isZero();
  }

  @Test
  void kindsWithoutQa_indexEveryDocument_withoutAskingForQa() throws Exception {
    RequestLog calls =
        crawlsExactly(
            settings("kinds", "meeting,webinar,past_meeting,past_webinar,summary,transcript"),
            (id, o) -> true,
            true);

    assertThat(calls.calls("listPastMeetingQA")).isZero();
    assertThat(calls.calls("listPastWebinarQA")).isZero();
  }

  @Test
  void meetingsTranscriptsOnly_leavesMeetingsTheirTranscripts() throws Exception {
    RequestLog calls =
        crawlsExactly(
            settings("meetings_transcripts_only", "true"),
            (id, o) -> !typeIn(id, "meeting", "past_meeting", "summary"));

    assertThat(calls.calls("pastMeetings")).isZero();
    assertThat(calls.calls("Getameetingsummary")).isZero();
  }

  @Test
  void webinarsTranscriptsOnly_leavesWebinarsTheirTranscripts() throws Exception {
    RequestLog calls =
        crawlsExactly(
            settings("webinars_transcripts_only", "yes"),
            (id, o) -> !typeIn(id, "webinar", "past_webinar"));

    assertThat(calls.calls("pastWebinars")).isZero();
    assertThat(calls.calls("listPastWebinarQA")).isZero();
  }

  @Test
  void includeHosts_crawlsOnlyThoseHosts_andListsNobodyElse() throws Exception {
    String host = busiestHost();

    RequestLog calls =
        crawlsExactly(
            settings("include_hosts", host.toUpperCase(Locale.ROOT)),
            (id, o) -> o.host().equals(host));

    assertThat(calls.calls("meetings")).isEqualTo(1);
  }

  @Test
  void excludeHosts_leavesOutTheirDocuments() throws Exception {
    String host = busiestHost();

    crawlsExactly(settings("exclude_hosts", host), (id, o) -> !o.host().equals(host));
  }

  @Test
  void includeIds_crawlsOnlyThoseSeries() throws Exception {
    long meeting = seriesWithMostDocuments("past_meeting:");
    long webinar = seriesWithMostDocuments("past_webinar:");

    crawlsExactly(
        settings("include_ids", meeting + ", " + webinar),
        (id, o) -> o.seriesId() == meeting || o.seriesId() == webinar);
  }

  @Test
  void excludeIds_leavesThoseSeriesOut_withTheirInstancesAndTranscripts() throws Exception {
    long meeting = seriesWithMostDocuments("transcript:");

    RequestLog calls =
        crawlsExactly(settings("exclude_ids", "" + meeting), (id, o) -> o.seriesId() != meeting);

    assertThat(calls.callsByOperation()).containsKey("meeting");
  }

  @Test
  void includeTopics_globIsCaseInsensitiveAndMatchesTheWholeTopic() throws Exception {
    String prefix = commonTopicPrefix();

    crawlsExactly(
        settings("include_topics", prefix.toUpperCase(Locale.ROOT) + "*"),
        (id, o) -> o.topic().toLowerCase(Locale.ROOT).startsWith(prefix));
  }

  @Test
  void excludeTopics_leavesMatchingSeriesOut() throws Exception {
    String prefix = commonTopicPrefix();

    crawlsExactly(
        settings("exclude_topics", "nothing like this, " + prefix + "*"),
        (id, o) -> !o.topic().toLowerCase(Locale.ROOT).startsWith(prefix));
  }

  @Test
  void history_indexesOnlyInstancesOfTheLastDays() throws Exception {
    Instant first =
        LocalDate.ofInstant(NOW, ZoneOffset.UTC)
            .minusDays(60)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();

    crawlsExactly(
        settings("history", "60d"), (id, o) -> o.start() == null || !o.start().isBefore(first));
  }

  /**
   * Crawls with {@code settings} into a fresh directory and checks the index against the contract
   * documents {@code kept} keeps: the same ids, and for every person exactly their readable share.
   *
   * @return the simulator's calls during the crawl
   */
  private static RequestLog crawlsExactly(CrawlSettings settings, BiPredicate<String, Origin> kept)
      throws Exception {
    return crawlsExactly(settings, kept, false);
  }

  private static RequestLog crawlsExactly(
      CrawlSettings settings, BiPredicate<String, Origin> kept, boolean keepsAll) throws Exception {
    Map<String, Set<String>> expected = new HashMap<>();
    oracle.readers.forEach(
        (id, people) -> {
          if (kept.test(id, oracle.origins.get(id))) {
            expected.put(id, people);
          }
        });
    assertThat(expected).as("the setting keeps something").isNotEmpty();
    if (!keepsAll) {
      assertThat(expected.size())
          .as("the setting leaves something out")
          .isLessThan(oracle.readers.size());
    }
    Path data = Files.createTempDirectory(root, "crawl");
    simulator.requestLog().reset();
    try (LuceneIndexSink sink = LuceneIndexSink.open(data.resolve("index"))) {
      SyncReport report =
          SimulatorCrawls.crawl(
              simulator, data, Clock.fixed(NOW, ZoneOffset.UTC), SINCE, false, sink, settings);
      assertThat(report.outcome()).isEqualTo(SyncReport.COMPLETE);
      assertThat(indexedIds(data)).containsExactlyInAnyOrderElementsOf(expected.keySet());
      try (SearchService search = sink.searchService()) {
        Map<String, Set<String>> byPerson = new HashMap<>();
        expected.forEach(
            (id, people) ->
                people.forEach(p -> byPerson.computeIfAbsent(p, k -> new HashSet<>()).add(id)));
        for (String person : oracle.everyone()) {
          assertThat(readableBy(search, person))
              .as("documents readable by %s", person)
              .isEqualTo(byPerson.getOrDefault(person, Set.of()));
        }
      }
    }
    return simulator.requestLog();
  }

  static Set<String> indexedIds(Path data) {
    try (StateStore state = StateStore.open(data)) {
      return state.notSeenIn(Long.MAX_VALUE, 1_000_000).stream()
          .map(Object::toString)
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  static Set<String> readableBy(SearchService search, String person) throws Exception {
    Set<String> ids = new HashSet<>();
    int offset = 0;
    while (true) {
      SearchResults page = search.search(SearchRequest.of(person, "").withPage(100, offset));
      for (SearchHit hit : page.hits()) {
        ids.add(hit.id().toString());
      }
      offset += page.hits().size();
      if (page.hits().isEmpty() || offset >= page.total()) {
        return ids;
      }
    }
  }

  private static CrawlSettings settings(String name, String value) {
    return CrawlSettings.DEFAULTS.with(name, value).validated();
  }

  private static boolean typeIn(String id, String... types) {
    String type = id.substring(0, id.indexOf(':'));
    return Set.of(types).contains(type);
  }

  /** The host with the most documents, so that including or excluding them matters. */
  private static String busiestHost() {
    return oracle.origins.values().stream()
        .collect(Collectors.groupingBy(Origin::host, Collectors.counting()))
        .entrySet()
        .stream()
        .max(Map.Entry.comparingByValue())
        .orElseThrow()
        .getKey();
  }

  private static long seriesWithMostDocuments(String idPrefix) {
    return oracle.origins.entrySet().stream()
        .filter(e -> e.getKey().startsWith(idPrefix))
        .collect(Collectors.groupingBy(e -> e.getValue().seriesId(), Collectors.counting()))
        .entrySet()
        .stream()
        .max(Map.Entry.comparingByValue())
        .orElseThrow()
        .getKey();
  }

  /** The first word of topics, lower-cased, that starts the most documents' topics but not all. */
  private static String commonTopicPrefix() {
    Map<String, Long> byWord =
        oracle.origins.values().stream()
            .map(o -> o.topic().toLowerCase(Locale.ROOT).split(" ")[0])
            .collect(Collectors.groupingBy(w -> w, Collectors.counting()));
    return byWord.entrySet().stream()
        .filter(e -> e.getValue() < oracle.origins.size())
        .max(Map.Entry.comparingByValue())
        .orElseThrow()
        .getKey();
  }
}
