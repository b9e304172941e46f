package io.zoomdex.sink.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.knn.TopKnnCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;

/**
 * A segment with few readable passages is scored exactly instead of walking its graph first; one
 * with many is still searched through the graph.
 */
class SmallSegmentsExactKnnQueryTest {

  private static final int K = 10;
  private static final int DOCUMENTS = 2_000;
  private static final String FIELD = "vector";
  private static final TermQuery FEW = new TermQuery(new Term("group", "few"));

  private final Random random = new Random(7);
  private final List<float[]> vectors = new ArrayList<>();

  @Test
  void approximateSearch_atMostFiveTimesK_leavesTheSegmentToExactScoring() throws IOException {
    try (ByteBuffersDirectory directory = index();
        DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      LeafReaderContext segment = reader.leaves().get(0);
      SmallSegmentsExactKnnQuery query =
          new SmallSegmentsExactKnnQuery(FIELD, vectors.get(0), K, FEW);
      FixedBitSet accepted = everyNth(3);

      int exactLimit = SmallSegmentsExactKnnQuery.EXACT_PER_K * K;
      TopDocs skipped =
          query.approximateSearch(
              segment, accepted, exactLimit + 1, new TopKnnCollectorManager(K, searcher));
      // Lucene's visit limit is one more than the passages the filter lets through.
      TopDocs walked =
          query.approximateSearch(
              segment,
              accepted,
              accepted.cardinality() + 1,
              new TopKnnCollectorManager(K, searcher));

      assertThat(skipped.totalHits.relation).isEqualTo(TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO);
      assertThat(skipped.scoreDocs).isEmpty();
      assertThat(walked.totalHits.relation).isEqualTo(TotalHits.Relation.EQUAL_TO);
      assertThat(walked.scoreDocs).hasSize(K);
    }
  }

  @Test
  void search_fewReadablePassages_findsExactlyTheNearestOfThem() throws IOException {
    try (ByteBuffersDirectory directory = index();
        DirectoryReader reader = DirectoryReader.open(directory)) {
      float[] target = unitVector();
      TopDocs top =
          new IndexSearcher(reader)
              .search(new SmallSegmentsExactKnnQuery(FIELD, target, K, FEW), K);

      List<Integer> nearest =
          IntStream.range(0, DOCUMENTS)
              .filter(SmallSegmentsExactKnnQueryTest::isFew)
              .boxed()
              .sorted(
                  Comparator.comparingDouble(
                      (Integer doc) -> -VectorUtil.dotProduct(target, vectors.get(doc))))
              .limit(K)
              .toList();
      assertThat(List.of(top.scoreDocs).stream().map(hit -> hit.doc).toList())
          .containsExactlyElementsOf(nearest);
      assertThat(top.scoreDocs)
          .extracting((ScoreDoc hit) -> hit.score)
          .isSortedAccordingTo(Comparator.reverseOrder());
    }
  }

  /** Every 50th document is in group "few": 40 of them, at most 5 × k. */
  private static boolean isFew(int doc) {
    return doc % 50 == 0;
  }

  private ByteBuffersDirectory index() throws IOException {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (IndexWriter writer =
        new IndexWriter(directory, new IndexWriterConfig().setCodec(LuceneSchema.codec()))) {
      for (int doc = 0; doc < DOCUMENTS; doc++) {
        float[] vector = unitVector();
        vectors.add(vector);
        Document document = new Document();
        document.add(new KnnFloatVectorField(FIELD, vector, VectorSimilarityFunction.DOT_PRODUCT));
        document.add(new StringField("group", isFew(doc) ? "few" : "many", Field.Store.NO));
        writer.addDocument(document);
      }
      writer.forceMerge(1);
    }
    return directory;
  }

  private static FixedBitSet everyNth(int n) {
    FixedBitSet bits = new FixedBitSet(DOCUMENTS);
    for (int doc = 0; doc < DOCUMENTS; doc += n) {
      bits.set(doc);
    }
    return bits;
  }

  private float[] unitVector() {
    float[] vector = new float[16];
    for (int i = 0; i < vector.length; i++) {
      vector[i] = (float) random.nextGaussian();
    }
    return VectorUtil.l2normalize(vector);
  }
}
