package io.zoomdex.embed;

import java.util.List;

/**
 * Turns text into vectors whose dot product says how close two texts are in meaning. Every vector
 * an embedder returns has {@link EmbeddingModelId#dimension()} components and unit length (L2 norm
 * 1), so a dot product is a cosine similarity. Implementations are safe to call from several
 * threads.
 *
 * <p>Passages and queries are embedded by separate methods because some models (e5, bge) want a
 * different prefix for each; for the others the two are the same.
 */
public interface Embedder extends AutoCloseable {

  /**
   * The model's name and dimension, recorded in the index so that vectors of different models are
   * never mixed. Two embedders with equal ids produce comparable vectors.
   */
  EmbeddingModelId model();

  /**
   * Embeds passages (texts to be found), one vector per text, in the same order. An empty list
   * gives an empty list. Texts longer than the model's window may be cut or split by the
   * implementation; callers should keep passages under about 250 words.
   *
   * @throws EmbeddingException when the model cannot run or the endpoint fails; {@link
   *     EmbeddingException#retryable()} says whether trying again later may help
   */
  List<float[]> embedPassages(List<String> texts) throws EmbeddingException;

  /**
   * Embeds one search query.
   *
   * @throws EmbeddingException as {@link #embedPassages(List)}
   */
  float[] embedQuery(String query) throws EmbeddingException;

  /**
   * The cosine similarity below which a passage is too far from a query to count as found by
   * meaning (each model spreads its scores differently: MiniLM's unrelated pairs sit near 0, bge's
   * near 0.4). Zero keeps every nearest passage.
   */
  default float minimumSimilarity() {
    return 0f;
  }

  /** Releases the model or connection. Closing twice is allowed; does not throw. */
  @Override
  default void close() {}
}
