package io.zoomdex.search.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.document.DocumentType;
import io.zoomdex.search.Facets;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchResults;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchJsonTest {

  private static final Facets COUNTS =
      new Facets(Map.of(DocumentType.MEETING, 7L), Map.of("h@x.io", 7L), Map.of("2024-01", 7L));

  @Test
  void results_exactCounts_sayEqAndExactFacets() {
    Map<String, Object> json =
        SearchJson.results(
            SearchRequest.of("a@x.io", ""), new SearchResults("a@x.io", List.of(), 7, COUNTS));

    assertThat(json)
        .containsEntry("total", 7L)
        .containsEntry("total_relation", "eq")
        .containsEntry("facets_exact", true);
  }

  @Test
  void results_countingStoppedAtTheCap_saysGteAndSampledFacets() {
    Map<String, Object> json =
        SearchJson.results(
            SearchRequest.of("a@x.io", ""),
            new SearchResults("a@x.io", List.of(), 10_000, false, COUNTS.sampled()));

    assertThat(json)
        .containsEntry("total", 10_000L)
        .containsEntry("total_relation", "gte")
        .containsEntry("facets_exact", false);
  }
}
