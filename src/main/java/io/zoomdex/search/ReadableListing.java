package io.zoomdex.search;

import io.zoomdex.document.DocumentId;
import java.util.List;

/**
 * Everything one person may read, page by page in id order ({@link SearchService#listReadable}),
 * for exports and audits: memory stays one page whatever the count.
 */
public final class ReadableListing {
  /** Documents read per page: large enough to keep round trips few, small enough for any heap. */
  public static final int PAGE_SIZE = 500;

  private ReadableListing() {}

  /** Receives each listed document, in id order. */
  @FunctionalInterface
  public interface Receiver {
    /**
     * @param hit the next readable document
     */
    void accept(SearchHit hit);
  }

  /**
   * Lists every document the request's searcher may read that passes its filters.
   *
   * @param pageSize documents asked for per page, at least 1
   * @return how many documents were listed
   * @throws SearchException when the index cannot be read
   */
  public static long forEach(
      SearchService search, SearchRequest request, int pageSize, Receiver receiver)
      throws SearchException {
    if (pageSize < 1) {
      throw new IllegalArgumentException("The page size must be at least 1, not " + pageSize);
    }
    long listed = 0;
    DocumentId after = null;
    while (true) {
      List<SearchHit> page = search.listReadable(request, after, pageSize);
      for (SearchHit hit : page) {
        receiver.accept(hit);
      }
      listed += page.size();
      if (page.size() < pageSize) {
        return listed;
      }
      after = page.get(page.size() - 1).id();
    }
  }
}
