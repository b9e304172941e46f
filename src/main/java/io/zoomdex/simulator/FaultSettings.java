package io.zoomdex.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Random faults applied to every API request, decided by a seeded random source so a run can be
 * repeated.
 *
 * @param serverErrorRate fraction (0-1) of requests answered with a 5xx
 * @param latency added to every API response before it is sent
 * @param dropConnectionRate fraction of requests whose connection is closed after the headers
 * @param malformedBodyRate fraction of requests answered 200 with a truncated JSON body
 */
public record FaultSettings(
    double serverErrorRate, Duration latency, double dropConnectionRate, double malformedBodyRate) {
  /** No faults. */
  public static final FaultSettings NONE = new FaultSettings(0, Duration.ZERO, 0, 0);

  public FaultSettings {
    Objects.requireNonNull(latency, "latency");
    checkFraction(serverErrorRate, "serverErrorRate");
    checkFraction(dropConnectionRate, "dropConnectionRate");
    checkFraction(malformedBodyRate, "malformedBodyRate");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("Fault latency cannot be negative.");
    }
  }

  private static void checkFraction(double value, String name) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be a fraction between 0 and 1.");
    }
  }
}
