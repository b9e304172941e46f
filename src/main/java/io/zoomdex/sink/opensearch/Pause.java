package io.zoomdex.sink.opensearch;

import java.time.Duration;

/** Waits between attempts; injected so tests can observe the backoff instead of sleeping. */
@FunctionalInterface
public interface Pause {

  /** Really sleeps. */
  Pause SLEEP = duration -> Thread.sleep(duration.toMillis());

  /**
   * Waits about {@code duration}.
   *
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  void pause(Duration duration) throws InterruptedException;
}
