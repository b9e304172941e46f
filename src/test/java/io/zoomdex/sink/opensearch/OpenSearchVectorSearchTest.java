package io.zoomdex.sink.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zoomdex.config.ConfigException;
import io.zoomdex.document.Change;
import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.document.Readers;
import io.zoomdex.embed.HashingEmbedder;
import io.zoomdex.passage.PassageVectors;
import io.zoomdex.search.SearchHit;
import io.zoomdex.search.SearchMode;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchResults;
import io.zoomdex.search.SearchService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Passages with vectors in OpenSearch: written nested in their document, replaced and deleted with
 * it, searched by a k-NN query with the reader filter inside it, fused with keyword search in
 * hybrid mode, and tied to the embedding model the index records. Uses the hashing embedder (shared
 * words, deterministic): these tests are about the machinery, not semantic quality.
 */
@ExtendWith(SharedOpenSearch.class)
class OpenSearchVectorSearchTest {

  private static final AtomicInteger ALIASES = new AtomicInteger();
  private static final String ALICE = "alice@example.com";
  private static final String BOB = "bob@example.com";
  private static final Instant START = Instant.parse("2024-03-01T10:00:00Z");

  private final EmbeddedOpenSearch node;
  private final OpenSearchSettings settings;

  OpenSearchVectorSearchTest(EmbeddedOpenSearch node) {
    this.node = node;
    this.settings =
        OpenSearchSettings.of(List.of(node.uri()))
            .withAlias("vectors-" + ALIASES.incrementAndGet())
            .withBulkLimits(20, 1024 * 1024);
  }

  @AfterEach
  void deleteIndices() throws Exception {
    try (OpenSearchConnection admin = OpenSearchConnection.open(settings)) {
      OpenSearchTestIndices.delete(admin, settings.alias());
    }
  }

  private static PassageVectors vectors(int dimension) {
    return new PassageVectors(new HashingEmbedder(dimension), 2, 8);
  }

  private static Document doc(
      DocumentType type, String id, String title, String body, String... readers) {
    return new Document(
        new DocumentId(type, id),
        title,
        body,
        ALICE,
        START.plusSeconds(id.hashCode() & 0xffff),
        30,
        "https://zoom.us/j/" + id,
        Readers.of(List.of(readers)),
        Map.of());
  }

  private static Document meeting(String id, String title, String body, String... readers) {
    return doc(DocumentType.MEETING, id, title, body, readers);
  }

  private static SearchRequest request(String searcher, String query, SearchMode mode) {
    return SearchRequest.of(searcher, query).withMode(mode);
  }

  private static List<String> ids(SearchResults results) {
    return results.hits().stream().map(hit -> hit.id().toString()).toList();
  }

  @Test
  void semantic_narrowReader_getsTheirNearestDocuments_amongManyNearerOnesTheyMayNotRead()
      throws Exception {
    try (OpenSearchIndexSink sink = OpenSearchIndexSink.open(settings, vectors(256));
        SearchService search = sink.searchService()) {
      // 120 documents about exactly the query, for alice only: a k-NN search that filtered after
      // finding its 100 nearest would leave bob nothing.
      for (int i = 0; i < 120; i++) {
        sink.apply(
            new Change.Upsert(
                meeting("a" + i, "Budget forecast " + i, "budget forecast review", ALICE)));
      }
      sink.apply(
          new Change.Upsert(
              meeting("b1", "Hiring plan", "the budget forecast for hiring next year", BOB)));
      sink.apply(new Change.Upsert(meeting("b2", "Office move", "moving boxes and desks", BOB)));
      sink.commit();

      SearchResults bob = search.search(request(BOB, "budget forecast", SearchMode.SEMANTIC));
      assertThat(ids(bob))
          .as("b2 shares no word: below the model's similarity floor, not found by meaning")
          .containsExactly("meeting:b1");
      assertThat(bob.total()).isEqualTo(1);
      assertThat(bob.facets().byType()).containsOnly(Map.entry(DocumentType.MEETING, 1L));

      SearchResults alice =
          search.search(request(ALICE, "budget forecast", SearchMode.SEMANTIC).withPage(10, 0));
      assertThat(alice.hits()).hasSize(10).allMatch(hit -> hit.id().key().startsWith("a"));
      assertThat(alice.total())
          .as("the vector search finds its candidates, all readable")
          .isEqualTo(OpenSearchSearchService.WINDOW);
    }
  }

  @Test
  void everyMode_strangerAndBlankSearcher_getNothing_noTotalNoFacets() throws Exception {
    try (OpenSearchIndexSink sink = OpenSearchIndexSink.open(settings, vectors(256));
        SearchService search = sink.searchService()) {
      sink.apply(new Change.Upsert(meeting("1", "Budget", "budget forecast", ALICE)));
      sink.apply(new Change.Upsert(meeting("2", "Nobody's", "budget forecast")));
      sink.commit();

      for (SearchMode mode : SearchMode.values()) {
        for (String searcher : List.of("stranger@example.com", "", "  ")) {
          SearchResults results = search.search(request(searcher, "budget forecast", mode));
          assertThat(results.hits()).as(mode + " " + searcher).isEmpty();
          assertThat(results.total()).isZero();
          assertThat(results.facets().byType()).isEmpty();
          assertThat(results.facets().byHost()).isEmpty();
        }
        SearchResults alice = search.search(request(ALICE, "budget forecast", mode));
        assertThat(ids(alice)).as(mode.label()).containsExactly("meeting:1");
        assertThat(alice.total()).isEqualTo(1);
      }
    }
  }

  @Test
  void passages_areReplacedAndDeletedWithTheirDocument() throws Exception {
    try (OpenSearchIndexSink sink = OpenSearchIndexSink.open(settings, vectors(256));
        SearchService search = sink.searchService()) {
      sink.apply(new Change.Upsert(meeting("1", "Weekly", "penguin migration study", ALICE)));
      sink.apply(new Change.Upsert(meeting("2", "Other", "quarterly sales numbers", ALICE)));
      sink.commit();
      assertThat(ids(search.search(request(ALICE, "penguin migration", SearchMode.SEMANTIC))))
          .startsWith("meeting:1");

      sink.apply(new Change.Upsert(meeting("1", "Weekly", "volcano eruption report", ALICE)));
      // An upsert, then a delete, before the same commit: only the delete is written.
      sink.apply(new Change.Upsert(meeting("3", "Gone", "penguin migration again", ALICE)));
      sink.apply(new Change.Delete(new DocumentId(DocumentType.MEETING, "3")));
      sink.commit();
      SearchResults penguins =
          search.search(request(ALICE, "penguin migration", SearchMode.SEMANTIC));
      assertThat(ids(penguins)).doesNotContain("meeting:3");
      assertThat(ids(search.search(request(ALICE, "volcano eruption report", SearchMode.SEMANTIC))))
          .startsWith("meeting:1");
      assertThat(nestedPassages()).as("no orphan passage of the old body or of 3").isEqualTo(2);

      sink.apply(new Change.Delete(new DocumentId(DocumentType.MEETING, "1")));
      sink.commit();
      assertThat(ids(search.search(request(ALICE, "volcano eruption", SearchMode.SEMANTIC))))
          .as("the deleted document's passages are gone; the other shares no word")
          .isEmpty();
      assertThat(nestedPassages()).isEqualTo(1);
    }
  }

  /** Passages in the index, counted through a nested query (the count API counts documents). */
  private long nestedPassages() throws Exception {
    try (OpenSearchConnection admin = OpenSearchConnection.open(settings)) {
      OpenSearchConnection.Answer answer =
          admin.send(
              "POST",
              "/" + settings.alias() + "/_search",
              admin
                  .json()
                  .readTree(
                      """
                      {"size": 0, "aggs": {"p": {"nested": {"path": "passages"}}}}
                      """));
      OpenSearchIndexes.require(answer, "count passages");
      return answer.body().path("aggregations").path("p").path("doc_count").asLong();
    }
  }

  @Test
  void transcriptHit_bestPassageIsTheSnippet_withItsTimeIntoTheRecording() throws Exception {
    StringBuilder transcript = new StringBuilder();
    for (int minute = 0; minute < 40; minute++) {
      String line =
          minute == 31
              ? "we will sunset the legacy billing endpoint in March and move everyone over"
              : "status update number " + minute + " on the warehouse robots and their batteries";
      transcript
          .append(String.format("[00:%02d:05] Carol: ", minute))
          .append(line)
          .append(" and a few more words to make the window longer than a line\n");
    }
    try (OpenSearchIndexSink sink = OpenSearchIndexSink.open(settings, vectors(256));
        SearchService search = sink.searchService()) {
      sink.apply(
          new Change.Upsert(
              doc(DocumentType.TRANSCRIPT, "r1", "Ops sync", transcript.toString(), ALICE)));
      sink.commit();

      for (SearchMode mode : List.of(SearchMode.SEMANTIC, SearchMode.HYBRID)) {
        SearchHit hit =
            search.search(request(ALICE, "sunset legacy billing endpoint", mode)).hits().get(0);
        assertThat(hit.bestSnippet().at()).as(mode.label()).isPresent();
        Duration at = hit.bestSnippet().at().orElseThrow();
        assertThat(at).isBetween(Duration.ofMinutes(20), Duration.ofMinutes(32));
      }
    }
  }

  @Test
  void hybrid_fusesKeywordAndVectorRankings_countsTheirUnion() throws Exception {
    try (OpenSearchIndexSink sink = OpenSearchIndexSink.open(settings, vectors(256));
        SearchService search = sink.searchService()) {
      sink.apply(new Change.Upsert(meeting("both", "Budget", "budget forecast", ALICE)));
      sink.apply(new Change.Upsert(meeting("words", "Notes", "forecasting budgets", ALICE)));
      sink.apply(new Change.Upsert(meeting("far", "Picnic", "sandwiches in the park", ALICE)));
      sink.apply(new Change.Upsert(meeting("bobs", "Budget", "budget forecast", BOB)));
      sink.commit();

      SearchResults hybrid = search.search(request(ALICE, "budget forecast", SearchMode.HYBRID));
      assertThat(ids(hybrid).get(0)).isEqualTo("meeting:both");
      assertThat(ids(hybrid))
          .as("'far' shares no word: neither list finds it")
          .containsExactlyInAnyOrder("meeting:both", "meeting:words");
      assertThat(hybrid.total()).isEqualTo(2);
      assertThat(hybrid.facets().byType()).containsOnly(Map.entry(DocumentType.MEETING, 2L));

      SearchResults keyword = search.search(request(ALICE, "budget forecast", SearchMode.KEYWORD));
      assertThat(ids(keyword)).containsExactlyInAnyOrder("meeting:both", "meeting:words");

      SearchResults page =
          search.search(request(ALICE, "budget forecast", SearchMode.HYBRID).withPage(1, 1));
      assertThat(ids(page)).containsExactly(ids(hybrid).get(1));
      assertThat(page.total()).isEqualTo(2);
    }
  }

  @Test
  void anotherModel_isRefused_bySinkAndSearch_withOneSentence() throws Exception {
    try (OpenSearchIndexSink sink = OpenSearchIndexSink.open(settings, vectors(256))) {
      sink.apply(new Change.Upsert(meeting("1", "Budget", "budget forecast", ALICE)));
      sink.commit();
    }
    assertThatThrownBy(() -> OpenSearchIndexSink.open(settings, vectors(128)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("holds vectors of hashing-v1 (256 dimensions)")
        .hasMessageContaining("uses hashing-v1 (128 dimensions)");
    assertThatThrownBy(() -> OpenSearchIndexSink.open(settings))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("uses no embedding model");
    assertThatThrownBy(() -> OpenSearchSearchService.open(settings, new HashingEmbedder(128)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("128 dimensions");
    try (SearchService search = OpenSearchSearchService.open(settings, new HashingEmbedder(256))) {
      assertThat(ids(search.search(request(ALICE, "budget", SearchMode.SEMANTIC))))
          .containsExactly("meeting:1");
    }
  }

  @Test
  void keywordOnlyIndex_writtenWithAModel_isRefusedWithTheFix_andSearchedByKeywordInEveryMode()
      throws Exception {
    try (OpenSearchIndexSink sink = OpenSearchIndexSink.open(settings)) {
      sink.apply(new Change.Upsert(meeting("old", "Budget", "budget forecast", ALICE)));
      sink.commit();
    }
    assertThatThrownBy(() -> OpenSearchIndexSink.open(settings, vectors(256)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("holds no vectors")
        .hasMessageContaining("zoomdex reembed --index opensearch");
    // Searched with or without a model, every mode ranks by keywords, so a client's mode never
    // breaks a search of an index from before vectors.
    for (HashingEmbedder embedder : java.util.Arrays.asList(new HashingEmbedder(256), null)) {
      try (SearchService search = OpenSearchSearchService.open(settings, embedder)) {
        for (SearchMode mode : SearchMode.values()) {
          assertThat(ids(search.search(request(ALICE, "budget forecast", mode))))
              .as(mode.label())
              .containsExactly("meeting:old");
        }
      }
    }
  }

  @Test
  void clusterWithoutTheKnnPlugin_isRefusedWithOneSentence_andStillTakesKeywordOnlyIndexes()
      throws Exception {
    try (EmbeddedOpenSearch bare = EmbeddedOpenSearch.start(false)) {
      OpenSearchSettings onBare =
          OpenSearchSettings.of(List.of(bare.uri())).withAlias(settings.alias());
      assertThatThrownBy(() -> OpenSearchIndexSink.open(onBare, vectors(256)))
          .isInstanceOf(ConfigException.class)
          .hasMessage(
              "The OpenSearch cluster at "
                  + bare.uri()
                  + " has no k-NN plugin (opensearch-knn), which semantic and hybrid search need;"
                  + " install it on every node, or run with --embedding-model none for keyword"
                  + " search only.");
      try (OpenSearchIndexSink sink = OpenSearchIndexSink.open(onBare);
          SearchService search = sink.searchService()) {
        sink.apply(new Change.Upsert(meeting("1", "Budget", "budget forecast", ALICE)));
        sink.commit();
        assertThat(ids(search.search(request(ALICE, "budget", SearchMode.HYBRID))))
            .containsExactly("meeting:1");
      }
    }
  }
}
