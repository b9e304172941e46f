package io.zoomdex.search;

import io.zoomdex.document.DocumentType;
import io.zoomdex.document.Readers;
import java.time.Instant;

/**
 * One search, validated when built: a broken bound throws {@link BadQueryException} with a sentence
 * fit for the searcher. Start with {@link #of(String, String)} and narrow with the {@code with...}
 * methods.
 *
 * @param searcher who is searching, raw (resolved to a principal by {@link #principal()})
 * @param query the query text; blank matches everything the searcher may read. Words must all match
 *     (AND); {@code "quoted phrases"}, {@code OR}, {@code -excluded} and {@code prefix*} work;
 *     anything unparsable is searched as plain words
 * @param type only this type, or null for every type
 * @param host only documents hosted by this email (normalized like a principal), or empty for any
 * @param from only documents starting at or after this instant, or null for no lower bound
 * @param to only documents starting before this instant, or null for no upper bound
 * @param limit page size, 1 to {@link #MAX_LIMIT}
 * @param offset hits to skip; {@code offset + limit} at most {@link #MAX_WINDOW}
 * @param mode how the query text is matched (keyword, semantic or hybrid); null gives {@link
 *     SearchMode#DEFAULT}. A blank query lists everything readable, newest first, in every mode
 */
public record SearchRequest(
    String searcher,
    String query,
    DocumentType type,
    String host,
    Instant from,
    Instant to,
    int limit,
    int offset,
    SearchMode mode) {

  /** Longest query text accepted, in characters. */
  public static final int MAX_QUERY_CHARS = 1_000;

  /** Most whitespace-separated words a query may have. */
  public static final int MAX_QUERY_TERMS = 64;

  /** Largest page. */
  public static final int MAX_LIMIT = 100;

  /** Deepest result reachable by paging ({@code offset + limit}). */
  public static final int MAX_WINDOW = 10_000;

  /** The page size when none is given. */
  public static final int DEFAULT_LIMIT = 10;

  public SearchRequest {
    searcher = searcher == null ? "" : searcher;
    query = query == null ? "" : query.strip();
    host = Readers.normalize(host);
    mode = mode == null ? SearchMode.DEFAULT : mode;
    if (query.length() > MAX_QUERY_CHARS) {
      throw new BadQueryException(
          "The query is "
              + query.length()
              + " characters long; shorten it to at most "
              + MAX_QUERY_CHARS
              + ".");
    }
    if (!query.isEmpty() && query.split("\\s+").length > MAX_QUERY_TERMS) {
      throw new BadQueryException(
          "The query has more than " + MAX_QUERY_TERMS + " words; use fewer words.");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadQueryException(
          "The limit must be between 1 and " + MAX_LIMIT + ", not " + limit + ".");
    }
    if (offset < 0) {
      throw new BadQueryException("The offset must not be negative, not " + offset + ".");
    }
    if ((long) offset + limit > MAX_WINDOW) {
      throw new BadQueryException(
          "Paging stops at result "
              + MAX_WINDOW
              + "; narrow the search instead of asking for offset "
              + offset
              + ".");
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new BadQueryException(
          "The date range ends (" + to + ") before it starts (" + from + "); swap the dates.");
    }
  }

  /** A request in the default mode ({@link SearchMode#DEFAULT}). */
  public SearchRequest(
      String searcher,
      String query,
      DocumentType type,
      String host,
      Instant from,
      Instant to,
      int limit,
      int offset) {
    this(searcher, query, type, host, from, to, limit, offset, SearchMode.DEFAULT);
  }

  /** A first page of {@link #DEFAULT_LIMIT} hits, no filters, in the default mode. */
  public static SearchRequest of(String searcher, String query) {
    return new SearchRequest(searcher, query, null, "", null, null, DEFAULT_LIMIT, 0);
  }

  /** The searcher as a principal: trimmed and lower-cased, empty when blank (sees nothing). */
  public String principal() {
    return Readers.normalize(searcher);
  }

  /** Whether the query is blank, i.e. matches every readable document. */
  public boolean matchesAll() {
    return query.isEmpty();
  }

  /** The same request made by another searcher (identity mapping's resolved identity). */
  public SearchRequest withSearcher(String newSearcher) {
    return new SearchRequest(newSearcher, query, type, host, from, to, limit, offset, mode);
  }

  public SearchRequest withType(DocumentType newType) {
    return new SearchRequest(searcher, query, newType, host, from, to, limit, offset, mode);
  }

  public SearchRequest withHost(String newHost) {
    return new SearchRequest(searcher, query, type, newHost, from, to, limit, offset, mode);
  }

  /** Start-time range {@code [newFrom, newTo)}; either may be null for no bound. */
  public SearchRequest withRange(Instant newFrom, Instant newTo) {
    return new SearchRequest(searcher, query, type, host, newFrom, newTo, limit, offset, mode);
  }

  public SearchRequest withPage(int newLimit, int newOffset) {
    return new SearchRequest(searcher, query, type, host, from, to, newLimit, newOffset, mode);
  }

  public SearchRequest withMode(SearchMode newMode) {
    return new SearchRequest(searcher, query, type, host, from, to, limit, offset, newMode);
  }

  /** The same search with other query text (e.g. a looser form of the same words). */
  public SearchRequest withQuery(String newQuery) {
    return new SearchRequest(searcher, newQuery, type, host, from, to, limit, offset, mode);
  }
}
