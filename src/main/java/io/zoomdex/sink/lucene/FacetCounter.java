package io.zoomdex.sink.lucene;

import io.zoomdex.document.DocumentType;
import io.zoomdex.search.Facets;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts type, host and month over the documents the query matched (the reader filter is part of
 * that query, so unreadable documents are never counted), at most {@code cap} of them: once a
 * collector has counted {@code cap} matches it stops the search early and the facets come back
 * {@linkplain Facets#sampled() sampled}, each count a lower bound. Counts per segment ordinal,
 * resolving ordinals to strings once per segment at the end. One instance per search: it keeps the
 * collectors it made.
 */
final class FacetCounter implements CollectorManager<FacetCounter.Counting, Facets> {

  private final int cap;
  private final List<Counting> created = new ArrayList<>();

  /**
   * @param cap most matches one search counts, at least 1
   */
  FacetCounter(int cap) {
    if (cap < 1) {
      throw new IllegalArgumentException("facet cap must be at least 1, not " + cap);
    }
    this.cap = cap;
  }

  @Override
  public Counting newCollector() {
    Counting collector = new Counting(cap);
    created.add(collector);
    return collector;
  }

  /** The counts of every collector made so far, e.g. after a search was abandoned midway. */
  Facets countedSoFar() throws IOException {
    return reduce(created);
  }

  @Override
  public Facets reduce(Collection<Counting> collectors) throws IOException {
    Map<String, Long> types = new HashMap<>();
    Map<String, Long> hosts = new HashMap<>();
    Map<String, Long> months = new HashMap<>();
    boolean sampled = false;
    for (Counting collector : collectors) {
      sampled |= collector.stopped;
      for (LeafCounts leaf : collector.leaves) {
        leaf.type.addTo(types);
        leaf.host.addTo(hosts);
        leaf.month.addTo(months);
      }
    }
    Map<DocumentType, Long> byType = new EnumMap<>(DocumentType.class);
    types.forEach((type, count) -> byType.put(DocumentType.fromPrefix(type), count));
    Map<String, Long> byHost = new LinkedHashMap<>();
    hosts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(Facets.MAX_HOSTS)
        .forEach(entry -> byHost.put(entry.getKey(), entry.getValue()));
    Map<String, Long> byMonth = new TreeMap<>(Comparator.reverseOrder());
    byMonth.putAll(months);
    Facets facets = new Facets(byType, byHost, byMonth);
    return sampled ? facets.sampled() : facets;
  }

  /**
   * Collects one search's counts, one {@link LeafCounts} per segment, until {@code cap} matches are
   * counted; a further match marks it {@link #stopped} and ends the search (Lucene's {@link
   * CollectionTerminatedException}, thrown for the current and every later segment).
   */
  static final class Counting implements Collector {
    private final List<LeafCounts> leaves = new ArrayList<>();
    private final int cap;
    private int counted;
    private boolean stopped;

    Counting(int cap) {
      this.cap = cap;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      if (stopped) {
        throw new CollectionTerminatedException(); // skips the segment
      }
      if (counted >= cap) {
        // Cannot tell yet whether this segment holds a match: stop only when one arrives.
        return new LeafCollector() {
          @Override
          public void setScorer(Scorable scorer) {
            // Counting needs no scores.
          }

          @Override
          public void collect(int doc) {
            stopped = true;
            throw new CollectionTerminatedException();
          }
        };
      }
      LeafCounts leaf =
          new LeafCounts(
              this,
              new OrdinalCounts(DocValues.getSorted(context.reader(), LuceneSchema.TYPE)),
              new OrdinalCounts(DocValues.getSorted(context.reader(), LuceneSchema.HOST)),
              new OrdinalCounts(DocValues.getSorted(context.reader(), LuceneSchema.MONTH)));
      leaves.add(leaf);
      return leaf;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }

  private record LeafCounts(
      Counting search, OrdinalCounts type, OrdinalCounts host, OrdinalCounts month)
      implements LeafCollector {
    @Override
    public void setScorer(Scorable scorer) {
      // Counting needs no scores.
    }

    @Override
    public void collect(int doc) throws IOException {
      if (search.counted >= search.cap) {
        search.stopped = true;
        throw new CollectionTerminatedException();
      }
      search.counted++;
      type.collect(doc);
      host.collect(doc);
      month.collect(doc);
    }
  }

  /** Counts of one field's values in one segment, by ordinal. */
  private static final class OrdinalCounts {
    private final SortedDocValues values;
    private final int[] counts;

    OrdinalCounts(SortedDocValues values) {
      this.values = values;
      this.counts = new int[values.getValueCount()];
    }

    void collect(int doc) throws IOException {
      if (values.advanceExact(doc)) {
        counts[values.ordValue()]++;
      }
    }

    void addTo(Map<String, Long> totals) throws IOException {
      for (int ord = 0; ord < counts.length; ord++) {
        if (counts[ord] > 0) {
          totals.merge(values.lookupOrd(ord).utf8ToString(), (long) counts[ord], Long::sum);
        }
      }
    }
  }
}
