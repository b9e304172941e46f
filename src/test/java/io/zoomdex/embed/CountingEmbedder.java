package io.zoomdex.embed;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test embedder that counts the documents it embeds (one {@link #embedPassages} call each) and,
 * to stand for an endpoint going away mid-run, fails every call after {@code failAfter} of them.
 */
public final class CountingEmbedder implements Embedder {
  private final Embedder delegate;
  private final int failAfter;
  private final AtomicInteger documents = new AtomicInteger();

  /** Counts and never fails. */
  public CountingEmbedder(Embedder delegate) {
    this(delegate, Integer.MAX_VALUE);
  }

  public CountingEmbedder(Embedder delegate, int failAfter) {
    this.delegate = delegate;
    this.failAfter = failAfter;
  }

  /** The documents embedded so far (failed calls included). */
  public int documents() {
    return documents.get();
  }

  @Override
  public EmbeddingModelId model() {
    return delegate.model();
  }

  @Override
  public List<float[]> embedPassages(List<String> texts) throws EmbeddingException {
    if (documents.incrementAndGet() > failAfter) {
      throw new EmbeddingException("The embedding endpoint went away.", true);
    }
    return delegate.embedPassages(texts);
  }

  @Override
  public float[] embedQuery(String query) throws EmbeddingException {
    return delegate.embedQuery(query);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
