package io.zoomdex.sink.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.Readers;
import io.zoomdex.embed.EmbeddingModelId;
import io.zoomdex.passage.EmbeddedPassage;
import io.zoomdex.search.DocumentView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one place that knows how a {@link Document} is laid out in OpenSearch: the index template
 * (mapping and settings, from {@code index-template.json}), the JSON source written for each
 * document, and how a stored source becomes a {@link DocumentView}. The sink writes with it and the
 * search service reads with it, so the two cannot drift apart.
 *
 * <p>The source keeps everything results and {@code get()} need, readers and their rules included
 * (a rebuild may copy it); searches never return the {@link #READERS} or {@link #READER_RULES}
 * fields, which only the administrator's inspector reads.
 */
final class OpenSearchSchema {

  static final String ID = "id";
  static final String TYPE = "type";
  static final String TITLE = "title";
  static final String BODY = "body";
  static final String FIRST_LINE = "first_line";
  static final String HOST = "host";
  static final String READERS = "readers";
  static final String START_TIME = "start_time";
  static final String MONTH = "month";
  static final String DURATION = "duration";
  static final String URL = "url";
  static final String SOURCE_IDS = "source_ids";

  /** Each reader's rules ({@code {"email": ["host", ...]}}), read only by the inspector. */
  static final String READER_RULES = "reader_rules";

  /** The nested passages of a document, each with its vector (see {@link PassageFields}). */
  static final String PASSAGES = "passages";

  /** Relevance weight of a title match against a body match, as in the Lucene backend. */
  static final int TITLE_BOOST = 2;

  /** Source fields a search hit needs: never the readers, never the (possibly huge) body. */
  static final List<String> HIT_FIELDS =
      List.of(ID, TITLE, FIRST_LINE, HOST, START_TIME, DURATION, URL, SOURCE_IDS);

  /** Bumped when the mapping changes; new fields can be added in place, others need a rebuild. */
  static final int SCHEMA_VERSION = 1;

  private static final int FIRST_LINE_CHARS = 2_000;

  private static final DateTimeFormatter MONTH_FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

  private OpenSearchSchema() {}

  /**
   * The index template for {@code alias-*} indices, with nested passage vectors of {@code model}
   * (k-NN plugin, Lucene engine) and the model recorded in the mapping's {@code _meta}; without
   * passages when {@code model} is null (keyword search only).
   */
  static ObjectNode indexTemplate(ObjectMapper json, String alias, EmbeddingModelId model) {
    ObjectNode template = indexTemplate(json, alias);
    if (model != null) {
      ObjectNode body = (ObjectNode) template.path("template");
      ((ObjectNode) body.path("settings").path("index")).put("knn", true);
      ObjectNode mappings = (ObjectNode) body.path("mappings");
      PassageFields.addMapping(mappings, model);
      EmbeddingMeta.write((ObjectNode) mappings.path("_meta"), model);
    }
    return template;
  }

  /** The template without passages. */
  static ObjectNode indexTemplate(ObjectMapper json, String alias) {
    try (InputStream in = OpenSearchSchema.class.getResourceAsStream("index-template.json")) {
      if (in == null) {
        throw new IllegalStateException("index-template.json is missing from the jar");
      }
      ObjectNode template = (ObjectNode) json.readTree(in);
      template.putArray("index_patterns").add(alias + "-*");
      return template;
    } catch (IOException e) {
      throw new UncheckedIOException("index-template.json is unreadable", e);
    }
  }

  /** The mappings part of the template, for upgrading an existing index in place. */
  static ObjectNode mappings(ObjectMapper json, String alias, EmbeddingModelId model) {
    return (ObjectNode) indexTemplate(json, alias, model).path("template").path("mappings");
  }

  /** The {@code yyyy-MM} month (UTC) a start time falls in, the month facet's value. */
  static String month(Instant startTime) {
    return MONTH_FORMAT.format(startTime);
  }

  /** The JSON source written for a document with its embedded passages. */
  static ObjectNode toSource(ObjectMapper json, Document document, List<EmbeddedPassage> passages) {
    ObjectNode source = toSource(json, document);
    PassageFields.write(source.putArray(PASSAGES), passages);
    return source;
  }

  /** The JSON source written for a document (without passages). */
  static ObjectNode toSource(ObjectMapper json, Document document) {
    ObjectNode source = json.createObjectNode();
    source.put(ID, document.id().toString());
    source.put(TYPE, document.type().prefix());
    source.put(TITLE, document.title());
    source.put(BODY, document.body());
    source.put(FIRST_LINE, firstLine(document.body()));
    if (!document.hostEmail().isEmpty()) {
      source.put(HOST, document.hostEmail());
    }
    document.readers().emails().forEach(source.putArray(READERS)::add);
    if (!document.readers().rules().isEmpty()) {
      ObjectNode rules = source.putObject(READER_RULES);
      document
          .readers()
          .rules()
          .forEach((reader, named) -> named.forEach(rules.putArray(reader)::add));
    }
    Instant start = document.startTime();
    if (start != null) {
      source.put(START_TIME, start.truncatedTo(ChronoUnit.MILLIS).toString());
      source.put(MONTH, month(start));
    }
    source.put(DURATION, document.durationMinutes());
    source.put(URL, document.url());
    ObjectNode ids = source.putObject(SOURCE_IDS);
    document.sourceIds().forEach(ids::put);
    return source;
  }

  /** The view of a stored source (readers, if present, are ignored). */
  static Map<String, String> sourceIds(JsonNode source) {
    Map<String, String> sourceIds = new LinkedHashMap<>();
    source
        .path(SOURCE_IDS)
        .fields()
        .forEachRemaining(e -> sourceIds.put(e.getKey(), e.getValue().asText()));
    return sourceIds;
  }

  /** A stored source with its readers and their rules, for the inspector. */
  static Document toDocument(JsonNode source) {
    DocumentView view = toView(source);
    Set<String> readers = new TreeSet<>();
    source.path(READERS).forEach(reader -> readers.add(reader.asText()));
    Map<String, List<String>> rules = new LinkedHashMap<>();
    source
        .path(READER_RULES)
        .fields()
        .forEachRemaining(
            e -> {
              List<String> named = new ArrayList<>();
              e.getValue().forEach(rule -> named.add(rule.asText()));
              rules.put(e.getKey(), named);
            });
    return new Document(
        view.id(),
        view.title(),
        view.body(),
        view.hostEmail(),
        view.startTime(),
        view.durationMinutes(),
        view.url(),
        new Readers(readers, rules),
        view.sourceIds());
  }

  static DocumentView toView(JsonNode source) {
    Map<String, String> sourceIds = sourceIds(source);
    return new DocumentView(
        DocumentId.parse(source.path(ID).asText()),
        source.path(TITLE).asText(""),
        source.path(BODY).asText(""),
        source.path(HOST).asText(""),
        startTime(source),
        source.path(DURATION).asInt(0),
        source.path(URL).asText(""),
        sourceIds);
  }

  static Instant startTime(JsonNode source) {
    JsonNode start = source.path(START_TIME);
    return start.isTextual() ? Instant.parse(start.asText()) : null;
  }

  /** The first line, kept for blank-query snippets; long lines are cut by the snippet anyway. */
  private static String firstLine(String body) {
    int end = body.indexOf('\n');
    String line = (end < 0 ? body : body.substring(0, end)).stripTrailing();
    return line.length() <= FIRST_LINE_CHARS ? line : line.substring(0, FIRST_LINE_CHARS);
  }
}
