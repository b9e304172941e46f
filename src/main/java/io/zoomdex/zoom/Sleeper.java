package io.zoomdex.zoom;

import java.time.Duration;

/** Waits; injected so that tests of backoff and pacing never really sleep. */
@FunctionalInterface
public interface Sleeper {
  /**
   * Blocks the calling thread for about {@code duration} (returns at once for zero or less).
   *
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /** The real sleeper, backed by {@link Thread#sleep(long, int)}. */
  static Sleeper system() {
    return duration -> {
      if (duration.isNegative() || duration.isZero()) {
        return;
      }
      Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));
    };
  }
}
