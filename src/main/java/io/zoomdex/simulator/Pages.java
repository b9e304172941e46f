package io.zoomdex.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Zoom's pagination envelope. */
final class Pages {
  private Pages() {}

  /**
   * Puts {@code page_count}, {@code page_size}, {@code total_records} and {@code next_page_token}
   * (empty on the last page) into {@code node}.
   */
  static void envelope(ObjectNode node, int pageSize, long total, String nextToken) {
    node.put("page_count", (total + pageSize - 1) / pageSize);
    node.put("page_size", pageSize);
    node.put("total_records", total);
    node.put("next_page_token", nextToken == null ? "" : nextToken);
  }

  static ApiResponse ok(ObjectNode node) {
    return ApiResponse.json(200, node.toString());
  }
}
