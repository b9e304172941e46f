package io.zoomdex.search;

import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.Readers;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Resolves the searcher before any search: a user Zoom lists as deactivated sees nothing, at once,
 * even while older reader sets in the index still name them (a full crawl removes them there). This
 * is identity resolution, like an unknown searcher seeing nothing; the reader filter itself stays
 * inside the query.
 */
public final class DeactivatedSearchers implements SearchService {
  private final SearchService index;
  private final Supplier<Set<String>> deactivated;

  /**
   * @param deactivated the principals of deactivated users, as the last crawl listed them; read at
   *     every search, so it should be cheap (e.g. cached briefly)
   */
  public DeactivatedSearchers(SearchService index, Supplier<Set<String>> deactivated) {
    this.index = index;
    this.deactivated = deactivated;
  }

  @Override
  public SearchResults search(SearchRequest request) throws SearchException {
    String principal = Readers.normalize(request.searcher());
    return deactivated.get().contains(principal)
        ? SearchResults.none(principal)
        : index.search(request);
  }

  @Override
  public List<SearchHit> listReadable(SearchRequest request, DocumentId after, int max)
      throws SearchException {
    return deactivated.get().contains(Readers.normalize(request.searcher()))
        ? List.of()
        : index.listReadable(request, after, max);
  }

  @Override
  public Optional<DocumentView> get(String searcher, DocumentId id) throws SearchException {
    return deactivated.get().contains(Readers.normalize(searcher))
        ? Optional.empty()
        : index.get(searcher, id);
  }

  @Override
  public Optional<Document> inspect(DocumentId id) throws SearchException {
    return index.inspect(id);
  }

  @Override
  public Set<String> readerNames() throws SearchException {
    return index.readerNames();
  }

  @Override
  public OptionalLong documentCount() throws SearchException {
    return index.documentCount();
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}
