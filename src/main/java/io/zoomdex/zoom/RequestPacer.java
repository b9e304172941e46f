package io.zoomdex.zoom;

import io.zoomdex.config.RateLabel;
import io.zoomdex.config.RateLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Spaces requests per rate-limit label evenly (a smooth limiter: one slot every 1/rate seconds,
 * shared by all threads), pauses a whole label after a 429 or when Zoom says few calls remain, and
 * enforces daily caps. Waiting is done through the injected {@link Sleeper} outside any lock.
 */
final class RequestPacer {
  /** When Zoom's {@code X-RateLimit-Remaining} drops to this, wait a rate window. */
  static final long LOW_REMAINING = 2;

  private static final Duration SLOW_DOWN = Duration.ofSeconds(1);

  private final RateLimits limits;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration maxWait;
  private final Map<RateLabel, LabelState> states = new EnumMap<>(RateLabel.class);

  RequestPacer(RateLimits limits, Clock clock, Sleeper sleeper, Duration maxWait) {
    this.limits = limits;
    this.clock = clock;
    this.sleeper = sleeper;
    this.maxWait = maxWait;
    for (RateLabel label : RateLabel.values()) {
      long interval = limits.unlimited() ? 0 : (long) Math.ceil(1e9 / limits.rate(label));
      states.put(label, new LabelState(interval, limits.dailyCap(label)));
    }
  }

  /**
   * Waits for the label's next free slot.
   *
   * @throws ZoomException RATE_LIMITED when the daily cap is used up and resets later than the
   *     longest allowed wait
   */
  void acquire(RateLabel label) throws InterruptedException {
    LabelState state = states.get(label);
    long waitNanos;
    synchronized (state) {
      long now = nowNanos();
      if (state.closedUntil > now && state.closedBecause != null) {
        ZoomException because = state.closedBecause;
        throw new ZoomException(
            because.reason(),
            because.httpStatus(),
            because.zoomCode(),
            because.getMessage(),
            List.of(),
            Duration.ofNanos(state.closedUntil - now),
            null);
      }
      if (state.dailyCap > 0) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!today.equals(state.day)) {
          state.day = today;
          state.usedToday = 0;
        }
        if (state.usedToday >= state.dailyCap) {
          Instant reset = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
          Duration untilReset = Duration.between(clock.instant(), reset);
          if (untilReset.compareTo(maxWait) > 0) {
            throw new ZoomException(
                ZoomException.Reason.RATE_LIMITED,
                0,
                0,
                "The daily limit of "
                    + state.dailyCap
                    + " "
                    + label
                    + " calls configured for this plan is used up until "
                    + reset
                    + "; run again after that time or configure a larger plan or rate share.",
                List.of(),
                untilReset,
                null);
          }
          state.day = today.plusDays(1);
          state.usedToday = 0;
          state.pausedUntil = Math.max(state.pausedUntil, toNanos(reset));
        }
        state.usedToday++;
      }
      long start = Math.max(now, Math.max(state.nextSlot, state.pausedUntil));
      state.nextSlot = start + state.intervalNanos;
      waitNanos = start - now;
    }
    if (waitNanos > 0) {
      sleeper.sleep(Duration.ofNanos(waitNanos));
    }
  }

  /** Holds back every request of the label until {@code until} (after a 429). */
  void pauseUntil(RateLabel label, Instant until) {
    LabelState state = states.get(label);
    synchronized (state) {
      state.pausedUntil = Math.max(state.pausedUntil, toNanos(until));
    }
  }

  /**
   * Refuses every request of the label until {@code until} without sending it: Zoom said the
   * label's limit is used up for longer than the crawl may wait (a daily cap), so each further call
   * would only be answered 429. {@link #acquire} then throws the same refusal until that time.
   */
  void closeUntil(RateLabel label, Instant until, ZoomException because) {
    LabelState state = states.get(label);
    synchronized (state) {
      state.closedUntil = Math.max(state.closedUntil, toNanos(until));
      state.closedBecause = because;
    }
  }

  /** Slows the label down for a rate window when Zoom says few calls remain. */
  void noteRemaining(RateLabel label, long remaining) {
    if (remaining <= LOW_REMAINING) {
      pauseUntil(label, clock.instant().plus(SLOW_DOWN));
    }
  }

  /** The configured limits (for reporting). */
  RateLimits limits() {
    return limits;
  }

  private long nowNanos() {
    return toNanos(clock.instant());
  }

  private static long toNanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  private static final class LabelState {
    final long intervalNanos;
    final long dailyCap;
    long nextSlot;
    long pausedUntil;
    long closedUntil;
    ZoomException closedBecause;
    LocalDate day;
    long usedToday;

    LabelState(long intervalNanos, long dailyCap) {
      this.intervalNanos = intervalNanos;
      this.dailyCap = dailyCap;
    }
  }
}
