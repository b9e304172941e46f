package io.zoomdex.embed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A cheap, deterministic embedder without a model: feature hashing ("the hashing trick", Weinberger
 * et al. 2009) of a text's lower-cased words and word pairs into {@code dimension} signed buckets,
 * L2-normalised. Texts sharing words (or word pairs) score closer; it knows nothing of synonyms, so
 * it finds by shared vocabulary only.
 *
 * <p>Useful as an offline fallback where no model can run, and in tests that exercise the vector
 * machinery (passages, filters, fusion, re-embedding) rather than semantic quality. Its name
 * carries its dimension and version, so an index built with it is never mixed with a real model.
 */
public final class HashingEmbedder implements Embedder {

  /** The default name, for configuration. */
  public static final String NAME = "hashing";

  private static final float PAIR_WEIGHT = 0.5f;

  private final EmbeddingModelId model;

  /**
   * @param dimension how many buckets (vector components); at least 16
   */
  public HashingEmbedder(int dimension) {
    if (dimension < 16) {
      throw new IllegalArgumentException("A hashing embedder needs at least 16 dimensions.");
    }
    this.model = new EmbeddingModelId(NAME + "-v1", dimension);
  }

  @Override
  public EmbeddingModelId model() {
    return model;
  }

  /**
   * Texts sharing no word score about 0 (collisions add noise of about {@code 1/sqrt(dimension)});
   * a shared rare word scores above this even in a passage of 200 words.
   */
  @Override
  public float minimumSimilarity() {
    return 0.05f;
  }

  @Override
  public List<float[]> embedPassages(List<String> texts) {
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (String text : texts) {
      vectors.add(embed(text));
    }
    return vectors;
  }

  @Override
  public float[] embedQuery(String query) {
    return embed(query);
  }

  private float[] embed(String text) {
    // Sublinear term frequency (1 + ln tf), so a word repeated in every cue of a transcript does
    // not drown the words said once.
    Map<String, Integer> counts = new HashMap<>();
    String previous = null;
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (word.isEmpty()) {
        continue;
      }
      String stem = stem(word);
      counts.merge(stem, 1, Integer::sum);
      if (previous != null) {
        counts.merge(previous + " " + stem, 1, Integer::sum);
      }
      previous = stem;
    }
    float[] vector = new float[model.dimension()];
    for (Map.Entry<String, Integer> feature : counts.entrySet()) {
      float weight = feature.getKey().indexOf(' ') >= 0 ? PAIR_WEIGHT : 1f;
      add(vector, feature.getKey(), weight * (1f + (float) Math.log(feature.getValue())));
    }
    return Vectors.normalize(vector);
  }

  /** Plural and simple verb endings folded, so "meetings" and "meeting" share a bucket. */
  private static String stem(String word) {
    if (word.length() > 4 && word.endsWith("ies")) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (word.length() > 5 && word.endsWith("ing")) {
      return word.substring(0, word.length() - 3);
    }
    if (word.length() > 4 && word.endsWith("ed")) {
      return word.substring(0, word.length() - 2);
    }
    if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  private void add(float[] vector, String feature, float weight) {
    int hash = fnv1a(feature);
    int bucket = Math.floorMod(hash, vector.length);
    // An independent bit for the sign keeps collisions from adding up in expectation.
    vector[bucket] += ((hash >>> 31) == 0 ? weight : -weight);
  }

  /** 32-bit FNV-1a over UTF-8 with a final avalanche: stable across JVMs, unlike hashCode(). */
  private static int fnv1a(String feature) {
    int hash = 0x811c9dc5;
    for (byte b : feature.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x01000193;
    }
    hash ^= hash >>> 16;
    hash *= 0x85ebca6b;
    hash ^= hash >>> 13;
    return hash;
  }
}
