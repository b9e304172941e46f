package io.zoomdex.sink.opensearch;

import java.io.IOException;

/** Cleans up after a test: its indices and template go, so the shared node stays small. */
public final class OpenSearchTestIndices {

  private OpenSearchTestIndices() {}

  public static void delete(OpenSearchConnection connection, String alias) throws IOException {
    OpenSearchIndexes.require(
        connection.send("DELETE", "/" + alias + "-*", null), "delete the test indices");
    OpenSearchConnection.Answer template =
        connection.send("DELETE", "/_index_template/" + alias, null);
    if (template.status() != 404) {
      OpenSearchIndexes.require(template, "delete the test template");
    }
  }
}
