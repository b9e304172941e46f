package io.zoomdex.sink.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zoomdex.embed.EmbeddingModelId;
import io.zoomdex.passage.EmbeddedPassage;
import io.zoomdex.passage.Passage;
import java.time.Duration;
import java.util.List;

/**
 * How a document's passages are laid out in OpenSearch: a {@code nested} field inside the document,
 * one nested object per passage with its text, kind, time offset and a {@code knn_vector} (k-NN
 * plugin, Lucene engine, HNSW, inner product on unit vectors).
 *
 * <p>Nested rather than a separate passages index, because then a passage lives in the same Lucene
 * block as its document: it is replaced and deleted with it in the same bulk action (no orphan
 * passage, no window where passages and document disagree), the reader filter on the document
 * applies to its passages inside the k-NN query (the plugin joins it to the passages), and a k-NN
 * search returns documents, so totals, facets and paging count documents exactly as keyword search
 * does, without collapsing. The vectors are left out of {@code _source} (they would triple the
 * stored size); a re-embed cuts the stored body again.
 */
final class PassageFields {

  static final String ORDINAL = "ordinal";
  static final String KIND = "kind";
  static final String TEXT = "text";
  static final String AT_SECONDS = "at_seconds";
  static final String VECTOR = "vector";

  /** The vector field's full path, as the k-NN query names it. */
  static final String VECTOR_PATH = OpenSearchSchema.PASSAGES + "." + VECTOR;

  /**
   * HNSW graph degree and build beam of every index zoomdex creates: those of the embedded Lucene
   * index, which raised a narrow reader's filtered recall@10 at 1,000,000 documents from 0.851 (the
   * plugin's defaults, 16 and 100) to 0.981 (BENCHMARKS.md section 11). An index created with other
   * parameters keeps them ({@link #keepMethodOf}): the plugin cannot change them in place.
   */
  static final int HNSW_M = 32;

  static final int HNSW_EF_CONSTRUCTION = 200;

  private PassageFields() {}

  /** Adds the nested passages (vectors of {@code model}) to a mapping, out of {@code _source}. */
  static void addMapping(ObjectNode mappings, EmbeddingModelId model) {
    mappings.putObject("_source").putArray("excludes").add(VECTOR_PATH);
    ObjectNode nested =
        ((ObjectNode) mappings.path("properties")).putObject(OpenSearchSchema.PASSAGES);
    nested.put("type", "nested");
    ObjectNode properties = nested.putObject("properties");
    properties.putObject(ORDINAL).put("type", "integer").put("index", false);
    properties.putObject(KIND).put("type", "keyword").put("index", false).put("doc_values", false);
    properties.putObject(TEXT).put("type", "text").put("index", false);
    properties.putObject(AT_SECONDS).put("type", "long").put("index", false);
    ObjectNode vector = properties.putObject(VECTOR);
    vector.put("type", "knn_vector");
    vector.put("dimension", model.dimension());
    ObjectNode method = vector.putObject("method");
    method.put("name", "hnsw");
    method.put("engine", "lucene");
    method.put("space_type", "innerproduct");
    method.putObject("parameters").put("m", HNSW_M).put("ef_construction", HNSW_EF_CONSTRUCTION);
  }

  /**
   * Makes {@code mappings} (to be put on an existing index) carry the vector method (HNSW
   * parameters) the index was created with, which the k-NN plugin refuses to change in place; a
   * re-embed into a new generation is the way to new parameters. Does nothing when either mapping
   * has no vector field.
   *
   * @param existing the index's current mappings, as {@code GET _mapping} reports them
   */
  static void keepMethodOf(ObjectNode mappings, JsonNode existing) {
    JsonNode method = vectorField(existing).path("method");
    JsonNode vector = vectorField(mappings);
    if (method.isObject() && vector.isObject()) {
      ((ObjectNode) vector).set("method", method.deepCopy());
    }
  }

  private static JsonNode vectorField(JsonNode mappings) {
    return mappings
        .path("properties")
        .path(OpenSearchSchema.PASSAGES)
        .path("properties")
        .path(VECTOR);
  }

  /** Writes passages as the nested objects of a document's source. */
  static void write(ArrayNode into, List<EmbeddedPassage> passages) {
    for (EmbeddedPassage embedded : passages) {
      Passage passage = embedded.passage();
      ObjectNode object = into.addObject();
      object.put(ORDINAL, passage.ordinal());
      object.put(KIND, passage.kind().label());
      object.put(TEXT, passage.text());
      passage.at().ifPresent(at -> object.put(AT_SECONDS, at.toSeconds()));
      ArrayNode vector = object.putArray(VECTOR);
      for (float component : embedded.vector()) {
        vector.add(component);
      }
    }
  }

  /**
   * The best passage of a k-NN hit, from its {@code inner_hits}; null when there is none.
   *
   * @param hit one hit of a search built with {@link VectorQuery}
   */
  static BestPassage best(JsonNode hit) {
    JsonNode inner =
        hit.path("inner_hits").path(OpenSearchSchema.PASSAGES).path("hits").path("hits").path(0);
    JsonNode source = inner.path("_source");
    if (!source.path(TEXT).isTextual()) {
      return null;
    }
    JsonNode at = source.path(AT_SECONDS);
    return new BestPassage(
        source.path(TEXT).asText(),
        at.isNumber() ? Duration.ofSeconds(at.asLong()) : null,
        inner.path("_score").asDouble(0));
  }

  /**
   * A document's passage nearest to the query.
   *
   * @param text the passage's text
   * @param at its offset into the recording, or null
   * @param score its similarity score as OpenSearch reports it
   */
  record BestPassage(String text, Duration at, double score) {}
}
