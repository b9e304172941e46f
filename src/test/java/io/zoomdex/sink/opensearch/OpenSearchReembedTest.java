package io.zoomdex.sink.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.zoomdex.search.SearchMode;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchService;
import io.zoomdex.sink.SinkException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link OpenSearchReembed}: a rebuild into the alias's next generation that copies every stored
 * field and version, swaps atomically, and resumes after its last recorded batch. The hashing
 * embedder at two dimensions plays the old and the new model.
 */
@ExtendWith(SharedOpenSearch.class)
class OpenSearchReembedTest {

  private static final AtomicInteger ALIASES = new AtomicInteger();
  private static final String ALICE = "alice@example.com";
  private static final String BOB = "bob@example.com";
  private static final EmbeddingModelId OLD = new EmbeddingModelId("hashing-v1", 64);
  private static final EmbeddingModelId NEW = new EmbeddingModelId("hashing-v1", 128);
  private static final int DOCUMENTS = 53;
  private static final int BATCH = 10;

  private final OpenSearchSettings settings;
  private final OpenSearchConnection admin;
  private final OpenSearchIndexes indexes;

  OpenSearchReembedTest(EmbeddedOpenSearch node) {
    this.settings =
        OpenSearchSettings.of(List.of(node.uri()))
            .withAlias("reembed-" + ALIASES.incrementAndGet())
            .withRetries(1, Duration.ZERO);
    this.admin = OpenSearchConnection.open(settings);
    this.indexes = new OpenSearchIndexes(admin, settings.alias());
  }

  @AfterEach
  void deleteIndices() throws Exception {
    OpenSearchTestIndices.delete(admin, settings.alias());
    admin.close();
  }

  /** 53 meetings, odd ones Alice's, even ones Bob's, one transcript with a summary-like body. */
  private void writeCorpus(int dimension) throws Exception {
    try (PassageVectors vectors = new PassageVectors(new HashingEmbedder(dimension), 2, 8);
        OpenSearchIndexSink sink = OpenSearchIndexSink.open(settings, vectors)) {
      for (int i = 0; i < DOCUMENTS; i++) {
        String reader = i % 2 == 1 ? ALICE : BOB;
        sink.apply(
            new Change.Upsert(
                new Document(
                    new DocumentId(DocumentType.MEETING, String.format("m%03d", i)),
                    i == 7 ? "Garden compost" : "Budget review " + i,
                    i == 7 ? "We talked about compost for the garden." : "Numbers for quarter " + i,
                    "host@example.com",
                    Instant.parse("2026-01-05T10:00:00Z").plusSeconds(3600L * i),
                    30 + i,
                    "https://zoom.us/j/" + i,
                    new Readers(
                        new java.util.TreeSet<>(List.of(reader, "host@example.com")),
                        Map.of(reader, List.of("invitee"), "host@example.com", List.of("host"))),
                    Map.of("meeting_id", Integer.toString(1000 + i)))));
      }
      sink.commit();
    }
  }

  private OpenSearchReembed reembed(PassageVectors vectors) {
    return new OpenSearchReembed(admin, false, settings, Pause.SLEEP, vectors, null);
  }

  /** Every stored document by id: its source (without passages) and its version. */
  private Map<String, String> storedDocuments() throws Exception {
    admin.send("POST", "/" + settings.alias() + "/_refresh", null);
    ObjectNode search = admin.json().createObjectNode();
    search.put("size", 1000).put("version", true);
    search.putObject("_source").putArray("excludes").add("passages");
    JsonNode hits =
        admin
            .send("POST", "/" + settings.alias() + "/_search", search)
            .body()
            .path("hits")
            .path("hits");
    Map<String, String> stored = new TreeMap<>();
    for (JsonNode hit : hits) {
      stored.put(hit.path("_id").asText(), hit.path("_version") + " " + hit.path("_source"));
    }
    return stored;
  }

  @Test
  void reembed_copiesEveryFieldAndVersion_intoANewGenerationOfTheNewModel_thenSwaps()
      throws Exception {
    writeCorpus(64);
    Map<String, String> before = storedDocuments();
    assertThat(before).hasSize(DOCUMENTS);

    OpenSearchReembed.Outcome outcome;
    Recording progress = new Recording(Integer.MAX_VALUE);
    try (PassageVectors vectors = new PassageVectors(new HashingEmbedder(128), 2, 8)) {
      outcome = reembed(vectors).run(BATCH, progress, false);
    }

    String first = settings.alias() + "-1";
    String second = settings.alias() + "-2";
    assertThat(outcome)
        .isEqualTo(
            new OpenSearchReembed.Outcome(first, second, DOCUMENTS, Optional.of(NEW), false));
    assertThat(progress.total).isEqualTo(DOCUMENTS);
    assertThat(progress.batches).containsExactly(10, 10, 10, 10, 10, 3);
    assertThat(indexes.currentIndex()).contains(second);
    assertThat(indexes.generations()).containsExactly(second);
    assertThat(indexes.recordedModel(second)).contains(NEW);
    assertThat(indexes.mappingMeta(second).has(OpenSearchReembed.MARKER)).isFalse();
    assertThat(storedDocuments()).isEqualTo(before);

    try (HashingEmbedder embedder = new HashingEmbedder(128);
        SearchService search = OpenSearchSearchService.open(settings, embedder)) {
      assertThat(
              search
                  .search(SearchRequest.of(ALICE, "garden compost").withMode(SearchMode.SEMANTIC))
                  .hits())
          .extracting(hit -> hit.id().toString())
          .first()
          .isEqualTo("meeting:m007");
      assertThat(
              search
                  .search(SearchRequest.of(BOB, "garden compost").withMode(SearchMode.SEMANTIC))
                  .hits())
          .extracting(hit -> Integer.parseInt(hit.id().key().substring(1)) % 2)
          .as("only Bob's (even) meetings")
          .containsOnly(0);
    }
    // The old model is now refused, and a crawl with the new one may write.
    try (PassageVectors old = new PassageVectors(new HashingEmbedder(64), 1, 4)) {
      assertThatThrownBy(() -> OpenSearchIndexSink.open(settings, old))
          .isInstanceOf(ConfigException.class);
    }
    try (PassageVectors vectors = new PassageVectors(new HashingEmbedder(128), 1, 4);
        OpenSearchIndexSink sink = OpenSearchIndexSink.open(settings, vectors)) {
      assertThat(sink.documentCount()).isEqualTo(DOCUMENTS);
    }
  }

  @Test
  void reembed_killedAfterTwoBatches_leavesSearchesOnTheOldIndex_andResumesWithoutRedoingThem()
      throws Exception {
    writeCorpus(64);
    Map<String, String> before = storedDocuments();

    try (PassageVectors vectors = new PassageVectors(new HashingEmbedder(128), 2, 8)) {
      assertThatThrownBy(() -> reembed(vectors).run(BATCH, new Recording(2), false))
          .isInstanceOf(Killed.class);
    }
    // Half-built: the alias, the model searches use and every listing are still the old ones.
    assertThat(indexes.currentIndex()).contains(settings.alias() + "-1");
    assertThat(indexes.generations())
        .containsExactly(settings.alias() + "-1", settings.alias() + "-2");
    try (HashingEmbedder embedder = new HashingEmbedder(64);
        SearchService search = OpenSearchSearchService.open(settings, embedder)) {
      assertThat(
              search
                  .search(SearchRequest.of(ALICE, "garden compost").withMode(SearchMode.SEMANTIC))
                  .hits())
          .extracting(hit -> hit.id().toString())
          .first()
          .isEqualTo("meeting:m007");
    }
    assertThat(storedDocuments()).isEqualTo(before);

    CountingEmbedder counting = new CountingEmbedder(new HashingEmbedder(128));
    Recording resumed = new Recording(Integer.MAX_VALUE);
    try (PassageVectors vectors = new PassageVectors(counting, 2, 8)) {
      reembed(vectors).run(BATCH, resumed, false);
    }

    assertThat(resumed.alreadyDone).isEqualTo(2 * BATCH);
    assertThat(resumed.batches).containsExactly(10, 10, 10, 3);
    assertThat(counting.documents()).isEqualTo(DOCUMENTS - 2 * BATCH);
    assertThat(indexes.currentIndex()).contains(settings.alias() + "-2");
    assertThat(indexes.generations()).containsExactly(settings.alias() + "-2");
    assertThat(indexes.recordedModel(settings.alias() + "-2")).contains(NEW);
    assertThat(storedDocuments()).isEqualTo(before);
  }

  @Test
  void reembed_withAnotherModelThanTheHalfBuiltOne_deletesItAndStartsOver() throws Exception {
    writeCorpus(64);
    try (PassageVectors vectors = new PassageVectors(new HashingEmbedder(128), 2, 8)) {
      assertThatThrownBy(() -> reembed(vectors).run(BATCH, new Recording(2), false))
          .isInstanceOf(Killed.class);
    }

    Recording other = new Recording(Integer.MAX_VALUE);
    try (PassageVectors vectors = new PassageVectors(new HashingEmbedder(32), 2, 8)) {
      reembed(vectors).run(BATCH, other, true);
    }

    assertThat(other.alreadyDone).isZero();
    assertThat(other.batches).hasSize(6);
    assertThat(indexes.currentIndex()).contains(settings.alias() + "-2");
    assertThat(indexes.generations())
        .as("the half-built -2 was deleted and built again; -1 is kept as asked")
        .containsExactly(settings.alias() + "-1", settings.alias() + "-2");
    assertThat(indexes.recordedModel(settings.alias() + "-2"))
        .contains(new EmbeddingModelId("hashing-v1", 32));
  }

  @Test
  void reembed_afterTheOldIndexWasWrittenSinceTheKilledRun_startsOverAndCopiesTheChange()
      throws Exception {
    writeCorpus(64);
    try (PassageVectors vectors = new PassageVectors(new HashingEmbedder(128), 2, 8)) {
      assertThatThrownBy(() -> reembed(vectors).run(BATCH, new Recording(2), false))
          .isInstanceOf(Killed.class);
    }
    // A crawl with the old model ran in between and changed a document already copied.
    try (PassageVectors vectors = new PassageVectors(new HashingEmbedder(64), 1, 4);
        OpenSearchIndexSink sink = OpenSearchIndexSink.open(settings, vectors)) {
      sink.apply(
          new Change.Upsert(
              new Document(
                  new DocumentId(DocumentType.MEETING, "m001"),
                  "Orchard pruning",
                  "We pruned the apple trees.",
                  "host@example.com",
                  Instant.parse("2026-01-05T10:00:00Z"),
                  30,
                  "https://zoom.us/j/1",
                  Readers.of(List.of(ALICE)),
                  Map.of())));
      sink.commit();
    }
    Map<String, String> before = storedDocuments();

    Recording again = new Recording(Integer.MAX_VALUE);
    try (PassageVectors vectors = new PassageVectors(new HashingEmbedder(128), 2, 8)) {
      reembed(vectors).run(BATCH, again, false);
    }

    assertThat(again.alreadyDone).isZero();
    assertThat(again.batches).hasSize(6);
    assertThat(storedDocuments()).isEqualTo(before);
    assertThat(indexes.currentIndex()).contains(settings.alias() + "-2");
    try (HashingEmbedder embedder = new HashingEmbedder(128);
        SearchService search = OpenSearchSearchService.open(settings, embedder)) {
      assertThat(
              search
                  .search(SearchRequest.of(ALICE, "apple trees").withMode(SearchMode.SEMANTIC))
                  .hits())
          .extracting(hit -> hit.id().toString())
          .first()
          .isEqualTo("meeting:m001");
    }
  }

  @Test
  void reembed_whenTheOldIndexIsWrittenDuringTheRun_refusesToSwap_andDropsTheNewGeneration()
      throws Exception {
    writeCorpus(64);
    try (PassageVectors old = new PassageVectors(new HashingEmbedder(64), 1, 4);
        OpenSearchIndexSink intruder = OpenSearchIndexSink.open(settings, old);
        PassageVectors vectors = new PassageVectors(new HashingEmbedder(128), 2, 8)) {
      OpenSearchReembed.Progress writesMidway =
          new Recording(Integer.MAX_VALUE) {
            @Override
            public void advanced(int documents) {
              super.advanced(documents);
              if (batches.size() == 2) {
                try {
                  // A writer without the lease deletes a document already copied.
                  intruder.apply(new Change.Delete(new DocumentId(DocumentType.MEETING, "m001")));
                  intruder.commit();
                } catch (SinkException e) {
                  throw new IllegalStateException(e);
                }
              }
            }
          };
      assertThatThrownBy(() -> reembed(vectors).run(BATCH, writesMidway, false))
          .isInstanceOf(SinkException.class)
          .hasMessageContaining("was written while it was being re-embedded");
    }
    assertThat(indexes.currentIndex()).contains(settings.alias() + "-1");
    assertThat(indexes.generations()).containsExactly(settings.alias() + "-1");
  }

  @Test
  void reembed_whenEmbeddingFails_keepsTheAliasOnTheCompleteOldIndex() throws Exception {
    writeCorpus(64);
    CountingEmbedder failing = new CountingEmbedder(new HashingEmbedder(128), 25);
    try (PassageVectors vectors = new PassageVectors(failing, 1, 4)) {
      assertThatThrownBy(() -> reembed(vectors).run(BATCH, new Recording(Integer.MAX_VALUE), false))
          .isInstanceOf(SinkException.class)
          .hasMessageContaining("searches still use the complete index " + settings.alias() + "-1")
          .satisfies(e -> assertThat(((SinkException) e).retryable()).isTrue());
    }
    assertThat(indexes.currentIndex()).contains(settings.alias() + "-1");
    assertThat(indexes.recordedModel(settings.alias() + "-1")).contains(OLD);
  }

  @Test
  void reembed_ofAnAliasThatDoesNotExist_saysToCrawlFirst() {
    assertThatThrownBy(() -> reembed(null).run(BATCH, new Recording(Integer.MAX_VALUE), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("run a crawl with --index opensearch first");
  }

  /** Thrown by {@link Recording} to stop a run as a kill would, after a number of batches. */
  private static final class Killed extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  private static class Recording implements OpenSearchReembed.Progress {
    private final int killAfter;
    long total = -1;
    long alreadyDone = -1;
    final List<Integer> batches = new ArrayList<>();

    Recording(int killAfter) {
      this.killAfter = killAfter;
    }

    @Override
    public void started(long total, long alreadyDone) {
      this.total = total;
      this.alreadyDone = alreadyDone;
    }

    @Override
    public void advanced(int documents) {
      batches.add(documents);
      if (batches.size() >= killAfter) {
        throw new Killed();
      }
    }
  }
}
