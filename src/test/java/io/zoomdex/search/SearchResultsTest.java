package io.zoomdex.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zoomdex.document.DocumentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchResultsTest {

  @Test
  void totalText_exact_isTheCountWithThousandsSeparators() {
    SearchResults results = new SearchResults("a@x.io", List.of(), 1_234, Facets.NONE);

    assertThat(results.totalExact()).isTrue();
    assertThat(results.totalText()).isEqualTo("1,234");
  }

  @Test
  void totalText_lowerBound_endsWithPlus() {
    SearchResults results = new SearchResults("a@x.io", List.of(), 10_000, false, Facets.NONE);

    assertThat(results.totalText()).isEqualTo("10,000+");
  }

  @Test
  void facets_sampled_keepsTheCountsAndMarksThemInexact() {
    Facets exact = new Facets(Map.of(DocumentType.MEETING, 3L), Map.of("h@x.io", 3L), Map.of());

    Facets sampled = exact.sampled();

    assertThat(exact.exact()).isTrue();
    assertThat(sampled.exact()).isFalse();
    assertThat(sampled.byType()).isEqualTo(exact.byType());
    assertThat(sampled.byHost()).isEqualTo(exact.byHost());
  }

  @Test
  void constructor_totalBelowThePage_isRefused() {
    assertThatThrownBy(() -> new SearchResults("a@x.io", List.of(), -1, false, Facets.NONE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
