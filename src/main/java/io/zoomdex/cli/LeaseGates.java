package io.zoomdex.cli;

import io.zoomdex.lease.LeaseKeeper;
import io.zoomdex.lease.LeaseRecord;
import io.zoomdex.lease.WriterLease;
import io.zoomdex.shared.StatePublisher;
import io.zoomdex.sink.opensearch.OpenSearchConnection;
import io.zoomdex.sink.opensearch.OpenSearchSettings;
import io.zoomdex.sink.opensearch.WriteFence;
import io.zoomdex.sync.WriterBusyException;
import io.zoomdex.sync.WriterLock;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link WriterGate}s of an OpenSearch deployment: file lock plus writer lease. */
final class LeaseGates {
  private static final Logger log = LoggerFactory.getLogger(LeaseGates.class);

  /** How long a writer that stopped renewing keeps the lease, unless configured otherwise. */
  static final Duration DEFAULT_LEASE = Duration.ofSeconds(15);

  private LeaseGates() {}

  /**
   * For {@code serve}: writes only while {@code keeper} (campaigning on its own thread) holds the
   * lease; a replica that does not hold it is told another one is the writer.
   */
  static WriterGate held(LeaseKeeper keeper) {
    return dir -> {
      WriterLock lock = WriterLock.acquire(dir);
      return keeper
          .fence()
          .map(fence -> new WriterGate.Permit(lock, fence, null))
          .orElseGet(
              () -> {
                lock.close();
                throw new WriterBusyException(
                    "Another zoomdex process holds the writer lease for this OpenSearch index;"
                        + " it does the writing.");
              });
    };
  }

  /**
   * For a one-off crawl: takes the lease at the start (or says who holds it), renews it while the
   * crawl runs and releases it at the end.
   */
  static WriterGate takenPerRun(OpenSearchSettings settings, Duration leaseTime, Clock clock) {
    return dir -> {
      WriterLock lock = WriterLock.acquire(dir);
      OpenSearchConnection connection = OpenSearchConnection.open(settings);
      try {
        LeaseKeeper keeper = acquire(connection, settings, leaseTime, clock);
        // What searchers depend on (deactivated users, the run history) is published to the
        // shared stores before the crawl and again at its end, while the lease is still held.
        StatePublisher publisher;
        try {
          publisher = SharedState.publisher(connection, settings.alias(), dir);
          publisher.publish();
        } catch (RuntimeException e) {
          keeper.close();
          throw e;
        }
        keeper.start();
        return new WriterGate.Permit(
            lock,
            keeper.fence().orElseThrow(),
            () -> {
              try {
                publisher.publish();
              } catch (RuntimeException e) {
                log.warn("Could not publish the crawl's state to OpenSearch: {}", e.getMessage());
              } finally {
                keeper.close();
                connection.close();
              }
            });
      } catch (RuntimeException e) {
        closeQuietly(connection);
        lock.close();
        throw e;
      }
    };
  }

  /**
   * For a one-off command that writes the index but no local state ({@code zoomdex reembed}): takes
   * the lease now (or says who holds it), renews it until closed, then releases it.
   *
   * @throws WriterBusyException naming the holder when another process holds the lease
   * @throws io.zoomdex.sync.StorageException when the lease could not be read or written
   */
  static HeldLease takenWithoutData(OpenSearchSettings settings, Duration leaseTime, Clock clock) {
    OpenSearchConnection connection = OpenSearchConnection.open(settings);
    try {
      LeaseKeeper keeper = acquire(connection, settings, leaseTime, clock);
      keeper.start();
      return new HeldLease(keeper.fence().orElseThrow(), keeper, connection);
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  /** A lease held until closed, with the fence to write under. */
  record HeldLease(WriteFence fence, LeaseKeeper keeper, OpenSearchConnection connection)
      implements AutoCloseable {
    @Override
    public void close() {
      try {
        keeper.close();
      } finally {
        closeQuietly(connection);
      }
    }
  }

  /** Takes the lease once, or throws naming the process that holds it. */
  private static LeaseKeeper acquire(
      OpenSearchConnection connection,
      OpenSearchSettings settings,
      Duration leaseTime,
      Clock clock) {
    WriterLease lease = WriterLease.forThisProcess(connection, settings.alias(), leaseTime, clock);
    LeaseKeeper keeper = new LeaseKeeper(lease, false, () -> {});
    if (!keeper.acquireNow()) {
      Optional<LeaseRecord> holder = lease.read();
      throw new WriterBusyException(
          "Another zoomdex process ("
              + holder.map(LeaseRecord::holder).orElse("unknown")
              + ") holds the writer lease for this OpenSearch index; stop it or wait for it"
              + " to finish, then try again.");
    }
    return keeper;
  }

  private static void closeQuietly(OpenSearchConnection connection) {
    try {
      connection.close();
    } catch (IOException e) {
      // Nothing was held on it.
    }
  }
}
