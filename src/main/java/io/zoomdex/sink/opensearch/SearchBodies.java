package io.zoomdex.sink.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zoomdex.document.DocumentType;
import io.zoomdex.search.Facets;
import io.zoomdex.search.SearchRequest;

/**
 * Builds the bodies of zoomdex's OpenSearch searches. Every one carries the same filters, the
 * searcher's principal as a {@code term} on {@code readers} first, inside the query: beside the
 * text query as a non-scoring {@code filter}, and inside the k-NN query as its {@code filter} (the
 * plugin's efficient filtering, so the nearest neighbours are searched among readable documents
 * only, and a narrow reader still gets their k best). Nothing is ever filtered after the search
 * ({@code post_filter}).
 */
final class SearchBodies {

  static final String SAMPLE = "sample";
  private static final int MONTH_BUCKETS = 1_200;

  private final ObjectMapper json;
  private final int countCap;

  SearchBodies(ObjectMapper json, int countCap) {
    this.json = json;
    this.countCap = countCap;
  }

  /** The request's filters: readers (always), then type, host and start-time range. */
  ArrayNode filters(SearchRequest request, String principal) {
    ArrayNode filter = json.createArrayNode();
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
    return filter;
  }

  /** {@code scoring} as the only scoring clause, the filters beside it. */
  ObjectNode filtered(ObjectNode scoring, ArrayNode filters) {
    ObjectNode query = json.createObjectNode();
    ObjectNode bool = query.putObject("bool");
    bool.putArray("must").add(scoring);
    bool.set("filter", filters.deepCopy());
    return query;
  }

  /**
   * The documents whose passages are nearest to {@code vector}: a nested k-NN query over the
   * passage vectors with {@code filters} inside it, each document scored by its best passage.
   *
   * @param k how many documents to find
   * @param minimumSimilarity the cosine similarity below which a passage does not count as found
   *     ({@link io.zoomdex.embed.Embedder#minimumSimilarity()})
   * @param bestPassage whether each hit carries its best passage ({@code inner_hits})
   */
  ObjectNode nearestPassages(
      float[] vector, int k, float minimumSimilarity, ArrayNode filters, boolean bestPassage) {
    ObjectNode knn = json.createObjectNode();
    ObjectNode field = knn.putObject("knn").putObject(PassageFields.VECTOR_PATH);
    ArrayNode components = field.putArray("vector");
    for (float component : vector) {
      components.add(component);
    }
    field.put("k", k);
    field.putObject("filter").putObject("bool").set("filter", filters.deepCopy());
    ObjectNode query = json.createObjectNode();
    ObjectNode nested = query.putObject("nested");
    nested.put("path", OpenSearchSchema.PASSAGES);
    nested.put("score_mode", "max");
    nested.set("query", knn);
    if (bestPassage) {
      ObjectNode inner = nested.putObject("inner_hits");
      inner.put("size", 1);
      inner
          .putObject("_source")
          .putArray("includes")
          .add(OpenSearchSchema.PASSAGES + "." + PassageFields.TEXT)
          .add(OpenSearchSchema.PASSAGES + "." + PassageFields.AT_SECONDS);
    }
    // Too far to count as found by meaning: below the model's similarity floor. The floor is on
    // the document's best passage only; the reader filter is already inside the k-NN query.
    ObjectNode floored = json.createObjectNode();
    ObjectNode functionScore = floored.putObject("function_score");
    functionScore.set("query", query);
    functionScore.put("min_score", knnScore(minimumSimilarity));
    return floored;
  }

  /**
   * The score the k-NN plugin gives a cosine similarity under {@code innerproduct} on unit vectors:
   * {@code 1 + s} when {@code s >= 0}, else {@code 1 / (1 - s)}.
   */
  static float knnScore(float similarity) {
    return similarity >= 0 ? 1 + similarity : 1 / (1 - similarity);
  }

  /** Matches what either query matches (for counting and facets over a hybrid search). */
  ObjectNode either(ObjectNode first, ObjectNode second, ArrayNode filters) {
    ObjectNode query = json.createObjectNode();
    ObjectNode bool = query.putObject("bool");
    bool.putArray("should").add(first).add(second);
    bool.put("minimum_should_match", 1);
    bool.set("filter", filters.deepCopy());
    return query;
  }

  /**
   * A search body: {@code query}, one page, the hit fields (never readers nor body).
   *
   * @param counted whether to count the total up to {@code countThreshold} and add the facets
   */
  ObjectNode search(ObjectNode query, int from, int size, boolean counted, int countThreshold) {
    ObjectNode search = json.createObjectNode();
    search.set("query", query);
    search.put("from", from);
    search.put("size", size);
    if (counted) {
      search.put("track_total_hits", countThreshold);
    } else {
      search.put("track_total_hits", false);
    }
    if (size > 0) {
      ObjectNode source = search.putObject("_source");
      OpenSearchSchema.HIT_FIELDS.forEach(source.putArray("includes")::add);
      source
          .putArray("excludes")
          .add(OpenSearchSchema.READERS)
          .add(OpenSearchSchema.BODY)
          .add(OpenSearchSchema.PASSAGES);
    } else {
      search.put("_source", false);
    }
    if (counted) {
      addFacets(search);
    }
    return search;
  }

  /** Sorts a blank query's listing newest first, then by id. */
  static void newestFirst(ObjectNode search) {
    ArrayNode sort = search.putArray("sort");
    sort.addObject()
        .putObject(OpenSearchSchema.START_TIME)
        .put("order", "desc")
        .put("missing", "_last");
    sort.addObject().putObject(OpenSearchSchema.ID).put("order", "asc");
  }

  /** Highlights title and body whole, with {@link HighlightedText}'s markers. */
  static void highlightText(ObjectNode search) {
    ObjectNode highlight = search.putObject("highlight");
    highlight.put("type", "unified");
    highlight.putArray("pre_tags").add(HighlightedText.OPEN);
    highlight.putArray("post_tags").add(HighlightedText.CLOSE);
    highlight.put("number_of_fragments", 0);
    ObjectNode fields = highlight.putObject("fields");
    fields.putObject(OpenSearchSchema.TITLE);
    fields.putObject(OpenSearchSchema.BODY);
  }

  /**
   * The facets as {@code terms} aggregations inside a {@code sampler} over at most the count cap's
   * best matches per shard of the same filtered query.
   */
  private void addFacets(ObjectNode search) {
    ObjectNode sampler = search.putObject("aggregations").putObject(SAMPLE);
    sampler.putObject("sampler").put("shard_size", countCap);
    ObjectNode aggregations = sampler.putObject("aggregations");
    terms(aggregations, OpenSearchSchema.TYPE, DocumentType.values().length, 0, false);
    terms(aggregations, OpenSearchSchema.HOST, Facets.MAX_HOSTS, Facets.MAX_HOSTS * 10, false);
    terms(aggregations, OpenSearchSchema.MONTH, MONTH_BUCKETS, 0, true);
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

  ObjectNode term(String field, String value) {
    ObjectNode term = json.createObjectNode();
    term.putObject("term").put(field, value);
    return term;
  }

  ObjectNode matchAll() {
    ObjectNode all = json.createObjectNode();
    all.putObject("match_all");
    return all;
  }
}
