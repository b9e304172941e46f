package io.zoomdex.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An ended instance to add to a meeting with {@link Mutations#addInstance}.
 *
 * @param start when it started
 * @param length how long it ran (at least a minute)
 * @param participants distinct participants (at least 2; the host is the first)
 * @param withSummary whether the AI Companion summary is ready at once
 * @param recorded whether it has a cloud recording with a transcript
 */
public record NewInstance(
    Instant start, Duration length, int participants, boolean withSummary, boolean recorded) {
  public NewInstance {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(length, "length");
    if (length.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException("An instance must last at least a minute.");
    }
    if (participants < 2 || participants > 10_000) {
      throw new IllegalArgumentException("An instance needs between 2 and 10000 participants.");
    }
  }

  /** When it ended. */
  public Instant end() {
    return start.plus(length);
  }
}
