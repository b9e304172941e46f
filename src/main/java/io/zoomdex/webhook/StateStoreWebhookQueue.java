package io.zoomdex.webhook;

import io.zoomdex.sync.StateStore;
import io.zoomdex.sync.StateStore.WebhookEvent;
import java.time.Instant;
import java.util.List;

/**
 * The webhook queue in the sync state under --data (embedded Lucene): the data directory's writer
 * lock already makes this process the only writer, so a claim is just a read of what is pending.
 */
public final class StateStoreWebhookQueue implements WebhookQueue {
  private final StateStore state;

  public StateStoreWebhookQueue(StateStore state) {
    this.state = state;
  }

  @Override
  public boolean record(String key, String event, String body, Instant received) {
    return state.recordWebhookEvent(key, event, body, received);
  }

  @Override
  public List<WebhookEvent> claim(int limit) {
    return state.pendingWebhookEvents(limit);
  }

  @Override
  public void finish(List<WebhookEvent> events, String status, Instant at) {
    state.finishWebhookEvents(events.stream().map(WebhookEvent::sequence).toList(), status, at);
  }
}
