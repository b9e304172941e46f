package io.zoomdex.sink.lucene;

import io.zoomdex.config.ConfigException;
import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.Readers;
import io.zoomdex.embed.Embedder;
import io.zoomdex.embed.EmbeddingException;
import io.zoomdex.embed.EmbeddingModelId;
import io.zoomdex.search.DocumentView;
import io.zoomdex.search.Facets;
import io.zoomdex.search.IndexMissingException;
import io.zoomdex.search.PassageSnippets;
import io.zoomdex.search.QuerySyntax;
import io.zoomdex.search.QueryWords;
import io.zoomdex.search.RankFusion;
import io.zoomdex.search.SearchException;
import io.zoomdex.search.SearchHit;
import io.zoomdex.search.SearchMode;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
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
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHitCountCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
  private static final Logger log = LoggerFactory.getLogger(LuceneSearchService.class);

  private static final Sort NEWEST_FIRST = newestFirst();
  private static final Sort BY_ID =
      new Sort(new SortField(LuceneSchema.ID_ORDER, SortField.Type.STRING));

  private final ReferenceManager<IndexSearcher> searchers;
  private final Closeable owned;
  private final boolean refreshBeforeSearch;
  private final int countCap;
  private final Analyzer analyzer = LuceneSchema.newTextAnalyzer();
  private final TextQueries textQueries = new TextQueries(analyzer);
  private final SnippetFormatter formatter =
      new SnippetFormatter(SnippetHighlighter.MAX_SNIPPET_CHARS);
  private final PassageSnippets passageSnippets =
      new PassageSnippets(SnippetHighlighter.MAX_SNIPPET_CHARS);
  private final QueryVectors queryVectors;
  private final VectorRanking vectorRanking;

  /** How a query becomes a vector, and of which model; passages of other models are never seen. */
  record QueryVectors(QueryEmbedding embedding, EmbeddingModelId model, float minimumSimilarity) {
    static QueryVectors of(Embedder embedder) {
      return new QueryVectors(embedder::embedQuery, embedder.model(), embedder.minimumSimilarity());
    }
  }

  /** Embeds a query. */
  @FunctionalInterface
  interface QueryEmbedding {
    float[] embed(String query) throws EmbeddingException;
  }

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
      int countCap,
      QueryVectors queryVectors) {
    if (countCap < 1) {
      throw new IllegalArgumentException("count cap must be at least 1, not " + countCap);
    }
    this.searchers = searchers;
    this.owned = owned;
    this.refreshBeforeSearch = refreshBeforeSearch;
    this.countCap = countCap;
    this.queryVectors = queryVectors;
    this.vectorRanking = queryVectors == null ? null : new VectorRanking(textQueries, queryVectors);
  }

  /**
   * Opens the index in {@code indexDir} for reading only; no writer needs to exist, and one in
   * another process may keep writing (each search picks up its latest commit).
   *
   * @throws IndexMissingException when there is no index there (nothing crawled yet)
   * @throws SearchException when the index exists but cannot be read
   */
  public static LuceneSearchService openReadOnly(Path indexDir) throws SearchException {
    return openReadOnly(indexDir, null);
  }

  /**
   * As {@link #openReadOnly(Path)}, with semantic and hybrid search by {@code embedder}'s vectors.
   *
   * @param embedder embeds queries; null for keyword search only (every mode then ranks by
   *     keywords)
   * @throws ConfigException when the index holds vectors of another model (one sentence: run {@code
   *     zoomdex reembed}, or configure that model)
   */
  public static LuceneSearchService openReadOnly(Path indexDir, Embedder embedder)
      throws SearchException {
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
      Map<String, String> commitData = SegmentInfos.readLatestCommit(directory).getUserData();
      Optional<EmbeddingModelId> recorded = LuceneSchema.recordedModel(commitData);
      QueryVectors vectors = embedder == null ? null : QueryVectors.of(embedder);
      if (embedder != null && recorded.isEmpty()) {
        // An index from before vectors (or crawled with none): keyword search still works.
        log.warn(
            "The index at {} has no passage vectors yet; searching by keywords only. Run `zoomdex"
                + " reembed` to search by meaning.",
            indexDir);
        vectors = null;
      } else if (embedder != null
          && !recorded.equals(Optional.of(embedder.model()))
          && !commitData.containsKey(LuceneSchema.COMMIT_REEMBED_MODEL)) {
        directory.close();
        throw new ConfigException(
            LuceneSchema.mismatchMessage(indexDir, recorded, Optional.of(embedder.model())));
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
          SearchResults.COUNT_CAP,
          vectors);
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
    if (request.matchesAll()) {
      return runOrFail(request, principal, new MatchAllDocsQuery());
    }
    // Without vectors every mode ranks by keywords, so a client's mode never breaks a search.
    SearchMode mode = queryVectors == null ? SearchMode.KEYWORD : request.mode();
    try {
      return switch (mode) {
        case KEYWORD -> keyword(request, principal);
        case SEMANTIC -> vectorRanked(request, principal, false);
        case HYBRID -> vectorRanked(request, principal, true);
      };
    } catch (IndexSearcher.TooManyClauses e) {
      // A wildcard expanded too far: rank by the words alone instead.
      String words = QuerySyntax.plainWords(request.query());
      if (words.isEmpty()) {
        return SearchResults.none(principal);
      }
      try {
        return vectorRanked(request.withQuery(words), principal, true);
      } catch (IOException | AlreadyClosedException failure) {
        throw readFailure(failure);
      }
    } catch (IOException | AlreadyClosedException e) {
      throw readFailure(e);
    }
  }

  /** BM25 over every word; loosely over content words for questions or after no match. */
  private SearchResults keyword(SearchRequest request, String principal) throws SearchException {
    String query = request.query();
    if (QueryWords.isQuestion(query) && !QueryWords.contentWords(query).isEmpty()) {
      return runText(request, principal, textQueries.loose(query));
    }
    SearchResults strict = runText(request, principal, textQueries.parse(query));
    if (strict.total() == 0 && QueryWords.loosenable(query)) {
      return runText(request, principal, textQueries.loose(query));
    }
    return strict;
  }

  private SearchResults runText(SearchRequest request, String principal, Query text)
      throws SearchException {
    try {
      return run(request, principal, text);
    } catch (IndexSearcher.TooManyClauses e) {
      // A wildcard expanded too far: search the words alone instead.
      return runOrFail(request, principal, textQueries.plainWords(request.query()));
    } catch (IOException | AlreadyClosedException e) {
      throw readFailure(e);
    }
  }

  /**
   * Semantic ranking (the vector query alone) or hybrid (fused with the keyword ranking), by {@link
   * VectorRanking}. Both queries carry the reader filter inside them; the total and facets are
   * counted over the union of what they found, again with the reader filter inside the counting
   * query, beside the loading of the page.
   */
  private SearchResults vectorRanked(SearchRequest request, String principal, boolean hybrid)
      throws SearchException, IOException {
    int wanted = request.offset() + request.limit();
    IndexSearcher searcher = acquire();
    try {
      VectorRanking.Ranking ranking;
      try {
        ranking = vectorRanking.rank(SearchThreads.parallel(searcher), request, principal, hybrid);
      } catch (EmbeddingException e) {
        throw new SearchException(
            "Semantic search is unavailable (" + e.getMessage() + "); search with mode keyword.",
            e);
      }
      Query matches = SearchFilters.documents(request, principal, ranking.matches());
      SearchThreads.Pending<Counted> counting = SearchThreads.start(() -> count(searcher, matches));
      List<RankFusion.Fused<String>> ranked = ranking.ranked();
      List<RankFusion.Fused<String>> page =
          ranked.size() <= request.offset()
              ? List.of()
              : ranked.subList(request.offset(), Math.min(ranked.size(), wanted));
      List<SearchHit> hits;
      try {
        hits = toRankedHits(searcher, principal, request, page, ranking, hybrid);
      } catch (IOException | RuntimeException | Error e) {
        counting.awaitQuietly(); // never leave work running on a searcher about to be released
        throw e;
      }
      Counted counted = counting.get();
      long total = Math.max(counted.total(), hits.size() + (long) request.offset());
      return new SearchResults(principal, hits, total, counted.exact(), counted.facets());
    } finally {
      searchers.release(searcher);
    }
  }

  /** A total and facets counted exactly up to the count cap. */
  private record Counted(long total, boolean exact, Facets facets) {}

  private Counted count(IndexSearcher searcher, Query query) throws IOException {
    FacetCounter facetCounter = new FacetCounter(countCap);
    try {
      Object[] collected =
          searcher.search(
              query,
              new MultiCollectorManager(
                  new TotalHitCountCollectorManager(), facetCounter, new MatchLimit(countCap)));
      return new Counted((Integer) collected[0], true, (Facets) collected[1]);
    } catch (MatchLimit.Exceeded e) {
      return new Counted(countCap, false, facetCounter.countedSoFar());
    }
  }

  /** One page of fused hits, each loaded under the reader filter, best passage first. */
  private List<SearchHit> toRankedHits(
      IndexSearcher searcher,
      String principal,
      SearchRequest request,
      List<RankFusion.Fused<String>> page,
      VectorRanking.Ranking ranking,
      boolean hybrid)
      throws IOException {
    if (page.isEmpty()) {
      return List.of();
    }
    Map<String, VectorRanking.PassageHit> bestPassage = ranking.bestPassage();
    Query highlightQuery = ranking.text();
    List<String> ids = new ArrayList<>(page.size());
    page.forEach(fused -> ids.add(fused.item()));
    // The documents themselves, again under the reader filter: a passage never stands in for a
    // document its searcher may not read.
    Query documents =
        new BooleanQuery.Builder()
            .add(SearchFilters.ids(ids), Occur.FILTER)
            .add(SearchFilters.readers(principal), Occur.FILTER)
            .build();
    TopDocs top = searcher.search(documents, ids.size());
    List<String> found = DocumentIds.ofDocuments(searcher, top.scoreDocs);
    Map<String, Integer> luceneDocs = new HashMap<>();
    for (int i = 0; i < found.size(); i++) {
      luceneDocs.put(found.get(i), top.scoreDocs[i].doc);
    }
    List<RankFusion.Fused<String>> kept = new ArrayList<>();
    for (RankFusion.Fused<String> fused : page) {
      if (luceneDocs.containsKey(fused.item())) {
        kept.add(fused);
      }
    }
    ScoreDoc[] docs = new ScoreDoc[kept.size()];
    for (int i = 0; i < kept.size(); i++) {
      RankFusion.Fused<String> fused = kept.get(i);
      VectorRanking.PassageHit passage = bestPassage.get(fused.item());
      float score = hybrid ? (float) fused.score() : passage == null ? 0f : passage.score();
      docs[i] = new ScoreDoc(luceneDocs.get(fused.item()), score);
    }
    List<SearchHit> hits = toHits(searcher, docs, highlightQuery);
    List<SearchHit> withPassages = new ArrayList<>(hits.size());
    StoredFields passageFields = searcher.storedFields(); // one reader for the page's passages
    for (SearchHit hit : hits) {
      VectorRanking.PassageHit passage = bestPassage.get(hit.id().toString());
      if (passage == null) {
        withPassages.add(hit);
        continue;
      }
      VectorRanking.PassageText text = VectorRanking.text(passageFields, passage);
      Snippet best = passageSnippets.snippet(text.text(), text.offset(), request.query());
      List<Snippet> snippets = new ArrayList<>();
      snippets.add(best);
      if (highlightQuery != null) {
        for (Snippet other : hit.snippets()) {
          if (!other.highlights().isEmpty() && !other.text().equals(best.text())) {
            snippets.add(other);
            break;
          }
        }
      }
      withPassages.add(
          new SearchHit(
              hit.id(),
              hit.title(),
              hit.titleSnippet(),
              snippets,
              hit.url(),
              hit.startTime(),
              hit.hostEmail(),
              hit.durationMinutes(),
              hit.score()));
    }
    return withPassages;
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
    Query query = SearchFilters.documents(request, principal, text);
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
  public List<SearchHit> listReadable(SearchRequest request, DocumentId after, int max)
      throws SearchException {
    String principal = request.principal();
    if (principal.isEmpty()) {
      return List.of();
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    query.add(new MatchAllDocsQuery(), Occur.MUST);
    query.add(SearchFilters.readers(principal), Occur.FILTER);
    SearchFilters.addRequestFilters(
        request, query, LuceneSchema.TYPE, LuceneSchema.HOST, LuceneSchema.START_TIME);
    if (after != null) {
      query.add(
          TermRangeQuery.newStringRange(LuceneSchema.ID, after.toString(), null, false, false),
          Occur.FILTER);
    }
    try {
      IndexSearcher searcher = acquire();
      try {
        requireIdOrder(searcher);
        TopDocs top = searcher.search(query.build(), max, BY_ID);
        return toHits(searcher, top.scoreDocs, null);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException | AlreadyClosedException e) {
      throw readFailure(e);
    }
  }

  /**
   * A segment written before documents carried {@link LuceneSchema#ID_ORDER} would sort its
   * documents first, unordered, and key paging would skip some: refuse instead.
   */
  private void requireIdOrder(IndexSearcher searcher) throws SearchException {
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      LeafReader reader = leaf.reader();
      if (reader.getFieldInfos().fieldInfo(LuceneSchema.READERS) != null
          && reader.getFieldInfos().fieldInfo(LuceneSchema.ID_ORDER) == null) {
        throw new SearchException(
            "This index was written by an older zoomdex that cannot list by id; run a full crawl"
                + " (`zoomdex crawl`, the default mode) once to rewrite it, then list again.",
            null);
      }
    }
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
            .add(SearchFilters.readers(principal), Occur.FILTER)
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
  public Optional<Document> inspect(DocumentId id) throws SearchException {
    try {
      IndexSearcher indexSearcher = acquire();
      try {
        TopDocs top = indexSearcher.search(new TermQuery(LuceneSchema.idTerm(id)), 1);
        if (top.scoreDocs.length == 0) {
          return Optional.empty();
        }
        int doc = top.scoreDocs[0].doc;
        org.apache.lucene.document.Document stored = indexSearcher.storedFields().document(doc);
        DocumentView view = LuceneSchema.toView(stored);
        Readers readers =
            new Readers(readersOf(indexSearcher, doc), LuceneSchema.readerRules(stored));
        return Optional.of(
            new Document(
                view.id(),
                view.title(),
                view.body(),
                view.hostEmail(),
                view.startTime(),
                view.durationMinutes(),
                view.url(),
                readers,
                view.sourceIds()));
      } finally {
        searchers.release(indexSearcher);
      }
    } catch (IOException | AlreadyClosedException e) {
      throw readFailure(e);
    }
  }

  /** The reader terms of one document, read from the postings (the filter's own truth). */
  private static Set<String> readersOf(IndexSearcher searcher, int doc) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    int local = doc - leaf.docBase;
    Set<String> readers = new TreeSet<>();
    Terms terms = leaf.reader().terms(LuceneSchema.READERS);
    if (terms == null) {
      return readers;
    }
    TermsEnum principals = terms.iterator();
    PostingsEnum postings = null;
    for (BytesRef principal = principals.next(); principal != null; principal = principals.next()) {
      postings = principals.postings(postings, PostingsEnum.NONE);
      if (postings.advance(local) == local) {
        readers.add(principal.utf8ToString());
      }
    }
    return readers;
  }

  @Override
  public Set<String> readerNames() throws SearchException {
    try {
      IndexSearcher indexSearcher = acquire();
      try {
        Set<String> names = new HashSet<>();
        for (LeafReaderContext leaf : indexSearcher.getIndexReader().leaves()) {
          Terms terms = leaf.reader().terms(LuceneSchema.READERS);
          if (terms == null) {
            continue;
          }
          Bits live = leaf.reader().getLiveDocs();
          TermsEnum principals = terms.iterator();
          PostingsEnum postings = null;
          for (BytesRef principal = principals.next();
              principal != null;
              principal = principals.next()) {
            postings = principals.postings(postings, PostingsEnum.NONE);
            for (int doc = postings.nextDoc();
                doc != DocIdSetIterator.NO_MORE_DOCS;
                doc = postings.nextDoc()) {
              if (live == null || live.get(doc)) {
                names.add(principal.utf8ToString());
                break;
              }
            }
          }
        }
        return Set.copyOf(names);
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
        return OptionalLong.of(LuceneSchema.documentCount(indexSearcher));
      } finally {
        searchers.release(indexSearcher);
      }
    } catch (IOException | AlreadyClosedException e) {
      throw readFailure(e);
    }
  }

  private IndexSearcher acquire() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    if (!refreshBeforeSearch || !CommitGenerations.newerCommitThan(searcher.getIndexReader())) {
      return searcher;
    }
    searchers.release(searcher);
    // Non-blocking: if another thread is already refreshing, search the current commit.
    searchers.maybeRefresh();
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
