package io.zoomdex.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.zoomdex.lease.LeaseTestCluster.Process;
import io.zoomdex.sink.opensearch.EmbeddedOpenSearch;
import io.zoomdex.sink.opensearch.OpenSearchConnection;
import io.zoomdex.sink.opensearch.OpenSearchSettings;
import io.zoomdex.sink.opensearch.SharedOpenSearch;
import io.zoomdex.sync.StateStore.WebhookEvent;
import io.zoomdex.sync.StorageException;
import io.zoomdex.sync.WriterBusyException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedOpenSearch.class)
class OpenSearchWebhookQueueTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private final LeaseTestCluster cluster;
  private final Process a;
  private final Process b;
  private final OpenSearchWebhookQueue queueA;
  private final OpenSearchWebhookQueue queueB;

  OpenSearchWebhookQueueTest(EmbeddedOpenSearch node) {
    cluster = new LeaseTestCluster(node);
    a = cluster.process("a");
    b = cluster.process("b");
    queueA = new OpenSearchWebhookQueue(cluster.connection, cluster.alias, a.keeper());
    queueB = new OpenSearchWebhookQueue(cluster.connection, cluster.alias, b.keeper());
  }

  @AfterEach
  void cleanUp() throws Exception {
    cluster.close();
  }

  private void record(OpenSearchWebhookQueue queue, String key, int second) {
    assertThat(
            queue.record(key, "meeting.updated", "{\"n\":\"" + key + "\"}", T0.plusSeconds(second)))
        .isTrue();
  }

  @Test
  void recordedEvent_isDurableAndVisible_whenRecordReturns_andARedeliveryIsNotRecordedTwice()
      throws Exception {
    record(queueB, "k1", 1); // received by a replica that is not the writer

    JsonNode stored =
        cluster
            .connection
            .send("GET", "/" + OpenSearchWebhookQueue.indexName(cluster.alias) + "/_doc/k1", null)
            .body();
    assertThat(stored.path("_source").path("status").asText()).isEqualTo("pending");
    assertThat(queueA.record("k1", "meeting.updated", "{}", T0)).isFalse();
    a.keeper().tick();
    List<WebhookEvent> claimed = queueA.claim(10);
    assertThat(claimed).extracting(WebhookEvent::body).containsExactly("{\"n\":\"k1\"}");
  }

  @Test
  void record_whenOpenSearchIsUnreachable_throws_soZoomIsNotAcknowledged() throws Exception {
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort();
    }
    try (OpenSearchConnection dead =
        OpenSearchConnection.open(
            OpenSearchSettings.of(List.of(URI.create("http://127.0.0.1:" + deadPort))))) {
      OpenSearchWebhookQueue queue = new OpenSearchWebhookQueue(dead, cluster.alias, a.keeper());

      assertThatThrownBy(() -> queue.record("k1", "meeting.updated", "{}", T0))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("no OpenSearch node");
    }
  }

  @Test
  void onlyTheLeaseHolder_claims() {
    record(queueA, "k1", 1);
    a.keeper().tick();
    b.keeper().tick();

    assertThatThrownBy(() -> queueB.claim(10)).isInstanceOf(WriterBusyException.class);
    assertThat(queueA.claim(10)).hasSize(1);
  }

  @Test
  void claims_comeInTheOrderReceived_andFinishedEventsAreNotClaimedAgain() {
    record(queueA, "late", 3);
    record(queueA, "early", 1);
    record(queueA, "middle", 2);
    a.keeper().tick();

    List<WebhookEvent> first = queueA.claim(2);
    assertThat(first)
        .extracting(WebhookEvent::body)
        .containsExactly("{\"n\":\"early\"}", "{\"n\":\"middle\"}");
    queueA.finish(first, "done", T0);

    assertThat(queueA.claim(10)).extracting(WebhookEvent::body).containsExactly("{\"n\":\"late\"}");
  }

  @Test
  void newWriter_processesWhatTheOldOneClaimedAndDidNotFinish_andTheOldOneCannotFinishIt() {
    for (int i = 1; i <= 3; i++) {
      record(queueB, "k" + i, i);
    }
    a.keeper().tick();
    List<WebhookEvent> claimedByA = queueA.claim(10);
    assertThat(claimedByA).hasSize(3);
    queueA.finish(claimedByA.subList(0, 1), "done", T0); // then a pauses, holding k2 and k3

    b.keeper().tick();
    b.ticker().advance(LeaseTestCluster.LEASE);
    b.keeper().tick();
    List<WebhookEvent> claimedByB = queueB.claim(10);

    assertThat(claimedByB)
        .extracting(WebhookEvent::body)
        .containsExactly("{\"n\":\"k2\"}", "{\"n\":\"k3\"}");
    assertThatThrownBy(() -> queueA.finish(claimedByA.subList(1, 3), "done", T0))
        .isInstanceOf(WriterBusyException.class);
    queueB.finish(claimedByB, "done", T0);
    assertThat(queueB.claim(10)).isEmpty();
    assertThat(finishedBy())
        .containsExactlyEntriesOf(new TreeMap<>(Map.of("k1", "a@1", "k2", "b@2", "k3", "b@2")));
  }

  /** Each event's finisher and epoch, by key. */
  private Map<String, String> finishedBy() {
    try {
      JsonNode hits =
          cluster
              .connection
              .send(
                  "GET",
                  "/" + OpenSearchWebhookQueue.indexName(cluster.alias) + "/_search?size=100",
                  null)
              .body()
              .path("hits")
              .path("hits");
      Map<String, String> by = new TreeMap<>();
      for (JsonNode hit : hits) {
        JsonNode source = hit.path("_source");
        by.put(
            hit.path("_id").asText(),
            source.path("finished_by").asText() + "@" + source.path("finished_epoch").asLong());
      }
      return by;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
