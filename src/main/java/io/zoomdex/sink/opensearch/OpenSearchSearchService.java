package io.zoomdex.sink.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.document.Readers;
import io.zoomdex.search.DocumentView;
import io.zoomdex.search.Facets;
import io.zoomdex.search.IndexMissingException;
import io.zoomdex.search.LineSnippets;
import io.zoomdex.search.SearchException;
import io.zoomdex.search.SearchHit;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchResults;
import io.zoomdex.search.SearchService;
import io.zoomdex.search.SeriesGrouping;
import io.zoomdex.search.Snippet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@link SearchService} over zoomdex's OpenSearch alias, with the Lucene backend's semantics and
 * result shapes. Each search is one request: the text (or {@code match_all}) as {@code must}, the
 * searcher's principal as a {@code term} on {@code readers} in {@code filter} (always, inside the
 * query), the type, host and date filters beside it; the total counted exactly up to the count cap
 * ({@code track_total_hits}; past it a lower bound, {@code "relation": "gte"}), the facets as
 * {@code terms} aggregations inside a {@code sampler} over at most the cap's best matches per shard
 * of the same filtered query, and whole-field highlights cut into line snippets by {@link
 * HighlightedText}. The reader set is never fetched.
 */
public final class OpenSearchSearchService implements SearchService {

  private static final int BODY_SNIPPETS = 2;
  private static final int MONTH_BUCKETS = 1_200;
  private static final String SAMPLE = "sample";

  private final OpenSearchConnection connection;
  private final boolean ownsConnection;
  private final String alias;
  private final int countCap;
  private final ObjectMapper json;
  private final LineSnippets lines = new LineSnippets(LineSnippets.DEFAULT_MAX_CHARS);
  private final HighlightedText highlighted = new HighlightedText(lines);

  /**
   * @param countCap how many matches are counted exactly (total and facets) before the total
   *     becomes a lower bound and the facets a sample; at least 1
   */
  OpenSearchSearchService(
      OpenSearchConnection connection, boolean ownsConnection, String alias, int countCap) {
    if (countCap < 1) {
      throw new IllegalArgumentException("count cap must be at least 1, not " + countCap);
    }
    this.connection = connection;
    this.ownsConnection = ownsConnection;
    this.alias = alias;
    this.countCap = countCap;
    this.json = connection.json();
  }

  /**
   * Connects to the cluster and checks that zoomdex's alias exists.
   *
   * @throws IndexMissingException when the alias does not exist (nothing crawled yet)
   * @throws SearchException when the cluster cannot be reached or refuses
   */
  public static OpenSearchSearchService open(OpenSearchSettings settings) throws SearchException {
    OpenSearchConnection connection = OpenSearchConnection.open(settings);
    try {
      Optional<String> index = new OpenSearchIndexes(connection, settings.alias()).currentIndex();
      if (index.isEmpty()) {
        throw new IndexMissingException(
            "No zoomdex index "
                + settings.alias()
                + " in OpenSearch at "
                + connection.description()
                + "; run a crawl with --index opensearch first.");
      }
      return new OpenSearchSearchService(
          connection, true, settings.alias(), SearchResults.COUNT_CAP);
    } catch (IOException | OpenSearchFailure | SearchException e) {
      try {
        connection.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof SearchException searchException) {
        throw searchException;
      }
      throw failure(connection, e);
    }
  }

  @Override
  public SearchResults search(SearchRequest request) throws SearchException {
    String principal = request.principal();
    if (principal.isEmpty()) {
      return SearchResults.none(principal);
    }
    ObjectNode text = request.matchesAll() ? matchAll() : TextQuery.of(json, request.query());
    OpenSearchConnection.Answer answer = run(request, principal, text);
    if (answer.status() == 400 && !request.matchesAll()) {
      // The cluster still refused the text (e.g. a wildcard expanded too far): its words alone.
      answer = run(request, principal, TextQuery.plainWords(json, request.query()));
    }
    if (!answer.ok()) {
      throw refused(answer);
    }
    JsonNode body = answer.body();
    List<SearchHit> hits = new ArrayList<>();
    for (JsonNode hit : body.path("hits").path("hits")) {
      hits.add(toHit(hit, request.matchesAll()));
    }
    JsonNode counted = body.path("hits").path("total");
    long total = counted.path("value").asLong(hits.size());
    boolean totalExact = !"gte".equals(counted.path("relation").asText("eq"));
    if (!totalExact) {
      total = threshold(request); // what was counted, as Lucene reports it
    }
    JsonNode sample = body.path("aggregations").path(SAMPLE);
    Facets facets = facets(sample);
    boolean facetsExact = totalExact && sample.path("doc_count").asLong(-1) == total;
    return new SearchResults(
        principal, hits, total, totalExact, facetsExact || total == 0 ? facets : facets.sampled());
  }

  /** Lucene's bound: the cap, or more when the page reaches deeper. */
  private int threshold(SearchRequest request) {
    return Math.max(countCap, request.offset() + request.limit());
  }

  private OpenSearchConnection.Answer run(SearchRequest request, String principal, ObjectNode text)
      throws SearchException {
    ObjectNode search = json.createObjectNode();
    search.set("query", filtered(request, principal, text));
    search.put("from", request.offset());
    search.put("size", request.limit());
    search.put("track_total_hits", threshold(request));
    ObjectNode source = search.putObject("_source");
    OpenSearchSchema.HIT_FIELDS.forEach(source.putArray("includes")::add);
    source.putArray("excludes").add(OpenSearchSchema.READERS).add(OpenSearchSchema.BODY);
    if (request.matchesAll()) {
      ArrayNode sort = search.putArray("sort");
      sort.addObject()
          .putObject(OpenSearchSchema.START_TIME)
          .put("order", "desc")
          .put("missing", "_last");
      sort.addObject().putObject(OpenSearchSchema.ID).put("order", "asc");
    } else {
      ObjectNode highlight = search.putObject("highlight");
      highlight.put("type", "unified");
      highlight.putArray("pre_tags").add(HighlightedText.OPEN);
      highlight.putArray("post_tags").add(HighlightedText.CLOSE);
      highlight.put("number_of_fragments", 0);
      ObjectNode fields = highlight.putObject("fields");
      fields.putObject(OpenSearchSchema.TITLE);
      fields.putObject(OpenSearchSchema.BODY);
    }
    ObjectNode sampler = search.putObject("aggregations").putObject(SAMPLE);
    sampler.putObject("sampler").put("shard_size", countCap);
    ObjectNode aggregations = sampler.putObject("aggregations");
    terms(aggregations, OpenSearchSchema.TYPE, DocumentType.values().length, 0, false);
    terms(aggregations, OpenSearchSchema.HOST, Facets.MAX_HOSTS, Facets.MAX_HOSTS * 10, false);
    terms(aggregations, OpenSearchSchema.MONTH, MONTH_BUCKETS, 0, true);
    try {
      return connection.send("POST", "/" + alias + "/_search", search);
    } catch (IOException e) {
      throw failure(connection, e);
    }
  }

  /** The text query with every filter in the non-scoring {@code filter}, readers first. */
  private ObjectNode filtered(SearchRequest request, String principal, ObjectNode text) {
    ObjectNode query = json.createObjectNode();
    ObjectNode bool = query.putObject("bool");
    bool.putArray("must").add(text);
    ArrayNode filter = bool.putArray("filter");
    filter.add(term(OpenSearchSchema.READERS, principal));
    if (request.type() != null) {
      filter.add(term(OpenSearchSchema.TYPE, request.type().prefix()));
    }
    if (!request.host().isEmpty()) {
      filter.add(term(OpenSearchSchema.HOST, request.host()));
    }
    if (request.from() != null || request.to() != null) {
      ObjectNode range =
          filter.addObject().putObject("range").putObject(OpenSearchSchema.START_TIME);
      range.put("format", "epoch_millis");
      if (request.from() != null) {
        range.put("gte", request.from().toEpochMilli());
      }
      if (request.to() != null) {
        range.put("lt", request.to().toEpochMilli());
      }
    }
    return query;
  }

  private ObjectNode term(String field, String value) {
    ObjectNode term = json.createObjectNode();
    term.putObject("term").put(field, value);
    return term;
  }

  private ObjectNode matchAll() {
    ObjectNode all = json.createObjectNode();
    all.putObject("match_all");
    return all;
  }

  private static void terms(
      ObjectNode aggregations, String field, int size, int shardSize, boolean newestKeyFirst) {
    ObjectNode terms = aggregations.putObject(field).putObject("terms");
    terms.put("field", field);
    terms.put("size", size);
    if (shardSize > 0) {
      terms.put("shard_size", shardSize);
    }
    if (newestKeyFirst) {
      terms.putObject("order").put("_key", "desc");
    }
  }

  private SearchHit toHit(JsonNode hit, boolean matchesAll) {
    JsonNode source = hit.path("_source");
    String title = source.path(OpenSearchSchema.TITLE).asText("");
    JsonNode marks = hit.path("highlight");
    JsonNode titleMarks = marks.path(OpenSearchSchema.TITLE).path(0);
    JsonNode bodyMarks = marks.path(OpenSearchSchema.BODY).path(0);
    List<Snippet> snippets =
        bodyMarks.isTextual() ? highlighted.snippets(bodyMarks.asText(), BODY_SNIPPETS) : List.of();
    if (snippets.isEmpty()) {
      String firstLine = source.path(OpenSearchSchema.FIRST_LINE).asText("");
      snippets = firstLine.isBlank() ? List.of() : List.of(lines.firstLine(firstLine));
    }
    double score = hit.path("_score").asDouble(0);
    return new SearchHit(
        DocumentId.parse(source.path(OpenSearchSchema.ID).asText()),
        title,
        titleMarks.isTextual() ? highlighted.whole(titleMarks.asText()) : Snippet.plain(title),
        snippets,
        source.path(OpenSearchSchema.URL).asText(""),
        OpenSearchSchema.startTime(source),
        source.path(OpenSearchSchema.HOST).asText(""),
        source.path(OpenSearchSchema.DURATION).asInt(0),
        matchesAll || Double.isNaN(score) ? 0f : (float) score,
        SeriesGrouping.seriesKey(OpenSearchSchema.sourceIds(source)));
  }

  private static Facets facets(JsonNode aggregations) {
    Map<DocumentType, Long> byType = new EnumMap<>(DocumentType.class);
    for (JsonNode bucket : aggregations.path(OpenSearchSchema.TYPE).path("buckets")) {
      byType.put(
          DocumentType.fromPrefix(bucket.path("key").asText()), bucket.path("doc_count").asLong());
    }
    Map<String, Long> byHost = new LinkedHashMap<>();
    List<JsonNode> hosts = new ArrayList<>();
    aggregations.path(OpenSearchSchema.HOST).path("buckets").forEach(hosts::add);
    hosts.stream()
        .sorted(
            Comparator.comparingLong((JsonNode bucket) -> -bucket.path("doc_count").asLong())
                .thenComparing(bucket -> bucket.path("key").asText()))
        .limit(Facets.MAX_HOSTS)
        .forEach(
            bucket -> byHost.put(bucket.path("key").asText(), bucket.path("doc_count").asLong()));
    Map<String, Long> byMonth = new LinkedHashMap<>();
    for (JsonNode bucket : aggregations.path(OpenSearchSchema.MONTH).path("buckets")) {
      byMonth.put(bucket.path("key").asText(), bucket.path("doc_count").asLong());
    }
    return new Facets(byType, byHost, byMonth);
  }

  @Override
  public Optional<DocumentView> get(String searcher, DocumentId id) throws SearchException {
    String principal = Readers.normalize(searcher);
    if (principal.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode search = json.createObjectNode();
    ArrayNode filter = search.putObject("query").putObject("bool").putArray("filter");
    filter.add(term(OpenSearchSchema.ID, id.toString()));
    filter.add(term(OpenSearchSchema.READERS, principal));
    search.put("size", 1);
    search
        .putObject("_source")
        .putArray("excludes")
        .add(OpenSearchSchema.READERS)
        .add(OpenSearchSchema.FIRST_LINE);
    try {
      OpenSearchConnection.Answer answer =
          connection.send("POST", "/" + alias + "/_search", search);
      if (!answer.ok()) {
        throw refused(answer);
      }
      JsonNode hits = answer.body().path("hits").path("hits");
      return hits.isEmpty()
          ? Optional.empty()
          : Optional.of(OpenSearchSchema.toView(hits.get(0).path("_source")));
    } catch (IOException e) {
      throw failure(connection, e);
    }
  }

  @Override
  public OptionalLong documentCount() throws SearchException {
    try {
      OpenSearchConnection.Answer answer = connection.send("GET", "/" + alias + "/_count", null);
      if (!answer.ok()) {
        throw refused(answer);
      }
      return OptionalLong.of(answer.body().path("count").asLong());
    } catch (IOException e) {
      throw failure(connection, e);
    }
  }

  private SearchException refused(OpenSearchConnection.Answer answer) {
    if (answer.status() == 404) {
      return new IndexMissingException(
          "No zoomdex index "
              + alias
              + " in OpenSearch at "
              + connection.description()
              + "; run a crawl with --index opensearch first.");
    }
    return new SearchException(
        "OpenSearch refused the search (" + answer.error() + "); check the cluster's health.",
        null);
  }

  private static SearchException failure(OpenSearchConnection connection, Exception cause) {
    return new SearchException(
        "Could not reach OpenSearch at "
            + connection.description()
            + " ("
            + cause.getMessage()
            + "); check that the cluster is up and the URL is right.",
        cause);
  }

  @Override
  public void close() throws IOException {
    if (ownsConnection) {
      connection.close();
    }
  }
}
