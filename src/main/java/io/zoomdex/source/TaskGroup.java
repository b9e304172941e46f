package io.zoomdex.source;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Phaser;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs the crawl's independent work on a few threads with bounded memory: when the queue is full
 * the submitting thread runs the task itself, which slows producers down instead of queueing a
 * million tasks. {@link #awaitAll()} waits for every task, including those submitted by tasks.
 */
final class TaskGroup implements AutoCloseable {
  private final ThreadPoolExecutor executor;
  private final Phaser pending = new Phaser(1);
  private final Consumer<RuntimeException> onFailure;

  TaskGroup(int threads, Consumer<RuntimeException> onFailure) {
    this.onFailure = onFailure;
    AtomicInteger number = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(threads * 64),
            runnable -> {
              Thread thread = new Thread(runnable, "crawl-" + number.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());
  }

  /** Runs the task on the pool, or on this thread when the pool is saturated. */
  void submit(Runnable task) {
    pending.register();
    executor.execute(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            onFailure.accept(e);
          } finally {
            pending.arriveAndDeregister();
          }
        });
  }

  /** Blocks until every submitted task, and every task those submitted, has finished. */
  void awaitAll() {
    pending.arriveAndAwaitAdvance();
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
