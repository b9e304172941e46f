package io.zoomdex.cli;

import io.zoomdex.shared.ReplicaName;
import io.zoomdex.shared.SharedDeactivations;
import io.zoomdex.shared.SharedRunHistory;
import io.zoomdex.shared.StatePublisher;
import io.zoomdex.sink.opensearch.OpenSearchConnection;
import io.zoomdex.sync.StorageException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/** Wires a writer's {@link StatePublisher}: its data directory's sync state into OpenSearch. */
final class SharedState {

  private SharedState() {}

  /**
   * The publisher of the sync state in {@code dataDir} to the deployment writing {@code alias}.
   *
   * @throws StorageException when the replica's name cannot be kept in {@code dataDir}
   */
  static StatePublisher publisher(OpenSearchConnection connection, String alias, Path dataDir) {
    String replica;
    try {
      replica = ReplicaName.of(dataDir);
    } catch (IOException e) {
      throw new StorageException(
          "Could not keep this replica's name in "
              + dataDir
              + " ("
              + e.getMessage()
              + "); check that the data directory is writable.",
          e);
    }
    return new StatePublisher(
        replica,
        () -> StateStoreDeactivatedUsers.readNow(dataDir),
        new StateStoreRunHistory(dataDir),
        new SharedDeactivations(connection, alias, Clock.systemUTC()),
        new SharedRunHistory(connection, alias));
  }
}
