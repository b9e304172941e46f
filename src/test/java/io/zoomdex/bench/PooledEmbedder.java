package io.zoomdex.bench;

import io.zoomdex.embed.Embedder;
import io.zoomdex.embed.EmbeddingException;
import io.zoomdex.embed.EmbeddingModelId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real model behind a cache: a passage whose exact text the model already embedded (the pool)
 * gets that vector back (blended for a later round's copy, see {@link #blend}), anything else is
 * embedded by the model for real (and counted). Queries are embedded by the model, or, once {@link
 * #cacheQueries(boolean)} is on, looked up after their first embedding, so a search can be timed
 * with and without the model's own time.
 */
final class PooledEmbedder implements Embedder {
  private final Embedder model;

  /** Marks a copy of a crawled document made in a later round: " [c3]" after its title. */
  static final Pattern ROUND = Pattern.compile(" ?\\[c(\\d+)]");

  private static final float BLEND = 0.25f;

  private final Map<String, float[]> pool;

  /** The pool's vectors in a fixed order (by text), to pick blending partners from. */
  private final List<float[]> others;

  private final Map<String, float[]> queries = new ConcurrentHashMap<>();
  private final AtomicLong misses = new AtomicLong();
  private volatile boolean cacheQueries;
  private long blended;
  private double cosineSum;

  PooledEmbedder(Embedder model, Map<String, float[]> pool) {
    this.model = model;
    this.pool = pool;
    this.others = new TreeMap<>(pool).values().stream().toList();
  }

  @Override
  public EmbeddingModelId model() {
    return model.model();
  }

  @Override
  public List<float[]> embedPassages(List<String> texts) throws EmbeddingException {
    List<float[]> out = new ArrayList<>(texts.size());
    for (String text : texts) {
      Matcher marker = ROUND.matcher(text);
      int round = marker.find() ? Integer.parseInt(marker.group(1)) : 0;
      String key = round == 0 ? text : ROUND.matcher(text).replaceAll("");
      float[] vector = pool.get(key.startsWith("\n") ? key.substring(1) : key);
      if (vector == null) {
        misses.incrementAndGet();
        vector = model.embedPassages(List.of(text)).get(0);
      } else if (round > 0) {
        vector = blend(vector, key, round);
      }
      out.add(vector);
    }
    return out;
  }

  /**
   * A later round's copy of a passage: its real vector plus {@link #BLEND} times the real vector of
   * another pool passage (chosen by the passage and the round), made unit length again. Copies are
   * then near each other (cosine about 0.97 to the original) but not equal, as the same agenda or
   * discussion held again with different words would be; equal passages of one round stay equal, as
   * they are in the crawl.
   */
  private float[] blend(float[] vector, String key, int round) {
    float[] other =
        others.get(Math.floorMod(key.hashCode() * 31 + round * 1_000_003, others.size()));
    float[] mixed = new float[vector.length];
    double norm = 0;
    for (int d = 0; d < vector.length; d++) {
      mixed[d] = vector[d] + BLEND * other[d];
      norm += mixed[d] * mixed[d];
    }
    float scale = (float) (1 / Math.sqrt(norm));
    double cosine = 0;
    for (int d = 0; d < vector.length; d++) {
      mixed[d] *= scale;
      cosine += mixed[d] * vector[d];
    }
    synchronized (this) {
      blended++;
      cosineSum += cosine;
    }
    return mixed;
  }

  @Override
  public float[] embedQuery(String query) throws EmbeddingException {
    if (!cacheQueries) {
      return model.embedQuery(query);
    }
    float[] vector = queries.get(query);
    if (vector == null) {
      vector = model.embedQuery(query);
      queries.put(query, vector);
    }
    return vector;
  }

  /** Whether a query embedded once is looked up afterwards instead of embedded again. */
  void cacheQueries(boolean on) {
    cacheQueries = on;
  }

  /** Mean cosine similarity of a blended copy's vector to its passage's real vector. */
  synchronized double meanBlendCosine() {
    return blended == 0 ? 1 : cosineSum / blended;
  }

  /** How many passage vectors were blended copies. */
  synchronized long blended() {
    return blended;
  }

  /** Passages that were not in the pool and went through the model. */
  long misses() {
    return misses.get();
  }

  @Override
  public float minimumSimilarity() {
    return model.minimumSimilarity();
  }

  /** Leaves the model open: its owner closes it (PassageVectors closes its embedder). */
  @Override
  public void close() {}
}
