package io.zoomdex.sink.lucene;

import io.zoomdex.document.DocumentId;
import io.zoomdex.document.Readers;
import io.zoomdex.search.DocumentView;
import io.zoomdex.search.Facets;
import io.zoomdex.search.IndexMissingException;
import io.zoomdex.search.SearchException;
import io.zoomdex.search.SearchHit;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchResults;
import io.zoomdex.search.SearchService;
import io.zoomdex.search.SeriesGrouping;
import io.zoomdex.search.Snippet;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * {@link SearchService} over the Lucene index {@link LuceneIndexSink} writes. Lives beside the sink
 * because both share the private {@link LuceneSchema}; the {@code search} package itself stays free
 * of Lucene.
 *
 * <p>Each search is one Lucene query: the text (or match-all) as {@code MUST}, the searcher's
 * principal on the {@code readers} field as a {@code FILTER} clause, plus the type, host and date
 * filters as {@code FILTER}s. Counting stops at the count cap ({@link SearchResults#COUNT_CAP} by
 * default): one pass collects the top {@code offset + limit} hits, the exact total and the facets
 * while the matches stay within the cap; when they pass it, that pass is abandoned (its facets,
 * counted over the first cap matches, are kept as a sample) and a second collects the page alone,
 * where Lucene skips documents that cannot reach it. Only the requested page is loaded and
 * highlighted.
 */
public final class LuceneSearchService implements SearchService {

  private static final Sort NEWEST_FIRST = newestFirst();

  private final ReferenceManager<IndexSearcher> searchers;
  private final Closeable owned;
  private final boolean refreshBeforeSearch;
  private final int countCap;
  private final Analyzer analyzer = LuceneSchema.newTextAnalyzer();
  private final TextQueries textQueries = new TextQueries(analyzer);
  private final SnippetFormatter formatter =
      new SnippetFormatter(SnippetHighlighter.MAX_SNIPPET_CHARS);

  /**
   * @param searchers where searchers come from
   * @param owned closed with this service (the directory of a read-only service), or null
   * @param refreshBeforeSearch whether to look for a newer commit before each search (for an index
   *     another process writes)
   * @param countCap how many matches are counted exactly (total and facets) before the total
   *     becomes a lower bound and the facets a sample; at least 1
   */
  LuceneSearchService(
      ReferenceManager<IndexSearcher> searchers,
      Closeable owned,
      boolean refreshBeforeSearch,
      int countCap) {
    if (countCap < 1) {
      throw new IllegalArgumentException("count cap must be at least 1, not " + countCap);
    }
    this.searchers = searchers;
    this.owned = owned;
    this.refreshBeforeSearch = refreshBeforeSearch;
    this.countCap = countCap;
  }

  /**
   * Opens the index in {@code indexDir} for reading only; no writer needs to exist, and one in
   * another process may keep writing (each search picks up its latest commit).
   *
   * @throws IndexMissingException when there is no index there (nothing crawled yet)
   * @throws SearchException when the index exists but cannot be read
   */
  public static LuceneSearchService openReadOnly(Path indexDir) throws SearchException {
    // Checked first: FSDirectory.open would create the missing directory.
    if (!Files.isDirectory(indexDir)) {
      throw new IndexMissingException(indexDir);
    }
    Directory directory = null;
    try {
      directory = FSDirectory.open(indexDir);
      if (!DirectoryReader.indexExists(directory)) {
        directory.close();
        throw new IndexMissingException(indexDir);
      }
      SearcherManager searchers = new SearcherManager(directory, null);
      Directory toClose = directory;
      return new LuceneSearchService(
          searchers,
          () -> {
            try (toClose) {
              searchers.close();
            }
          },
          true,
          SearchResults.COUNT_CAP);
    } catch (IOException e) {
      try {
        if (directory != null) {
          directory.close();
        }
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new SearchException(
          "Could not read the index at "
              + indexDir
              + " ("
              + e.getMessage()
              + "); run the crawl again to rebuild it.",
          e);
    }
  }

  @Override
  public SearchResults search(SearchRequest request) throws SearchException {
    String principal = request.principal();
    if (principal.isEmpty()) {
      return SearchResults.none(principal);
    }
    Query text =
        request.matchesAll() ? new MatchAllDocsQuery() : textQueries.parse(request.query());
    try {
      return run(request, principal, text);
    } catch (IndexSearcher.TooManyClauses e) {
      // A wildcard expanded too far: search the words alone instead.
      return runOrFail(request, principal, textQueries.plainWords(request.query()));
    } catch (IOException | AlreadyClosedException e) {
      throw readFailure(e);
    }
  }

  private SearchResults runOrFail(SearchRequest request, String principal, Query text)
      throws SearchException {
    try {
      return run(request, principal, text);
    } catch (IOException | AlreadyClosedException e) {
      throw readFailure(e);
    }
  }

  private SearchResults run(SearchRequest request, String principal, Query text)
      throws IOException {
    Query query = filtered(request, principal, text);
    int wanted = request.offset() + request.limit();
    IndexSearcher searcher = acquire();
    try {
      // Lucene counts at least `wanted` before it may skip, so deep pages count that far.
      int threshold = Math.max(countCap, wanted);
      FacetCounter facetCounter = new FacetCounter(countCap);
      TopDocs top;
      Facets facets;
      try {
        // One pass while the matches stay within the threshold: exact total, facets alongside.
        Object[] collected =
            searcher.search(
                query,
                new MultiCollectorManager(
                    topHits(request, wanted, threshold), facetCounter, new MatchLimit(threshold)));
        top = (TopDocs) collected[0];
        facets = (Facets) collected[1];
      } catch (MatchLimit.Exceeded e) {
        // More matches than are counted: a collector that sees every match would stop the top
        // hits from skipping (block-max scores for text, start-time points when browsing), so
        // the page is collected alone; the facets keep what the first pass counted (the cap).
        top = searcher.search(query, topHits(request, wanted, threshold));
        facets = facetCounter.countedSoFar();
      }
      boolean totalExact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
      long total = totalExact ? top.totalHits.value : threshold;
      ScoreDoc[] page =
          top.scoreDocs.length <= request.offset()
              ? new ScoreDoc[0]
              : Arrays.copyOfRange(top.scoreDocs, request.offset(), top.scoreDocs.length);
      List<SearchHit> hits = toHits(searcher, page, request.matchesAll() ? null : query);
      return new SearchResults(principal, hits, total, totalExact, facets);
    } finally {
      searchers.release(searcher);
    }
  }

  /** Newest first when browsing, by relevance otherwise; exact counting up to {@code threshold}. */
  private static CollectorManager<? extends Collector, ? extends TopDocs> topHits(
      SearchRequest request, int wanted, int threshold) {
    return request.matchesAll()
        ? new TopFieldCollectorManager(NEWEST_FIRST, wanted, null, threshold)
        : new TopScoreDocCollectorManager(wanted, null, threshold);
  }

  /** The text query with every filter as a non-scoring FILTER clause, readers first and always. */
  private static Query filtered(SearchRequest request, String principal, Query text) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    query.add(text, Occur.MUST);
    query.add(readerFilter(principal), Occur.FILTER);
    if (request.type() != null) {
      query.add(new TermQuery(new Term(LuceneSchema.TYPE, request.type().prefix())), Occur.FILTER);
    }
    if (!request.host().isEmpty()) {
      query.add(new TermQuery(new Term(LuceneSchema.HOST, request.host())), Occur.FILTER);
    }
    if (request.from() != null || request.to() != null) {
      long from = request.from() == null ? Long.MIN_VALUE : request.from().toEpochMilli();
      long to = request.to() == null ? Long.MAX_VALUE : request.to().toEpochMilli() - 1;
      query.add(LongPoint.newRangeQuery(LuceneSchema.START_TIME, from, to), Occur.FILTER);
    }
    return query.build();
  }

  private static Query readerFilter(String principal) {
    return new TermQuery(new Term(LuceneSchema.READERS, principal));
  }

  private List<SearchHit> toHits(IndexSearcher searcher, ScoreDoc[] page, Query highlightQuery)
      throws IOException {
    if (page.length == 0) {
      return List.of();
    }
    int[] docIds = new int[page.length];
    for (int i = 0; i < page.length; i++) {
      docIds[i] = page[i].doc;
    }
    SnippetHighlighter.Highlighted highlighted =
        highlightQuery == null
            ? null
            : new SnippetHighlighter(searcher, analyzer, formatter)
                .highlight(highlightQuery, docIds);
    StoredFields stored = searcher.storedFields();
    List<SearchHit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      org.apache.lucene.document.Document fields =
          highlighted == null
              ? stored.document(docIds[i])
              : stored.document(docIds[i], LuceneSchema.HIT_FIELDS);
      String title = fields.get(LuceneSchema.TITLE);
      Snippet[] titleSnippets = highlighted == null ? null : highlighted.title(i);
      Snippet[] bodySnippets = highlighted == null ? null : highlighted.body(i);
      List<Snippet> snippets;
      if (bodySnippets != null) {
        snippets = List.of(bodySnippets);
      } else {
        String body = highlighted == null ? fields.get(LuceneSchema.BODY) : null;
        snippets = body == null || body.isBlank() ? List.of() : List.of(formatter.firstLine(body));
      }
      hits.add(
          new SearchHit(
              DocumentId.parse(fields.get(LuceneSchema.ID)),
              title,
              titleSnippets == null || titleSnippets.length == 0
                  ? Snippet.plain(title == null ? "" : title)
                  : titleSnippets[0],
              snippets,
              fields.get(LuceneSchema.URL),
              LuceneSchema.startTime(fields),
              fields.get(LuceneSchema.HOST),
              LuceneSchema.duration(fields),
              Float.isNaN(page[i].score) ? 0f : page[i].score,
              SeriesGrouping.seriesKey(LuceneSchema.sourceIds(fields))));
    }
    return hits;
  }

  @Override
  public Optional<DocumentView> get(String searcher, DocumentId id) throws SearchException {
    String principal = Readers.normalize(searcher);
    if (principal.isEmpty()) {
      return Optional.empty();
    }
    Query query =
        new BooleanQuery.Builder()
            .add(new TermQuery(LuceneSchema.idTerm(id)), Occur.FILTER)
            .add(readerFilter(principal), Occur.FILTER)
            .build();
    try {
      IndexSearcher indexSearcher = acquire();
      try {
        TopDocs top = indexSearcher.search(query, 1);
        if (top.scoreDocs.length == 0) {
          return Optional.empty();
        }
        return Optional.of(
            LuceneSchema.toView(indexSearcher.storedFields().document(top.scoreDocs[0].doc)));
      } finally {
        searchers.release(indexSearcher);
      }
    } catch (IOException | AlreadyClosedException e) {
      throw readFailure(e);
    }
  }

  @Override
  public OptionalLong documentCount() throws SearchException {
    try {
      IndexSearcher indexSearcher = acquire();
      try {
        return OptionalLong.of(indexSearcher.getIndexReader().numDocs());
      } finally {
        searchers.release(indexSearcher);
      }
    } catch (IOException | AlreadyClosedException e) {
      throw readFailure(e);
    }
  }

  private IndexSearcher acquire() throws IOException {
    if (refreshBeforeSearch) {
      // Non-blocking: if another thread is already refreshing, search the current commit.
      searchers.maybeRefresh();
    }
    return searchers.acquire();
  }

  private static SearchException readFailure(Exception cause) {
    return new SearchException(
        "Could not read the index (" + cause.getMessage() + "); run the crawl again to rebuild it.",
        cause);
  }

  @Override
  public void close() throws IOException {
    try {
      if (owned != null) {
        owned.close();
      }
    } finally {
      analyzer.close();
    }
  }

  private static Sort newestFirst() {
    SortField start = new SortField(LuceneSchema.START_TIME, SortField.Type.LONG, true);
    start.setMissingValue(Long.MIN_VALUE);
    return new Sort(start);
  }
}
