package io.zoomdex.sink.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test node really has the k-NN plugin: a {@code knn_vector} field (Lucene engine) indexes, and
 * a k-NN query with a reader filter inside returns the nearest readable documents, even when the
 * nearest ones overall are unreadable.
 */
@ExtendWith(SharedOpenSearch.class)
class KnnPluginTest {

  private static final String INDEX = "knn-plugin-test";

  private final OpenSearchConnection connection;
  private final ObjectMapper json = new ObjectMapper();

  KnnPluginTest(EmbeddedOpenSearch node) {
    this.connection = OpenSearchConnection.open(OpenSearchSettings.of(List.of(node.uri())));
  }

  @AfterEach
  void deleteIndex() throws Exception {
    try (connection) {
      connection.send("DELETE", "/" + INDEX, null);
    }
  }

  @Test
  void knnQueryWithAFilterInside_returnsTheNearestReadableDocuments() throws Exception {
    OpenSearchIndexes.require(
        connection.send(
            "PUT",
            "/" + INDEX,
            json.readTree(
                """
                {"settings": {"index": {"knn": true, "number_of_shards": 1, "number_of_replicas": 0}},
                 "mappings": {"properties": {
                   "readers": {"type": "keyword"},
                   "vector": {"type": "knn_vector", "dimension": 2,
                              "method": {"name": "hnsw", "engine": "lucene", "space_type": "innerproduct"}}}}}
                """)),
        "create a k-NN index");
    // Ten unit vectors fanning out from (1, 0): document i is the i-th nearest to (1, 0). Even
    // ones belong to alice, odd ones to bob.
    StringBuilder bulk = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      double angle = i * Math.PI / 20;
      bulk.append("{\"index\":{\"_id\":\"d").append(i).append("\"}}\n");
      bulk.append("{\"readers\":[\"")
          .append(i % 2 == 0 ? "alice" : "bob")
          .append("\"],\"vector\":[")
          .append(Math.cos(angle))
          .append(',')
          .append(Math.sin(angle))
          .append("]}\n");
    }
    OpenSearchConnection.Answer indexed =
        connection.send(
            "POST",
            "/" + INDEX + "/_bulk",
            Map.of("refresh", "true"),
            bulk.toString().getBytes(StandardCharsets.UTF_8),
            "application/x-ndjson");
    OpenSearchIndexes.require(indexed, "index vectors");
    assertThat(indexed.body().path("errors").asBoolean(true)).isFalse();

    assertThat(nearest("bob", 3)).containsExactly("d1", "d3", "d5");
    assertThat(nearest("alice", 2)).containsExactly("d0", "d2");
    assertThat(nearest("nobody", 3)).isEmpty();
  }

  @Test
  void nestedPassageVectors_filterOnTheDocumentInsideTheKnnQuery_bestPassagePerDocument()
      throws Exception {
    OpenSearchIndexes.require(
        connection.send(
            "PUT",
            "/" + INDEX,
            json.readTree(
                """
                {"settings": {"index": {"knn": true, "number_of_shards": 1, "number_of_replicas": 0}},
                 "mappings": {"properties": {
                   "readers": {"type": "keyword"},
                   "passages": {"type": "nested", "properties": {
                     "n": {"type": "integer"},
                     "vector": {"type": "knn_vector", "dimension": 2,
                                "method": {"name": "hnsw", "engine": "lucene", "space_type": "innerproduct"}}}}}}}
                """)),
        "create a nested k-NN index");
    // Document i has two passages: passage 0 at angle 2i, passage 1 at angle 2i+1 (in steps of
    // pi/40), so document i's best passage against (1, 0) is its passage 0.
    StringBuilder bulk = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      bulk.append("{\"index\":{\"_id\":\"d").append(i).append("\"}}\n");
      bulk.append("{\"readers\":[\"").append(i % 2 == 0 ? "alice" : "bob").append("\"]");
      bulk.append(",\"passages\":[");
      for (int n = 0; n < 2; n++) {
        double angle = (2 * i + n) * Math.PI / 40;
        bulk.append(n == 0 ? "" : ",")
            .append("{\"n\":")
            .append(n)
            .append(",\"vector\":[")
            .append(Math.cos(angle))
            .append(',')
            .append(Math.sin(angle))
            .append("]}");
      }
      bulk.append("]}\n");
    }
    OpenSearchConnection.Answer indexed =
        connection.send(
            "POST",
            "/" + INDEX + "/_bulk",
            Map.of("refresh", "true"),
            bulk.toString().getBytes(StandardCharsets.UTF_8),
            "application/x-ndjson");
    OpenSearchIndexes.require(indexed, "index vectors");
    assertThat(indexed.body().path("errors").asBoolean(true)).isFalse();

    JsonNode query =
        json.readTree(
            """
            {"size": 3, "_source": false,
             "query": {"nested": {"path": "passages", "score_mode": "max",
               "query": {"knn": {"passages.vector": {"vector": [1.0, 0.0], "k": 3,
                 "filter": {"term": {"readers": "bob"}}}}},
               "inner_hits": {"size": 1, "_source": false, "fields": ["passages.n"]}}}}
            """);
    OpenSearchConnection.Answer answer = connection.send("POST", "/" + INDEX + "/_search", query);
    OpenSearchIndexes.require(answer, "nested k-NN search");
    List<String> ids = new ArrayList<>();
    List<Integer> best = new ArrayList<>();
    for (JsonNode hit : answer.body().path("hits").path("hits")) {
      ids.add(hit.path("_id").asText());
      best.add(
          hit.path("inner_hits")
              .path("passages")
              .path("hits")
              .path("hits")
              .path(0)
              .path("_nested")
              .path("offset")
              .asInt(-1));
    }
    assertThat(ids).containsExactly("d1", "d3", "d5");
    assertThat(best).containsExactly(0, 0, 0);
    assertThat(answer.body().path("hits").path("total").path("value").asInt()).isEqualTo(3);
  }

  private List<String> nearest(String reader, int k) throws Exception {
    JsonNode query =
        json.readTree(
            """
            {"size": %d, "_source": false,
             "query": {"knn": {"vector": {"vector": [1.0, 0.0], "k": %d,
               "filter": {"term": {"readers": "%s"}}}}}}
            """
                .formatted(k, k, reader));
    OpenSearchConnection.Answer answer = connection.send("POST", "/" + INDEX + "/_search", query);
    OpenSearchIndexes.require(answer, "k-NN search");
    List<String> ids = new ArrayList<>();
    answer.body().path("hits").path("hits").forEach(hit -> ids.add(hit.path("_id").asText()));
    return ids;
  }
}
