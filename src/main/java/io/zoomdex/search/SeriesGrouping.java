package io.zoomdex.search;

import io.zoomdex.document.DocumentId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collapses a recurring meeting's (or webinar's) many matching documents into one result with "N
 * more from this series", as mail and chat search collapse a thread. The best-ranked document of a
 * series stands for it, in its place; the others are kept with it. The members come only from the
 * searcher's own results, so a document they may not read is never counted.
 *
 * <p>The results are read past the page, five hits per series on it ({@link #window}: 50 for a
 * first page of 10), to find the page's series' other members: a series with members beyond that
 * window shows fewer "more" than it has, and the total of series is then a lower bound.
 */
public final class SeriesGrouping {
  /** Hits read per call to the search service (its largest page). */
  private static final int CHUNK = SearchRequest.MAX_LIMIT;

  private SeriesGrouping() {}

  /** What a grouped search found: one hit per series on the page, and each one's other members. */
  public record Grouped(SearchResults results, Map<DocumentId, List<SearchHit>> more) {
    public Grouped {
      more = Map.copyOf(more);
    }

    /** The other matching documents of {@code head}'s series, best first; empty when none. */
    public List<SearchHit> moreOf(SearchHit head) {
      return more.getOrDefault(head.id(), List.of());
    }
  }

  /** The series key of a document from its Zoom source ids: "meeting:ID", "webinar:ID" or "". */
  public static String seriesKey(Map<String, String> sourceIds) {
    String meeting = sourceIds.getOrDefault("meeting_id", "");
    if (!meeting.isBlank()) {
      return "meeting:" + meeting;
    }
    String webinar = sourceIds.getOrDefault("webinar_id", "");
    return webinar.isBlank() ? "" : "webinar:" + webinar;
  }

  /** Most hits read past the window to fill a page whose matches crowd into few series. */
  private static final int MAX_READ = 1_000;

  /** Hits read per series on the page: enough to find a crowded series' others, few to rank. */
  private static final int HITS_PER_SERIES = 5;

  /**
   * How many hits are read to group the page at {@code offset} of {@code limit} series: five per
   * series up to the page's end (50 for a first page of 10), whole chunks past one chunk.
   */
  static int window(int offset, int limit) {
    int wanted = (offset + limit) * HITS_PER_SERIES;
    if (wanted <= CHUNK) {
      return wanted;
    }
    int rounded = (wanted + CHUNK - 1) / CHUNK * CHUNK;
    return Math.min(SearchRequest.MAX_WINDOW, rounded);
  }

  /**
   * Searches and groups: {@code request}'s offset and limit count series, not documents.
   *
   * @throws SearchException as {@link SearchService#search}
   */
  public static Grouped search(SearchService service, SearchRequest request)
      throws SearchException {
    int seriesWanted = request.offset() + request.limit();
    int window = window(request.offset(), request.limit());
    Map<String, List<SearchHit>> bySeries = new LinkedHashMap<>();
    int read = 0;
    SearchResults first = null;
    boolean exhausted = false;
    // Read the window; past it, read on while the page still lacks series (one crowded series
    // can fill a window), up to MAX_READ hits.
    while (read < window || bySeries.size() < seriesWanted) {
      int chunkSize = read < window ? Math.min(CHUNK, window - read) : CHUNK;
      if (read + chunkSize > Math.max(window, MAX_READ)) {
        break;
      }
      SearchResults chunk = service.search(request.withPage(chunkSize, read));
      if (first == null) {
        first = chunk;
      }
      for (SearchHit hit : chunk.hits()) {
        String key = hit.series().isEmpty() ? "document:" + hit.id() : hit.series();
        bySeries.computeIfAbsent(key, k -> new ArrayList<>()).add(hit);
      }
      read += chunk.hits().size();
      if (chunk.hits().size() < chunkSize || read >= chunk.total() && chunk.totalExact()) {
        exhausted = true;
        break;
      }
    }
    if (first == null) {
      first = service.search(request.withPage(1, 0));
    }
    List<List<SearchHit>> groups = new ArrayList<>(bySeries.values());
    int from = Math.min(request.offset(), groups.size());
    int to = Math.min(request.offset() + request.limit(), groups.size());
    List<SearchHit> heads = new ArrayList<>();
    Map<DocumentId, List<SearchHit>> more = new LinkedHashMap<>();
    for (List<SearchHit> group : groups.subList(from, to)) {
      heads.add(group.get(0));
      if (group.size() > 1) {
        more.put(group.get(0).id(), List.copyOf(group.subList(1, group.size())));
      }
    }
    SearchResults page =
        new SearchResults(
            first.principal(),
            heads,
            Math.max(groups.size(), heads.size()),
            exhausted,
            first.facets());
    return new Grouped(page, more);
  }
}
