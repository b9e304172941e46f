package io.zoomdex.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of API requests: per Zoom operationId, per rate label and per HTTP status of the answer.
 * Token requests count under {@code "oauthToken"} and downloads under {@code "downloadRecording"}.
 * Thread-safe; {@link #reset()} zeroes everything.
 */
public final class RequestLog {
  private final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();
  private final Map<RateLabel, LongAdder> byLabel = new ConcurrentHashMap<>();
  private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();

  void record(String operationId, RateLabel label, int status) {
    byOperation.computeIfAbsent(operationId, k -> new LongAdder()).increment();
    if (label != null) {
      byLabel.computeIfAbsent(label, k -> new LongAdder()).increment();
    }
    byStatus.computeIfAbsent(status, k -> new LongAdder()).increment();
  }

  /** Requests to the operation (for example {@code "pastMeetingParticipants"}), any answer. */
  public long calls(String operationId) {
    LongAdder count = byOperation.get(operationId);
    return count == null ? 0 : count.sum();
  }

  /** Requests to endpoints with this rate label, any answer. */
  public long calls(RateLabel label) {
    LongAdder count = byLabel.get(label);
    return count == null ? 0 : count.sum();
  }

  /** Answers with this HTTP status. */
  public long responses(int status) {
    LongAdder count = byStatus.get(status);
    return count == null ? 0 : count.sum();
  }

  /** Answers with HTTP 429. */
  public long tooManyRequests() {
    return responses(429);
  }

  /** All recorded requests. */
  public long total() {
    return byStatus.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** A snapshot of the per-operation counts, sorted by operationId. */
  public Map<String, Long> callsByOperation() {
    Map<String, Long> snapshot = new TreeMap<>();
    byOperation.forEach((k, v) -> snapshot.put(k, v.sum()));
    return snapshot;
  }

  /** Zeroes every counter. */
  public void reset() {
    byOperation.clear();
    byLabel.clear();
    byStatus.clear();
  }
}
