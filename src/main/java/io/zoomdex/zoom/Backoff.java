package io.zoomdex.zoom;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: attempt n waits between half and all of base·2^(n-1), capped.
 */
final class Backoff {
  private final Duration base;
  private final Duration max;

  Backoff(Duration base, Duration max) {
    this.base = base;
    this.max = max;
  }

  /** The wait before retry number {@code retry} (1 for the first retry). */
  Duration delay(int retry) {
    long ceiling = base.toMillis() << Math.min(Math.max(retry - 1, 0), 20);
    ceiling = Math.min(ceiling, max.toMillis());
    long jittered = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    return Duration.ofMillis(jittered);
  }
}
