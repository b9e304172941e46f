package io.zoomdex.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zoomdex.embed.Embedder;
import io.zoomdex.search.SearchHit;
import io.zoomdex.search.SearchMode;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchService;
import io.zoomdex.sink.opensearch.OpenSearchConnection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Filtered-vector recall@10 of one reader on the OpenSearch backend, by {@link ExactRecall}'s
 * definition: every passage the reader may read is scored against the query vector exactly, by
 * brute force over the vectors as they were indexed ({@link ReadableVectors}), each document by its
 * best passage, and the documents semantic search returns through {@code SearchService} are
 * compared with that ranking. The nested k-NN query alone (the shape the service sends: the reader
 * filter inside it) is compared too, at each of several k, with the time OpenSearch reports for it.
 */
final class OpenSearchExactRecall {
  private static final String PASSAGES = "passages"; // OpenSearchSchema.PASSAGES
  private static final String VECTOR = "passages.vector"; // PassageFields.VECTOR_PATH
  private static final int EXACT_DEPTH = 300;

  private final String reader;
  private final int readable;
  private final List<Double> documentRecall = new ArrayList<>();

  /** What the exact ranking and the service said for each query recalled below one half. */
  private final List<String> misses = new ArrayList<>();

  private final Map<Integer, List<Double>> knnRecall = new LinkedHashMap<>();
  private final Map<Integer, List<Double>> knnMillis = new LinkedHashMap<>();
  private double exactSeconds;
  private int nothingNear;
  private int queries;

  private OpenSearchExactRecall(String reader, int readable) {
    this.reader = reader;
    this.readable = readable;
  }

  static OpenSearchExactRecall measure(
      OpenSearchConnection connection,
      String alias,
      SearchService search,
      Embedder embedder,
      List<String> queries,
      String reader,
      ReadableVectors truth,
      List<Integer> ks)
      throws Exception {
    OpenSearchExactRecall result = new OpenSearchExactRecall(reader, truth.passages());
    result.queries = queries.size();
    ks.forEach(
        k -> {
          result.knnRecall.put(k, new ArrayList<>());
          result.knnMillis.put(k, new ArrayList<>());
        });
    ObjectMapper json = connection.json();
    for (String query : queries) {
      float[] vector = embedder.embedQuery(query);
      long started = System.nanoTime();
      Map<String, Float> bestOfDocument =
          truth.ranking(vector, embedder.minimumSimilarity(), EXACT_DEPTH);
      result.exactSeconds += (System.nanoTime() - started) / 1e9;
      if (bestOfDocument.isEmpty()) {
        result.nothingNear++;
        continue;
      }
      List<SearchHit> hits =
          search.search(SearchRequest.of(reader, query).withMode(SearchMode.SEMANTIC)).hits();
      List<String> returned = hits.stream().map(h -> h.id().toString()).toList();
      double recall = ExactRecall.documentRecall(bestOfDocument, returned);
      result.documentRecall.add(recall);
      if (recall < 0.5) {
        result.misses.add(miss(query, recall, bestOfDocument, returned, truth, vector));
      }
      for (int k : ks) {
        JsonNode knn = search(connection, alias, knnBody(json, vector, reader, k));
        List<String> ids = new ArrayList<>();
        knn.path("hits").path("hits").forEach(h -> ids.add(h.path("_source").path("id").asText()));
        result.knnRecall.get(k).add(ExactRecall.documentRecall(bestOfDocument, ids));
        result.knnMillis.get(k).add(knn.path("took").asDouble());
      }
    }
    return result;
  }

  /**
   * One query's exact best scores against the returned documents' (their best passage's similarity
   * by brute force; "-" when none of their passages is readable or above the floor).
   */
  private static String miss(
      String query,
      double recall,
      Map<String, Float> exact,
      List<String> returned,
      ReadableVectors truth,
      float[] vector) {
    Map<String, Float> all = truth.ranking(vector, -1, Integer.MAX_VALUE);
    List<String> exactScores = new ArrayList<>();
    exact.values().stream()
        .limit(10)
        .forEach(v -> exactScores.add(String.format(Locale.ROOT, "%.3f", v)));
    List<String> returnedScores = new ArrayList<>();
    returned.stream()
        .limit(10)
        .forEach(
            id ->
                returnedScores.add(
                    all.containsKey(id) ? String.format(Locale.ROOT, "%.3f", all.get(id)) : "-"));
    return String.format(
        Locale.ROOT,
        "\"%s\": recall %.2f, %d documents above the floor; exact top 10 %s; returned %s",
        query,
        recall,
        exact.size(),
        exactScores,
        returnedScores);
  }

  private static JsonNode search(OpenSearchConnection connection, String alias, ObjectNode body)
      throws Exception {
    OpenSearchConnection.Answer answer = connection.send("POST", "/" + alias + "/_search", body);
    if (!answer.ok()) {
      throw new IllegalStateException("search failed: " + answer.error());
    }
    return answer.body();
  }

  /** The nested k-NN query as the service sends it (the reader filter inside it), top 10. */
  private static ObjectNode knnBody(ObjectMapper json, float[] vector, String reader, int k) {
    ObjectNode knn = json.createObjectNode();
    ObjectNode field = knn.putObject("knn").putObject(VECTOR);
    components(field.putArray("vector"), vector);
    field.put("k", k);
    field.putObject("filter").putObject("bool").putArray("filter").add(readerTerm(json, reader));
    ObjectNode body = json.createObjectNode();
    body.putObject("query")
        .putObject("nested")
        .put("path", PASSAGES)
        .put("score_mode", "max")
        .set("query", knn);
    return page(body, 10);
  }

  private static ObjectNode page(ObjectNode body, int size) {
    body.put("size", size);
    body.putObject("_source").putArray("includes").add("id");
    return body;
  }

  private static ObjectNode readerTerm(ObjectMapper json, String reader) {
    ObjectNode term = json.createObjectNode();
    term.putObject("term").put("readers", reader);
    return term;
  }

  private static void components(ArrayNode into, float[] vector) {
    for (float component : vector) {
      into.add(component);
    }
  }

  double semanticRecall() {
    return ExactRecall.mean(documentRecall);
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "Filtered-vector recall@10 of \"%s\" against an exact search (brute force over the"
                + " %,d passages that reader may read, the vectors as indexed, float32 dot products,"
                + " %.1f s for all %d queries): documents returned by semantic search **%.3f**"
                + " (mean over the %d queries with a passage above the model's minimum similarity,"
                + " %d without; min %.2f; a returned document counts when its exact best-passage"
                + " score reaches the exact 10th document's). Goal ≥ 0.95: **%s**.",
            VectorBench.MANY.equals(reader) ? "many (reads 20%)" : "few (reads 20)",
            readable,
            exactSeconds,
            queries,
            semanticRecall(),
            documentRecall.size(),
            nothingNear,
            ExactRecall.min(documentRecall),
            semanticRecall() >= 0.95 ? "met" : "missed"));
    md.append(" The nested k-NN query alone (top 10 documents, no similarity floor):");
    List<String> parts = new ArrayList<>();
    knnRecall.forEach(
        (k, recall) -> {
          double[] took = knnMillis.get(k).stream().mapToDouble(Double::doubleValue).toArray();
          Arrays.sort(took);
          parts.add(
              String.format(
                  Locale.ROOT,
                  " k=%d **%.3f** (min %.2f; OpenSearch's own time p50 %.0f ms, p99 %.0f ms)",
                  k,
                  ExactRecall.mean(recall),
                  ExactRecall.min(recall),
                  took.length == 0 ? 0 : took[took.length / 2],
                  took.length == 0 ? 0 : took[(int) Math.ceil(took.length * 0.99) - 1]));
        });
    md.append(String.join(";", parts)).append(".\n");
    if (!misses.isEmpty()) {
      md.append("\nQueries recalled below 0.5 (similarities of the best passage):\n\n");
      misses.forEach(m -> md.append("- ").append(m).append('\n'));
    }
    return md.toString();
  }
}
