package io.zoomdex.sink.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zoomdex.embed.Embedder;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchResults;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a hybrid search's time goes on OpenSearch (a benchmark probe, not a test): the service's
 * three-part {@code _msearch} (keyword ranking with highlights, vector ranking, count and facets of
 * their union) sent as the service builds it, each part's own time as OpenSearch reports it, and
 * the same without the keyword ranking's highlights and without the union's second k-NN search.
 */
public final class HybridSearchTimings {
  private HybridSearchTimings() {}

  /** A markdown table of the parts' times (ms) for {@code reader} over {@code queries}. */
  public static String measure(
      OpenSearchSettings settings, Embedder embedder, List<String> queries, String reader)
      throws Exception {
    try (OpenSearchConnection connection = OpenSearchConnection.open(settings)) {
      ObjectMapper json = connection.json();
      SearchBodies bodies = new SearchBodies(json, SearchResults.COUNT_CAP);
      int candidates = OpenSearchSearchService.WINDOW;
      String[] variants = {
        "as the service sends it",
        "keyword ranking without highlights",
        "union counted by BM25 only"
      };
      List<List<double[]>> took = new ArrayList<>();
      for (int v = 0; v < variants.length; v++) {
        took.add(new ArrayList<>());
      }
      for (int round = 0; round < 2; round++) { // the first round warms up
        for (String query : queries) {
          float[] vector = embedder.embedQuery(query);
          ArrayNode filters = bodies.filters(SearchRequest.of(reader, query), reader);
          ObjectNode text = TextQuery.plainWords(json, query);
          float floor = embedder.minimumSimilarity();
          for (int v = 0; v < variants.length; v++) {
            ObjectNode keyword =
                bodies.search(bodies.filtered(text, filters), 0, candidates, false, 0);
            if (v != 1) {
              SearchBodies.highlightText(keyword);
            }
            ObjectNode semantic =
                bodies.search(
                    bodies.filtered(
                        bodies.nearestPassages(vector, candidates, floor, filters, true), filters),
                    0,
                    candidates,
                    false,
                    0);
            ObjectNode counted =
                v == 2
                    ? bodies.filtered(text, filters)
                    : bodies.either(
                        text,
                        bodies.nearestPassages(vector, candidates, floor, filters, false),
                        filters);
            ObjectNode union = bodies.search(counted, 0, 0, true, SearchResults.COUNT_CAP);
            StringBuilder lines = new StringBuilder();
            for (ObjectNode search : List.of(keyword, semantic, union)) {
              lines.append("{}\n").append(json.writeValueAsString(search)).append('\n');
            }
            long started = System.nanoTime();
            OpenSearchConnection.Answer answer =
                connection.send(
                    "POST",
                    "/" + settings.alias() + "/_msearch",
                    Map.of(),
                    lines.toString().getBytes(StandardCharsets.UTF_8),
                    "application/x-ndjson");
            double wall = (System.nanoTime() - started) / 1e6;
            JsonNode responses = answer.body().path("responses");
            if (round == 1) {
              took.get(v)
                  .add(
                      new double[] {
                        wall,
                        responses.path(0).path("took").asDouble(),
                        responses.path(1).path("took").asDouble(),
                        responses.path(2).path("took").asDouble()
                      });
            }
          }
        }
      }
      StringBuilder md =
          new StringBuilder(
              "| hybrid `_msearch` | whole, wall p50 / p99 | keyword ranking (100 hits) p50 /"
                  + " p99 | vector ranking (k=100) p50 / p99 | count and facets of the union p50 /"
                  + " p99 |\n|---|---:|---:|---:|---:|\n");
      for (int v = 0; v < variants.length; v++) {
        md.append("| ").append(variants[v]);
        for (int part = 0; part < 4; part++) {
          int p = part;
          double[] ms = took.get(v).stream().mapToDouble(t -> t[p]).sorted().toArray();
          md.append(
              String.format(
                  Locale.ROOT,
                  " | %.1f / %.1f",
                  ms[ms.length / 2],
                  ms[(int) Math.ceil(ms.length * 0.99) - 1]));
        }
        md.append(" |\n");
      }
      return md.append(
              String.format(
                  Locale.ROOT,
                  "\n%s, %d queries each (the query vector already embedded; the parts' times"
                      + " as OpenSearch reports them, `took`).\n",
                  reader,
                  queries.size()))
          .toString();
    }
  }
}
