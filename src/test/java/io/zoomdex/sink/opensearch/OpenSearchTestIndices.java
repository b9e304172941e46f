package io.zoomdex.sink.opensearch;

import java.io.IOException;

/** Cleans up after a test: its indices and template go, so the shared node stays small. */
final class OpenSearchTestIndices {

  private OpenSearchTestIndices() {}

  static void delete(OpenSearchConnection connection, String alias) throws IOException {
    OpenSearchIndexes.require(
        connection.send("DELETE", "/" + alias + "-*", null), "delete the test indices");
    OpenSearchIndexes.require(
        connection.send("DELETE", "/_index_template/" + alias, null), "delete the test template");
  }
}
