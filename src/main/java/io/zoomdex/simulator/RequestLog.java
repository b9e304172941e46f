package io.zoomdex.simulator;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of API requests: per Zoom operationId, per rate label and per HTTP status of the answer.
 * Token requests count under {@code "oauthToken"} and downloads under {@code "downloadRecording"}.
 * API requests also keep their path, so a test can tell which item a call asked for. Thread-safe;
 * {@link #reset()} zeroes everything.
 */
public final class RequestLog {
  private final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();
  private final Map<RateLabel, LongAdder> byLabel = new ConcurrentHashMap<>();
  private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
  private final Queue<String> paths = new ConcurrentLinkedQueue<>();

  void record(String operationId, RateLabel label, int status) {
    byOperation.computeIfAbsent(operationId, k -> new LongAdder()).increment();
    if (label != null) {
      byLabel.computeIfAbsent(label, k -> new LongAdder()).increment();
    }
    byStatus.computeIfAbsent(status, k -> new LongAdder()).increment();
  }

  void recordPath(String apiPath) {
    // Decoded as Zoom decodes it (twice where escapes remain), so a UUID reads as Zoom sent it.
    paths.add(PathDecoding.parameter(PathDecoding.decodeOnce(apiPath)));
  }

  /**
   * The decoded paths of the API requests (under {@code /v2}, which is left out), in arrival order,
   * e.g. {@code /past_meetings/abc==/participants}.
   */
  public List<String> paths() {
    return List.copyOf(paths);
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
    paths.clear();
  }
}
