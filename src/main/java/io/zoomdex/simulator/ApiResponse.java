package io.zoomdex.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP answer to send: status, body text and headers.
 *
 * @param status HTTP status
 * @param body body text (JSON, VTT or empty)
 * @param contentType Content-Type, or null for none
 * @param headers further headers
 */
record ApiResponse(int status, String body, String contentType, Map<String, String> headers) {
  ApiResponse {
    headers = new LinkedHashMap<>(headers);
  }

  static ApiResponse json(int status, String body) {
    return new ApiResponse(status, body, "application/json;charset=UTF-8", Map.of());
  }

  ApiResponse withHeaders(Map<String, String> more) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.putAll(more);
    return new ApiResponse(status, body, contentType, all);
  }
}
