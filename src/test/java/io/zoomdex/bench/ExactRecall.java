package io.zoomdex.bench;

import io.zoomdex.embed.Embedder;
import io.zoomdex.search.SearchHit;
import io.zoomdex.search.SearchMode;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * Filtered-vector recall@10 of one reader against an exact search: every passage the reader may
 * read is scored against the query vector by brute force (float32, Lucene's DOT_PRODUCT score), and
 * compared with what the HNSW search found.
 *
 * <p>Two measures, both against the same exact ranking: the documents {@code SearchService} returns
 * in semantic mode (a returned document counts when its exact best-passage score reaches the exact
 * 10th document's, so documents whose passages are equal, and tie, are interchangeable), and the
 * passage vectors of the filtered {@link KnnFloatVectorQuery} alone (the first 10 distinct vectors
 * it returns against the exact 10 nearest distinct ones; an equal vector found twice counts once).
 */
final class ExactRecall {
  // The schema's names (LuceneSchema is package-private in the sink): the passages' reader field,
  // their vector field per dimension, their document and text.
  private static final String READERS = "passage_readers";
  private static final String VECTOR = "passage_vector_";
  private static final String PASSAGE_OF = "passage_of";
  private static final String TEXT = "passage_text";
  private static final int K = 10;
  static final int KNN_K = 150; // VectorRanking.KNN_K
  private static final int EXACT_DEPTH = 300;

  private final List<Double> documentRecall = new ArrayList<>();
  private final List<Double> passageRecall = new ArrayList<>();
  private long readable;
  private double exactSeconds;
  private String reader;
  private int nothingNear;

  private ExactRecall() {}

  static ExactRecall measure(
      Path index,
      SearchService search,
      Embedder embedder,
      List<String> queries,
      String reader,
      int dimension)
      throws Exception {
    ExactRecall result = new ExactRecall();
    result.reader = reader;

    List<float[]> vectors = new ArrayList<>();
    for (String q : queries) {
      vectors.add(embedder.embedQuery(q));
    }
    String field = VECTOR + dimension;
    Query filter = new TermQuery(new Term(READERS, reader));
    try (var directory = FSDirectory.open(index);
        DirectoryReader ir = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(ir);
      long started = System.nanoTime();
      List<PriorityQueue<ScoreDoc>> exact = result.bruteForce(searcher, field, filter, vectors);
      result.exactSeconds = (System.nanoTime() - started) / 1e9;
      StoredFields stored = searcher.storedFields();
      float minimum = embedder.minimumSimilarity();
      for (int q = 0; q < queries.size(); q++) {
        List<ScoreDoc> ranked = new ArrayList<>(exact.get(q));
        ranked.sort((x, y) -> Float.compare(y.score, x.score));
        // As the service does: a passage below the model's minimum similarity is not found.
        ranked.removeIf(hit -> 2 * hit.score - 1 < minimum);
        if (ranked.isEmpty()) {
          result.nothingNear++;
          continue;
        }
        Map<String, Float> bestOfDocument = new LinkedHashMap<>();
        Set<VectorKey> exactPassages = new LinkedHashSet<>();
        for (ScoreDoc hit : ranked) {
          bestOfDocument.putIfAbsent(
              stored.document(hit.doc, Set.of(PASSAGE_OF)).get(PASSAGE_OF), hit.score);
          if (exactPassages.size() < K) {
            exactPassages.add(VectorKey.of(searcher, field, hit.doc));
          }
        }
        // The production path: semantic mode through the search service.
        List<SearchHit> hits =
            search
                .search(SearchRequest.of(reader, queries.get(q)).withMode(SearchMode.SEMANTIC))
                .hits();
        result.documentRecall.add(
            documentRecall(bestOfDocument, hits.stream().map(h -> h.id().toString()).toList()));
        // The vector query alone: distinct vectors.
        ScoreDoc[] knn =
            searcher.search(new KnnFloatVectorQuery(field, vectors.get(q), KNN_K, filter), KNN_K)
                .scoreDocs;
        Set<VectorKey> knnPassages = new LinkedHashSet<>();
        for (ScoreDoc hit : knn) {
          if (knnPassages.size() < K) {
            knnPassages.add(VectorKey.of(searcher, field, hit.doc));
          }
        }
        knnPassages.retainAll(exactPassages);
        result.passageRecall.add((double) knnPassages.size() / exactPassages.size());
      }
    }
    return result;
  }

  /**
   * Recall@10 of the documents a search returned against an exact ranking.
   *
   * @param bestOfDocument every document's exact best-passage score, best first (at least one)
   * @param returned the ids of the documents the search returned, in its order; one counts when its
   *     exact score reaches the exact 10th document's (documents with equal passages tie)
   */
  static double documentRecall(Map<String, Float> bestOfDocument, List<String> returned) {
    List<Float> documentScores = new ArrayList<>(bestOfDocument.values());
    int expected = Math.min(K, documentScores.size());
    float tenth = documentScores.get(expected - 1);
    int found = 0;
    for (String id : returned) {
      Float exactScore = bestOfDocument.get(id);
      found += exactScore != null && exactScore >= tenth ? 1 : 0;
    }
    return (double) Math.min(found, expected) / expected;
  }

  /**
   * A passage vector's identity: copies of a crawled document (and any passages whose text and
   * title are the same) carry equal vectors, which are one distinct passage here. Read from the
   * float vectors Lucene keeps beside the graph (also in the int8 format).
   */
  private record VectorKey(int hash, float[] vector) {
    static VectorKey of(IndexSearcher searcher, String field, int doc) throws java.io.IOException {
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
      FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
      int local = doc - leaf.docBase;
      if (values == null || values.advance(local) != local) {
        throw new IllegalStateException("no vector for passage " + doc);
      }
      float[] vector = values.vectorValue().clone();
      return new VectorKey(java.util.Arrays.hashCode(vector), vector);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof VectorKey key
          && key.hash == hash
          && java.util.Arrays.equals(key.vector, vector);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** The EXACT_DEPTH best readable passages for every query, by brute force. */
  private List<PriorityQueue<ScoreDoc>> bruteForce(
      IndexSearcher searcher, String field, Query filter, List<float[]> vectors) throws Exception {
    List<PriorityQueue<ScoreDoc>> best = new ArrayList<>();
    for (int q = 0; q < vectors.size(); q++) {
      best.add(new PriorityQueue<>((x, y) -> Float.compare(x.score, y.score)));
    }
    Weight weight =
        searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
      Scorer scorer = weight.scorer(leaf);
      if (values == null || scorer == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator allowed = scorer.iterator();
      for (int doc = allowed.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = allowed.nextDoc()) {
        if ((live != null && !live.get(doc)) || values.advance(doc) != doc) {
          continue;
        }
        readable++;
        float[] passage = values.vectorValue();
        for (int q = 0; q < vectors.size(); q++) {
          float score = VectorSimilarityFunction.DOT_PRODUCT.compare(vectors.get(q), passage);
          PriorityQueue<ScoreDoc> top = best.get(q);
          if (top.size() < EXACT_DEPTH) {
            top.add(new ScoreDoc(leaf.docBase + doc, score));
          } else if (score > top.peek().score) {
            top.poll();
            top.add(new ScoreDoc(leaf.docBase + doc, score));
          }
        }
      }
    }
    return best;
  }

  String markdown() {
    return String.format(
        Locale.ROOT,
        "Filtered-vector recall@10 of \"%s\" against an exact search (brute force over the"
            + " %,d passages that reader may read, float32 dot products, %.0f s for all %d queries):"
            + " documents returned by semantic search **%.3f** (mean over the relevance set's"
            + " %d queries with a passage above the model's minimum similarity, %d without; min %.2f; a"
            + " returned document counts when its exact best-passage score reaches the exact 10th"
            + " document's, since documents with equal passages tie); the filtered HNSW query"
            + " alone (k=%d as the service asks), distinct passage vectors: **%.3f** (min %.2f)."
            + " Goal ≥ 0.95: **%s**.\n",
        reader.startsWith("many") ? "many (reads 20%)" : reader,
        readable,
        exactSeconds,
        documentRecall.size() + nothingNear,
        mean(documentRecall),
        documentRecall.size(),
        nothingNear,
        min(documentRecall),
        KNN_K,
        mean(passageRecall),
        min(passageRecall),
        mean(documentRecall) >= 0.95 && mean(passageRecall) >= 0.95 ? "met" : "missed");
  }

  static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }

  static double min(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
  }
}
