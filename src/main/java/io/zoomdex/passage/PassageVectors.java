package io.zoomdex.passage;

import io.zoomdex.document.Document;
import io.zoomdex.embed.Embedder;
import io.zoomdex.embed.EmbeddingException;
import io.zoomdex.embed.EmbeddingModelId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cuts documents into passages and embeds them on a bounded pool of threads, one document's
 * passages in one batch. A sink submits each document as it arrives and collects the vectors at its
 * next commit ({@link PendingPassages}), so the crawl's threads go on fetching while the pool
 * embeds. At most {@code maxPending} documents wait to be embedded: past that, {@link
 * #submit(Document)} blocks, which slows the crawl to the pool's pace rather than growing memory.
 *
 * <p>Safe to use from several threads.
 */
public final class PassageVectors implements AutoCloseable {

  private final Embedder embedder;
  private final PassageCutter cutter = new PassageCutter();
  private final ExecutorService pool;
  private final Semaphore pending;
  private final int threads;

  /**
   * @param embedder the model; closed with this object
   * @param threads how many documents are embedded at once (the model runs single-threaded in each)
   * @param maxPending how many submitted documents may wait for the pool before submit blocks
   */
  public PassageVectors(Embedder embedder, int threads, int maxPending) {
    if (threads < 1 || maxPending < 1) {
      throw new IllegalArgumentException(
          "threads and maxPending must be positive: " + threads + ", " + maxPending);
    }
    this.embedder = embedder;
    this.threads = threads;
    this.pending = new Semaphore(maxPending);
    AtomicInteger counter = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            runnable -> {
              Thread thread = new Thread(runnable, "embed-" + counter.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** The model whose vectors this produces. */
  public EmbeddingModelId model() {
    return embedder.model();
  }

  /** The embedder itself (for embedding queries); closed with this object. */
  public Embedder embedder() {
    return embedder;
  }

  /** How many documents are embedded at once. */
  public int threads() {
    return threads;
  }

  /** The passages of a document, without vectors (cheap; for tests and for re-embedding plans). */
  public List<Passage> passages(Document document) {
    return cutter.cut(document);
  }

  /**
   * Cuts and embeds one document in the calling thread.
   *
   * @throws EmbeddingException when the model or endpoint fails
   */
  public DocumentPassages embedNow(Document document) throws EmbeddingException {
    List<Passage> passages = cutter.cut(document);
    if (passages.isEmpty()) {
      return new DocumentPassages(document, List.of());
    }
    List<String> texts = new ArrayList<>(passages.size());
    for (Passage passage : passages) {
      texts.add(passage.textToEmbed(document.title()));
    }
    List<float[]> vectors = embedder.embedPassages(texts);
    if (vectors.size() != passages.size()) {
      throw new EmbeddingException(
          "The embedding model returned "
              + vectors.size()
              + " vectors for "
              + passages.size()
              + " passages; check the model or endpoint.",
          false);
    }
    List<EmbeddedPassage> embedded = new ArrayList<>(passages.size());
    for (int i = 0; i < passages.size(); i++) {
      embedded.add(new EmbeddedPassage(passages.get(i), vectors.get(i)));
    }
    return new DocumentPassages(document, embedded);
  }

  /**
   * Starts embedding a document on the pool; blocks while {@code maxPending} documents are already
   * waiting. The future fails with an {@link EmbeddingException} as its cause when embedding fails.
   *
   * @throws InterruptedException when interrupted while waiting for room
   */
  public CompletableFuture<DocumentPassages> submit(Document document) throws InterruptedException {
    pending.acquire();
    CompletableFuture<DocumentPassages> result = new CompletableFuture<>();
    try {
      pool.execute(
          () -> {
            try {
              result.complete(embedNow(document));
            } catch (EmbeddingException | RuntimeException e) {
              result.completeExceptionally(e);
            } finally {
              pending.release();
            }
          });
    } catch (RuntimeException e) {
      pending.release();
      throw e;
    }
    return result;
  }

  /**
   * Embeds a search query.
   *
   * @throws EmbeddingException when the model or endpoint fails
   */
  public float[] embedQuery(String query) throws EmbeddingException {
    return embedder.embedQuery(query);
  }

  /** Stops the pool (work already submitted is abandoned) and closes the embedder. */
  @Override
  public void close() {
    pool.shutdownNow();
    embedder.close();
  }
}
