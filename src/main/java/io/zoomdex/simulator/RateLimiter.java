package io.zoomdex.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Zoom's per-label limits: a token bucket per label refilled in real time (per-second limits), and
 * a per-label count per UTC day of the {@link SimulatorClock} (daily caps, reset at 00:00 UTC).
 */
final class RateLimiter {
  /** The verdict on one request, with the headers Zoom sends. */
  record Verdict(boolean allowed, boolean daily, Map<String, String> headers) {}

  private final RateLimits limits;
  private final LongSupplier nanoTime;
  private final SimulatorClock clock;
  private final boolean retryAfterOnQps;
  private final Map<RateLabel, Bucket> buckets = new EnumMap<>(RateLabel.class);
  private final Map<RateLabel, DayCount> days = new EnumMap<>(RateLabel.class);

  RateLimiter(
      RateLimits limits, LongSupplier nanoTime, SimulatorClock clock, boolean retryAfterOnQps) {
    this.limits = limits;
    this.nanoTime = nanoTime;
    this.clock = clock;
    this.retryAfterOnQps = retryAfterOnQps;
    for (RateLabel label : RateLabel.values()) {
      buckets.put(label, new Bucket(limits.perSecond(label), nanoTime.getAsLong()));
      days.put(label, new DayCount());
    }
  }

  /** Takes one request of {@code label}, or says why not. */
  synchronized Verdict acquire(RateLabel label) {
    int perSecond = limits.perSecond(label);
    int perDay = limits.perDay(label);
    if (perSecond == 0 && perDay == 0) {
      return new Verdict(true, false, Map.of());
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-RateLimit-Category", label.headerValue());
    DayCount day = days.get(label);
    LocalDate today = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
    if (!today.equals(day.date)) {
      day.date = today;
      day.count = 0;
    }
    if (perDay > 0 && day.count >= perDay) {
      headers.put("X-RateLimit-Type", "Daily-limit");
      headers.put("X-RateLimit-Limit", Integer.toString(perDay));
      headers.put("X-RateLimit-Remaining", "0");
      Instant midnight = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      headers.put("Retry-After", midnight.toString());
      return new Verdict(false, true, headers);
    }
    Bucket bucket = buckets.get(label);
    if (perSecond > 0) {
      bucket.refill(nanoTime.getAsLong(), perSecond);
      if (bucket.tokens < 1) {
        headers.put("X-RateLimit-Type", "QPS");
        headers.put("X-RateLimit-Limit", Integer.toString(perSecond));
        headers.put("X-RateLimit-Remaining", "0");
        if (retryAfterOnQps) {
          headers.put("Retry-After", "1");
        }
        return new Verdict(false, false, headers);
      }
      bucket.tokens -= 1;
    }
    day.count++;
    if (perDay > 0) {
      headers.put("X-RateLimit-Type", "Daily-limit");
      headers.put("X-RateLimit-Limit", Integer.toString(perDay));
      headers.put("X-RateLimit-Remaining", Integer.toString(perDay - day.count));
    } else {
      headers.put("X-RateLimit-Type", "QPS");
      headers.put("X-RateLimit-Limit", Integer.toString(perSecond));
      headers.put("X-RateLimit-Remaining", Integer.toString((int) Math.floor(bucket.tokens)));
    }
    return new Verdict(true, false, headers);
  }

  private static final class Bucket {
    private double tokens;
    private long lastNanos;

    Bucket(int capacity, long now) {
      this.tokens = capacity;
      this.lastNanos = now;
    }

    void refill(long now, int perSecond) {
      double elapsedSeconds = (now - lastNanos) / 1e9;
      if (elapsedSeconds > 0) {
        tokens = Math.min(perSecond, tokens + elapsedSeconds * perSecond);
        lastNanos = now;
      }
    }
  }

  private static final class DayCount {
    private LocalDate date;
    private int count;
  }
}
