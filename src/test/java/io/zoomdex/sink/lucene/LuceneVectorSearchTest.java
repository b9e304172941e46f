package io.zoomdex.sink.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zoomdex.config.ConfigException;
import io.zoomdex.document.Change;
import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.document.Readers;
import io.zoomdex.embed.CountingEmbedder;
import io.zoomdex.embed.EmbeddingModelId;
import io.zoomdex.embed.HashingEmbedder;
import io.zoomdex.passage.PassageVectors;
import io.zoomdex.search.SearchHit;
import io.zoomdex.search.SearchMode;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchResults;
import io.zoomdex.search.SearchService;
import io.zoomdex.sink.SinkException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Passages and their vectors in the embedded index, with the deterministic hashing embedder: the
 * reader filter inside the vector query, passages replaced and deleted with their document, the
 * model recorded and enforced, and the re-embed resumable.
 */
class LuceneVectorSearchTest {

  private static final String BROAD = "broad@example.com";
  private static final String NARROW = "narrow@example.com";
  private static final String STRANGER = "stranger@example.com";

  @TempDir Path dir;
  private PassageVectors vectors;

  @BeforeEach
  void vectors() {
    vectors = new PassageVectors(new HashingEmbedder(1024), 2, 16);
  }

  @AfterEach
  void close() {
    vectors.close();
  }

  private static Document doc(String key, String title, String body, String... readers) {
    return new Document(
        new DocumentId(DocumentType.MEETING, key),
        title,
        body,
        "host@example.com",
        Instant.parse("2024-01-01T10:00:00Z").plusSeconds(key.hashCode() & 0xffff),
        30,
        "https://zoom.us/j/" + key,
        Readers.of(List.of(readers)),
        Map.of());
  }

  private static List<String> ids(SearchResults results) {
    return results.hits().stream().map(hit -> hit.id().key()).toList();
  }

  /** 200 documents about hiring for the broad reader, three about gardening for the narrow one. */
  private void writeSkewedCorpus(LuceneIndexSink sink) throws SinkException {
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      changes.add(
          new Change.Upsert(
              doc(
                  "b" + i,
                  "Hiring sync " + i,
                  "We discussed the hiring plan and candidate pipeline number " + i + ".",
                  BROAD)));
    }
    changes.add(
        new Change.Upsert(
            doc("n1", "Garden club", "Tomatoes and compost for the spring garden.", NARROW)));
    changes.add(
        new Change.Upsert(
            doc("n2", "Allotment", "Watering schedule for the garden beds.", NARROW)));
    changes.add(new Change.Upsert(doc("n3", "Seeds", "Which seeds to order this year.", NARROW)));
    sink.applyAll(changes);
    sink.commit();
  }

  @Test
  void narrowReader_getsTheirOwnNearestPassages_thoughOthersAreNearerTheQuery() throws Exception {
    try (LuceneIndexSink sink = LuceneIndexSink.open(dir, vectors);
        SearchService search = sink.searchService()) {
      writeSkewedCorpus(sink);
      SearchResults results =
          search.search(
              SearchRequest.of(NARROW, "hiring plan candidate pipeline for the garden")
                  .withMode(SearchMode.SEMANTIC));
      // The 200 nearer passages are unreadable to them; a post-filtered top-k would be empty. The
      // seeds meeting shares no word with the query, too far to count as found.
      assertThat(ids(results)).containsExactlyInAnyOrder("n1", "n2");
      assertThat(results.total()).isEqualTo(2);
      assertThat(results.facets().byType()).containsOnlyKeys(DocumentType.MEETING);
      assertThat(results.facets().byType().get(DocumentType.MEETING)).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(SearchMode.class)
  void stranger_seesNothing_inEveryMode(SearchMode mode) throws Exception {
    try (LuceneIndexSink sink = LuceneIndexSink.open(dir, vectors);
        SearchService search = sink.searchService()) {
      writeSkewedCorpus(sink);
      SearchResults results =
          search.search(SearchRequest.of(STRANGER, "hiring garden").withMode(mode));
      assertThat(results.hits()).isEmpty();
      assertThat(results.total()).isZero();
      assertThat(results.facets().byType()).isEmpty();
    }
  }

  @Test
  void hybrid_totalsAndFacets_countOnlyReadableDocuments() throws Exception {
    try (LuceneIndexSink sink = LuceneIndexSink.open(dir, vectors);
        SearchService search = sink.searchService()) {
      writeSkewedCorpus(sink);
      SearchResults results =
          search.search(
              SearchRequest.of(NARROW, "garden hiring")
                  .withMode(SearchMode.HYBRID)
                  .withPage(100, 0));
      assertThat(ids(results)).containsExactlyInAnyOrder("n1", "n2");
      assertThat(results.total()).isEqualTo(2);
      assertThat(results.facets().byHost()).containsExactly(Map.entry("host@example.com", 2L));
    }
  }

  @Test
  void upsert_replacesPassages_andDelete_removesThem_inTheSameCommit() throws Exception {
    try (LuceneIndexSink sink = LuceneIndexSink.open(dir, vectors);
        SearchService search = sink.searchService()) {
      sink.apply(new Change.Upsert(doc("x", "Roadmap", "Office budget for payments.", NARROW)));
      sink.commit();
      sink.apply(
          new Change.Upsert(doc("x", "Roadmap", "Office move to Berlin next spring.", NARROW)));
      SearchRequest berlin =
          SearchRequest.of(NARROW, "office move berlin").withMode(SearchMode.SEMANTIC);
      // Not committed yet: the old passages are still what a search sees.
      assertThat(search.search(berlin).hits().get(0).bestSnippet().text()).contains("payments");
      sink.commit();
      SearchHit hit = search.search(berlin).hits().get(0);
      assertThat(hit.bestSnippet().text()).contains("Berlin");
      assertThat(sink.documentCount()).isEqualTo(1);
      sink.apply(new Change.Delete(hit.id()));
      sink.commit();
      assertThat(search.search(berlin).hits()).isEmpty();
      assertThat(sink.documentCount()).isZero();
    }
  }

  @Test
  void transcriptHit_showsItsBestPassage_withItsTimeOffset() throws Exception {
    StringBuilder body = new StringBuilder();
    for (int minute = 0; minute < 40; minute++) {
      String text =
          minute == 31
              ? "We will sunset the legacy billing API in March and move everyone over."
              : "Status update number " + minute + " on the website redesign and the colours.";
      body.append(String.format("[00:%02d:00] Speaker %d: %s%n", minute, minute % 3, text));
    }
    Document transcript =
        new Document(
            new DocumentId(DocumentType.TRANSCRIPT, "t/1=="),
            "Transcript: Weekly sync",
            body.toString(),
            "host@example.com",
            Instant.parse("2024-01-01T10:00:00Z"),
            40,
            "https://zoom.us/rec/play/1",
            Readers.of(List.of(NARROW)),
            Map.of());
    try (LuceneIndexSink sink = LuceneIndexSink.open(dir, vectors);
        SearchService search = sink.searchService()) {
      sink.apply(new Change.Upsert(transcript));
      sink.commit();
      SearchHit hit =
          search
              .search(
                  SearchRequest.of(NARROW, "legacy billing API sunset")
                      .withMode(SearchMode.SEMANTIC))
              .hits()
              .get(0);
      assertThat(hit.bestSnippet().text()).contains("sunset the legacy billing API");
      assertThat(hit.bestSnippet().offset()).isEqualTo(Duration.ofMinutes(31));
    }
  }

  @Test
  void indexOfAnotherModel_isRefused_withTheReembedCommand() throws Exception {
    try (LuceneIndexSink sink = LuceneIndexSink.open(dir, vectors)) {
      writeSkewedCorpus(sink);
    }
    try (PassageVectors other = new PassageVectors(new HashingEmbedder(128), 1, 4)) {
      assertThatThrownBy(() -> LuceneIndexSink.open(dir, other))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("hashing-v1 (1024 dimensions)")
          .hasMessageContaining("hashing-v1 (128 dimensions)")
          .hasMessageContaining("zoomdex reembed");
      assertThatThrownBy(() -> LuceneSearchService.openReadOnly(dir, new HashingEmbedder(128)))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("zoomdex reembed");
    }
    assertThatThrownBy(() -> LuceneIndexSink.open(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("uses no embedding model");
    // The refused opens changed nothing: the right model still opens and finds.
    try (LuceneIndexSink sink = LuceneIndexSink.open(dir, vectors)) {
      assertThat(sink.documentCount()).isEqualTo(203);
    }
  }

  @Test
  void reembed_killedMidway_resumesWhereItStopped_andSwitchesTheModel() throws Exception {
    try (LuceneIndexSink sink = LuceneIndexSink.open(dir, vectors)) {
      writeSkewedCorpus(sink);
    }
    CountingEmbedder failing = new CountingEmbedder(new HashingEmbedder(128), 60);
    try (PassageVectors newModel = new PassageVectors(failing, 1, 4);
        LuceneIndexSink sink = LuceneIndexSink.openForReembed(dir, newModel)) {
      assertThatThrownBy(() -> sink.reembed(25, new NoProgress()))
          .isInstanceOf(SinkException.class);
    }
    // Still the old model until the re-embed finishes: crawls and searches with the new one wait.
    try (PassageVectors newModel = new PassageVectors(new HashingEmbedder(128), 1, 4)) {
      assertThatThrownBy(() -> LuceneIndexSink.open(dir, newModel))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("interrupted");
    }
    CountingEmbedder resumed = new CountingEmbedder(new HashingEmbedder(128), Integer.MAX_VALUE);
    NoProgress progress = new NoProgress();
    try (PassageVectors newModel = new PassageVectors(resumed, 1, 4);
        LuceneIndexSink sink = LuceneIndexSink.openForReembed(dir, newModel)) {
      sink.reembed(25, progress);
      assertThat(sink.recordedModel()).contains(new EmbeddingModelId("hashing-v1", 128));
    }
    // Two batches of 25 were committed before the failure at the 60th document.
    assertThat(progress.alreadyDone).isEqualTo(50);
    assertThat(resumed.documents()).isEqualTo(203 - 50);
    try (PassageVectors newModel = new PassageVectors(new HashingEmbedder(128), 1, 4);
        LuceneIndexSink sink = LuceneIndexSink.open(dir, newModel);
        SearchService search = sink.searchService()) {
      assertThat(
              ids(
                  search.search(
                      SearchRequest.of(NARROW, "garden compost").withMode(SearchMode.SEMANTIC))))
          .containsExactlyInAnyOrder("n1", "n2");
      assertThat(sink.documentCount()).isEqualTo(203);
    }
  }

  private static final class NoProgress implements LuceneIndexSink.ReembedProgress {
    long alreadyDone = -1;

    @Override
    public void started(long total, long done) {
      alreadyDone = done;
    }

    @Override
    public void advanced(int documents) {}
  }
}
