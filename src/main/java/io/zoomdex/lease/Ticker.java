package io.zoomdex.lease;

/**
 * Elapsed time on this machine, in nanoseconds: lease expiry is judged on each machine's own
 * monotonic clock, never by comparing two machines' wall clocks.
 */
@FunctionalInterface
public interface Ticker {

  /** The JVM's monotonic clock. */
  Ticker SYSTEM = System::nanoTime;

  /** Nanoseconds since an arbitrary, fixed origin; only differences mean anything. */
  long nanos();
}
