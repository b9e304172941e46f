package io.zoomdex.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The passage vectors one reader may read, kept in memory as they were indexed, for an exact
 * (brute-force) ranking that does not depend on the index under test: each document scored by its
 * best passage's dot product with the query (cosine similarity, the vectors being unit length).
 */
final class ReadableVectors {
  private final List<String> documents = new ArrayList<>();
  private final List<float[]> vectors = new ArrayList<>();

  /** Adds a readable document's passage vectors. */
  void add(String documentId, List<float[]> passages) {
    for (float[] vector : passages) {
      documents.add(documentId);
      vectors.add(vector);
    }
  }

  /** How many passages the reader may read. */
  int passages() {
    return vectors.size();
  }

  /**
   * The {@code depth} documents whose best passage is nearest to {@code query}, best first, with
   * that passage's similarity; passages below {@code minimum} are not found (as the service does).
   */
  Map<String, Float> ranking(float[] query, float minimum, int depth) {
    Map<String, Float> best = new HashMap<>();
    for (int p = 0; p < vectors.size(); p++) {
      float[] vector = vectors.get(p);
      float dot = 0;
      for (int d = 0; d < vector.length; d++) {
        dot += query[d] * vector[d];
      }
      if (dot >= minimum) {
        best.merge(documents.get(p), dot, Math::max);
      }
    }
    Map<String, Float> ranked = new LinkedHashMap<>();
    best.entrySet().stream()
        .sorted(Map.Entry.<String, Float>comparingByValue().reversed())
        .limit(depth)
        .forEach(e -> ranked.put(e.getKey(), e.getValue()));
    return ranked;
  }
}
