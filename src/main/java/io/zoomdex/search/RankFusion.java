package io.zoomdex.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): each ranking gives an item
 * {@code 1 / (k + rank)}, rank counted from 1, and the items are ordered by the sum. It needs no
 * score calibration between BM25 and cosine similarity, which is why every backend fuses its
 * keyword and vector rankings with this one class.
 *
 * <p>Both rankings must already be per document (a document's best passage standing for it: see
 * {@link #firstPerKey(List, java.util.function.Function)}) and both must come from queries with the
 * reader filter inside them: fusion never adds an item that was not in one of its inputs.
 *
 * @param k the rank constant; larger flattens the difference between high and low ranks
 */
public record RankFusion(int k) {

  /** The constant of the paper, used by Elasticsearch, OpenSearch and Vespa as their default. */
  public static final int DEFAULT_K = 60;

  public static final RankFusion STANDARD = new RankFusion(DEFAULT_K);

  public RankFusion {
    if (k < 1) {
      throw new IllegalArgumentException("The rank constant must be at least 1, not " + k);
    }
  }

  /**
   * An item of a fused ranking with its fused score and its 1-based rank in each input (0: absent).
   */
  public record Fused<T>(T item, double score, int keywordRank, int semanticRank) {}

  /**
   * Fuses two rankings of distinct keys, best first. Ties keep the keyword ranking's order, then
   * the semantic one's, so the result is deterministic.
   *
   * @param keyword items ranked by keyword relevance, best first, without repeats
   * @param semantic items ranked by vector similarity, best first, without repeats
   * @return every item of either ranking once, best fused score first
   */
  public <T> List<Fused<T>> fuse(List<T> keyword, List<T> semantic) {
    Map<T, int[]> ranks = new LinkedHashMap<>();
    for (int i = 0; i < keyword.size(); i++) {
      ranks.computeIfAbsent(keyword.get(i), key -> new int[2])[0] = i + 1;
    }
    for (int i = 0; i < semantic.size(); i++) {
      ranks.computeIfAbsent(semantic.get(i), key -> new int[2])[1] = i + 1;
    }
    List<Fused<T>> fused = new ArrayList<>(ranks.size());
    for (Map.Entry<T, int[]> entry : ranks.entrySet()) {
      int[] rank = entry.getValue();
      fused.add(new Fused<>(entry.getKey(), score(rank[0]) + score(rank[1]), rank[0], rank[1]));
    }
    // Stable sort: equal scores keep first-seen order (keyword ranking first).
    fused.sort(Comparator.comparingDouble((Fused<T> f) -> f.score()).reversed());
    return fused;
  }

  private double score(int rank) {
    return rank == 0 ? 0 : 1.0 / (k + rank);
  }

  /**
   * The first element of each key in a ranked list, in order: turns a ranking of passages into a
   * ranking of documents where each document's best passage stands for it.
   */
  public static <E, K> List<E> firstPerKey(
      List<E> ranked, java.util.function.Function<E, K> keyOf) {
    Set<K> seen = new LinkedHashSet<>();
    List<E> first = new ArrayList<>();
    for (E element : ranked) {
      if (seen.add(keyOf.apply(element))) {
        first.add(element);
      }
    }
    return first;
  }
}
