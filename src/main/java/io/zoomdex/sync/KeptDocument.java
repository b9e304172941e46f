package io.zoomdex.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.Readers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A document as the ledger keeps it (gzip-compressed JSON), with the people its reader rules named:
 * enough to rebuild it when only its readers change (an email change, a reactivation, new
 * alternative hosts) without asking Zoom for its content again.
 */
public final class KeptDocument {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KeptDocument() {}

  /** The series number a document belongs to ({@code meeting_id} or {@code webinar_id}), or "". */
  public static String seriesOf(Document document) {
    String webinar = document.sourceIds().get("webinar_id");
    if (webinar != null) {
      return webinar;
    }
    return document.sourceIds().getOrDefault("meeting_id", "");
  }

  /** The compressed form of a document. */
  public static byte[] encode(Document document) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", document.id().toString());
    node.put("title", document.title());
    node.put("body", document.body());
    node.put("host", document.hostEmail());
    if (document.startTime() != null) {
      node.put("start", document.startTime().toString());
    }
    node.put("duration", document.durationMinutes());
    node.put("url", document.url());
    node.putPOJO("readers", document.readers().rules());
    node.putPOJO("plain", document.readers().emails());
    node.putPOJO("withheld", document.readers().withheld());
    node.putPOJO("ids", document.sourceIds());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      JSON.writeValue(gzip, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The document a {@link #encode} result holds. */
  public static Document decode(byte[] kept) {
    JsonNode node;
    try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(kept))) {
      node = JSON.readTree(gzip);
    } catch (IOException e) {
      throw new StorageException(
          "A document kept in the sync state is unreadable ("
              + e.getMessage()
              + "); run a full crawl to rebuild it.",
          e);
    }
    List<String> emails = new ArrayList<>();
    node.path("plain").forEach(e -> emails.add(e.asText()));
    Readers readers =
        new Readers(
            new java.util.TreeSet<>(emails),
            lists(node.path("readers")),
            lists(node.path("withheld")));
    Map<String, String> ids = new LinkedHashMap<>();
    node.path("ids").fields().forEachRemaining(e -> ids.put(e.getKey(), e.getValue().asText()));
    return new Document(
        DocumentId.parse(node.path("id").asText()),
        node.path("title").asText(""),
        node.path("body").asText(""),
        node.path("host").asText(""),
        node.hasNonNull("start") ? Instant.parse(node.path("start").asText()) : null,
        node.path("duration").asInt(),
        node.path("url").asText(""),
        readers,
        ids);
  }

  private static Map<String, List<String>> lists(JsonNode node) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            e -> {
              List<String> values = new ArrayList<>();
              e.getValue().forEach(v -> values.add(v.asText()));
              map.put(e.getKey(), values);
            });
    return map;
  }
}
