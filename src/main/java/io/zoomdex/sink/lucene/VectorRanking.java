package io.zoomdex.sink.lucene;

import io.zoomdex.embed.EmbeddingException;
import io.zoomdex.search.QueryWords;
import io.zoomdex.search.RankFusion;
import io.zoomdex.search.SearchRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Ranks the documents of a semantic or hybrid search. Semantic: the readable passages nearest the
 * query vector (the reader filter inside the HNSW search), each document at its best passage.
 * Hybrid: that ranking fused with the keyword ranking by reciprocal rank. The vector search and the
 * keyword ranking run side by side on {@link SearchThreads}, each spread over the segments, and the
 * keyword ranking starts before the query is embedded, so a search takes about the longer of the
 * two rather than their sum.
 */
final class VectorRanking {

  /**
   * How many passages the vector query asks for at least (HNSW's search breadth): the filter runs
   * inside the HNSW search, and asking for more than the page keeps recall high for broad readers.
   * Recall falls as segments grow at a fixed k: each segment's graph is larger, and Lucene stops
   * searching a segment early once it cannot beat the best found in the others (its shared minimum
   * score across segments). Measured at 1,000,000 documents with real embeddings (BENCHMARKS.md
   * section 11, a reader of 20%), with the 25 segments Lucene's merge policy leaves once its merges
   * have run: document recall@10 0.935 at k=100, 0.965 at 150, 0.969 at 200, 0.980 at 300; the same
   * index before those merges (52 segments) reached 0.986 at k=100 for 1.5 times the CPU. The
   * relevance set ranks the same at 100 and 150. {@code -Dzoomdex.knn.k} sets another for a
   * benchmark.
   */
  static final int KNN_K = Integer.getInteger("zoomdex.knn.k", 150);

  /** How many keyword hits hybrid ranking fuses at least. */
  static final int KEYWORD_CANDIDATES = 100;

  /** A passage found by the vector query: its document, its score and where it is stored. */
  record PassageHit(String documentId, float score, int doc) {}

  /** What a hit shows of its best passage: the text, and its offset into a recording or null. */
  record PassageText(String text, Duration offset) {}

  /**
   * A ranking: the documents best first with their fused scores, each document's best passage, and
   * the keyword query hybrid ranking used (null for semantic ranking).
   */
  record Ranking(
      List<RankFusion.Fused<String>> ranked, Map<String, PassageHit> bestPassage, Query text) {

    /** Every document either ranking found (its total and facets are counted over these). */
    Query matches() {
      Query found = SearchFilters.ids(bestPassage.keySet());
      return text == null
          ? found
          : new BooleanQuery.Builder().add(text, Occur.SHOULD).add(found, Occur.SHOULD).build();
    }
  }

  private final TextQueries textQueries;
  private final LuceneSearchService.QueryVectors queryVectors;

  VectorRanking(TextQueries textQueries, LuceneSearchService.QueryVectors queryVectors) {
    this.textQueries = textQueries;
    this.queryVectors = queryVectors;
  }

  /**
   * Ranks at least the request's page of documents. The keyword ranking starts first, so that it
   * runs while the query is embedded.
   *
   * @param searcher a searcher whose queries may spread over {@link SearchThreads}
   * @throws EmbeddingException when the query cannot be embedded
   */
  Ranking rank(IndexSearcher searcher, SearchRequest request, String principal, boolean hybrid)
      throws IOException, EmbeddingException {
    int wanted = request.offset() + request.limit();
    SearchThreads.Pending<KeywordRanking> keywords =
        hybrid
            ? SearchThreads.start(() -> keywordRanking(searcher, request, principal, wanted))
            : null;
    List<PassageHit> passages;
    try {
      float[] vector = queryVectors.embedding().embed(request.query());
      passages = nearestPassages(searcher, request, principal, vector, wanted);
    } catch (IOException | EmbeddingException | RuntimeException | Error e) {
      if (keywords != null) {
        keywords.awaitQuietly(); // never leave work running on a searcher about to be released
      }
      throw e;
    }
    KeywordRanking keyword = keywords == null ? KeywordRanking.NONE : keywords.get();
    Map<String, PassageHit> bestPassage = new LinkedHashMap<>();
    for (PassageHit passage : passages) {
      bestPassage.putIfAbsent(passage.documentId(), passage);
    }
    List<RankFusion.Fused<String>> ranked =
        RankFusion.STANDARD.fuse(keyword.ids(), new ArrayList<>(bestPassage.keySet()));
    return new Ranking(ranked, bestPassage, keyword.text());
  }

  /**
   * The readable passages nearest the query vector, best first, filtered inside the HNSW search.
   */
  private List<PassageHit> nearestPassages(
      IndexSearcher searcher, SearchRequest request, String principal, float[] vector, int wanted)
      throws IOException {
    // Several passages per document: ask for more than the page so enough documents remain.
    int k = Math.max(KNN_K, 3 * wanted);
    Query knn =
        new SmallSegmentsExactKnnQuery(
            LuceneSchema.vectorField(queryVectors.model().dimension()),
            vector,
            k,
            SearchFilters.passages(request, principal, queryVectors.model()));
    TopDocs top = searcher.search(knn, k);
    List<String> documents = DocumentIds.ofPassages(searcher, top.scoreDocs);
    List<PassageHit> hits = new ArrayList<>(top.scoreDocs.length);
    for (int i = 0; i < top.scoreDocs.length; i++) {
      ScoreDoc hit = top.scoreDocs[i];
      // Lucene scores DOT_PRODUCT as (1 + cosine) / 2; too far to be found by meaning: stop.
      if (2 * hit.score - 1 < queryVectors.minimumSimilarity()) {
        break;
      }
      hits.add(new PassageHit(documents.get(i), hit.score, hit.doc));
    }
    return hits;
  }

  /** The stored text of a passage found by {@link #rank}, loaded only for the hits shown. */
  static PassageText text(StoredFields stored, PassageHit passage) throws IOException {
    Document fields = stored.document(passage.doc(), LuceneSchema.PASSAGE_FIELDS);
    return new PassageText(
        fields.get(LuceneSchema.PASSAGE_TEXT), LuceneSchema.passageOffset(fields));
  }

  /** The keyword side of a hybrid ranking: the query used and its top documents' ids. */
  private record KeywordRanking(Query text, List<String> ids) {
    static final KeywordRanking NONE = new KeywordRanking(null, List.of());
  }

  /**
   * The top keyword hits, best first: every word for a plain query (then loosely, when that matches
   * nothing), content words loosely for a question.
   */
  private KeywordRanking keywordRanking(
      IndexSearcher searcher, SearchRequest request, String principal, int wanted)
      throws IOException {
    String query = request.query();
    boolean question = QueryWords.isQuestion(query);
    Query text = question ? textQueries.loose(query) : textQueries.parse(query);
    List<String> ids = topIds(searcher, request, principal, text, wanted);
    if (ids.isEmpty() && !question && QueryWords.loosenable(query)) {
      text = textQueries.loose(query);
      ids = topIds(searcher, request, principal, text, wanted);
    }
    return new KeywordRanking(text, ids);
  }

  private static List<String> topIds(
      IndexSearcher searcher, SearchRequest request, String principal, Query text, int wanted)
      throws IOException {
    int n = Math.max(KEYWORD_CANDIDATES, wanted);
    // Counting is done apart, over both rankings' documents: this pass may skip documents that
    // cannot reach its top n from the start (Lucene counts the first 1,000 hits by default).
    TopDocs top =
        searcher.search(
            SearchFilters.documents(request, principal, text),
            new TopScoreDocCollectorManager(n, null, n));
    return DocumentIds.ofDocuments(searcher, top.scoreDocs);
  }
}
