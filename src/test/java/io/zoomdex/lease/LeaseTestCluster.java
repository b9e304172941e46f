package io.zoomdex.lease;

import io.zoomdex.sink.opensearch.EmbeddedOpenSearch;
import io.zoomdex.sink.opensearch.OpenSearchConnection;
import io.zoomdex.sink.opensearch.OpenSearchSettings;
import io.zoomdex.sink.opensearch.OpenSearchTestIndices;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One test's view of the shared node: its own alias (so its lease, queue and index are its own),
 * and processes (lease + keeper, each with its own hand-moved clock) competing for the lease.
 */
final class LeaseTestCluster implements AutoCloseable {
  static final Duration LEASE = Duration.ofSeconds(10);

  final String alias =
      "lease-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
  final OpenSearchSettings settings;
  final OpenSearchConnection connection;

  LeaseTestCluster(EmbeddedOpenSearch node) {
    settings = OpenSearchSettings.of(List.of(node.uri())).withAlias(alias);
    connection = OpenSearchConnection.open(settings);
  }

  /** A competing process: its lease, its keeper and its clock. */
  record Process(String name, WriterLease lease, LeaseKeeper keeper, FakeTicker ticker) {}

  Process process(String name) {
    FakeTicker ticker = new FakeTicker();
    WriterLease lease =
        new WriterLease(
            connection, alias, name, LEASE, ticker, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    return new Process(name, lease, new LeaseKeeper(lease, true, () -> {}), ticker);
  }

  @Override
  public void close() throws IOException {
    connection.send("DELETE", "/" + WriterLease.indexName(alias), null);
    connection.send("DELETE", "/" + OpenSearchWebhookQueue.indexName(alias), null);
    OpenSearchTestIndices.delete(connection, alias);
    connection.close();
  }
}
