package io.zoomdex.bench;

import io.zoomdex.embed.Embedder;
import io.zoomdex.embed.EmbedderSettings;
import io.zoomdex.simulator.corpus.MeetingCorpus;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
import org.apache.lucene.search.TopKnnCollector;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.knn.KnnCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * Diagnosis of filtered-vector recall on a kept {@link VectorBench} index: for several ways of
 * asking the HNSW search (k, with or without Lucene's cross-segment early termination), the
 * document recall@10 against brute force and the searching thread's CPU time per query.
 *
 * <p>{@code VectorRecallProbe --index DIR [--ks 50,100,200] [--plain false] [--merge-to N]}:
 * "plain" is every segment searched for its own k best, without the shared minimum score (far
 * costlier); {@code --merge-to N} first force-merges the index (in place) to at most N segments.
 */
public final class VectorRecallProbe {
  private static final String READERS = "passage_readers";
  private static final String PASSAGE_OF = "passage_of";

  private VectorRecallProbe() {}

  public static void main(String[] argv) throws Exception {
    Args a = new Args(argv);
    Path index = Path.of(a.get("index"));
    int mergeTo = a.getInt("merge-to", 0);
    if (mergeTo > 0) {
      forceMerge(index, mergeTo);
    }
    List<Integer> ks =
        Arrays.stream(a.get("ks", "50,100,200").split(",")).map(Integer::parseInt).toList();
    List<String> queries =
        RelevanceSet.read(RelevanceSet.DEFAULT_FILE, MeetingCorpus.builtIn()).queries().stream()
            .map(RelevanceSet.Query::text)
            .toList();
    List<float[]> vectors = new ArrayList<>();
    float minimum;
    try (Embedder model = EmbedderSettings.defaults().open()) {
      for (String q : queries) {
        vectors.add(model.embedQuery(q));
      }
      minimum = model.minimumSimilarity();
    }
    String field = "passage_vector_" + vectors.get(0).length;
    Query filter = new TermQuery(new Term(READERS, VectorBench.MANY));
    try (var dir = FSDirectory.open(index);
        DirectoryReader ir = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(ir);
      System.out.printf(Locale.ROOT, "docs %d, segments %d%n", ir.numDocs(), ir.leaves().size());
      for (LeafReaderContext leaf : ir.leaves()) {
        System.out.print(leaf.reader().maxDoc() + " ");
      }
      System.out.println();
      StoredFields stored = searcher.storedFields();
      List<Map<String, Float>> bestOfDoc = new ArrayList<>();
      List<Float> tenth = new ArrayList<>();
      List<PriorityQueue<ScoreDoc>> exact = bruteForce(searcher, field, filter, vectors);
      for (PriorityQueue<ScoreDoc> e : exact) {
        List<ScoreDoc> ranked = new ArrayList<>(e);
        ranked.sort((x, y) -> Float.compare(y.score, x.score));
        ranked.removeIf(hit -> 2 * hit.score - 1 < minimum);
        Map<String, Float> best = new LinkedHashMap<>();
        for (ScoreDoc hit : ranked) {
          best.putIfAbsent(stored.document(hit.doc, Set.of(PASSAGE_OF)).get(PASSAGE_OF), hit.score);
        }
        bestOfDoc.add(best);
        List<Float> s = new ArrayList<>(best.values());
        tenth.add(s.isEmpty() ? Float.NaN : s.get(Math.min(10, s.size()) - 1));
      }
      ThreadMXBean tm = ManagementFactory.getThreadMXBean();
      for (boolean greedy :
          a.get("plain", "true").equals("true") ? List.of(true, false) : List.of(true)) {
        for (int k : ks) {
          for (int pass = 0; pass < 2; pass++) { // first pass warms up
            double recallSum = 0;
            int n = 0;
            double[] cpu = new double[queries.size()];
            for (int q = 0; q < queries.size(); q++) {
              if (Float.isNaN(tenth.get(q))) {
                continue;
              }
              Query knn =
                  greedy
                      ? new KnnFloatVectorQuery(field, vectors.get(q), k, filter)
                      : new PlainKnn(field, vectors.get(q), k, filter);
              long c = tm.getCurrentThreadCpuTime();
              ScoreDoc[] hits = searcher.search(knn, k).scoreDocs;
              cpu[q] = (tm.getCurrentThreadCpuTime() - c) / 1e6;
              Map<String, Float> docs = new LinkedHashMap<>();
              for (ScoreDoc hit : hits) {
                if (2 * hit.score - 1 < minimum || docs.size() == 10) {
                  break;
                }
                docs.putIfAbsent(
                    stored.document(hit.doc, Set.of(PASSAGE_OF)).get(PASSAGE_OF), hit.score);
              }
              int expected = Math.min(10, bestOfDoc.get(q).size());
              int found = 0;
              for (String d : docs.keySet()) {
                Float s = bestOfDoc.get(q).get(d);
                found += s != null && s >= tenth.get(q) ? 1 : 0;
              }
              recallSum += (double) Math.min(found, expected) / expected;
              n++;
            }
            Arrays.sort(cpu);
            if (pass == 1) {
              System.out.printf(
                  Locale.ROOT,
                  "%s k=%d recall %.3f cpu p50 %.1f p99 %.1f ms%n",
                  greedy ? "greedy" : "plain ",
                  k,
                  recallSum / n,
                  cpu[cpu.length / 2],
                  cpu[(int) Math.ceil(cpu.length * 0.99) - 1]);
            }
          }
        }
      }
    }
  }

  /** Every segment searched for its own k best, without the shared minimum score. */
  static final class PlainKnn extends KnnFloatVectorQuery {
    PlainKnn(String field, float[] target, int k, Query filter) {
      super(field, target, k, filter);
    }

    @Override
    protected KnnCollectorManager getKnnCollectorManager(int k, IndexSearcher searcher) {
      return (visitedLimit, context) -> new TopKnnCollector(k, visitedLimit);
    }
  }

  private static List<PriorityQueue<ScoreDoc>> bruteForce(
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
        float[] passage = values.vectorValue();
        for (int q = 0; q < vectors.size(); q++) {
          float score = VectorSimilarityFunction.DOT_PRODUCT.compare(vectors.get(q), passage);
          PriorityQueue<ScoreDoc> top = best.get(q);
          if (top.size() < 300) {
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

  /** Force-merges the index in place, with the codec and vector format a crawl writes. */
  private static void forceMerge(Path index, int segments) throws java.io.IOException {
    long started = System.nanoTime();
    try (var dir = FSDirectory.open(index);
        var writer =
            new org.apache.lucene.index.IndexWriter(
                dir,
                new org.apache.lucene.index.IndexWriterConfig()
                    .setCodec(io.zoomdex.sink.lucene.LuceneIndexSink.codec())
                    .setOpenMode(org.apache.lucene.index.IndexWriterConfig.OpenMode.APPEND))) {
      writer.forceMerge(segments);
      writer.commit();
    }
    System.out.printf(
        Locale.ROOT,
        "force-merged to %d segment(s) in %.0f s%n",
        segments,
        (System.nanoTime() - started) / 1e9);
  }
}
