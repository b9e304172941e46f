package io.zoomdex.sync;

import java.util.Map;

/**
 * What a run cost in Zoom API calls, for its report.
 *
 * @param callsByLabel calls per Zoom rate-limit label (LIGHT, MEDIUM, HEAVY)
 * @param rateLimited responses answered 429
 * @param retries requests sent again after a transient failure
 */
public record ApiUsage(Map<String, Long> callsByLabel, long rateLimited, long retries) {

  public static final ApiUsage NONE = new ApiUsage(Map.of(), 0, 0);

  public ApiUsage {
    callsByLabel = Map.copyOf(callsByLabel);
  }

  public long totalCalls() {
    return callsByLabel.values().stream().mapToLong(Long::longValue).sum();
  }
}
