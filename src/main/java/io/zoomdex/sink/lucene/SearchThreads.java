package io.zoomdex.sink.lucene;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.search.IndexSearcher;

/**
 * The threads a semantic or hybrid search spreads over, so that one search uses every core: the
 * HNSW search of each segment and the keyword ranking's slices run as Lucene tasks, and the calling
 * thread runs tasks too (Lucene's {@code TaskExecutor} takes the next unstarted task rather than
 * wait, so work started here can never deadlock on a busy pool). One pool for the process, of
 * daemon threads, one fewer than the cores ({@code -Dzoomdex.search.threads=N} overrides, 0 for
 * none): concurrent searches share it, so a busy server never runs more search threads than it has
 * cores.
 *
 * <p>Only ranking uses it. Counting (total and facets) stops at the count cap, which needs one
 * collector to see the matches, so it runs on a searcher without an executor.
 */
final class SearchThreads {
  private static final ExecutorService POOL = newPool();

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

  /** Starts work beside the caller's; with no pool, it runs when its result is asked for. */
  static <T> Pending<T> start(Work<T> work) {
    CompletableFuture<T> future = new CompletableFuture<>();
    Runnable task =
        () -> {
          try {
            future.complete(work.run());
          } catch (IOException | RuntimeException | Error e) {
            future.completeExceptionally(e);
          }
        };
    if (POOL == null) {
      return new Pending<>(future, task);
    }
    POOL.execute(task);
    return new Pending<>(future, null);
  }

  /** Search work that may fail to read the index. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws IOException;
  }

  /** The result of work started with {@link #start}. */
  static final class Pending<T> {
    private final CompletableFuture<T> future;
    private Runnable notStarted;

    private Pending(CompletableFuture<T> future, Runnable notStarted) {
      this.future = future;
      this.notStarted = notStarted;
    }

    /** Waits for the work and returns its result, or throws what it threw. */
    T get() throws IOException {
      if (notStarted != null) {
        Runnable task = notStarted;
        notStarted = null;
        task.run();
      }
      try {
        return future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while searching");
      } catch (ExecutionException e) {
        throw rethrow(e.getCause());
      }
    }

    /** Waits for started work to end, whatever its outcome; work not started is dropped. */
    void awaitQuietly() {
      if (notStarted != null) {
        notStarted = null;
        return;
      }
      try {
        future.join();
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

  private static ExecutorService newPool() {
    int threads =
        Integer.getInteger(
            "zoomdex.search.threads", Runtime.getRuntime().availableProcessors() - 1);
    if (threads < 1) {
      return null;
    }
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
