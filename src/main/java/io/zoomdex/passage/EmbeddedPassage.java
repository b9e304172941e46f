package io.zoomdex.passage;

import java.util.Objects;

/**
 * A passage with its vector, ready for an index.
 *
 * @param passage the passage
 * @param vector its unit-length embedding, of the index's model
 */
public record EmbeddedPassage(Passage passage, float[] vector) {

  public EmbeddedPassage {
    Objects.requireNonNull(passage, "passage");
    Objects.requireNonNull(vector, "vector");
  }
}
