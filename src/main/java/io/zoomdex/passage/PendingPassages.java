package io.zoomdex.passage;

import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.embed.EmbeddingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The passages a sink owes its index at the next commit: one embedding in flight per upserted
 * document since the last commit. A later upsert of the same document replaces the earlier one and
 * a delete forgets it, so only the last version's passages are written. Not thread-safe: the sink
 * calls it under its own discipline (one writer).
 */
public final class PendingPassages {

  private final PassageVectors vectors;
  private final Map<DocumentId, CompletableFuture<DocumentPassages>> inFlight =
      new LinkedHashMap<>();

  public PendingPassages(PassageVectors vectors) {
    this.vectors = vectors;
  }

  /**
   * Starts embedding an upserted document's passages.
   *
   * @throws InterruptedException when interrupted while the pool is full
   */
  public void upserted(Document document) throws InterruptedException {
    CompletableFuture<DocumentPassages> previous =
        inFlight.put(document.id(), vectors.submit(document));
    if (previous != null) {
      previous.cancel(false);
    }
  }

  /** Forgets a deleted document's pending passages. */
  public void deleted(DocumentId id) {
    CompletableFuture<DocumentPassages> previous = inFlight.remove(id);
    if (previous != null) {
      previous.cancel(false);
    }
  }

  /** Whether nothing is pending. */
  public boolean isEmpty() {
    return inFlight.isEmpty();
  }

  /**
   * Waits for every pending document, in the order first upserted, and forgets them.
   *
   * @throws EmbeddingException the first failure; everything pending is then forgotten too
   * @throws InterruptedException when interrupted while waiting
   */
  public List<DocumentPassages> awaitAll() throws EmbeddingException, InterruptedException {
    try {
      List<DocumentPassages> done = new ArrayList<>(inFlight.size());
      for (CompletableFuture<DocumentPassages> future : inFlight.values()) {
        done.add(future.get());
      }
      return done;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof EmbeddingException embedding) {
        throw embedding;
      }
      throw new EmbeddingException(
          "Embedding failed (" + e.getCause() + "); check the embedding model settings.",
          false,
          e.getCause());
    } finally {
      discard();
    }
  }

  /** Forgets everything pending (after a failure, or when the sink closes without committing). */
  public void discard() {
    inFlight.values().forEach(future -> future.cancel(false));
    inFlight.clear();
  }
}
