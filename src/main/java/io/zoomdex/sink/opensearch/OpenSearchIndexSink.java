package io.zoomdex.sink.opensearch;

import io.zoomdex.config.ConfigException;
import io.zoomdex.document.Change;
import io.zoomdex.document.DocumentId;
import io.zoomdex.embed.EmbeddingException;
import io.zoomdex.passage.DocumentPassages;
import io.zoomdex.passage.EmbeddedPassage;
import io.zoomdex.passage.PassageVectors;
import io.zoomdex.passage.PendingPassages;
import io.zoomdex.search.SearchResults;
import io.zoomdex.search.SearchService;
import io.zoomdex.sink.IndexSink;
import io.zoomdex.sink.SinkException;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 *
 * <p>With {@link PassageVectors}, each upserted document is cut into passages and embedded on the
 * vectors' pool while the crawl goes on; the document is written, with its passages nested inside
 * it ({@link PassageFields}), once its vectors are ready: when a bulk's worth of changes is
 * waiting, and at {@code commit()}. Only the last change of each document is written.
 */
public final class OpenSearchIndexSink implements IndexSink {

  private final OpenSearchConnection connection;
  private final boolean ownsConnection;
  private final OpenSearchIndexes indexes;
  private final BulkBuffer buffer;
  private final BulkSender sender;
  private final int maxWaiting;
  private final PassageVectors vectors;
  private final PendingPassages pending;

  /** Changes waiting for their vectors, the last one per document, in the order last changed. */
  private final Map<DocumentId, Change> waiting = new LinkedHashMap<>();

  private boolean closed;

  OpenSearchIndexSink(
      OpenSearchConnection connection,
      boolean ownsConnection,
      OpenSearchSettings settings,
      Pause pause,
      PassageVectors vectors,
      WriteFence fence) {
    this.connection = connection;
    this.ownsConnection = ownsConnection;
    this.vectors = vectors;
    this.pending = vectors == null ? null : new PendingPassages(vectors);
    this.maxWaiting = settings.bulkMaxActions();
    this.indexes = new OpenSearchIndexes(connection, settings.alias());
    this.buffer =
        new BulkBuffer(
            connection.json(),
            settings.bulkMaxActions(),
            settings.bulkMaxBytes(),
            fence == null ? 0 : WriteFence.documentVersion(fence.epoch()));
    this.sender =
        new BulkSender(
            connection,
            settings.alias(),
            settings.maxAttempts(),
            settings.firstBackoff(),
            pause,
            fence);
  }

  /**
   * Connects, then creates or upgrades zoomdex's index template and alias.
   *
   * @throws SinkException retryable when no node answered; fatal when the cluster refused the
   *     template or mapping (e.g. a field changed type: rebuild into a new index)
   */
  public static OpenSearchIndexSink open(OpenSearchSettings settings) throws SinkException {
    return open(settings, null);
  }

  /**
   * As {@link #open(OpenSearchSettings)}, writing each document's passages with their vectors.
   *
   * @param vectors cuts and embeds passages (not closed by this sink); null for keyword search only
   * @throws ConfigException when the index holds another model's vectors (or none, or vectors while
   *     {@code vectors} is null), or the cluster has no k-NN plugin
   */
  public static OpenSearchIndexSink open(OpenSearchSettings settings, PassageVectors vectors)
      throws SinkException {
    return open(settings, vectors, null);
  }

  /**
   * As {@link #open(OpenSearchSettings, PassageVectors)}, writing under a writer lease: {@code
   * fence} is checked before every bulk request, and every document is written with the lease
   * epoch's external version, so OpenSearch refuses this sink's writes over a newer writer's.
   *
   * @param fence the lease this sink writes under, or null for none
   */
  public static OpenSearchIndexSink open(
      OpenSearchSettings settings, PassageVectors vectors, WriteFence fence) throws SinkException {
    return open(OpenSearchConnection.open(settings), true, settings, Pause.SLEEP, vectors, fence);
  }

  /**
   * A sink over an existing connection (left open by {@link #close()} unless {@code
   * ownsConnection}), waiting between retries with {@code pause}.
   */
  static OpenSearchIndexSink open(
      OpenSearchConnection connection,
      boolean ownsConnection,
      OpenSearchSettings settings,
      Pause pause,
      PassageVectors vectors)
      throws SinkException {
    return open(connection, ownsConnection, settings, pause, vectors, null);
  }

  /** As the one above, writing under {@code fence} (null for none). */
  static OpenSearchIndexSink open(
      OpenSearchConnection connection,
      boolean ownsConnection,
      OpenSearchSettings settings,
      Pause pause,
      PassageVectors vectors,
      WriteFence fence)
      throws SinkException {
    OpenSearchIndexSink sink =
        new OpenSearchIndexSink(connection, ownsConnection, settings, pause, vectors, fence);
    try {
      sink.indexes.ensureReady(vectors == null ? null : vectors.model());
      return sink;
    } catch (ConfigException e) {
      sink.close();
      throw e;
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
    if (pending == null) {
      buffer(buffer.render(change));
      return;
    }
    waiting.remove(change.id());
    waiting.put(change.id(), change);
    try {
      if (change instanceof Change.Upsert upsert) {
        pending.upserted(upsert.document());
      } else {
        pending.deleted(change.id());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SinkException(
          "Interrupted while waiting to embed passages; the change was not applied.", true, e);
    }
    if (waiting.size() >= maxWaiting) {
      bufferWaiting();
    }
  }

  private void buffer(BulkBuffer.Item item) throws SinkException {
    if (buffer.wouldOverflow(item)) {
      sendBuffered();
    }
    buffer.add(item);
    if (buffer.full()) {
      sendBuffered();
    }
  }

  /** Waits for the waiting changes' vectors and buffers them with their passages. */
  private void bufferWaiting() throws SinkException {
    if (waiting.isEmpty()) {
      return;
    }
    Map<DocumentId, List<EmbeddedPassage>> passages = new HashMap<>();
    try {
      for (DocumentPassages done : pending.awaitAll()) {
        passages.put(done.document().id(), done.passages());
      }
    } catch (EmbeddingException e) {
      resubmitWaiting(e);
      throw new SinkException(e.getMessage(), e.retryable(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      resubmitWaiting(e);
      throw new SinkException("Interrupted while waiting for passage vectors.", true, e);
    }
    for (Change change : waiting.values()) {
      buffer(
          buffer.render(
              change, change instanceof Change.Upsert ? passages.get(change.id()) : null));
    }
    waiting.clear();
  }

  /** Starts embedding the waiting upserts again, so that the next commit can still write them. */
  private void resubmitWaiting(Exception failure) {
    try {
      for (Change change : waiting.values()) {
        if (change instanceof Change.Upsert upsert) {
          pending.upserted(upsert.document());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.addSuppressed(e);
    }
  }

  @Override
  public void commit() throws SinkException {
    checkOpen();
    bufferWaiting();
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
    return new OpenSearchSearchService(
        connection,
        false,
        indexes.alias(),
        countCap,
        vectors == null ? null : OpenSearchSearchService.QueryEmbedding.of(vectors.embedder()));
  }

  @Override
  public void close() throws SinkException {
    if (closed) {
      return;
    }
    closed = true;
    buffer.clear();
    waiting.clear();
    if (pending != null) {
      pending.discard();
    }
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
