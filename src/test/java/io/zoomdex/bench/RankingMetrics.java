package io.zoomdex.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Ranking quality of one result list against graded judgements (0 to 3; unjudged counts as 0). nDCG
 * uses the exponential gain {@code 2^grade - 1} and a {@code log2(rank + 1)} discount, over the
 * ideal ordering of every judged item; MRR and recall count an item as relevant from {@link
 * #RELEVANT} up.
 */
final class RankingMetrics {
  /** The lowest grade that counts as relevant for MRR and recall. */
  static final int RELEVANT = 2;

  private RankingMetrics() {}

  /** Normalized discounted cumulative gain of the first {@code k} of {@code ranking}. */
  static double ndcg(List<String> ranking, Map<String, Integer> grades, int k) {
    List<Integer> ideal = new ArrayList<>(grades.values());
    ideal.sort(Collections.reverseOrder());
    double best = dcg(ideal, k);
    if (best == 0) {
      throw new IllegalArgumentException("The judgements hold no graded item; nDCG is undefined.");
    }
    return dcg(ranking.stream().map(id -> grades.getOrDefault(id, 0)).toList(), k) / best;
  }

  private static double dcg(List<Integer> gains, int k) {
    double sum = 0;
    for (int i = 0; i < Math.min(k, gains.size()); i++) {
      sum += (Math.pow(2, gains.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
    }
    return sum;
  }

  /** 1 / the rank of the first relevant item within the first {@code k}, or 0. */
  static double reciprocalRank(List<String> ranking, Map<String, Integer> grades, int k) {
    for (int i = 0; i < Math.min(k, ranking.size()); i++) {
      if (grades.getOrDefault(ranking.get(i), 0) >= RELEVANT) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  /** The share of the relevant items found within the first {@code k}. */
  static double recall(List<String> ranking, Map<String, Integer> grades, int k) {
    long relevant = grades.values().stream().filter(g -> g >= RELEVANT).count();
    if (relevant == 0) {
      throw new IllegalArgumentException(
          "The judgements hold no relevant item; recall is undefined.");
    }
    long found =
        ranking.stream()
            .limit(k)
            .filter(id -> grades.getOrDefault(id, 0) >= RELEVANT)
            .distinct()
            .count();
    return (double) found / relevant;
  }
}
