package io.zoomdex.lease;

import io.zoomdex.sink.opensearch.OpenSearchConnection;
import io.zoomdex.sync.StorageException;
import java.io.IOException;

/** The plain sentences the lease and the webhook queue fail with when OpenSearch says no. */
final class OpenSearchFailures {
  private OpenSearchFailures() {}

  /** Throws unless {@code answer} is a success; names the action, the cluster and the index. */
  static void require(
      OpenSearchConnection connection,
      OpenSearchConnection.Answer answer,
      String action,
      String index) {
    if (!answer.ok()) {
      throw new StorageException(
          "Could not "
              + action
              + " in OpenSearch at "
              + connection.description()
              + " ("
              + answer.error()
              + "); check the cluster's health and zoomdex's permissions on "
              + index
              + ".",
          null);
    }
  }

  /** No node answered at all. */
  static StorageException unreachable(
      OpenSearchConnection connection, String action, IOException e) {
    return new StorageException(
        "Could not "
            + action
            + ": no OpenSearch node at "
            + connection.description()
            + " answered ("
            + e.getMessage()
            + ").",
        e);
  }
}
