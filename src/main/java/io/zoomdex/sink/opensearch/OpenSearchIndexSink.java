package io.zoomdex.sink.opensearch;

import io.zoomdex.document.Change;
import io.zoomdex.search.SearchResults;
import io.zoomdex.search.SearchService;
import io.zoomdex.sink.IndexSink;
import io.zoomdex.sink.SinkException;
import java.io.IOException;

/**
 * An {@link IndexSink} writing to an OpenSearch cluster through zoomdex's alias. Changes are
 * buffered and sent as bulk requests bounded by count and bytes ({@link BulkSender} retries what
 * the cluster could not take yet); {@link #commit()} sends the rest and refreshes the index.
 *
 * <p>Durability: zoomdex's indices use {@code translog.durability: request}, so a bulk request is
 * on disk (on every active copy) when its answer arrives; after {@code commit()} returns everything
 * applied is durable and searchable. If {@code commit()} throws, the unsent changes stay buffered
 * and the next {@code commit()} sends them again (upserts and deletes by id are idempotent).
 *
 * <p>Unlike Lucene, OpenSearch cannot roll back: changes already sent by a full buffer before a
 * failed or missing commit stay in the index (invisible until the next refresh, since the template
 * turns periodic refresh off). The sync engine's replay from its last checkpoint rewrites them with
 * the same content, so the outcome is the same.
 */
public final class OpenSearchIndexSink implements IndexSink {

  private final OpenSearchConnection connection;
  private final boolean ownsConnection;
  private final OpenSearchIndexes indexes;
  private final BulkBuffer buffer;
  private final BulkSender sender;
  private boolean closed;

  OpenSearchIndexSink(
      OpenSearchConnection connection,
      boolean ownsConnection,
      OpenSearchSettings settings,
      Pause pause) {
    this.connection = connection;
    this.ownsConnection = ownsConnection;
    this.indexes = new OpenSearchIndexes(connection, settings.alias());
    this.buffer =
        new BulkBuffer(connection.json(), settings.bulkMaxActions(), settings.bulkMaxBytes());
    this.sender =
        new BulkSender(
            connection, settings.alias(), settings.maxAttempts(), settings.firstBackoff(), pause);
  }

  /**
   * Connects, then creates or upgrades zoomdex's index template and alias.
   *
   * @throws SinkException retryable when no node answered; fatal when the cluster refused the
   *     template or mapping (e.g. a field changed type: rebuild into a new index)
   */
  public static OpenSearchIndexSink open(OpenSearchSettings settings) throws SinkException {
    return open(OpenSearchConnection.open(settings), true, settings, Pause.SLEEP);
  }

  /**
   * A sink over an existing connection (left open by {@link #close()} unless {@code
   * ownsConnection}), waiting between retries with {@code pause}.
   */
  static OpenSearchIndexSink open(
      OpenSearchConnection connection,
      boolean ownsConnection,
      OpenSearchSettings settings,
      Pause pause)
      throws SinkException {
    OpenSearchIndexSink sink = new OpenSearchIndexSink(connection, ownsConnection, settings, pause);
    try {
      sink.indexes.ensureReady();
      return sink;
    } catch (IOException | OpenSearchFailure e) {
      boolean retryable = !(e instanceof OpenSearchFailure failure) || failure.retryable();
      try {
        sink.close();
      } catch (SinkException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new SinkException(
          "Could not prepare the OpenSearch index "
              + settings.alias()
              + " at "
              + connection.description()
              + " ("
              + e.getMessage()
              + "); check the URL, credentials and cluster health.",
          retryable,
          e);
    }
  }

  @Override
  public void apply(Change change) throws SinkException {
    checkOpen();
    BulkBuffer.Item item = buffer.render(change);
    if (buffer.wouldOverflow(item)) {
      sendBuffered();
    }
    buffer.add(item);
    if (buffer.full()) {
      sendBuffered();
    }
  }

  @Override
  public void commit() throws SinkException {
    checkOpen();
    sendBuffered();
    sender.refresh();
  }

  private void sendBuffered() throws SinkException {
    if (!buffer.isEmpty()) {
      sender.send(buffer.items());
      buffer.clear();
    }
  }

  @Override
  public long documentCount() throws SinkException {
    checkOpen();
    try {
      OpenSearchConnection.Answer answer =
          connection.send("GET", "/" + indexes.alias() + "/_count", null);
      OpenSearchIndexes.require(answer, "count the documents in " + indexes.alias());
      return answer.body().path("count").asLong();
    } catch (IOException | OpenSearchFailure e) {
      throw new SinkException(
          "Could not count the documents in OpenSearch at "
              + connection.description()
              + " ("
              + e.getMessage()
              + ").",
          true,
          e);
    }
  }

  /** The indices behind this sink's alias, e.g. to rebuild into a new one and swap. */
  public OpenSearchIndexes indexes() {
    return indexes;
  }

  /**
   * A search service over the same alias and connection; it sees each commit of this sink as soon
   * as it returns. Closing it leaves the sink open.
   */
  public SearchService searchService() {
    return searchService(SearchResults.COUNT_CAP);
  }

  /** As {@link #searchService()}, counting exactly up to {@code countCap} matches (for tests). */
  SearchService searchService(int countCap) {
    return new OpenSearchSearchService(connection, false, indexes.alias(), countCap);
  }

  @Override
  public void close() throws SinkException {
    if (closed) {
      return;
    }
    closed = true;
    buffer.clear();
    if (ownsConnection) {
      try {
        connection.close();
      } catch (IOException e) {
        throw new SinkException(
            "Could not close the connection to OpenSearch (" + e.getMessage() + ").", false, e);
      }
    }
  }

  private void checkOpen() throws SinkException {
    if (closed) {
      throw new SinkException(
          "Could not write the OpenSearch index: this sink is closed; open a new one.",
          false,
          null);
    }
  }
}
