package io.zoomdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zoomdex.document.DocumentId;
import io.zoomdex.e2e.SimulatorCrawls;
import io.zoomdex.embed.EmbeddingModelId;
import io.zoomdex.embed.HashingEmbedder;
import io.zoomdex.lease.LeaseHold;
import io.zoomdex.lease.LeaseRecord;
import io.zoomdex.lease.Ticker;
import io.zoomdex.lease.WriterLease;
import io.zoomdex.search.SearchHit;
import io.zoomdex.search.SearchMode;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchService;
import io.zoomdex.simulator.MeetingChanges;
import io.zoomdex.simulator.SimMeeting;
import io.zoomdex.simulator.SimUser;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.sink.opensearch.EmbeddedOpenSearch;
import io.zoomdex.sink.opensearch.OpenSearchConnection;
import io.zoomdex.sink.opensearch.OpenSearchIndexes;
import io.zoomdex.sink.opensearch.OpenSearchSearchService;
import io.zoomdex.sink.opensearch.OpenSearchSettings;
import io.zoomdex.sink.opensearch.OpenSearchTestIndices;
import io.zoomdex.sink.opensearch.SharedOpenSearch;
import io.zoomdex.sink.opensearch.WriteFence;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code zoomdex reembed --index opensearch}: a simulated account crawled into OpenSearch without
 * vectors, re-embedded with the hashing model through the command line, answers every permission
 * query as before and searches by meaning; it writes under the writer lease and never calls Zoom.
 */
@ExtendWith(SharedOpenSearch.class)
class ReembedOpenSearchTest {
  private static final Instant NOW = Instant.parse("2026-11-20T09:30:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path data;
  private final EmbeddedOpenSearch node;
  private final String alias =
      "reembed-cli-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
  private final OpenSearchSettings settings;
  private final OpenSearchConnection connection;
  private final OpenSearchIndexes indexes;
  private final ZoomSimulator simulator;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  ReembedOpenSearchTest(EmbeddedOpenSearch node) throws Exception {
    this.node = node;
    this.settings = OpenSearchSettings.of(List.of(node.uri())).withAlias(alias);
    this.connection = OpenSearchConnection.open(settings);
    this.indexes = new OpenSearchIndexes(connection, alias);
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

  private int crawl(String model) {
    CommandLine cli =
        new CommandLine(new CrawlCommand(SimulatorCrawls.environment(simulator), CLOCK));
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
        model);
  }

  private int reembed(String... args) {
    CommandLine cli = new CommandLine(new ReembedCommand(Map.of(), CLOCK));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private int reembedIntoOpenSearch(String model) {
    return reembed(
        "--index",
        "opensearch",
        "--opensearch-url",
        node.uri().toString(),
        "--opensearch-index",
        alias,
        "--embedding-model",
        model,
        "--batch",
        "7");
  }

  /** Every stored document by id: its version and its whole source except the passages. */
  private Map<String, String> storedDocuments() throws Exception {
    ObjectNode search = connection.json().createObjectNode();
    search.put("size", 5000).put("version", true);
    search.putObject("_source").putArray("excludes").add("passages");
    JsonNode hits =
        connection.send("POST", "/" + alias + "/_search", search).body().path("hits").path("hits");
    Map<String, String> stored = new TreeMap<>();
    for (JsonNode hit : hits) {
      stored.put(hit.path("_id").asText(), hit.path("_version") + " " + hit.path("_source"));
    }
    return stored;
  }

  /** Everyone any document names as a reader, and a stranger. */
  private Set<String> everyone() throws Exception {
    Set<String> people = new TreeSet<>(List.of("stranger@nowhere.example"));
    ObjectNode search = connection.json().createObjectNode();
    search.put("size", 5000);
    for (JsonNode hit :
        connection
            .send("POST", "/" + alias + "/_search", search)
            .body()
            .path("hits")
            .path("hits")) {
      hit.path("_source").path("readers").forEach(reader -> people.add(reader.asText()));
    }
    return people;
  }

  /** What each person's {@code search --all} lists, page by page in id order. */
  private Map<String, List<String>> listings(Set<String> people) throws Exception {
    Map<String, List<String>> listings = new TreeMap<>();
    try (SearchService search = OpenSearchSearchService.open(settings)) {
      for (String person : people) {
        List<String> ids = new ArrayList<>();
        DocumentId after = null;
        while (true) {
          List<SearchHit> page = search.listReadable(SearchRequest.of(person, ""), after, 10);
          if (page.isEmpty()) {
            break;
          }
          page.forEach(hit -> ids.add(hit.id().toString()));
          after = page.get(page.size() - 1).id();
        }
        listings.put(person, ids);
      }
    }
    return listings;
  }

  @Test
  void reembed_ofACrawledIndex_movesTheAliasToTheNewModel_andEveryoneReadsExactlyTheSame()
      throws Exception {
    assertThat(crawl("none")).as(err.toString()).isEqualTo(ExitCodes.OK);
    connection.send("POST", "/" + alias + "/_refresh", null);
    Map<String, String> stored = storedDocuments();
    Set<String> people = everyone();
    Map<String, List<String>> listed = listings(people);
    long zoomCalls = simulator.requestLog().total();
    assertThat(people).hasSizeGreaterThan(3);
    assertThat(listed.values().stream().mapToInt(List::size).sum()).isPositive();

    int code = reembedIntoOpenSearch("hashing");

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(out.toString().strip())
        .isEqualTo(
            "Re-embedded "
                + stored.size()
                + " documents with hashing-v1 (1024 dimensions) into "
                + alias
                + "-2; the alias "
                + alias
                + " points at it, and "
                + alias
                + "-1 was deleted.");
    assertThat(err.toString()).contains("re-embedding: 7 of " + stored.size() + " documents");
    assertThat(simulator.requestLog().total()).as("no Zoom call").isEqualTo(zoomCalls);
    assertThat(indexes.currentIndex()).contains(alias + "-2");
    assertThat(indexes.generations()).containsExactly(alias + "-2");
    assertThat(indexes.recordedModel(alias + "-2"))
        .contains(new EmbeddingModelId("hashing-v1", 1024));
    assertThat(storedDocuments()).as("every field and version copied").isEqualTo(stored);
    assertThat(listings(people)).isEqualTo(listed);

    // Searches by meaning work with the new model, inside each person's readable set.
    SimUser host = simulator.account().user(0);
    SimMeeting meeting =
        simulator.account().meetingsOf(host).stream()
            .filter(SimMeeting::listed)
            .findFirst()
            .orElseThrow();
    try (HashingEmbedder embedder = new HashingEmbedder(1024);
        SearchService search = OpenSearchSearchService.open(settings, embedder)) {
      List<SearchHit> hits =
          search
              .search(SearchRequest.of(host.email(), meeting.topic()).withMode(SearchMode.SEMANTIC))
              .hits();
      assertThat(hits).isNotEmpty();
      assertThat(listed.get(host.email()))
          .containsAll(hits.stream().map(hit -> hit.id().toString()).toList());
    }

    // The lease was taken (epoch 2, after the crawl's 1) and released.
    LeaseRecord lease = lease("checker").read().orElseThrow();
    assertThat(lease.epoch()).isEqualTo(2);
    assertThat(lease.released()).isTrue();

    // The next writer writes over the copied versions: a changed agenda is indexed.
    simulator
        .mutations()
        .updateMeeting(
            meeting.id(),
            MeetingChanges.none().withAgenda("Plan the move of the data centre to Frankfurt."));
    assertThat(crawl("hashing")).as(err.toString()).isEqualTo(ExitCodes.OK);
    ObjectNode byId = connection.json().createObjectNode().put("version", true);
    byId.putObject("query").putObject("term").put("id", "meeting:" + meeting.id());
    JsonNode changed =
        connection
            .send("POST", "/" + alias + "/_search", byId)
            .body()
            .path("hits")
            .path("hits")
            .path(0);
    assertThat(changed.path("_source").path("body").asText())
        .as(changed.toString())
        .contains("Frankfurt");
    assertThat(changed.path("_version").asLong()).isEqualTo(WriteFence.documentVersion(3));
  }

  @Test
  void reembed_whileAnotherProcessHoldsTheLease_exits9NamingIt_andBuildsNothing() throws Exception {
    assertThat(crawl("none")).as(err.toString()).isEqualTo(ExitCodes.OK);
    WriterLease other = lease("other-host/42/abcd");
    LeaseHold held = other.tryAcquire().orElseThrow();
    err.getBuffer().setLength(0);

    int code = reembedIntoOpenSearch("hashing");

    assertThat(code).isEqualTo(ExitCodes.BUSY);
    assertThat(err.toString().strip())
        .contains("other-host/42/abcd")
        .doesNotContain("\n")
        .doesNotContain("Exception");
    assertThat(indexes.generations()).containsExactly(alias + "-1");
    other.release(held);
  }

  @Test
  void reembed_whenOpenSearchIsUnreachable_exits8InOneSentence() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0)) {
      port = closed.getLocalPort();
    }

    int code =
        reembed(
            "--index",
            "opensearch",
            "--opensearch-url",
            "http://127.0.0.1:" + port,
            "--embedding-model",
            "hashing");

    assertThat(code).isEqualTo(ExitCodes.STORAGE);
    assertThat(err.toString().strip())
        .contains("127.0.0.1:" + port)
        .doesNotContain("\n")
        .doesNotContain("Exception");
  }

  @Test
  void reembed_withABadEmbeddingSetting_exits3BeforeTakingTheLease() throws Exception {
    int code =
        reembed(
            "--index",
            "opensearch",
            "--opensearch-url",
            node.uri().toString(),
            "--opensearch-index",
            alias,
            "--embedding-model",
            "no-such-model");

    assertThat(code).isEqualTo(ExitCodes.CONFIG);
    assertThat(err.toString().strip()).contains("no-such-model").doesNotContain("\n");
    assertThat(lease("checker").read()).as("the lease was never taken").isEmpty();
  }

  @Test
  void reembed_ofTheEmbeddedIndex_stillNeedsData() {
    assertThat(reembed("--embedding-model", "hashing")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString().strip()).contains("needs --data DIR");
  }

  private WriterLease lease(String holder) {
    return new WriterLease(
        connection, alias, holder, Duration.ofSeconds(15), Ticker.SYSTEM, Clock.systemUTC());
  }
}
