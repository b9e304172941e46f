package io.zoomdex.search.http;

import io.zoomdex.document.DocumentType;
import io.zoomdex.search.DocumentView;
import io.zoomdex.search.Facets;
import io.zoomdex.search.SearchHit;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchResults;
import io.zoomdex.search.Snippet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON shapes of the search API, as plain maps and lists (snake_case keys). Every text is
 * plain, unescaped text plus highlight ranges; {@code html} fields are escaped with only {@code
 * <mark>} added, for clients that want ready-made HTML.
 */
final class SearchJson {

  /** A transcript cue's time, as the crawl writes it at the start of each line. */
  private static final Pattern CUE_TIME = Pattern.compile("\\[(\\d{2}:\\d{2}:\\d{2})]");

  private SearchJson() {}

  static Map<String, Object> results(SearchRequest request, SearchResults results) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("principal", results.principal());
    json.put("query", request.query());
    json.put("mode", request.mode().label());
    json.put("total", results.total());
    // "eq": total is exact; "gte": at least total match (counting stopped at the cap).
    json.put("total_relation", results.totalExact() ? "eq" : "gte");
    json.put("offset", request.offset());
    json.put("limit", request.limit());
    List<Object> hits = new ArrayList<>();
    for (SearchHit hit : results.hits()) {
      hits.add(hit(hit));
    }
    json.put("hits", hits);
    json.put("facets", facets(results.facets()));
    // False: the facet counts cover a sample of the matches, each a lower bound.
    json.put("facets_exact", results.facets().exact());
    return json;
  }

  private static Map<String, Object> hit(SearchHit hit) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", hit.id().toString());
    json.put("type", hit.type().prefix());
    json.put("title", hit.title());
    json.put("title_snippet", snippet(hit.titleSnippet(), false));
    json.put("url", hit.url());
    json.put("start_time", hit.start().map(Instant::toString).orElse(null));
    json.put("host_email", hit.hostEmail());
    json.put("duration_minutes", hit.durationMinutes());
    json.put("score", hit.score());
    boolean transcript = hit.type() == DocumentType.TRANSCRIPT;
    List<Object> snippets = new ArrayList<>();
    for (Snippet snippet : hit.snippets()) {
      snippets.add(snippet(snippet, transcript));
    }
    json.put("snippets", snippets);
    return json;
  }

  private static Map<String, Object> snippet(Snippet snippet, boolean transcript) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("text", snippet.text());
    List<int[]> ranges = new ArrayList<>();
    for (Snippet.Highlight highlight : snippet.highlights()) {
      ranges.add(new int[] {highlight.start(), highlight.end()});
    }
    json.put("highlights", ranges);
    json.put("html", snippet.html());
    if (transcript || snippet.offset() != null) {
      // hh:mm:ss into the recording, and the same in seconds, where the passage is said.
      json.put("time", snippet.offset() != null ? snippet.offsetText() : cueTime(snippet));
      json.put("offset_seconds", snippet.at().map(at -> at.toSeconds()).orElse(null));
    }
    return json;
  }

  /** When in the recording the passage is said: the first cue time in it, or null. */
  static String cueTime(Snippet snippet) {
    Matcher time = CUE_TIME.matcher(snippet.text());
    return time.find() ? time.group(1) : null;
  }

  private static Map<String, Object> facets(Facets facets) {
    Map<String, Object> json = new LinkedHashMap<>();
    Map<String, Long> types = new LinkedHashMap<>();
    facets.byType().forEach((type, count) -> types.put(type.prefix(), count));
    json.put("type", buckets(types));
    json.put("host", buckets(facets.byHost()));
    json.put("month", buckets(facets.byMonth()));
    return json;
  }

  private static List<Object> buckets(Map<String, Long> counts) {
    List<Object> buckets = new ArrayList<>();
    counts.forEach(
        (value, count) -> {
          Map<String, Object> bucket = new LinkedHashMap<>();
          bucket.put("value", value);
          bucket.put("count", count);
          buckets.add(bucket);
        });
    return buckets;
  }

  static Map<String, Object> document(DocumentView view) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", view.id().toString());
    json.put("type", view.type().prefix());
    json.put("title", view.title());
    json.put("body", view.body());
    json.put("url", view.url());
    json.put("start_time", view.start().map(Instant::toString).orElse(null));
    json.put("host_email", view.hostEmail());
    json.put("duration_minutes", view.durationMinutes());
    json.put("source_ids", view.sourceIds());
    return json;
  }

  static Map<String, Object> caller(Caller caller, boolean demoMode) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("email", caller.email());
    json.put("admin", caller.admin());
    json.put("via", caller.via());
    json.put("demo", demoMode);
    return json;
  }

  static Map<String, Object> error(String message) {
    return Map.of("error", message);
  }
}
