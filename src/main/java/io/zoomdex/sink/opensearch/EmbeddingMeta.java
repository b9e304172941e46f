package io.zoomdex.sink.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zoomdex.config.ConfigException;
import io.zoomdex.embed.EmbeddingModelId;
import java.util.Optional;

/**
 * The embedding model an OpenSearch index's vectors come from, recorded in its mapping's {@code
 * _meta} when the index is created, so that vectors of two models are never mixed in one index.
 */
final class EmbeddingMeta {

  static final String MODEL = "embedding_model";
  static final String DIMENSION = "embedding_dimension";

  private EmbeddingMeta() {}

  static void write(ObjectNode meta, EmbeddingModelId model) {
    meta.put(MODEL, model.name());
    meta.put(DIMENSION, model.dimension());
  }

  /** The model recorded in a mapping's {@code _meta}, or empty when it holds no vectors. */
  static Optional<EmbeddingModelId> read(JsonNode meta) {
    String name = meta.path(MODEL).asText("");
    int dimension = meta.path(DIMENSION).asInt(0);
    return name.isBlank() || dimension < 1
        ? Optional.empty()
        : Optional.of(new EmbeddingModelId(name, dimension));
  }

  /**
   * Checks that an index whose vectors are {@code recorded} may be written or searched with {@code
   * configured}: both the same model, or both none. OpenSearch cannot change a vector field's
   * dimension nor add HNSW fields to an existing index, so any difference means a rebuild.
   *
   * @throws ConfigException naming both and the fix when they differ
   */
  static void requireSame(
      String index, Optional<EmbeddingModelId> recorded, Optional<EmbeddingModelId> configured) {
    if (recorded.equals(configured)) {
      return;
    }
    String has = recorded.map(model -> "vectors of " + model).orElse("no vectors");
    String wants = configured.map(model -> "uses " + model).orElse("uses no embedding model");
    throw new ConfigException(
        "The OpenSearch index "
            + index
            + " holds "
            + has
            + " but this run "
            + wants
            + "; run `zoomdex reembed --index opensearch` with this run's model to rebuild it"
            + " (searches keep the old vectors until it finishes), or configure the index's model"
            + " again.");
  }
}
