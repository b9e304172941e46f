package io.zoomdex.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The relevance metrics on cases computed by hand. */
class RankingMetricsTest {
  private static final Map<String, Integer> GRADES = Map.of("a", 3, "b", 2, "c", 1, "d", 0);

  @Test
  void ndcg_isOneForTheIdealOrder_andLowerOtherwise() {
    assertThat(RankingMetrics.ndcg(List.of("a", "b", "c"), GRADES, 10)).isCloseTo(1, within(1e-9));
    // DCG of (b, a): 3/log2(2) + 7/log2(3) = 3 + 4.4165 = 7.4165;
    // ideal (a, b, c): 7 + 3/1.58496 + 1/2 = 9.3928.
    assertThat(RankingMetrics.ndcg(List.of("b", "a"), GRADES, 10))
        .isCloseTo(7.416508 / 9.392789, within(1e-6));
  }

  @Test
  void ndcg_countsUnjudgedAsZero_andCutsAtK() {
    // (x, a): 7/log2(3) = 4.4165; ideal at k = 2: 7 + 3/log2(3) = 8.8928.
    assertThat(RankingMetrics.ndcg(List.of("x", "a", "b"), GRADES, 2))
        .isCloseTo(4.416508 / 8.892789, within(1e-6));
    assertThat(RankingMetrics.ndcg(List.of("x", "d"), GRADES, 10)).isZero();
    assertThat(RankingMetrics.ndcg(List.of(), GRADES, 10)).isZero();
  }

  @Test
  void reciprocalRank_isOneOverTheFirstRelevantRank_withinK() {
    assertThat(RankingMetrics.reciprocalRank(List.of("c", "d", "b"), GRADES, 10))
        .isCloseTo(1.0 / 3, within(1e-9));
    assertThat(RankingMetrics.reciprocalRank(List.of("a"), GRADES, 10)).isEqualTo(1.0);
    assertThat(RankingMetrics.reciprocalRank(List.of("c", "d", "b"), GRADES, 2)).isZero();
  }

  @Test
  void recall_isTheShareOfRelevantItemsFound_withinK() {
    assertThat(RankingMetrics.recall(List.of("a", "c"), GRADES, 10)).isEqualTo(0.5);
    assertThat(RankingMetrics.recall(List.of("c", "b", "a"), GRADES, 10)).isEqualTo(1.0);
    assertThat(RankingMetrics.recall(List.of("c", "b", "a"), GRADES, 2)).isEqualTo(0.5);
  }

  @Test
  void undefinedMetrics_areRefused() {
    Map<String, Integer> none = Map.of("d", 0);
    assertThatThrownBy(() -> RankingMetrics.ndcg(List.of("d"), none, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RankingMetrics.recall(List.of("d"), Map.of("c", 1), 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
