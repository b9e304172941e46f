package io.zoomdex.zoom;

import io.zoomdex.config.RateLabel;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of the client's HTTP calls, safe to update and read from any thread. Every attempt counts
 * as a call (a retried request is several calls); token requests are counted apart.
 */
public final class ZoomCallStats {
  private final Map<RateLabel, LongAdder> callsByLabel = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> callsByOperation = new ConcurrentHashMap<>();
  private final LongAdder rateLimited = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder bytesReceived = new LongAdder();
  private final LongAdder tokenRequests = new LongAdder();
  private final LongAdder listingRestarts = new LongAdder();

  void recordCall(Endpoint endpoint, long bytes) {
    callsByLabel.computeIfAbsent(endpoint.label(), k -> new LongAdder()).increment();
    callsByOperation.computeIfAbsent(endpoint.operationId(), k -> new LongAdder()).increment();
    bytesReceived.add(bytes);
  }

  void recordRateLimited() {
    rateLimited.increment();
  }

  void recordRetry() {
    retries.increment();
  }

  void recordTokenRequest() {
    tokenRequests.increment();
  }

  void recordListingRestart() {
    listingRestarts.increment();
  }

  /** Calls (attempts) made under a rate-limit label. */
  public long calls(RateLabel label) {
    LongAdder adder = callsByLabel.get(label);
    return adder == null ? 0 : adder.sum();
  }

  /** Calls (attempts) made to one endpoint, by Zoom's operationId (e.g. {@code users}). */
  public long calls(String operationId) {
    LongAdder adder = callsByOperation.get(operationId);
    return adder == null ? 0 : adder.sum();
  }

  /** All calls, excluding token requests. */
  public long totalCalls() {
    return callsByOperation.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** A sorted copy of the calls per operationId. */
  public Map<String, Long> callsByOperation() {
    Map<String, Long> copy = new TreeMap<>();
    callsByOperation.forEach((operation, adder) -> copy.put(operation, adder.sum()));
    return copy;
  }

  /** A copy of the calls per label. */
  public Map<RateLabel, Long> callsByLabel() {
    Map<RateLabel, Long> copy = new EnumMap<>(RateLabel.class);
    callsByLabel.forEach((label, adder) -> copy.put(label, adder.sum()));
    return copy;
  }

  /** HTTP 429 answers received. */
  public long rateLimited() {
    return rateLimited.sum();
  }

  /** Repeated attempts of any cause (transient failure, 429, token renewal). */
  public long retries() {
    return retries.sum();
  }

  /** Response body bytes received. */
  public long bytesReceived() {
    return bytesReceived.sum();
  }

  /** Token requests sent to the OAuth endpoint. */
  public long tokenRequests() {
    return tokenRequests.sum();
  }

  /** Listings started again because a page token expired. */
  public long listingRestarts() {
    return listingRestarts.sum();
  }

  @Override
  public String toString() {
    return "ZoomCallStats{calls="
        + totalCalls()
        + ", byLabel="
        + callsByLabel()
        + ", rateLimited="
        + rateLimited()
        + ", retries="
        + retries()
        + ", bytes="
        + bytesReceived()
        + ", tokens="
        + tokenRequests()
        + "}";
  }
}
