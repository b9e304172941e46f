package io.zoomdex.search;

import java.util.List;
import java.util.Objects;

/**
 * One page of results.
 *
 * @param principal the searcher as resolved (trimmed, lower-cased); empty when blank
 * @param hits this page, best (or newest) first
 * @param total how many readable documents match in all, across every page
 * @param facets counts over all {@code total} matches
 */
public record SearchResults(String principal, List<SearchHit> hits, long total, Facets facets) {

  public SearchResults {
    Objects.requireNonNull(principal, "principal");
    hits = List.copyOf(hits);
    Objects.requireNonNull(facets, "facets");
    if (total < hits.size()) {
      throw new IllegalArgumentException("total " + total + " < hits on the page " + hits.size());
    }
  }

  /** No results for this principal. */
  public static SearchResults none(String principal) {
    return new SearchResults(principal, List.of(), 0, Facets.NONE);
  }
}
