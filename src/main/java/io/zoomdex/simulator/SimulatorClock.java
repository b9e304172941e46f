package io.zoomdex.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulator's "now": starts at a given instant and moves only when a test advances it. Page
 * tokens, access tokens, daily rate caps and the generated data's anchor day all follow it.
 */
public final class SimulatorClock {
  private final AtomicReference<Instant> now;

  public SimulatorClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /** The current simulated instant. */
  public Instant now() {
    return now.get();
  }

  /** Moves time forward by {@code amount} (which must not be negative). */
  public void advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("The simulator clock only moves forward.");
    }
    now.updateAndGet(t -> t.plus(amount));
  }
}
