package io.zoomdex.sink.lucene;

import java.util.Collection;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Ends a search with {@link Exceeded} as soon as more than {@code limit} documents match, so a pass
 * that must see every match (exact total, facets) is tried only while that stays cheap. Counts
 * across segments; the searcher runs without an executor, so one collector sees every segment.
 */
final class MatchLimit implements CollectorManager<Collector, Void> {

  /** Thrown out of the search when the matches pass the limit; carries no stack trace. */
  static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exceeded() {
      super("more matches than the limit", null, false, false);
    }
  }

  private final int limit;

  /**
   * @param limit most matches allowed, at least 0
   */
  MatchLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("match limit must not be negative, not " + limit);
    }
    this.limit = limit;
  }

  @Override
  public Collector newCollector() {
    return new Collector() {
      private int matches;

      @Override
      public LeafCollector getLeafCollector(LeafReaderContext context) {
        return new LeafCollector() {
          @Override
          public void setScorer(Scorable scorer) {
            // Counting needs no scores.
          }

          @Override
          public void collect(int doc) {
            if (++matches > limit) {
              throw new Exceeded();
            }
          }
        };
      }

      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
      }
    };
  }

  @Override
  public Void reduce(Collection<Collector> collectors) {
    return null;
  }
}
