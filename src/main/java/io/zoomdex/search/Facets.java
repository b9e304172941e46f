package io.zoomdex.search;

import io.zoomdex.document.DocumentType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts of the matching readable documents, by type, by host and by start month. Documents without
 * a host or start time are left out of those counts. Only readable documents are ever counted.
 *
 * <p>When the search matched more documents than the backend counts facets over (see {@link
 * SearchResults#COUNT_CAP}), the counts cover a sample of the matches and {@code exact} is false:
 * each count is then a lower bound of the true one, never more.
 *
 * @param byType count per document type, in {@link DocumentType} order, only types with a count
 * @param byHost count per host email, largest first, at most {@link #MAX_HOSTS} hosts
 * @param byMonth count per start month ({@code yyyy-MM}, UTC), newest first
 * @param exact whether the counts cover every match (false: a sample, each count a lower bound)
 */
public record Facets(
    Map<DocumentType, Long> byType,
    Map<String, Long> byHost,
    Map<String, Long> byMonth,
    boolean exact) {

  /** How many hosts the host facet lists at most. */
  public static final int MAX_HOSTS = 20;

  public static final Facets NONE = new Facets(Map.of(), Map.of(), Map.of(), true);

  public Facets {
    byType = Collections.unmodifiableMap(new LinkedHashMap<>(byType));
    byHost = Collections.unmodifiableMap(new LinkedHashMap<>(byHost));
    byMonth = Collections.unmodifiableMap(new LinkedHashMap<>(byMonth));
  }

  /** Exact counts over every match. */
  public Facets(
      Map<DocumentType, Long> byType, Map<String, Long> byHost, Map<String, Long> byMonth) {
    this(byType, byHost, byMonth, true);
  }

  /** The same counts, marked as covering only a sample of the matches. */
  public Facets sampled() {
    return new Facets(byType, byHost, byMonth, false);
  }
}
