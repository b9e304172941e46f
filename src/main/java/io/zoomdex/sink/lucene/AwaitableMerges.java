package io.zoomdex.sink.lucene;

import java.io.IOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.MergePolicy;

/**
 * Lucene's concurrent merge scheduler, with a way to wait, for a while at most, until no merge is
 * running. A writer that is closed without a commit drops the merges it ran since its last commit,
 * so a run that ends by closing its writer would leave the small segments it flushed for every
 * search to pay for; waiting, then committing, keeps the merged ones.
 */
final class AwaitableMerges extends ConcurrentMergeScheduler {

  private final Object lock = new Object();
  private int running;
  private long finished;

  @Override
  protected void doMerge(MergeSource mergeSource, MergePolicy.OneMerge merge) throws IOException {
    synchronized (lock) {
      running++;
    }
    try {
      super.doMerge(mergeSource, merge);
    } finally {
      synchronized (lock) {
        running--;
        finished++;
        lock.notifyAll();
      }
    }
  }

  /** How many merges have ended so far (done, failed or dropped). */
  long finished() {
    synchronized (lock) {
      return finished;
    }
  }

  /**
   * Waits until no merge runs and none is waiting to start, or until {@code within} has passed. A
   * finished merge may start the next one (Lucene's cascade): that one is waiting while the
   * finished one still counts as running, so the wait never ends between the two.
   *
   * @param waiting whether the writer holds merges not started yet
   * @return whether every merge finished in time
   */
  boolean awaitIdle(Duration within, BooleanSupplier waiting) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    synchronized (lock) {
      while (running > 0 || waiting.getAsBoolean()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        // Bounded, so that merges registered without a thread yet are looked at again.
        lock.wait(Math.max(1, Math.min(left / 1_000_000, 1_000)));
      }
      return true;
    }
  }
}
