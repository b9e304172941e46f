package io.zoomdex.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankFusionTest {

  @Test
  void itemInBothRankings_beatsItemsFirstInOnlyOne() {
    List<RankFusion.Fused<String>> fused =
        RankFusion.STANDARD.fuse(List.of("a", "b", "c"), List.of("d", "c", "e"));
    assertThat(fused).extracting(RankFusion.Fused::item).containsExactly("c", "a", "d", "b", "e");
    RankFusion.Fused<String> c = fused.get(0);
    assertThat(c.keywordRank()).isEqualTo(3);
    assertThat(c.semanticRank()).isEqualTo(2);
    assertThat(c.score()).isEqualTo(1.0 / 63 + 1.0 / 62);
  }

  @Test
  void fusion_neverAddsAnItem_andKeepsEveryOne() {
    List<RankFusion.Fused<String>> fused = RankFusion.STANDARD.fuse(List.of("a"), List.of());
    assertThat(fused).extracting(RankFusion.Fused::item).containsExactly("a");
    assertThat(RankFusion.STANDARD.fuse(List.of(), List.of())).isEmpty();
  }

  @Test
  void equalScores_keepTheKeywordOrderFirst() {
    assertThat(RankFusion.STANDARD.fuse(List.of("k"), List.of("s")))
        .extracting(RankFusion.Fused::item)
        .containsExactly("k", "s");
  }

  @Test
  void firstPerKey_keepsEachDocumentsBestPassage() {
    record P(String doc, int n) {}
    assertThat(
            RankFusion.firstPerKey(
                List.of(new P("x", 1), new P("y", 2), new P("x", 3), new P("z", 4)), P::doc))
        .containsExactly(new P("x", 1), new P("y", 2), new P("z", 4));
  }
}
