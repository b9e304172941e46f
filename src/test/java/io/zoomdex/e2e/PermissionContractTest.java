package io.zoomdex.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zoomdex.Main;
import io.zoomdex.cli.ExitCodes;
import io.zoomdex.document.DocumentId;
import io.zoomdex.search.SearchHit;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchResults;
import io.zoomdex.search.SearchService;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.sink.lucene.LuceneIndexSink;
import io.zoomdex.sync.StateStore;
import io.zoomdex.sync.SyncReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The whole product against the simulator: crawl a generated account into the embedded index, then
 * for every person check that a match-all search returns exactly what the permission contract
 * allows them (no leak, no miss).
 */
class PermissionContractTest {
  private static final Instant NOW = Instant.parse("2026-11-20T09:30:00Z");
  private static final LocalDate SINCE = LocalDate.parse("2025-11-20");

  @TempDir static Path data;
  private static ZoomSimulator simulator;
  private static ContractOracle oracle;
  private static SyncReport report;
  private static LuceneIndexSink sink;
  private static SearchService search;

  @BeforeAll
  static void crawlGeneratedAccount() throws Exception {
    simulator =
        ZoomSimulator.start(SimulatorSettings.builder().seed(2026).users(40).start(NOW).build());
    oracle = new ContractOracle(simulator.account(), NOW, SINCE);
    report = SimulatorCrawls.crawl(simulator, data, Clock.fixed(NOW, ZoneOffset.UTC), SINCE, false);
    sink = LuceneIndexSink.open(data.resolve("index"));
    search = sink.searchService();
  }

  @AfterAll
  static void stop() throws Exception {
    search.close();
    sink.close();
    simulator.close();
  }

  @Test
  void crawl_isCompleteAndCoversEveryDocumentType() {
    assertThat(report.outcome()).isEqualTo(SyncReport.COMPLETE);
    assertThat(report.documentsByType())
        .allSatisfy((type, count) -> assertThat(count).as(type).isPositive());
  }

  @Test
  void indexedDocuments_areExactlyTheOnesTheContractDefines() throws Exception {
    Set<String> indexed = new TreeSet<>();
    try (StateStore state = StateStore.open(data)) {
      state.notSeenIn(Long.MAX_VALUE, 1_000_000).forEach(id -> indexed.add(id.toString()));
    }

    assertThat(indexed).containsExactlyInAnyOrderElementsOf(oracle.readers.keySet());
  }

  @Test
  void everyPerson_matchAllSearch_returnsExactlyWhatTheContractAllows() throws Exception {
    Map<String, Set<String>> expectedByPerson = oracle.readableByPerson();
    int checked = 0;
    for (String person : oracle.everyone()) {
      Set<String> expected = expectedByPerson.getOrDefault(person, Set.of());
      assertThat(readableBy(person)).as("documents readable by %s", person).isEqualTo(expected);
      checked++;
    }
    assertThat(checked).isGreaterThan(40);
  }

  @Test
  void searchAll_listsEveryReadableDocumentAsJsonLines_inIdOrder_acrossPages() throws Exception {
    Map<String, Set<String>> expectedByPerson = oracle.readableByPerson();
    String busiest =
        expectedByPerson.entrySet().stream()
            .max(Map.Entry.comparingByValue(java.util.Comparator.comparingInt(Set::size)))
            .orElseThrow()
            .getKey();
    Set<String> expected = expectedByPerson.get(busiest);
    assertThat(expected).as("more than three pages").hasSizeGreaterThan(3 * 7);
    StringWriter out = new StringWriter();

    int code =
        cli(out, "search", "--data", data.toString(), "--as", busiest, "--all", "--page-size", "7");

    assertThat(code).isEqualTo(ExitCodes.OK);
    List<String> ids = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : out.toString().split("\n")) {
      JsonNode hit = json.readTree(line);
      ids.add(hit.get("id").asText());
      assertThat(hit.get("type").asText())
          .isEqualTo(DocumentId.parse(hit.get("id").asText()).type().prefix());
      assertThat(hit.get("url").asText()).doesNotContain("pwd=");
    }
    assertThat(ids).isSorted().doesNotHaveDuplicates();
    assertThat(new HashSet<>(ids)).isEqualTo(expected);
  }

  @Test
  void searchAll_refusesQueryWordsAndPaging_andAStrangerIsUnknown() {
    String person = simulator.account().user(0).email();
    String dir = data.toString();

    assertThat(cli(new StringWriter(), "search", "--data", dir, "--as", person, "--all", "budget"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(
            cli(
                new StringWriter(),
                "search",
                "--data",
                dir,
                "--as",
                person,
                "--all",
                "--limit",
                "5"))
        .isEqualTo(ExitCodes.USAGE);
    StringWriter out = new StringWriter();
    assertThat(cli(out, "search", "--data", dir, "--as", "stranger@nowhere.example", "--all"))
        .isEqualTo(ExitCodes.UNKNOWN_PERSON);
    assertThat(out.toString()).isEmpty();
  }

  private static int cli(StringWriter out, String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    return cli.execute(args);
  }

  @Test
  void searcherEmail_caseAndWhitespaceVariants_seeTheSameDocuments() throws Exception {
    String person = simulator.account().user(0).email();

    assertThat(readableBy("  " + person.toUpperCase(java.util.Locale.ROOT) + " "))
        .isNotEmpty()
        .isEqualTo(readableBy(person));
  }

  @Test
  void slashLeadingInstanceUuids_areIndexedExactly() {
    assertThat(oracle.readers.keySet())
        .anyMatch(id -> id.startsWith("past_meeting:/"))
        .anyMatch(id -> id.contains("//"));
  }

  private static Set<String> readableBy(String person) throws Exception {
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
}
