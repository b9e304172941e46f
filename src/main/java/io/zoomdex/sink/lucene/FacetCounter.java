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
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts type, host and month over exactly the documents the query matched (the reader filter is
 * part of that query, so unreadable documents are never counted). Counts per segment ordinal,
 * resolving ordinals to strings once per segment at the end.
 */
final class FacetCounter implements CollectorManager<FacetCounter.Counting, Facets> {

  @Override
  public Counting newCollector() {
    return new Counting();
  }

  @Override
  public Facets reduce(Collection<Counting> collectors) throws IOException {
    Map<String, Long> types = new HashMap<>();
    Map<String, Long> hosts = new HashMap<>();
    Map<String, Long> months = new HashMap<>();
    for (Counting collector : collectors) {
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
    return new Facets(byType, byHost, byMonth);
  }

  /** Collects one search's counts, one {@link LeafCounts} per segment. */
  static final class Counting implements Collector {
    private final List<LeafCounts> leaves = new ArrayList<>();

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      LeafCounts leaf =
          new LeafCounts(
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

  private record LeafCounts(OrdinalCounts type, OrdinalCounts host, OrdinalCounts month)
      implements LeafCollector {
    @Override
    public void setScorer(Scorable scorer) {
      // Counting needs no scores.
    }

    @Override
    public void collect(int doc) throws IOException {
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
