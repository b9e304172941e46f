package io.zoomdex.config;

import java.util.EnumMap;
import java.util.Map;

/**
 * The pace the client keeps per rate-limit label: requests per second and a daily cap (0 = none).
 * {@link #unlimited()} turns pacing off (benchmarks against the simulator only).
 */
public record RateLimits(
    Map<RateLabel, Double> perSecond, Map<RateLabel, Long> perDay, boolean unlimited) {

  public RateLimits {
    perSecond = Map.copyOf(perSecond);
    perDay = Map.copyOf(perDay);
    if (!unlimited) {
      for (RateLabel label : RateLabel.values()) {
        Double rate = perSecond.get(label);
        if (rate == null || !(rate > 0)) {
          throw new IllegalArgumentException("no positive rate for " + label);
        }
      }
    }
  }

  /** The plan's limits times {@code share} (0..1], leaving the rest to the account's other apps. */
  public static RateLimits forPlan(Plan plan, double share) {
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be in (0, 1]: " + share);
    }
    Map<RateLabel, Double> rates = new EnumMap<>(RateLabel.class);
    Map<RateLabel, Long> daily = new EnumMap<>(RateLabel.class);
    for (RateLabel label : RateLabel.values()) {
      rates.put(label, plan.perSecond(label) * share);
      daily.put(label, (long) Math.floor(plan.perDay(label) * share));
    }
    return new RateLimits(rates, daily, false);
  }

  /** Explicit rates per second for each label, without daily caps. */
  public static RateLimits explicit(double light, double medium, double heavy) {
    return new RateLimits(
        Map.of(RateLabel.LIGHT, light, RateLabel.MEDIUM, medium, RateLabel.HEAVY, heavy),
        Map.of(),
        false);
  }

  /** No pacing at all (only for the simulator and benchmarks). */
  public static RateLimits none() {
    return new RateLimits(Map.of(), Map.of(), true);
  }

  /** Requests per second for the label (only meaningful when not unlimited). */
  public double rate(RateLabel label) {
    return perSecond.getOrDefault(label, Double.POSITIVE_INFINITY);
  }

  /** The daily cap for the label, 0 when there is none. */
  public long dailyCap(RateLabel label) {
    return unlimited ? 0 : perDay.getOrDefault(label, 0L);
  }
}
