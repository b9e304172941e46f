package io.zoomdex.search;

import io.zoomdex.document.DocumentType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts of the matching readable documents, by type, by host and by start month. Documents without
 * a host or start time are left out of those counts.
 *
 * @param byType count per document type, in {@link DocumentType} order, only types with a count
 * @param byHost count per host email, largest first, at most {@link #MAX_HOSTS} hosts
 * @param byMonth count per start month ({@code yyyy-MM}, UTC), newest first
 */
public record Facets(
    Map<DocumentType, Long> byType, Map<String, Long> byHost, Map<String, Long> byMonth) {

  /** How many hosts the host facet lists at most. */
  public static final int MAX_HOSTS = 20;

  public static final Facets NONE = new Facets(Map.of(), Map.of(), Map.of());

  public Facets {
    byType = Collections.unmodifiableMap(new LinkedHashMap<>(byType));
    byHost = Collections.unmodifiableMap(new LinkedHashMap<>(byHost));
    byMonth = Collections.unmodifiableMap(new LinkedHashMap<>(byMonth));
  }
}
