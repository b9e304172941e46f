package io.zoomdex.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Zoom's error bodies, with the exact texts Zoom sends (zoom-api.md §1.1 and §5). */
final class ZoomErrors {
  static final String QPS_LIMIT_BODY =
      "{\"code\":429,\"message\":\"You have reached the maximum per-second rate limit for this API."
          + " Try again later.\"}";
  static final String DAILY_LIMIT_BODY =
      "{\"code\":429,\"message\":\"You have reached the maximum daily rate limit for this API."
          + " Refer to the response header for details on when you can make another request.\"}";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ZoomErrors() {}

  /** {@code {"code":code,"message":message}} as JSON text. */
  static String body(int code, String message) {
    ObjectNode node = JSON.createObjectNode();
    node.put("code", code);
    node.put("message", message);
    return node.toString();
  }
}
