package io.zoomdex.search;

/**
 * A search request the searcher should fix (too long a query, too many terms, a page out of range,
 * a date range that ends before it starts). The message is one plain sentence fit to show them.
 * Query syntax errors are not reported this way: such queries fall back to plain terms.
 */
public class BadQueryException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public BadQueryException(String message) {
    super(message);
  }
}
