package io.zoomdex.identity;

import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.search.DocumentView;
import io.zoomdex.search.SearchException;
import io.zoomdex.search.SearchHit;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchResults;
import io.zoomdex.search.SearchService;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Resolves every searcher through identity mapping before the index sees them: the search runs as
 * the one Zoom identity the value maps to, and a value that maps to nobody or is ambiguous sees
 * nothing (the index is not asked). Every front end (CLI, API, page, MCP) searches through this.
 */
public final class MappedSearchers implements SearchService {
  private final SearchService index;
  private final IdentityResolver resolver;

  public MappedSearchers(SearchService index, IdentityResolver resolver) {
    this.index = index;
    this.resolver = resolver;
  }

  @Override
  public SearchResults search(SearchRequest request) throws SearchException {
    Optional<String> identity = resolver.resolve(request.searcher()).searchAs();
    if (identity.isEmpty()) {
      return SearchResults.none(request.principal());
    }
    return index.search(request.withSearcher(identity.get()));
  }

  @Override
  public List<SearchHit> listReadable(SearchRequest request, DocumentId after, int max)
      throws SearchException {
    Optional<String> identity = resolver.resolve(request.searcher()).searchAs();
    return identity.isEmpty()
        ? List.of()
        : index.listReadable(request.withSearcher(identity.get()), after, max);
  }

  @Override
  public Optional<DocumentView> get(String searcher, DocumentId id) throws SearchException {
    Optional<String> identity = resolver.resolve(searcher).searchAs();
    return identity.isEmpty() ? Optional.empty() : index.get(identity.get(), id);
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
