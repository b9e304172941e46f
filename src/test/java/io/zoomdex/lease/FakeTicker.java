package io.zoomdex.lease;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A monotonic clock a test moves by hand: lease expiry without sleeping. */
final class FakeTicker implements Ticker {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  @Override
  public long nanos() {
    return nanos.get();
  }

  void advance(Duration by) {
    nanos.addAndGet(by.toNanos());
  }
}
