package io.zoomdex.search;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One page of results.
 *
 * <p>Counting every match costs time in proportion to what the searcher may read, not to the page;
 * so backends count exactly only up to a cap ({@link #COUNT_CAP} unless configured otherwise) and
 * then stop: {@code total} is then a lower bound ("1,000+") and {@code totalExact} is false.
 *
 * @param principal the searcher as resolved (trimmed, lower-cased); empty when blank
 * @param hits this page, best (or newest) first
 * @param total how many readable documents match in all, across every page: exact when {@code
 *     totalExact}, otherwise a lower bound (the cap: at least this many match)
 * @param totalExact whether {@code total} is the exact count
 * @param facets counts over the matches ({@link Facets#exact()} says whether over all of them)
 */
public record SearchResults(
    String principal, List<SearchHit> hits, long total, boolean totalExact, Facets facets) {

  /**
   * How many matches the backends count exactly by default before reporting a lower bound
   * ("1,000+"); also the most matches facets are counted over. A page deeper than this (paging
   * reaches {@link SearchRequest#MAX_WINDOW}) is counted as far as the page, so {@code total} is
   * never below the hits shown. Chosen by measurement (BENCHMARKS.md, section 4): at 10,000, a
   * searcher who may read 200,000 documents spent about twice the CPU per search as at 1,000.
   */
  public static final int COUNT_CAP = 1_000;

  public SearchResults {
    Objects.requireNonNull(principal, "principal");
    hits = List.copyOf(hits);
    Objects.requireNonNull(facets, "facets");
    if (total < hits.size()) {
      throw new IllegalArgumentException("total " + total + " < hits on the page " + hits.size());
    }
  }

  /** Results with an exact total. */
  public SearchResults(String principal, List<SearchHit> hits, long total, Facets facets) {
    this(principal, hits, total, true, facets);
  }

  /** No results for this principal. */
  public static SearchResults none(String principal) {
    return new SearchResults(principal, List.of(), 0, true, Facets.NONE);
  }

  /** The total for people: {@code "1,234"} when exact, {@code "1,000+"} when a lower bound. */
  public String totalText() {
    return String.format(Locale.ROOT, "%,d", total) + (totalExact ? "" : "+");
  }
}
