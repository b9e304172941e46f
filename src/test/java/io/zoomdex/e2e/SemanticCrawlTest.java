package io.zoomdex.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zoomdex.Main;
import io.zoomdex.cli.CrawlCommand;
import io.zoomdex.cli.ExitCodes;
import io.zoomdex.document.DocumentId;
import io.zoomdex.embed.Embedder;
import io.zoomdex.embed.EmbeddingException;
import io.zoomdex.embed.EmbeddingModelId;
import io.zoomdex.embed.HashingEmbedder;
import io.zoomdex.passage.PassageVectors;
import io.zoomdex.search.SearchMode;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchResults;
import io.zoomdex.search.SearchService;
import io.zoomdex.simulator.MeetingChanges;
import io.zoomdex.simulator.SimMeeting;
import io.zoomdex.simulator.SimUser;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.sink.lucene.LuceneIndexSink;
import io.zoomdex.sync.SyncReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Crawls of a simulated account with passage vectors, through the sync engine and the CLI. */
class SemanticCrawlTest {
  private static final Instant NOW = Instant.parse("2026-11-20T09:30:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final LocalDate SINCE = LocalDate.parse("2026-05-20");

  @TempDir Path data;

  @Test
  void incrementalCrawl_embedsOnlyTheDocumentsTheLedgerSaysChanged() throws Exception {
    CountingEmbedder counting = new CountingEmbedder(new HashingEmbedder(1024));
    try (ZoomSimulator simulator =
            ZoomSimulator.start(SimulatorSettings.builder().seed(7).users(8).start(NOW).build());
        PassageVectors vectors = new PassageVectors(counting, 2, 32)) {
      SyncReport full = crawl(simulator, vectors, false);
      assertThat(full.complete()).isTrue();
      assertThat((long) counting.documents.get()).isEqualTo(full.added());

      counting.documents.set(0);
      SyncReport nothingChanged = crawl(simulator, vectors, true);
      assertThat(nothingChanged.added() + nothingChanged.updated()).isZero();
      assertThat(counting.documents.get()).isZero();

      SimUser host = simulator.account().user(0);
      SimMeeting meeting =
          simulator.account().meetingsOf(host).stream()
              .filter(SimMeeting::listed)
              .findFirst()
              .orElseThrow();
      simulator
          .mutations()
          .updateMeeting(
              meeting.id(),
              MeetingChanges.none().withAgenda("Plan the move of the data centre to Frankfurt."));
      SyncReport changed = crawl(simulator, vectors, true);
      assertThat(changed.updated()).isPositive();
      assertThat((long) counting.documents.get()).isEqualTo(changed.added() + changed.updated());
      assertThat((long) counting.documents.get()).isLessThan(full.added() / 4);

      try (LuceneIndexSink sink = LuceneIndexSink.open(data.resolve("index"), vectors);
          SearchService search = sink.searchService()) {
        SearchResults found =
            search.search(
                SearchRequest.of(host.email(), "data centre Frankfurt")
                    .withMode(SearchMode.SEMANTIC));
        assertThat(found.hits()).isNotEmpty();
        assertThat(found.hits().get(0).id())
            .isEqualTo(
                new DocumentId(
                    io.zoomdex.document.DocumentType.MEETING, Long.toString(meeting.id())));
      }
    }
  }

  private SyncReport crawl(ZoomSimulator simulator, PassageVectors vectors, boolean incremental)
      throws Exception {
    try (LuceneIndexSink sink = LuceneIndexSink.open(data.resolve("index"), vectors)) {
      return SimulatorCrawls.crawl(simulator, data, CLOCK, SINCE, incremental, sink);
    }
  }

  @Test
  void crawlAndSearch_withTheRealModel_throughTheCommandLine() throws Exception {
    try (ZoomSimulator simulator =
        ZoomSimulator.start(SimulatorSettings.builder().seed(3).users(5).start(NOW).build())) {
      Map<String, String> env = SimulatorCrawls.environment(simulator);
      StringWriter err = new StringWriter();
      CommandLine crawl = new CommandLine(new CrawlCommand(env, CLOCK));
      crawl.setOut(new PrintWriter(new StringWriter(), true));
      crawl.setErr(new PrintWriter(err, true));
      int code =
          crawl.execute(
              "--data",
              data.toString(),
              "--rates",
              "unlimited",
              "--embedding-model",
              "all-minilm-l6-v2-q",
              "--since",
              SINCE.toString());
      assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);

      SimUser person = simulator.account().user(0);
      List<JsonNode> semantic =
          search(
              person.email(),
              "semantic",
              "all-minilm-l6-v2-q",
              "how are we doing on money this year?");
      assertThat(semantic).isNotEmpty();
      Set<String> readable = readableIds(person.email());
      for (JsonNode hit : semantic) {
        assertThat(readable).contains(hit.get("id").asText());
      }
      boolean anyTranscriptOffset =
          search(
                  person.email(),
                  "semantic",
                  "all-minilm-l6-v2-q",
                  "what did people say in the call?")
              .stream()
              .anyMatch(
                  hit ->
                      hit.get("type").asText().equals("transcript")
                          && !hit.get("snippet_offset_seconds").isNull());
      assertThat(
              anyTranscriptOffset
                  || readable.stream().noneMatch(id -> id.startsWith("transcript:")))
          .as("transcript hits carry their time offset")
          .isTrue();

      // The same index searched with another model is refused with the re-embed command.
      StringWriter refused = new StringWriter();
      CommandLine other = Main.commandLine();
      other.setOut(new PrintWriter(new StringWriter(), true));
      other.setErr(new PrintWriter(refused, true));
      int otherCode =
          other.execute(
              "search",
              "--data",
              data.toString(),
              "--as",
              person.email(),
              "--embedding-model",
              "hashing",
              "budget");
      assertThat(otherCode).isEqualTo(ExitCodes.CONFIG);
      assertThat(refused.toString()).contains("zoomdex reembed").doesNotContain("Exception");
    }
  }

  private List<JsonNode> search(String person, String mode, String model, String query)
      throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code =
        cli.execute(
            "search",
            "--data",
            data.toString(),
            "--as",
            person,
            "--json",
            "--mode",
            mode,
            "--embedding-model",
            model,
            "--limit",
            "20",
            query);
    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    List<JsonNode> hits = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : out.toString().split("\n")) {
      if (!line.isBlank()) {
        hits.add(json.readTree(line));
      }
    }
    return hits;
  }

  private Set<String> readableIds(String person) throws Exception {
    try (SearchService search =
        io.zoomdex.sink.lucene.LuceneSearchService.openReadOnly(data.resolve("index"))) {
      Set<String> ids = new java.util.TreeSet<>();
      int offset = 0;
      while (true) {
        SearchResults page = search.search(SearchRequest.of(person, "").withPage(100, offset));
        page.hits().forEach(hit -> ids.add(hit.id().toString()));
        offset += page.hits().size();
        if (page.hits().isEmpty() || offset >= page.total()) {
          return ids;
        }
      }
    }
  }

  /** Counts documents embedded (one batch per document). */
  private static final class CountingEmbedder implements Embedder {
    private final Embedder delegate;
    final AtomicInteger documents = new AtomicInteger();

    CountingEmbedder(Embedder delegate) {
      this.delegate = delegate;
    }

    @Override
    public EmbeddingModelId model() {
      return delegate.model();
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) throws EmbeddingException {
      documents.incrementAndGet();
      return delegate.embedPassages(texts);
    }

    @Override
    public float[] embedQuery(String query) throws EmbeddingException {
      return delegate.embedQuery(query);
    }
  }
}
