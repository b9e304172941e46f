package io.zoomdex.sink.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.zoomdex.document.Change;
import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.document.Readers;
import io.zoomdex.embed.Embedder;
import io.zoomdex.embed.EmbeddingModelId;
import io.zoomdex.embed.HashingEmbedder;
import io.zoomdex.passage.PassageVectors;
import io.zoomdex.search.SearchMode;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchResults;
import io.zoomdex.search.SearchService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * A search service that stays open while a re-embed moves the alias to another generation: it reads
 * the new generation's model once, searches by meaning on when the model is its own, and ranks
 * semantic and hybrid searches by keywords (with one warning) when it is another model's or none,
 * so query vectors of one model are never compared with passage vectors of another.
 *
 * <p>The "rigged" model is the hashing embedder except that a passage mentioning zebras gets
 * exactly the vector of the query "garden compost": a zebra document shares no word with that
 * query, so a search that returns it found it by vector similarity alone.
 */
@ExtendWith(SharedOpenSearch.class)
class GenerationSwapTest {

  private static final AtomicInteger ALIASES = new AtomicInteger();
  private static final String ALICE = "alice@example.com";
  private static final String BOB = "bob@example.com";
  private static final int DIMENSION = 64;
  private static final String QUERY = "garden compost";
  private static final String ZEBRA = "meeting:z1";

  private final OpenSearchSettings settings;
  private final OpenSearchConnection admin;
  private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();
  private final Logger watchLog = (Logger) LoggerFactory.getLogger(GenerationWatch.class);

  GenerationSwapTest(EmbeddedOpenSearch node) {
    this.settings =
        OpenSearchSettings.of(List.of(node.uri())).withAlias("swap-" + ALIASES.incrementAndGet());
    this.admin = OpenSearchConnection.open(settings);
  }

  @BeforeEach
  void captureWarnings() {
    warnings.start();
    watchLog.addAppender(warnings);
  }

  @AfterEach
  void deleteIndices() throws Exception {
    watchLog.detachAppender(warnings);
    OpenSearchTestIndices.delete(admin, settings.alias());
    admin.close();
  }

  private static Embedder hashing() {
    return new HashingEmbedder(DIMENSION);
  }

  private static Embedder rigged() {
    return new Rigged();
  }

  private static Document meeting(String id, String title, String body, String reader) {
    return new Document(
        new DocumentId(DocumentType.MEETING, id),
        title,
        body,
        "host@example.com",
        Instant.parse("2026-03-02T09:00:00Z").plusSeconds(id.hashCode() & 0xfff),
        30,
        "https://zoom.us/j/" + id,
        Readers.of(List.of(reader)),
        Map.of());
  }

  /** Alice's compost, budget and zebra meetings, and Bob's zebra meeting. */
  private void crawl(Embedder embedder) throws Exception {
    try (PassageVectors vectors = new PassageVectors(embedder, 1, 4);
        OpenSearchIndexSink sink = OpenSearchIndexSink.open(settings, vectors)) {
      sink.apply(
          new Change.Upsert(
              meeting("m1", "Garden compost", "We talked about compost for the garden.", ALICE)));
      sink.apply(
          new Change.Upsert(meeting("m2", "Budget review", "Numbers for the quarter.", ALICE)));
      sink.apply(
          new Change.Upsert(meeting("z1", "Savanna trip", "The zebra herd crossed.", ALICE)));
      sink.apply(
          new Change.Upsert(meeting("z2", "Safari notes", "A zebra at the waterhole.", BOB)));
      sink.commit();
    }
  }

  /** Re-embeds into the next generation with {@code embedder} (null: no vectors) and swaps. */
  private void reembed(Embedder embedder) throws Exception {
    try (PassageVectors vectors = embedder == null ? null : new PassageVectors(embedder, 1, 4)) {
      new OpenSearchReembed(admin, false, settings, Pause.SLEEP, vectors, null)
          .run(10, new NoProgress(), false);
    }
  }

  private static SearchResults search(SearchService service, SearchMode mode) throws Exception {
    return service.search(SearchRequest.of(ALICE, QUERY).withMode(mode));
  }

  private static List<String> ids(SearchResults results) {
    return results.hits().stream().map(hit -> hit.id().toString()).toList();
  }

  /**
   * Semantic and hybrid give exactly the keyword ranking, and never the zebra, from the first
   * search on: {@code first} is searched before any other.
   */
  private static void assertRankedByKeywords(SearchService service, SearchMode first)
      throws Exception {
    SearchMode second = first == SearchMode.SEMANTIC ? SearchMode.HYBRID : SearchMode.SEMANTIC;
    SearchResults firstResults = search(service, first);
    SearchResults secondResults = search(service, second);
    SearchResults keyword = search(service, SearchMode.KEYWORD);
    assertThat(ids(keyword)).containsExactly("meeting:m1");
    assertThat(keyword.hits().get(0).titleSnippet().highlights())
        .as("keyword ranking highlights the words matched in the title")
        .isNotEmpty();
    for (SearchResults results : List.of(firstResults, secondResults)) {
      assertThat(ids(results)).doesNotContain(ZEBRA, "meeting:z2");
      assertThat(results.hits()).isEqualTo(keyword.hits());
      assertThat(results.total()).isEqualTo(keyword.total());
    }
  }

  private List<String> warningsLogged() {
    return warnings.list.stream()
        .filter(event -> event.getLevel() == Level.WARN)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  @Test
  void afterASwapToAnotherModel_theVeryNextSemanticAndHybridSearches_rankByKeywords()
      throws Exception {
    crawl(hashing());
    try (Embedder embedder = hashing();
        SearchService semanticFirst = OpenSearchSearchService.open(settings, embedder);
        SearchService hybridFirst = OpenSearchSearchService.open(settings, embedder)) {
      assertThat(ids(search(semanticFirst, SearchMode.SEMANTIC))).first().isEqualTo("meeting:m1");
      assertThat(ids(search(hybridFirst, SearchMode.HYBRID))).first().isEqualTo("meeting:m1");

      reembed(rigged());

      assertRankedByKeywords(semanticFirst, SearchMode.SEMANTIC);
      assertRankedByKeywords(hybridFirst, SearchMode.HYBRID);
      assertRankedByKeywords(semanticFirst, SearchMode.SEMANTIC);
      assertThat(warningsLogged())
          .as("one warning for the generation from each service, not one per search")
          .hasSize(2)
          .allSatisfy(
              message ->
                  assertThat(message)
                      .contains(settings.alias() + "-2")
                      .contains("vectors of rigged-v1 (64 dimensions)")
                      .contains("Restart serve with --embedding-model set to rigged-v1"));
    }
    // What comparing this service's query vector with the new vectors would have found first.
    try (Embedder embedder = rigged();
        SearchService service = OpenSearchSearchService.open(settings, embedder)) {
      assertThat(ids(search(service, SearchMode.SEMANTIC)))
          .startsWith(ZEBRA)
          .contains("meeting:m1");
    }
  }

  @Test
  void afterASwapToTheSameModel_semanticSearchGoesOnByMeaning() throws Exception {
    crawl(rigged());
    try (Embedder embedder = rigged();
        SearchService service = OpenSearchSearchService.open(settings, embedder)) {
      assertThat(ids(search(service, SearchMode.SEMANTIC)))
          .startsWith(ZEBRA)
          .contains("meeting:m1");

      reembed(rigged());

      assertThat(
              admin
                  .send("GET", "/_alias/" + settings.alias(), null)
                  .body()
                  .has(settings.alias() + "-2"))
          .isTrue();
      assertThat(ids(search(service, SearchMode.SEMANTIC)))
          .as("the zebra is found by its vector alone")
          .doesNotContain("meeting:z2")
          .startsWith(ZEBRA)
          .contains("meeting:m1");
      assertThat(ids(search(service, SearchMode.HYBRID))).contains(ZEBRA, "meeting:m1");
      assertThat(warningsLogged()).isEmpty();
    }
  }

  @Test
  void afterASwapToNoVectors_searchesRankByKeywords_andByMeaningAgainOnceTheModelIsBack()
      throws Exception {
    crawl(rigged());
    try (Embedder embedder = rigged();
        SearchService service = OpenSearchSearchService.open(settings, embedder)) {
      assertThat(ids(search(service, SearchMode.SEMANTIC))).contains(ZEBRA);

      reembed(null);

      assertRankedByKeywords(service, SearchMode.HYBRID);
      assertThat(warningsLogged())
          .singleElement()
          .satisfies(message -> assertThat(message).contains("holds no vectors"));

      reembed(rigged());

      // The search that notices the generation of its model is answered by keywords; the next by
      // meaning.
      List<List<String>> answers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        answers.add(ids(search(service, SearchMode.SEMANTIC)));
      }
      assertThat(answers.get(1)).startsWith(ZEBRA).contains("meeting:m1");
      assertThat(warningsLogged()).hasSize(1);
    }
  }

  /** The hashing embedder, but a passage about zebras is embedded as the query QUERY. */
  private static final class Rigged implements Embedder {
    private final HashingEmbedder hashing = new HashingEmbedder(DIMENSION);

    @Override
    public EmbeddingModelId model() {
      return new EmbeddingModelId("rigged-v1", DIMENSION);
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
      List<float[]> vectors = new ArrayList<>();
      for (String text : texts) {
        vectors.add(hashing.embedQuery(text.contains("zebra") ? QUERY : text));
      }
      return vectors;
    }

    @Override
    public float[] embedQuery(String query) {
      return hashing.embedQuery(query);
    }

    @Override
    public float minimumSimilarity() {
      return hashing.minimumSimilarity();
    }
  }

  private static final class NoProgress implements OpenSearchReembed.Progress {
    @Override
    public void started(long total, long alreadyDone) {}

    @Override
    public void advanced(int documents) {}
  }
}
