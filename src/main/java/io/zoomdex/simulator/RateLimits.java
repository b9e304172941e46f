package io.zoomdex.simulator;

/**
 * Requests per second and per UTC day for each label; 0 means "no limit" for that figure.
 *
 * @param lightPerSecond Light requests per second
 * @param lightPerDay Light requests per UTC day
 * @param mediumPerSecond Medium requests per second
 * @param mediumPerDay Medium requests per UTC day
 */
public record RateLimits(
    int lightPerSecond, int lightPerDay, int mediumPerSecond, int mediumPerDay) {
  /** No limit at all. */
  public static final RateLimits NONE = new RateLimits(0, 0, 0, 0);

  public RateLimits {
    if (lightPerSecond < 0 || lightPerDay < 0 || mediumPerSecond < 0 || mediumPerDay < 0) {
      throw new IllegalArgumentException("Rate limits cannot be negative; use 0 for no limit.");
    }
  }

  /** Requests per second allowed for {@code label}, 0 for unlimited. */
  public int perSecond(RateLabel label) {
    return label == RateLabel.LIGHT ? lightPerSecond : mediumPerSecond;
  }

  /** Requests per UTC day allowed for {@code label}, 0 for unlimited. */
  public int perDay(RateLabel label) {
    return label == RateLabel.LIGHT ? lightPerDay : mediumPerDay;
  }
}
