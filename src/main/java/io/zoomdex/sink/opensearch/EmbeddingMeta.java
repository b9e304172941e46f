package io.zoomdex.sink.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
   * Checks that an index whose vectors are {@code recorded} may take or answer vectors of {@code
   * wanted}.
   *
   * @throws OpenSearchFailure (not retryable) naming both models and the fix when they differ
   */
  static void requireSame(String index, EmbeddingModelId recorded, EmbeddingModelId wanted) {
    if (!recorded.equals(wanted)) {
      throw new OpenSearchFailure(
          "The OpenSearch index "
              + index
              + " holds vectors of the embedding model "
              + recorded
              + ", not "
              + wanted
              + "; use the same model, or rebuild the vectors for the new one (zoomdex reembed)"
              + " so that vectors of two models are never mixed.",
          false);
    }
  }
}
