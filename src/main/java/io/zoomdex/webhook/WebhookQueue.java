package io.zoomdex.webhook;

import io.zoomdex.sync.StateStore.WebhookEvent;
import java.time.Instant;
import java.util.List;

/**
 * Where acknowledged webhook events wait until the writer processed them: SQLite under --data for
 * one machine ({@link StateStoreWebhookQueue}), or an OpenSearch index shared by every replica.
 */
public interface WebhookQueue {

  /**
   * Durably records a received event before Zoom is answered, unless one with the same key was
   * recorded before.
   *
   * @param key the redelivery key (same event, time and payload: same key)
   * @return true when recorded now, false when it was already there
   * @throws io.zoomdex.sync.StorageException when it could not be made durable (Zoom is then not
   *     acknowledged and delivers it again)
   */
  boolean record(String key, String event, String body, Instant received);

  /**
   * Takes the oldest unfinished events for this writer, at most {@code limit}, in the order
   * received. Events another writer claimed and did not finish before losing the writer role are
   * included; a claimed event is not handed to any other writer while this one holds the role.
   *
   * @return empty when nothing is waiting
   * @throws io.zoomdex.sync.WriterBusyException when this process is not the writer
   * @throws io.zoomdex.sync.StorageException when the queue could not be read
   */
  List<WebhookEvent> claim(int limit);

  /**
   * Marks claimed events {@code done} or {@code failed}, so no writer processes them again.
   *
   * @throws io.zoomdex.sync.WriterBusyException when this process lost the writer role meanwhile
   *     (the events stay for the new writer)
   * @throws io.zoomdex.sync.StorageException when the queue could not be written
   */
  void finish(List<WebhookEvent> events, String status, Instant at);
}
