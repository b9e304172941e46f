package io.zoomdex.sink.lucene;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.knn.KnnCollectorManager;
import org.apache.lucene.util.Bits;

/**
 * A filtered HNSW query that scores every readable passage of a segment exactly, without walking
 * its graph first, when the segment holds at most {@link #EXACT_PER_K} × k of them.
 *
 * <p>Lucene walks the graph whenever the filter lets more than k passages through, and scores them
 * all exactly once the walk has visited as many nodes as there are such passages. Measured on the
 * 1,000,000-document index (BENCHMARKS.md section 11, k=100, a reader of 20%): the walk visits
 * 550-600 nodes even in a segment of 8,000 documents, so in each segment with 400-440 readable
 * passages it ran to its limit and was followed by the exact scoring every time (about 280 µs lost
 * per such segment, seven segments per search), while exact scoring of 1,600 passages costs more
 * than the walk (690 against 420 µs). Exact scoring is also exact: those segments' nearest passages
 * are never missed.
 */
final class SmallSegmentsExactKnnQuery extends KnnFloatVectorQuery {

  /** Readable passages per asked-for passage at or below which a segment is scored exactly. */
  static final int EXACT_PER_K = 5;

  private static final TopDocs INCOMPLETE =
      new TopDocs(new TotalHits(0, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), new ScoreDoc[0]);

  SmallSegmentsExactKnnQuery(String field, float[] target, int k, Query filter) {
    super(field, target, k, filter);
  }

  @Override
  protected TopDocs approximateSearch(
      LeafReaderContext context,
      Bits acceptDocs,
      int visitedLimit,
      KnnCollectorManager knnCollectorManager)
      throws IOException {
    // With a filter, Lucene passes one more than the passages it lets through; an incomplete
    // result makes it score those exactly.
    if (getFilter() != null && visitedLimit - 1 <= (long) EXACT_PER_K * k) {
      return INCOMPLETE;
    }
    return super.approximateSearch(context, acceptDocs, visitedLimit, knnCollectorManager);
  }
}
