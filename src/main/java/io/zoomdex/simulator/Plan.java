package io.zoomdex.simulator;

/**
 * A Zoom account plan, which sets the per-label rate limits (zoom-api.md §5). {@link #UNLIMITED} is
 * not a Zoom plan: it turns rate limiting off, which is what most unit tests want.
 */
public enum Plan {
  FREE(new RateLimits(4, 6_000, 2, 2_000)),
  PRO(new RateLimits(30, 0, 20, 0)),
  BUSINESS(new RateLimits(80, 0, 60, 0)),
  UNLIMITED(RateLimits.NONE);

  private final RateLimits limits;

  Plan(RateLimits limits) {
    this.limits = limits;
  }

  /** The limits Zoom applies to this plan. */
  public RateLimits limits() {
    return limits;
  }
}
