package io.zoomdex.sink.opensearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zoomdex.config.ConfigException;
import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.document.Readers;
import io.zoomdex.embed.Embedder;
import io.zoomdex.embed.EmbeddingException;
import io.zoomdex.embed.EmbeddingModelId;
import io.zoomdex.search.DocumentView;
import io.zoomdex.search.Facets;
import io.zoomdex.search.IndexMissingException;
import io.zoomdex.search.LineSnippets;
import io.zoomdex.search.PassageSnippets;
import io.zoomdex.search.QueryWords;
import io.zoomdex.search.RankFusion;
import io.zoomdex.search.SearchException;
import io.zoomdex.search.SearchHit;
import io.zoomdex.search.SearchMode;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchResults;
import io.zoomdex.search.SearchService;
import io.zoomdex.search.SeriesGrouping;
import io.zoomdex.search.Snippet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SearchService} over zoomdex's OpenSearch alias, with the Lucene backend's semantics and
 * result shapes, in three modes ({@link SearchMode}):
 *
 * <ul>
 *   <li>keyword: the text (or {@code match_all}) as {@code must}, a question's content words
 *       loosely ({@link QueryWords});
 *   <li>semantic: a nested k-NN query over the passage vectors ({@link
 *       SearchBodies#nearestPassages}) that finds the {@link #WINDOW} documents with the nearest
 *       passages, each with its best passage as the snippet;
 *   <li>hybrid: one {@code _msearch} of the keyword ranking, the vector ranking and a count of
 *       their union, the two rankings fused in zoomdex by {@link RankFusion}, as the Lucene backend
 *       does (OpenSearch's own hybrid query and RRF need the neural-search plugin).
 * </ul>
 *
 * Every query has the searcher's principal as a {@code term} on {@code readers} inside it (in the
 * k-NN query as its filter, never after it); the total is counted exactly up to the count cap
 * ({@code track_total_hits}; past it a lower bound), the facets as {@code terms} aggregations
 * inside a {@code sampler} of the same filtered query, and whole-field highlights cut into line
 * snippets by {@link HighlightedText}. The reader set is never fetched.
 */
public final class OpenSearchSearchService implements SearchService {
  private static final Logger log = LoggerFactory.getLogger(OpenSearchSearchService.class);

  /**
   * How deep each ranking goes: the documents a vector search finds (the nearest neighbours asked
   * of HNSW, more than a page so its recall is high) and the keyword hits hybrid search fuses. A
   * page deeper than this takes the next multiple. Every page inside one window is cut from the
   * same rankings, so paging through them never repeats nor skips a document (a window that grew
   * with each page would let new candidates into the fused ranking ahead of earlier pages).
   */
  static final int WINDOW = 100;

  /** Reader names per page of the composite aggregation behind {@link #readerNames()}. */
  private static final int READER_NAMES_PAGE = 1_000;

  private static final int BODY_SNIPPETS = 2;

  /** Embeds a query with the index's model, whose similarity floor it knows. */
  interface QueryEmbedding {
    float[] embed(String query) throws EmbeddingException;

    /** The model queries are embedded with. */
    EmbeddingModelId model();

    /** See {@link Embedder#minimumSimilarity()}. */
    float minimumSimilarity();

    static QueryEmbedding of(Embedder embedder) {
      return new QueryEmbedding() {
        @Override
        public float[] embed(String query) throws EmbeddingException {
          return embedder.embedQuery(query);
        }

        @Override
        public EmbeddingModelId model() {
          return embedder.model();
        }

        @Override
        public float minimumSimilarity() {
          return embedder.minimumSimilarity();
        }
      };
    }
  }

  private final OpenSearchConnection connection;
  private final boolean ownsConnection;
  private final String alias;
  private final int countCap;
  private final ObjectMapper json;
  private final SearchBodies bodies;
  private final QueryEmbedding queryEmbedding;

  /** Whether the generation behind the alias holds the query model's vectors; null without one. */
  private final GenerationWatch generations;

  private final LineSnippets lines = new LineSnippets(LineSnippets.DEFAULT_MAX_CHARS);
  private final HighlightedText highlighted = new HighlightedText(lines);
  private final PassageSnippets passageSnippets =
      new PassageSnippets(LineSnippets.DEFAULT_MAX_CHARS);

  /**
   * @param countCap how many matches are counted exactly (total and facets) before the total
   *     becomes a lower bound and the facets a sample; at least 1
   * @param queryEmbedding embeds queries with the model of the index's vectors; null for keyword
   *     search only
   * @param generations the generation the alias points at and whether it holds the query model's
   *     vectors; null to learn it from the first searches
   */
  OpenSearchSearchService(
      OpenSearchConnection connection,
      boolean ownsConnection,
      String alias,
      int countCap,
      QueryEmbedding queryEmbedding,
      GenerationWatch generations) {
    if (countCap < 1) {
      throw new IllegalArgumentException("count cap must be at least 1, not " + countCap);
    }
    this.connection = connection;
    this.ownsConnection = ownsConnection;
    this.alias = alias;
    this.countCap = countCap;
    this.json = connection.json();
    this.bodies = new SearchBodies(json, countCap);
    this.queryEmbedding = queryEmbedding;
    this.generations =
        queryEmbedding == null
            ? null
            : generations != null
                ? generations
                : new GenerationWatch(
                    new OpenSearchIndexes(connection, alias), queryEmbedding.model());
  }

  /** A service whose embedding model the index was just checked to hold (the sink's). */
  OpenSearchSearchService(
      OpenSearchConnection connection,
      boolean ownsConnection,
      String alias,
      int countCap,
      QueryEmbedding queryEmbedding) {
    this(connection, ownsConnection, alias, countCap, queryEmbedding, null);
  }

  /** A keyword-only service. */
  OpenSearchSearchService(
      OpenSearchConnection connection, boolean ownsConnection, String alias, int countCap) {
    this(connection, ownsConnection, alias, countCap, null, null);
  }

  /**
   * Connects to the cluster and checks that zoomdex's alias exists (keyword search only).
   *
   * @throws IndexMissingException when the alias does not exist (nothing crawled yet)
   * @throws SearchException when the cluster cannot be reached or refuses
   */
  public static OpenSearchSearchService open(OpenSearchSettings settings) throws SearchException {
    return open(settings, null);
  }

  /**
   * Connects to the cluster and checks that zoomdex's alias exists and that its vectors are of the
   * embedder's model.
   *
   * @param embedder embeds queries for semantic and hybrid search; null for keyword search only
   *     (every mode then ranks by keywords). Not closed by this service
   * @throws IndexMissingException when the alias does not exist (nothing crawled yet)
   * @throws SearchException when the cluster cannot be reached or refuses
   * @throws ConfigException when the index holds vectors of another model (an index without vectors
   *     is searched by keywords, with a warning)
   */
  public static OpenSearchSearchService open(OpenSearchSettings settings, Embedder embedder)
      throws SearchException {
    OpenSearchConnection connection = OpenSearchConnection.open(settings);
    try {
      OpenSearchIndexes indexes = new OpenSearchIndexes(connection, settings.alias());
      Optional<String> index = indexes.currentIndex();
      if (index.isEmpty()) {
        throw new IndexMissingException(
            "No zoomdex index "
                + settings.alias()
                + " in OpenSearch at "
                + connection.description()
                + "; run a crawl with --index opensearch first.");
      }
      QueryEmbedding queries = null;
      GenerationWatch generations = null;
      if (embedder != null) {
        Optional<EmbeddingModelId> recorded = indexes.recordedModel(index.get());
        if (recorded.isEmpty()) {
          // An index from before vectors (or crawled with none): keyword search still works.
          log.warn(
              "The OpenSearch index {} has no passage vectors; searching by keywords only. Run"
                  + " zoomdex reembed --index opensearch to search by meaning.",
              index.get());
        } else {
          EmbeddingMeta.requireSame(index.get(), recorded, Optional.of(embedder.model()));
        }
        // A re-embed may later move the alias to a generation of this model (or of another).
        queries = QueryEmbedding.of(embedder);
        generations =
            new GenerationWatch(indexes, embedder.model())
                .knownAs(index.get(), recorded.isPresent());
      }
      return new OpenSearchSearchService(
          connection, true, settings.alias(), SearchResults.COUNT_CAP, queries, generations);
    } catch (IOException | OpenSearchFailure | SearchException | ConfigException e) {
      try {
        connection.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof SearchException searchException) {
        throw searchException;
      }
      if (e instanceof ConfigException config) {
        throw config;
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
    ArrayNode filters = bodies.filters(request, principal);
    if (request.matchesAll()) {
      return listing(request, principal, filters);
    }
    // Without vectors of the query model every mode ranks by keywords, so a client's mode never
    // breaks a search.
    SearchMode mode =
        queryEmbedding == null || !generations.currentUsable()
            ? SearchMode.KEYWORD
            : request.mode();
    if (mode == SearchMode.KEYWORD) {
      return keyword(request, principal, filters);
    }
    return byMeaning(request, principal, filters, mode);
  }

  /**
   * A semantic or hybrid search, kept only when every generation its hits came from holds vectors
   * of the query model; else (the alias was moved to a generation of another model, or of none,
   * since the last search) the same search ranked by keywords, so vectors of two models are never
   * compared, not even for the search that notices the move.
   */
  private SearchResults byMeaning(
      SearchRequest request, String principal, ArrayNode filters, SearchMode mode)
      throws SearchException {
    float[] vector = embed(request.query());
    Set<String> answered = new HashSet<>();
    SearchResults results;
    try {
      results =
          mode == SearchMode.SEMANTIC
              ? semantic(request, principal, filters, vector, answered)
              : hybrid(request, principal, filters, vector, answered);
    } catch (IndexMissingException e) {
      throw e;
    } catch (SearchException e) {
      // A generation without the vector field refuses the k-NN query.
      if (!watch(generations::moved)) {
        throw e;
      }
      return keyword(request, principal, filters);
    }
    return watch(() -> generations.usable(answered))
        ? results
        : keyword(request, principal, filters);
  }

  /** A question to the {@link GenerationWatch}, whose requests fail as searches do. */
  private boolean watch(GenerationQuestion question) throws SearchException {
    try {
      return question.ask();
    } catch (IOException e) {
      throw failure(connection, e);
    } catch (OpenSearchFailure e) {
      throw new SearchException(e.getMessage(), e);
    }
  }

  private interface GenerationQuestion {
    boolean ask() throws IOException;
  }

  /** The generations a response's hits came from (their {@code _index}). */
  private static void addIndices(JsonNode body, Set<String> into) {
    for (JsonNode hit : body.path("hits").path("hits")) {
      String index = hit.path("_index").asText("");
      if (!index.isEmpty()) {
        into.add(index);
      }
    }
  }

  /** A blank query: everything readable, newest first. */
  private SearchResults listing(SearchRequest request, String principal, ArrayNode filters)
      throws SearchException {
    ObjectNode search =
        bodies.search(
            bodies.filtered(bodies.matchAll(), filters),
            request.offset(),
            request.limit(),
            true,
            threshold(request));
    SearchBodies.newestFirst(search);
    JsonNode body = require(send(search));
    List<SearchHit> hits = new ArrayList<>();
    for (JsonNode hit : body.path("hits").path("hits")) {
      hits.add(toHit(hit, null, "", true, 0f));
    }
    return results(request, principal, hits, body);
  }

  private SearchResults keyword(SearchRequest request, String principal, ArrayNode filters)
      throws SearchException {
    String query = request.query();
    boolean question = QueryWords.isQuestion(query);
    ObjectNode text = keywordText(query, question);
    OpenSearchConnection.Answer answer = send(keywordSearch(request, filters, text));
    if (answer.status() == 400) {
      // The cluster still refused the text (e.g. a wildcard expanded too far): its words alone.
      answer = send(keywordSearch(request, filters, TextQuery.plainWords(json, query)));
    }
    JsonNode body = require(answer);
    if (!question && body.path("hits").path("hits").isEmpty() && QueryWords.loosenable(query)) {
      Optional<ObjectNode> loose = TextQuery.loose(json, query);
      if (loose.isPresent()) {
        body = require(send(keywordSearch(request, filters, loose.get())));
      }
    }
    if (generations != null) {
      // So a service answering by keywords notices the alias moving to its model again.
      Set<String> answered = new HashSet<>();
      addIndices(body, answered);
      watch(
          () -> {
            generations.saw(answered);
            return true;
          });
    }
    List<SearchHit> hits = new ArrayList<>();
    for (JsonNode hit : body.path("hits").path("hits")) {
      hits.add(toHit(hit, null, query, false, score(hit)));
    }
    return results(request, principal, hits, body);
  }

  private ObjectNode keywordText(String query, boolean question) {
    if (question) {
      Optional<ObjectNode> loose = TextQuery.loose(json, query);
      if (loose.isPresent()) {
        return loose.get();
      }
    }
    return TextQuery.of(json, query);
  }

  private ObjectNode keywordSearch(SearchRequest request, ArrayNode filters, ObjectNode text) {
    ObjectNode search =
        bodies.search(
            bodies.filtered(text, filters),
            request.offset(),
            request.limit(),
            true,
            threshold(request));
    SearchBodies.highlightText(search);
    return search;
  }

  private SearchResults semantic(
      SearchRequest request,
      String principal,
      ArrayNode filters,
      float[] vector,
      Set<String> answered)
      throws SearchException {
    ObjectNode nearest =
        bodies.nearestPassages(vector, candidates(request), floor(), filters, true);
    ObjectNode search =
        bodies.search(
            bodies.filtered(nearest, filters),
            request.offset(),
            request.limit(),
            true,
            threshold(request));
    JsonNode body = require(send(search));
    addIndices(body, answered);
    List<SearchHit> hits = new ArrayList<>();
    for (JsonNode hit : body.path("hits").path("hits")) {
      hits.add(toHit(null, hit, request.query(), false, score(hit)));
    }
    return results(request, principal, hits, body);
  }

  /**
   * One {@code _msearch}: the keyword ranking and the vector ranking, each of {@link
   * #candidates(SearchRequest)} documents, and a count (with facets) of their union; the page is
   * cut from the fused ranking.
   */
  private SearchResults hybrid(
      SearchRequest request,
      String principal,
      ArrayNode filters,
      float[] vector,
      Set<String> answered)
      throws SearchException {
    String query = request.query();
    boolean question = QueryWords.isQuestion(query);
    List<JsonNode> answers = msearch(request, filters, keywordText(query, question), vector);
    if (answers.get(0).path("status").asInt(200) == 400) {
      answers = msearch(request, filters, TextQuery.plainWords(json, query), vector);
    }
    if (!question
        && answers.get(0).path("hits").path("hits").isEmpty()
        && QueryWords.loosenable(query)) {
      Optional<ObjectNode> loose = TextQuery.loose(json, query);
      if (loose.isPresent()) {
        answers = msearch(request, filters, loose.get(), vector);
      }
    }
    JsonNode keywordRanking = requireResponse(answers.get(0));
    JsonNode vectorRanking = requireResponse(answers.get(1));
    addIndices(keywordRanking, answered);
    addIndices(vectorRanking, answered);
    Map<String, JsonNode> byKeyword = byId(keywordRanking);
    Map<String, JsonNode> byVector = byId(vectorRanking);
    JsonNode union = requireResponse(answers.get(2));
    List<RankFusion.Fused<String>> fused =
        RankFusion.STANDARD.fuse(
            new ArrayList<>(byKeyword.keySet()), new ArrayList<>(byVector.keySet()));
    int from = Math.min(request.offset(), fused.size());
    int to = Math.min(request.offset() + request.limit(), fused.size());
    List<SearchHit> hits = new ArrayList<>();
    for (RankFusion.Fused<String> item : fused.subList(from, to)) {
      hits.add(
          toHit(
              byKeyword.get(item.item()),
              byVector.get(item.item()),
              query,
              false,
              (float) item.score()));
    }
    return results(request, principal, hits, union);
  }

  private List<JsonNode> msearch(
      SearchRequest request, ArrayNode filters, ObjectNode text, float[] vector)
      throws SearchException {
    int candidates = candidates(request);
    ObjectNode keyword = bodies.search(bodies.filtered(text, filters), 0, candidates, false, 0);
    SearchBodies.highlightText(keyword);
    ObjectNode nearest = bodies.nearestPassages(vector, candidates, floor(), filters, true);
    ObjectNode semantic = bodies.search(bodies.filtered(nearest, filters), 0, candidates, false, 0);
    ObjectNode union =
        bodies.search(
            bodies.either(
                text, bodies.nearestPassages(vector, candidates, floor(), filters, false), filters),
            0,
            0,
            true,
            threshold(request));
    StringBuilder lines = new StringBuilder();
    try {
      for (ObjectNode search : List.of(keyword, semantic, union)) {
        lines.append("{}\n").append(json.writeValueAsString(search)).append('\n');
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Search bodies always serialize", e);
    }
    OpenSearchConnection.Answer answer;
    try {
      answer =
          connection.send(
              "POST",
              "/" + alias + "/_msearch",
              Map.of(),
              lines.toString().getBytes(StandardCharsets.UTF_8),
              "application/x-ndjson");
    } catch (IOException e) {
      throw failure(connection, e);
    }
    JsonNode responses = require(answer).path("responses");
    if (responses.size() != 3) {
      throw new SearchException(
          "OpenSearch answered a hybrid search with "
              + responses.size()
              + " results instead of 3; check the cluster's health.",
          null);
    }
    List<JsonNode> list = new ArrayList<>();
    responses.forEach(list::add);
    return list;
  }

  /** Hits by document id, in rank order. */
  private static Map<String, JsonNode> byId(JsonNode body) {
    Map<String, JsonNode> hits = new LinkedHashMap<>();
    for (JsonNode hit : body.path("hits").path("hits")) {
      hits.putIfAbsent(hit.path("_source").path(OpenSearchSchema.ID).asText(), hit);
    }
    return hits;
  }

  /** How deep the rankings go for this page: the windows it reaches into ({@link #WINDOW}). */
  static int candidates(SearchRequest request) {
    int wanted = request.offset() + request.limit();
    return ((wanted + WINDOW - 1) / WINDOW) * WINDOW;
  }

  private float floor() {
    return queryEmbedding.minimumSimilarity();
  }

  private float[] embed(String query) throws SearchException {
    try {
      return queryEmbedding.embed(query);
    } catch (EmbeddingException e) {
      throw new SearchException(
          "Semantic search is unavailable (" + e.getMessage() + "); search with mode keyword.", e);
    }
  }

  private SearchResults results(
      SearchRequest request, String principal, List<SearchHit> hits, JsonNode body) {
    JsonNode counted = body.path("hits").path("total");
    long total = counted.path("value").asLong(hits.size());
    boolean totalExact = !"gte".equals(counted.path("relation").asText("eq"));
    if (!totalExact) {
      total = threshold(request); // what was counted, as Lucene reports it
    }
    total = Math.max(total, (long) request.offset() + hits.size());
    JsonNode sample = body.path("aggregations").path(SearchBodies.SAMPLE);
    Facets facets = facets(sample);
    boolean facetsExact = totalExact && sample.path("doc_count").asLong(-1) == total;
    return new SearchResults(
        principal, hits, total, totalExact, facetsExact || total == 0 ? facets : facets.sampled());
  }

  /** Lucene's bound: the cap, or more when the page reaches deeper. */
  private int threshold(SearchRequest request) {
    return Math.max(countCap, request.offset() + request.limit());
  }

  private OpenSearchConnection.Answer send(ObjectNode search) throws SearchException {
    try {
      return connection.send("POST", "/" + alias + "/_search", search);
    } catch (IOException e) {
      throw failure(connection, e);
    }
  }

  private JsonNode require(OpenSearchConnection.Answer answer) throws SearchException {
    if (!answer.ok()) {
      throw refused(answer);
    }
    return answer.body();
  }

  /** One response of an {@code _msearch}, which carries its own status and error. */
  private JsonNode requireResponse(JsonNode response) throws SearchException {
    int status = response.path("status").asInt(200);
    if (status < 200 || status >= 300 || response.has("error")) {
      throw refused(new OpenSearchConnection.Answer(status, response));
    }
    return response;
  }

  private static float score(JsonNode hit) {
    double score = hit.path("_score").asDouble(0);
    return Double.isNaN(score) ? 0f : (float) score;
  }

  /**
   * A hit from its keyword hit (highlights) and its vector hit (best passage), either may be null,
   * with the Lucene backend's snippets: the best passage first (its line nearest the query, at its
   * time in the recording) and then, in hybrid mode, one matched line not already shown; the
   * matched lines without a passage; else the first line.
   */
  private SearchHit toHit(
      JsonNode keywordHit, JsonNode vectorHit, String query, boolean listing, float score) {
    JsonNode hit = keywordHit != null ? keywordHit : vectorHit;
    JsonNode source = hit.path("_source");
    String title = source.path(OpenSearchSchema.TITLE).asText("");
    JsonNode marks = keywordHit == null ? json.missingNode() : keywordHit.path("highlight");
    JsonNode titleMarks = marks.path(OpenSearchSchema.TITLE).path(0);
    JsonNode bodyMarks = marks.path(OpenSearchSchema.BODY).path(0);
    List<Snippet> matched =
        bodyMarks.isTextual() ? highlighted.snippets(bodyMarks.asText(), BODY_SNIPPETS) : List.of();
    List<Snippet> snippets = new ArrayList<>();
    PassageFields.BestPassage passage = vectorHit == null ? null : PassageFields.best(vectorHit);
    if (passage != null) {
      Snippet best = passageSnippets.snippet(passage.text(), passage.at(), query);
      snippets.add(best);
      matched.stream()
          .filter(line -> !line.text().equals(best.text()))
          .findFirst()
          .ifPresent(snippets::add);
    } else {
      snippets.addAll(matched);
    }
    if (snippets.isEmpty()) {
      String firstLine = source.path(OpenSearchSchema.FIRST_LINE).asText("");
      if (!firstLine.isBlank()) {
        snippets.add(lines.firstLine(firstLine));
      }
    }
    return new SearchHit(
        DocumentId.parse(source.path(OpenSearchSchema.ID).asText()),
        title,
        titleMarks.isTextual() ? highlighted.whole(titleMarks.asText()) : Snippet.plain(title),
        snippets,
        source.path(OpenSearchSchema.URL).asText(""),
        OpenSearchSchema.startTime(source),
        source.path(OpenSearchSchema.HOST).asText(""),
        source.path(OpenSearchSchema.DURATION).asInt(0),
        listing ? 0f : score,
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
  public List<SearchHit> listReadable(SearchRequest request, DocumentId after, int max)
      throws SearchException {
    String principal = request.principal();
    if (principal.isEmpty()) {
      return List.of();
    }
    ObjectNode search =
        bodies.search(
            bodies.filtered(bodies.matchAll(), bodies.filters(request, principal)),
            0,
            max,
            false,
            0);
    search.putArray("sort").addObject().put(OpenSearchSchema.ID, "asc");
    if (after != null) {
      search.putArray("search_after").add(after.toString());
    }
    JsonNode body = require(send(search));
    List<SearchHit> hits = new ArrayList<>();
    for (JsonNode hit : body.path("hits").path("hits")) {
      hits.add(toHit(hit, null, "", true, 0f));
    }
    return hits;
  }

  @Override
  public Optional<DocumentView> get(String searcher, DocumentId id) throws SearchException {
    String principal = Readers.normalize(searcher);
    if (principal.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode search = json.createObjectNode();
    ArrayNode filter = search.putObject("query").putObject("bool").putArray("filter");
    filter.add(bodies.term(OpenSearchSchema.ID, id.toString()));
    filter.add(bodies.term(OpenSearchSchema.READERS, principal));
    search.put("size", 1);
    search
        .putObject("_source")
        .putArray("excludes")
        .add(OpenSearchSchema.READERS)
        .add(OpenSearchSchema.READER_RULES)
        .add(OpenSearchSchema.FIRST_LINE)
        .add(OpenSearchSchema.PASSAGES);
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
  public Optional<Document> inspect(DocumentId id) throws SearchException {
    ObjectNode search = json.createObjectNode();
    search
        .putObject("query")
        .putObject("bool")
        .putArray("filter")
        .add(bodies.term(OpenSearchSchema.ID, id.toString()));
    search.put("size", 1);
    search
        .putObject("_source")
        .putArray("excludes")
        .add(OpenSearchSchema.FIRST_LINE)
        .add(OpenSearchSchema.PASSAGES);
    try {
      OpenSearchConnection.Answer answer =
          connection.send("POST", "/" + alias + "/_search", search);
      if (!answer.ok()) {
        throw refused(answer);
      }
      JsonNode hits = answer.body().path("hits").path("hits");
      return hits.isEmpty()
          ? Optional.empty()
          : Optional.of(OpenSearchSchema.toDocument(hits.get(0).path("_source")));
    } catch (IOException e) {
      throw failure(connection, e);
    }
  }

  @Override
  public Set<String> readerNames() throws SearchException {
    Set<String> names = new HashSet<>();
    JsonNode after = null;
    try {
      while (true) {
        ObjectNode search = json.createObjectNode();
        search.put("size", 0);
        ObjectNode composite = search.putObject("aggs").putObject("readers").putObject("composite");
        composite.put("size", READER_NAMES_PAGE);
        composite
            .putArray("sources")
            .addObject()
            .putObject("reader")
            .putObject("terms")
            .put("field", OpenSearchSchema.READERS);
        if (after != null) {
          composite.set("after", after);
        }
        OpenSearchConnection.Answer answer =
            connection.send("POST", "/" + alias + "/_search", search);
        if (!answer.ok()) {
          throw refused(answer);
        }
        JsonNode readers = answer.body().path("aggregations").path("readers");
        readers.path("buckets").forEach(b -> names.add(b.path("key").path("reader").asText()));
        after = readers.path("after_key");
        if (after.isMissingNode() || readers.path("buckets").isEmpty()) {
          return Set.copyOf(names);
        }
      }
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
