package io.zoomdex.sink.opensearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zoomdex.document.Change;
import io.zoomdex.passage.EmbeddedPassage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes waiting for the next bulk request, each already rendered as its NDJSON lines so the
 * buffer knows its exact byte size. Not thread-safe.
 */
final class BulkBuffer {

  /** One change as bulk NDJSON: the action line and, for an upsert, the source line. */
  record Item(String id, byte[] lines) {}

  private final ObjectMapper json;
  private final int maxActions;
  private final long maxBytes;
  private final List<Item> items = new ArrayList<>();
  private final long fencedVersion;
  private long bytes;

  BulkBuffer(ObjectMapper json, int maxActions, long maxBytes) {
    this(json, maxActions, maxBytes, 0);
  }

  /**
   * @param fencedVersion the external version every action carries (see {@link WriteFence}), or 0
   *     to let OpenSearch version documents itself
   */
  BulkBuffer(ObjectMapper json, int maxActions, long maxBytes, long fencedVersion) {
    this.json = json;
    this.maxActions = maxActions;
    this.maxBytes = maxBytes;
    this.fencedVersion = fencedVersion;
  }

  /** Renders a change as bulk lines (an upsert without passages). */
  Item render(Change change) {
    return render(change, null);
  }

  /**
   * Renders a change as bulk lines.
   *
   * @param passages for an upsert, its document's embedded passages, or null to write none
   */
  Item render(Change change, List<EmbeddedPassage> passages) {
    String id = change.id().toString();
    ObjectNode action = json.createObjectNode();
    StringBuilder lines = new StringBuilder();
    try {
      if (change instanceof Change.Upsert upsert) {
        fenced(action.putObject("index").put("_id", id));
        lines.append(json.writeValueAsString(action)).append('\n');
        ObjectNode source =
            passages == null
                ? OpenSearchSchema.toSource(json, upsert.document())
                : OpenSearchSchema.toSource(json, upsert.document(), passages);
        lines.append(json.writeValueAsString(source)).append('\n');
      } else {
        fenced(action.putObject("delete").put("_id", id));
        lines.append(json.writeValueAsString(action)).append('\n');
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Strings and numbers always serialize", e);
    }
    return new Item(id, lines.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** A fenced writer's actions carry its version: OpenSearch refuses them over a newer epoch's. */
  private void fenced(ObjectNode action) {
    if (fencedVersion > 0) {
      action.put("version", fencedVersion).put("version_type", "external_gte");
    }
  }

  /** Whether adding {@code item} would break a bound (an empty buffer always takes one item). */
  boolean wouldOverflow(Item item) {
    return !items.isEmpty()
        && (items.size() + 1 > maxActions || bytes + item.lines().length > maxBytes);
  }

  void add(Item item) {
    items.add(item);
    bytes += item.lines().length;
  }

  /** Whether a bound is reached, so the buffer should be sent now. */
  boolean full() {
    return items.size() >= maxActions || bytes >= maxBytes;
  }

  boolean isEmpty() {
    return items.isEmpty();
  }

  /** The buffered items, oldest first (a copy). */
  List<Item> items() {
    return List.copyOf(items);
  }

  void clear() {
    items.clear();
    bytes = 0;
  }

  /** The request body for these items. */
  static byte[] body(List<Item> items) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Item item : items) {
      out.writeBytes(item.lines());
    }
    return out.toByteArray();
  }
}
