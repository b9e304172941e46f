package io.zoomdex.search;

import java.util.Locale;

/**
 * How a query's text is matched. Every mode applies the same reader filter inside the query, so the
 * mode changes only the ranking, never who sees what.
 */
public enum SearchMode {
  /**
   * Words, ranked by BM25. Every word must match; when nothing readable matches every word, or the
   * query is a question, the content words are matched loosely instead (see {@code QueryWords}).
   */
  KEYWORD,
  /** Meaning: the query's vector against every readable passage's vector. */
  SEMANTIC,
  /** Both, fused by reciprocal rank ({@link RankFusion}): the default. */
  HYBRID;

  /** The mode when none is given. */
  public static final SearchMode DEFAULT = HYBRID;

  /** The external name, e.g. {@code hybrid}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code keyword}, {@code semantic} or {@code hybrid} (any case); blank gives {@link
   * #DEFAULT}.
   *
   * @throws BadQueryException naming the accepted values when the name is unknown
   */
  public static SearchMode parse(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT;
    }
    for (SearchMode mode : values()) {
      if (mode.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
        return mode;
      }
    }
    throw new BadQueryException(
        "Unknown search mode '" + text.strip() + "'; use keyword, semantic or hybrid.");
  }
}
