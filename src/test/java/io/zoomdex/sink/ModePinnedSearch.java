package io.zoomdex.sink;

import io.zoomdex.document.DocumentId;
import io.zoomdex.search.DocumentView;
import io.zoomdex.search.SearchException;
import io.zoomdex.search.SearchHit;
import io.zoomdex.search.SearchMode;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchResults;
import io.zoomdex.search.SearchService;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A search service that runs every request in one mode, for tests written for that mode. */
public final class ModePinnedSearch implements SearchService {
  private final SearchService delegate;
  private final SearchMode mode;

  public ModePinnedSearch(SearchService delegate, SearchMode mode) {
    this.delegate = delegate;
    this.mode = mode;
  }

  @Override
  public SearchResults search(SearchRequest request) throws SearchException {
    return delegate.search(request.withMode(mode));
  }

  @Override
  public List<SearchHit> listReadable(SearchRequest request, DocumentId after, int max)
      throws SearchException {
    return delegate.listReadable(request, after, max);
  }

  @Override
  public Optional<DocumentView> get(String searcher, DocumentId id) throws SearchException {
    return delegate.get(searcher, id);
  }

  @Override
  public OptionalLong documentCount() throws SearchException {
    return delegate.documentCount();
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }
}
