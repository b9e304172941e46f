package io.zoomdex.mcp;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.search.DocumentView;
import io.zoomdex.search.SearchHit;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchResults;
import io.zoomdex.search.Snippet;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tools' results: structured content (snake_case, as the HTTP API) for programs, plus one
 * readable text block an assistant can quote, each hit with what is needed to cite it: id, title,
 * type, start, host, the Zoom link, the API link and, for a transcript, when the passage is said.
 */
final class ToolOutput {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private ToolOutput() {}

  static CallToolResult search(SearchRequest request, SearchResults results, String baseUrl) {
    List<Object> hits = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    text.append(
        results.hits().isEmpty()
            ? "No results you may read"
            : "Results "
                + (request.offset() + 1)
                + "-"
                + (request.offset() + results.hits().size())
                + " of "
                + results.totalText());
    text.append(request.matchesAll() ? " (newest first)" : " for \"" + request.query() + "\"");
    text.append(", searched as ").append(results.principal()).append(".\n");
    int rank = request.offset();
    for (SearchHit hit : results.hits()) {
      Map<String, Object> json = hit(hit, baseUrl);
      hits.add(json);
      text.append('\n').append(++rank).append(". ");
      describe(text, hit.title(), hit.type(), hit.startTime(), hit.hostEmail());
      text.append("   id: ").append(hit.id()).append('\n');
      Snippet best = hit.bestSnippet();
      if (!best.text().isBlank()) {
        text.append("   ");
        if (json.get("passage_time") != null) {
          text.append("at ").append(json.get("passage_time")).append(": ");
        }
        text.append('"').append(oneLine(best.text())).append("\"\n");
      }
      links(text, hit.url(), (String) json.get("api_url"));
    }
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("searched_as", results.principal());
    structured.put("query", request.query());
    structured.put("mode", request.mode().label());
    structured.put("total", results.total());
    structured.put("total_exact", results.totalExact());
    structured.put("offset", request.offset());
    structured.put("hits", hits);
    return CallToolResult.builder()
        .addContent(new TextContent(text.toString()))
        .structuredContent(structured)
        .isError(false)
        .build();
  }

  private static Map<String, Object> hit(SearchHit hit, String baseUrl) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", hit.id().toString());
    json.put("type", hit.type().prefix());
    json.put("title", hit.title());
    json.put("start_time", hit.start().map(Instant::toString).orElse(null));
    json.put("host_email", hit.hostEmail());
    json.put("duration_minutes", hit.durationMinutes());
    json.put("url", hit.url());
    json.put("api_url", apiUrl(baseUrl, hit.id()));
    Snippet best = hit.bestSnippet();
    json.put("snippet", best.text());
    Optional<PassageTime> time =
        hit.type() == DocumentType.TRANSCRIPT ? PassageTime.of(best) : Optional.empty();
    json.put("passage_time", time.map(PassageTime::text).orElse(null));
    json.put("passage_offset_seconds", time.map(PassageTime::seconds).orElse(null));
    json.put("score", hit.score());
    return json;
  }

  static CallToolResult document(DocumentView view, int maxChars, String baseUrl) {
    String body = view.body();
    boolean truncated = body.length() > maxChars;
    if (truncated) {
      body = body.substring(0, maxChars);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", view.id().toString());
    json.put("type", view.type().prefix());
    json.put("title", view.title());
    json.put("start_time", view.start().map(Instant::toString).orElse(null));
    json.put("host_email", view.hostEmail());
    json.put("duration_minutes", view.durationMinutes());
    json.put("url", view.url());
    json.put("api_url", apiUrl(baseUrl, view.id()));
    json.put("body", body);
    json.put("body_chars", view.body().length());
    json.put("truncated", truncated);
    StringBuilder text = new StringBuilder();
    describe(text, view.title(), view.type(), view.startTime(), view.hostEmail());
    text.append("id: ").append(view.id()).append('\n');
    links(text, view.url(), (String) json.get("api_url"));
    text.append('\n').append(body);
    if (truncated) {
      text.append("\n\n[cut at ")
          .append(maxChars)
          .append(" of ")
          .append(view.body().length())
          .append(" characters; ask again with a larger max_chars for more]");
    }
    return CallToolResult.builder()
        .addContent(new TextContent(text.toString()))
        .structuredContent(json)
        .isError(false)
        .build();
  }

  static CallToolResult whoami(String email, String via) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("email", email);
    json.put("via", via);
    return CallToolResult.builder()
        .addContent(
            new TextContent(
                "You are searching as "
                    + email
                    + "; every result is something this person may read in Zoom."))
        .structuredContent(json)
        .isError(false)
        .build();
  }

  /** A tool error: one sentence for the assistant to show, nothing structured. */
  static CallToolResult error(String message) {
    return CallToolResult.builder().addContent(new TextContent(message)).isError(true).build();
  }

  /** The HTTP API's link to the document (same token needed), or empty without a base URL. */
  static String apiUrl(String baseUrl, DocumentId id) {
    if (baseUrl.isEmpty()) {
      return "";
    }
    return baseUrl
        + "/api/documents?id="
        + URLEncoder.encode(id.toString(), StandardCharsets.UTF_8);
  }

  private static void describe(
      StringBuilder text, String title, DocumentType type, Instant start, String host) {
    text.append(title.isBlank() ? "(untitled)" : oneLine(title))
        .append(" — ")
        .append(type.prefix().replace('_', ' '));
    if (start != null) {
      text.append(", ").append(WHEN.format(start));
    }
    if (!host.isEmpty()) {
      text.append(", host ").append(host);
    }
    text.append('\n');
  }

  private static void links(StringBuilder text, String zoomUrl, String apiUrl) {
    if (!zoomUrl.isEmpty()) {
      text.append("   zoom: ").append(zoomUrl).append('\n');
    }
    if (!apiUrl.isEmpty()) {
      text.append("   api: ").append(apiUrl).append('\n');
    }
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }
}
