package io.zoomdex.simulator;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What a handler needs from a request: its endpoint, decoded path parameters and query.
 *
 * @param endpoint the matched endpoint
 * @param pathParameters path parameters after Zoom's decoding
 * @param query query parameters (first value of each)
 * @param now the simulator clock at the time of the request
 */
record ApiRequest(
    Endpoint endpoint, Map<String, String> pathParameters, Map<String, String> query, Instant now) {

  String path(String name) {
    return pathParameters.get(name);
  }

  Optional<String> query(String name) {
    String value = query.get(name);
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  /** {@code page_size} clamped to [1, max], default 30; Zoom answers 300 for non-numbers. */
  int pageSize(int max) {
    Optional<String> raw = query("page_size");
    if (raw.isEmpty()) {
      return 30;
    }
    try {
      int size = Integer.parseInt(raw.get());
      return Math.max(1, Math.min(max, size));
    } catch (NumberFormatException notANumber) {
      throw ZoomApiError.badRequest("Invalid field.");
    }
  }
}
