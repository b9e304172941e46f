package io.zoomdex.sink.lucene;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.search.IndexSearcher;

/**
 * The threads a semantic or hybrid search spreads over, so that one search uses every core: the
 * HNSW search of each segment and the keyword ranking's slices run as Lucene tasks, and the calling
 * thread runs tasks too: Lucene's {@code TaskExecutor}, like {@link #start} here, runs a task no
 * pool thread has taken yet itself rather than wait, so a search never waits idle behind others and
 * can never deadlock on a busy pool. One pool for the process, of daemon threads, one fewer than
 * the cores ({@code -Dzoomdex.search.threads=N} overrides, 0 for none): concurrent searches share
 * it, so a busy server never runs more search threads than it has cores.
 *
 * <p>Only ranking uses it. Counting (total and facets) stops at the count cap, which needs one
 * collector to see the matches, so it runs on a searcher without an executor.
 */
final class SearchThreads {
  private static final int THREADS =
      Integer.getInteger("zoomdex.search.threads", Runtime.getRuntime().availableProcessors() - 1);
  private static final ExecutorService POOL = THREADS < 1 ? null : newPool(THREADS);

  private SearchThreads() {}

  /** A searcher over {@code searcher}'s reader whose queries spread over the pool. */
  static IndexSearcher parallel(IndexSearcher searcher) {
    if (POOL == null) {
      return searcher;
    }
    IndexSearcher parallel = new IndexSearcher(searcher.getIndexReader(), POOL);
    parallel.setSimilarity(searcher.getSimilarity());
    return parallel;
  }

  /**
   * Starts work beside the caller's. Work that no pool thread has taken yet when its result is
   * asked for runs on the asking thread, so a caller never waits idle behind other searches' tasks.
   */
  static <T> Pending<T> start(Work<T> work) {
    Pending<T> pending = new Pending<>(work);
    if (POOL != null) {
      POOL.execute(pending::runIfUnclaimed);
    }
    return pending;
  }

  /** Search work that may fail to read the index. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws IOException;
  }

  /** The result of work started with {@link #start}. */
  static final class Pending<T> {
    private final Work<T> work;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private Pending(Work<T> work) {
      this.work = work;
    }

    private void runIfUnclaimed() {
      if (!claimed.compareAndSet(false, true)) {
        return;
      }
      try {
        result.complete(work.run());
      } catch (IOException | RuntimeException | Error e) {
        result.completeExceptionally(e);
      }
    }

    /** The work's result, or what it threw; runs it here if no pool thread has taken it. */
    T get() throws IOException {
      runIfUnclaimed();
      try {
        return result.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while searching");
      } catch (ExecutionException e) {
        throw rethrow(e.getCause());
      }
    }

    /** Waits for work a pool thread has taken to end, whatever its outcome; drops it otherwise. */
    void awaitQuietly() {
      if (claimed.compareAndSet(false, true)) {
        return; // never started, and now never will
      }
      try {
        result.join();
      } catch (RuntimeException e) {
        // Its outcome is asked for by get(), or no longer wanted.
      }
    }
  }

  private static IOException rethrow(Throwable cause) {
    if (cause instanceof IOException io) {
      return io;
    }
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IOException(cause);
  }

  /** The pool's threads; 0 when searches run on the searching thread alone. */
  static int threads() {
    return POOL == null ? 0 : THREADS;
  }

  private static ExecutorService newPool(int threads) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(
        threads,
        task -> {
          Thread thread = new Thread(task, "zoomdex-search-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }
}
