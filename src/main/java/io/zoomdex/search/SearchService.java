package io.zoomdex.search;

import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import java.io.Closeable;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Permission-aware search over the index. Every method applies the searcher's reader filter inside
 * the query (never by filtering a page afterwards): a searcher sees only documents whose reader set
 * contains their principal ({@code Readers.normalize} of the raw name). An unknown, deactivated or
 * blank searcher sees nothing. Implementations are safe to call from several threads.
 */
public interface SearchService extends Closeable {

  /**
   * Runs one search. A blank query matches every document the searcher may read, newest first;
   * otherwise hits are ranked by relevance. Facets and the total count cover only readable
   * documents that match the query and the filters.
   *
   * @return the requested page; empty hits (total 0) when nothing readable matches
   * @throws SearchException when the index cannot be read
   */
  SearchResults search(SearchRequest request) throws SearchException;

  /**
   * One page of every document the searcher may read, in document id order, for exports and audits
   * ({@code zoomdex search --all}). The request's type, host and date filters apply; its query
   * words, mode and paging do not. Paging is by key (the last id of the previous page), so a page
   * never repeats or skips a document that stayed in the index while the listing ran.
   *
   * @param after the last id of the previous page, or null for the first page
   * @param max the page size, at least 1
   * @return up to {@code max} readable documents with ids greater than {@code after}, in id order;
   *     empty when there are no more (or the searcher may read nothing)
   * @throws SearchException when the index cannot be read, or cannot list by id (written before
   *     this existed: the message says how to rebuild it)
   */
  List<SearchHit> listReadable(SearchRequest request, DocumentId after, int max)
      throws SearchException;

  /**
   * Fetches one document's fields for a searcher.
   *
   * @param searcher raw searcher name (e.g. an email in any case, with spaces around it)
   * @return the document, or empty when it does not exist or the searcher may not read it (the two
   *     are indistinguishable on purpose)
   * @throws SearchException when the index cannot be read
   */
  Optional<DocumentView> get(String searcher, DocumentId id) throws SearchException;

  /**
   * For administrators only ({@code zoomdex explain}, the admin inspector): one document with its
   * readers and the rule that made each a reader, whoever may read it. No searcher's request may
   * reach this: it bypasses the reader filter by design.
   *
   * @return the document, or empty when the index holds no document with that id (or this backend
   *     cannot inspect, the default)
   * @throws SearchException when the index cannot be read
   */
  default Optional<Document> inspect(DocumentId id) throws SearchException {
    return Optional.empty();
  }

  /**
   * Every principal some document lists as a reader: the Zoom identities identity mapping may
   * resolve a searcher to. Never shown to a searcher.
   *
   * @return the principals, lower-cased; empty when nothing is indexed (or this backend cannot
   *     tell, the default)
   * @throws SearchException when the index cannot be read
   */
  default Set<String> readerNames() throws SearchException {
    return Set.of();
  }

  /**
   * How many documents the index holds, readable or not; for metrics only, never shown to a
   * searcher. Reads the latest commit.
   *
   * @return the count, or empty when this backend cannot tell cheaply (the default)
   * @throws SearchException when the index cannot be read
   */
  default OptionalLong documentCount() throws SearchException {
    return OptionalLong.empty();
  }
}
