package io.zoomdex.embed;

import java.util.Objects;

/**
 * Which vectors an index holds: the model's name (e.g. {@code all-minilm-l6-v2-q}) and how many
 * components each vector has. Stored with the index; an index is only ever searched and extended
 * with vectors of the same id.
 */
public record EmbeddingModelId(String name, int dimension) {

  public EmbeddingModelId {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("An embedding model needs a name.");
    }
    if (dimension < 1) {
      throw new IllegalArgumentException("An embedding dimension must be positive: " + dimension);
    }
  }

  /** The form shown to operators, e.g. {@code all-minilm-l6-v2-q (384 dimensions)}. */
  @Override
  public String toString() {
    return name + " (" + dimension + " dimensions)";
  }
}
