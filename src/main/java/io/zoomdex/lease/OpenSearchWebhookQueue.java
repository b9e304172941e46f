package io.zoomdex.lease;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zoomdex.sink.opensearch.OpenSearchConnection;
import io.zoomdex.sync.StateStore.WebhookEvent;
import io.zoomdex.sync.StorageException;
import io.zoomdex.sync.WriterBusyException;
import io.zoomdex.webhook.WebhookQueue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhook queue shared by every {@code serve} replica, in the OpenSearch index {@code
 * ALIAS.webhook-events}: any replica records an event (keyed by its redelivery key, created only if
 * absent) and answers Zoom only after OpenSearch acknowledged the write with {@code
 * refresh=wait_for} (the translog is written on every request, so it is durable on every active
 * copy, and already visible to the writer's next claim).
 *
 * <p>Only the lease holder claims: a claim marks each event {@code claimed} with the holder's lease
 * epoch, conditional on the event's {@code _seq_no}, so two writers can never both claim it. A new
 * writer (larger epoch) reclaims what an older epoch claimed and did not finish; finishing is
 * conditional on the claim's {@code _seq_no}, so a writer whose events were reclaimed cannot mark
 * them done. Processing an event twice can therefore happen only for events a writer was processing
 * when it lost the lease, and processing (re-reading from Zoom, deleting by id) is idempotent.
 */
public final class OpenSearchWebhookQueue implements WebhookQueue {
  private static final String JSON = "application/json";
  private static final String NDJSON = "application/x-ndjson";

  private final OpenSearchConnection connection;
  private final ObjectMapper json;
  private final String index;
  private final LeaseKeeper keeper;
  private final AtomicLong sequences = new AtomicLong();
  private volatile boolean indexReady;

  /** The events of the last claim, by the sequence given to them, with their claim's version. */
  private final Map<Long, Claimed> claimed = new HashMap<>();

  private record Claimed(String id, long seqNo, long primaryTerm) {}

  /**
   * @param alias the index alias zoomdex writes; the queue lives in {@code alias.webhook-events}
   * @param keeper this process's writer lease: claims and completions need it
   */
  public OpenSearchWebhookQueue(OpenSearchConnection connection, String alias, LeaseKeeper keeper) {
    this.connection = connection;
    this.json = connection.json();
    this.index = indexName(alias);
    this.keeper = keeper;
  }

  /** The index holding the webhook events of the deployment writing {@code alias}. */
  public static String indexName(String alias) {
    return alias + ".webhook-events";
  }

  @Override
  public boolean record(String key, String event, String body, Instant received) {
    ensureIndex();
    ObjectNode source = json.createObjectNode();
    source.put("key", key);
    source.put("event", event);
    source.put("body", body);
    source.put("received", received.toEpochMilli());
    source.put("status", "pending");
    OpenSearchConnection.Answer answer =
        send("PUT", "/" + index + "/_create/" + key, Map.of("refresh", "wait_for"), bytes(source));
    if (answer.status() == 409) {
      return false;
    }
    require(answer, "record a webhook event");
    return true;
  }

  @Override
  public synchronized List<WebhookEvent> claim(int limit) {
    LeaseFence fence = fence();
    fence.verify();
    ensureIndex();
    claimed.clear();
    OpenSearchConnection.Answer found =
        send("POST", "/" + index + "/_search", Map.of(), bytes(claimable(fence.epoch(), limit)));
    require(found, "read the webhook events");
    List<JsonNode> hits = new ArrayList<>();
    found.body().path("hits").path("hits").forEach(hits::add);
    if (hits.isEmpty()) {
      return List.of();
    }
    StringBuilder bulk = new StringBuilder();
    for (JsonNode hit : hits) {
      ObjectNode doc = json.createObjectNode();
      doc.putObject("doc")
          .put("status", "claimed")
          .put("claim_epoch", fence.epoch())
          .put("claimed_by", keeper.lease().holder());
      bulk.append(updateLine(hit, hit.path("_seq_no").asLong(), hit.path("_primary_term").asLong()))
          .append('\n')
          .append(doc)
          .append('\n');
    }
    JsonNode items = sendBulk(bulk, "claim webhook events");
    List<WebhookEvent> events = new ArrayList<>();
    for (int i = 0; i < hits.size(); i++) {
      JsonNode result = items.path(i).path("update");
      int status = result.path("status").asInt(500);
      if (status == 409) {
        continue; // changed since read: another writer's, or already finished
      }
      if (status >= 300) {
        throw new StorageException(
            "Could not claim a webhook event in OpenSearch ("
                + result.path("error").path("reason").asText("HTTP " + status)
                + "); it stays for the next try.",
            null);
      }
      JsonNode source = hits.get(i).path("_source");
      long sequence = sequences.incrementAndGet();
      claimed.put(
          sequence,
          new Claimed(
              hits.get(i).path("_id").asText(),
              result.path("_seq_no").asLong(),
              result.path("_primary_term").asLong()));
      events.add(
          new WebhookEvent(
              sequence,
              source.path("event").asText(),
              source.path("body").asText(),
              Instant.ofEpochMilli(source.path("received").asLong())));
    }
    return events;
  }

  @Override
  public synchronized void finish(List<WebhookEvent> events, String status, Instant at) {
    if (events.isEmpty()) {
      return;
    }
    LeaseFence fence = fence();
    fence.verify();
    StringBuilder bulk = new StringBuilder();
    List<Claimed> finishing = new ArrayList<>();
    for (WebhookEvent event : events) {
      Claimed claim = claimed.remove(event.sequence());
      if (claim == null) {
        throw new IllegalArgumentException("Event " + event.sequence() + " was not claimed here.");
      }
      finishing.add(claim);
      ObjectNode doc = json.createObjectNode();
      doc.putObject("doc")
          .put("status", status)
          .put("finished_epoch", fence.epoch())
          .put("finished_by", keeper.lease().holder())
          .put("processed", at.toEpochMilli());
      bulk.append(updateLine(claim.id(), claim.seqNo(), claim.primaryTerm()))
          .append('\n')
          .append(doc)
          .append('\n');
    }
    JsonNode items = sendBulk(bulk, "record the handled webhook events");
    int reclaimed = 0;
    for (int i = 0; i < finishing.size(); i++) {
      int itemStatus = items.path(i).path("update").path("status").asInt(500);
      if (itemStatus == 409) {
        reclaimed++;
      } else if (itemStatus >= 300) {
        throw new StorageException(
            "Could not record a handled webhook event in OpenSearch (HTTP "
                + itemStatus
                + "); it is processed again later.",
            null);
      }
    }
    if (reclaimed > 0) {
      throw new WriterBusyException(
          reclaimed
              + " webhook events were taken over by a newer writer before this one finished"
              + " them; they are left to it.");
    }
  }

  private LeaseFence fence() {
    return keeper
        .fence()
        .orElseThrow(
            () ->
                new WriterBusyException(
                    "Another zoomdex process holds the writer lease; it processes the webhook"
                        + " events."));
  }

  /** Pending events, and events claimed under this epoch or an older one and never finished. */
  private ObjectNode claimable(long epoch, int limit) {
    ObjectNode search = json.createObjectNode();
    search.put("size", limit);
    search.put("seq_no_primary_term", true);
    ArrayNode sort = search.putArray("sort");
    sort.addObject().put("received", "asc");
    sort.addObject().put("key", "asc");
    ObjectNode bool = search.putObject("query").putObject("bool");
    bool.put("minimum_should_match", 1);
    ArrayNode should = bool.putArray("should");
    should.addObject().putObject("term").put("status", "pending");
    ObjectNode stale = should.addObject().putObject("bool");
    ArrayNode filter = stale.putArray("filter");
    filter.addObject().putObject("term").put("status", "claimed");
    filter.addObject().putObject("range").putObject("claim_epoch").put("lte", epoch);
    return search;
  }

  private String updateLine(JsonNode hit, long seqNo, long primaryTerm) {
    return updateLine(hit.path("_id").asText(), seqNo, primaryTerm);
  }

  private String updateLine(String id, long seqNo, long primaryTerm) {
    ObjectNode action = json.createObjectNode();
    action
        .putObject("update")
        .put("_id", id)
        .put("if_seq_no", seqNo)
        .put("if_primary_term", primaryTerm);
    return action.toString();
  }

  private JsonNode sendBulk(StringBuilder ndjson, String action) {
    OpenSearchConnection.Answer answer;
    try {
      answer =
          connection.send(
              "POST",
              "/" + index + "/_bulk",
              Map.of("refresh", "true"),
              ndjson.toString().getBytes(StandardCharsets.UTF_8),
              NDJSON);
    } catch (IOException e) {
      throw unreachable(action, e);
    }
    require(answer, action);
    return answer.body().path("items");
  }

  private void ensureIndex() {
    if (indexReady) {
      return;
    }
    ObjectNode body = json.createObjectNode();
    body.putObject("settings")
        .put("number_of_shards", 1)
        .put("auto_expand_replicas", "0-1")
        .put("refresh_interval", "1s")
        .put("translog.durability", "request");
    ObjectNode properties =
        body.putObject("mappings").put("dynamic", false).putObject("properties");
    properties.putObject("key").put("type", "keyword");
    properties.putObject("event").put("type", "keyword");
    properties.putObject("received").put("type", "long");
    properties.putObject("status").put("type", "keyword");
    properties.putObject("claim_epoch").put("type", "long");
    properties.putObject("claimed_by").put("type", "keyword");
    properties.putObject("finished_epoch").put("type", "long");
    properties.putObject("finished_by").put("type", "keyword");
    properties.putObject("processed").put("type", "long");
    OpenSearchConnection.Answer answer = send("PUT", "/" + index, Map.of(), bytes(body));
    if (!answer.ok() && !answer.errorType().equals("resource_already_exists_exception")) {
      require(answer, "create the webhook event index " + index);
    }
    indexReady = true;
  }

  private byte[] bytes(JsonNode node) {
    try {
      return json.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Strings and numbers always serialize", e);
    }
  }

  private OpenSearchConnection.Answer send(
      String method, String path, Map<String, String> query, byte[] body) {
    try {
      return connection.send(method, path, query, body, JSON);
    } catch (IOException e) {
      throw unreachable("reach the webhook event queue", e);
    }
  }

  private void require(OpenSearchConnection.Answer answer, String action) {
    OpenSearchFailures.require(connection, answer, action, index);
  }

  private StorageException unreachable(String action, IOException e) {
    return OpenSearchFailures.unreachable(connection, action, e);
  }
}
