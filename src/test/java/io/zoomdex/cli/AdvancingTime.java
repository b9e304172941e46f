package io.zoomdex.cli;

import io.zoomdex.zoom.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The Zoom client's clock and sleeper for fault tests: sleeping moves the clock instead of the
 * thread, and every wait is recorded, so a 429 storm with long {@code Retry-After} values runs in
 * milliseconds and the waits can be checked.
 */
final class AdvancingTime extends Clock implements Sleeper {
  private Instant now;
  private final List<Duration> waits = new ArrayList<>();
  private Runnable onSleep = () -> {};

  AdvancingTime(Instant start) {
    this.now = start;
  }

  /** Runs {@code action} at every sleep (to end a latency spike after the first retries). */
  synchronized void onSleep(Runnable action) {
    onSleep = action;
  }

  @Override
  public void sleep(Duration duration) {
    Runnable action;
    synchronized (this) {
      waits.add(duration);
      now = now.plus(duration);
      action = onSleep;
    }
    action.run();
  }

  /** Every wait so far, in order. */
  synchronized List<Duration> waits() {
    return List.copyOf(waits);
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
