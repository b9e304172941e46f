package io.zoomdex.sink.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zoomdex.document.Change;
import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.document.Readers;
import io.zoomdex.embed.HashingEmbedder;
import io.zoomdex.passage.PassageVectors;
import io.zoomdex.search.SearchMode;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HNSW parameters of the passage vectors: every index zoomdex creates (first crawl, a
 * re-embed's generation) builds its graphs with m=32 and ef_construction=200, while an index
 * created with the plugin's old defaults (16/100) keeps them, and goes on taking crawls and
 * answering searches in every mode (the k-NN plugin cannot change a vector field's method in
 * place).
 */
@ExtendWith(SharedOpenSearch.class)
class HnswParametersTest {

  private static final AtomicInteger ALIASES = new AtomicInteger();
  private static final String ALICE = "alice@example.com";
  private static final int DIMENSION = 64;

  private final OpenSearchSettings settings;
  private final OpenSearchConnection admin;

  HnswParametersTest(EmbeddedOpenSearch node) {
    this.settings =
        OpenSearchSettings.of(List.of(node.uri())).withAlias("hnsw-" + ALIASES.incrementAndGet());
    this.admin = OpenSearchConnection.open(settings);
  }

  @AfterEach
  void deleteIndices() throws Exception {
    OpenSearchTestIndices.delete(admin, settings.alias());
    admin.close();
  }

  private static PassageVectors vectors() {
    return new PassageVectors(new HashingEmbedder(DIMENSION), 1, 4);
  }

  private static Document meeting(String id, String title, String body) {
    return new Document(
        new DocumentId(DocumentType.MEETING, id),
        title,
        body,
        ALICE,
        Instant.parse("2026-02-01T10:00:00Z"),
        30,
        "https://zoom.us/j/" + id,
        Readers.of(List.of(ALICE)),
        Map.of());
  }

  /** The HNSW parameters of an index's passage vectors, as OpenSearch reports its mapping. */
  private JsonNode hnswParameters(String index) throws Exception {
    OpenSearchConnection.Answer answer = admin.send("GET", "/" + index + "/_mapping", null);
    assertThat(answer.ok()).as(answer.error()).isTrue();
    JsonNode method =
        answer
            .body()
            .path(index)
            .path("mappings")
            .path("properties")
            .path(OpenSearchSchema.PASSAGES)
            .path("properties")
            .path(PassageFields.VECTOR)
            .path("method");
    assertThat(method.path("name").asText()).isEqualTo("hnsw");
    return method.path("parameters");
  }

  @Test
  void firstCrawl_andEveryReembedGeneration_buildGraphsWithM32AndEfConstruction200()
      throws Exception {
    try (PassageVectors vectors = vectors();
        OpenSearchIndexSink sink = OpenSearchIndexSink.open(settings, vectors)) {
      sink.apply(new Change.Upsert(meeting("m1", "Garden compost", "We talked about compost.")));
      sink.commit();
    }
    JsonNode first = hnswParameters(settings.alias() + "-1");
    assertThat(first.path("m").asInt()).isEqualTo(32);
    assertThat(first.path("ef_construction").asInt()).isEqualTo(200);

    try (PassageVectors vectors = vectors()) {
      new OpenSearchReembed(admin, false, settings, Pause.SLEEP, vectors, null)
          .run(10, new NoProgress(), false);
    }
    JsonNode second = hnswParameters(settings.alias() + "-2");
    assertThat(second.path("m").asInt()).isEqualTo(32);
    assertThat(second.path("ef_construction").asInt()).isEqualTo(200);
  }

  @Test
  void anIndexCreatedWithTheOldParameters_keepsThem_andStillTakesCrawlsAndSearchesInEveryMode()
      throws Exception {
    // An index as an earlier zoomdex created it: the same mapping with the plugin's defaults.
    ObjectNode body =
        (ObjectNode)
            OpenSearchSchema.indexTemplate(
                    admin.json(), settings.alias(), new HashingEmbedder(DIMENSION).model())
                .path("template");
    ((ObjectNode)
            body.at(
                "/mappings/properties/"
                    + OpenSearchSchema.PASSAGES
                    + "/properties/"
                    + PassageFields.VECTOR
                    + "/method/parameters"))
        .put("m", 16)
        .put("ef_construction", 100);
    body.putObject("aliases").putObject(settings.alias()).put("is_write_index", true);
    String old = settings.alias() + "-1";
    OpenSearchConnection.Answer created = admin.send("PUT", "/" + old, body);
    assertThat(created.ok()).as(created.error()).isTrue();

    // Two crawls (each prepares the index again), then searches in all three modes.
    for (String id : List.of("m1", "m2")) {
      try (PassageVectors vectors = vectors();
          OpenSearchIndexSink sink = OpenSearchIndexSink.open(settings, vectors)) {
        sink.apply(
            new Change.Upsert(
                id.equals("m1")
                    ? meeting("m1", "Garden compost", "We talked about compost for the garden.")
                    : meeting("m2", "Budget review", "Numbers for the quarter.")));
        sink.commit();
      }
    }
    JsonNode parameters = hnswParameters(old);
    assertThat(parameters.path("m").asInt()).isEqualTo(16);
    assertThat(parameters.path("ef_construction").asInt()).isEqualTo(100);

    try (HashingEmbedder embedder = new HashingEmbedder(DIMENSION);
        SearchService search = OpenSearchSearchService.open(settings, embedder)) {
      for (SearchMode mode : SearchMode.values()) {
        assertThat(search.search(SearchRequest.of(ALICE, "garden compost").withMode(mode)).hits())
            .as(mode.toString())
            .extracting(hit -> hit.id().toString())
            .first()
            .isEqualTo("meeting:m1");
      }
      assertThat(search.documentCount()).hasValue(2);
    }
  }

  private static final class NoProgress implements OpenSearchReembed.Progress {
    @Override
    public void started(long total, long alreadyDone) {}

    @Override
    public void advanced(int documents) {}
  }
}
