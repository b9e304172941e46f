package io.zoomdex.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import io.zoomdex.document.DocumentId;
import io.zoomdex.search.DocumentView;
import io.zoomdex.search.IndexMissingException;
import io.zoomdex.search.SearchException;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchService;
import io.zoomdex.search.http.Caller;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP tools over a {@link SearchService}: {@code search}, {@code fetch} and {@code whoami}.
 * Each call searches as the {@link Caller} its transport context holds (put there from the token of
 * the HTTP request that carried the call); a call without one is refused, so nothing runs for
 * nobody. The reader filter is the search service's own, inside the query.
 */
final class ZoomdexTools {

  /** Transport-context key of the {@link Caller} of the request carrying a call. */
  static final String CALLER = "zoomdex.caller";

  /** Transport-context key of the server's base URL as the caller reached it (for API links). */
  static final String BASE_URL = "zoomdex.base_url";

  private static final Logger LOG = LoggerFactory.getLogger(ZoomdexTools.class);

  private static final String TYPES =
      "[\"meeting\", \"webinar\", \"past_meeting\", \"past_webinar\", \"summary\", \"transcript\"]";

  static final String SEARCH_INPUT =
      """
      {"type": "object", "additionalProperties": false, "properties": {
        "query": {"type": "string", "maxLength": 1000, "description":
          "What to look for in Zoom meetings, webinars, summaries and transcripts: a question or words (\\"quoted phrases\\", OR, -excluded and prefix* work on the words). Empty lists everything readable, newest first."},
        "mode": {"type": "string", "enum": ["hybrid", "semantic", "keyword"], "description": "How the query is matched: hybrid (default) by meaning and by words, semantic by meaning only, keyword by words only."},
        "type": {"type": "string", "enum": {TYPES}, "description": "Only this kind of document."},
        "host": {"type": "string", "description": "Only documents hosted by this email."},
        "from": {"type": "string", "description": "Only documents starting on or after this day, YYYY-MM-DD (UTC)."},
        "to": {"type": "string", "description": "Only documents starting on or before this day, YYYY-MM-DD (UTC)."},
        "limit": {"type": "integer", "minimum": 1, "maximum": {MAX_LIMIT}, "description": "How many hits (default 10)."},
        "offset": {"type": "integer", "minimum": 0, "description": "Hits to skip, for the next page."}
      }}
      """
          .replace("{TYPES}", TYPES)
          .replace("{MAX_LIMIT}", Integer.toString(ToolArguments.MAX_LIMIT));

  private static final String NULLABLE_STRING = "{\"type\": [\"string\", \"null\"]}";

  private static final String COMMON_FIELDS =
      """
        "id": {"type": "string"}, "type": {"type": "string"}, "title": {"type": "string"},
        "start_time": {NULLABLE}, "host_email": {"type": "string"},
        "duration_minutes": {"type": "integer"}, "url": {"type": "string"},
        "api_url": {"type": "string"}
      """
          .replace("{NULLABLE}", NULLABLE_STRING);

  static final String SEARCH_OUTPUT =
      """
      {"type": "object", "required": ["searched_as", "query", "total", "total_exact", "offset", "hits"],
       "properties": {
        "searched_as": {"type": "string"}, "query": {"type": "string"}, "mode": {"type": "string"},
        "total": {"type": "integer"}, "total_exact": {"type": "boolean"},
        "offset": {"type": "integer"},
        "hits": {"type": "array", "items": {"type": "object",
          "required": ["id", "type", "title", "url", "api_url", "snippet"],
          "properties": {{COMMON},
            "snippet": {"type": "string"}, "passage_time": {NULLABLE},
            "passage_offset_seconds": {"type": ["integer", "null"]}, "score": {"type": "number"}}}}
      }}
      """
          .replace("{COMMON}", COMMON_FIELDS)
          .replace("{NULLABLE}", NULLABLE_STRING);

  static final String FETCH_INPUT =
      """
      {"type": "object", "additionalProperties": false, "required": ["id"], "properties": {
        "id": {"type": "string", "maxLength": 512, "description": "The document id from a search hit, e.g. meeting:123 or transcript:UUID."},
        "max_chars": {"type": "integer", "minimum": 1, "maximum": {MAX}, "description": "Longest body to return (default {DEFAULT})."}
      }}
      """
          .replace("{MAX}", Integer.toString(ToolArguments.MAX_FETCH_CHARS))
          .replace("{DEFAULT}", Integer.toString(ToolArguments.DEFAULT_FETCH_CHARS));

  static final String FETCH_OUTPUT =
      """
      {"type": "object", "required": ["id", "type", "title", "url", "api_url", "body", "truncated"],
       "properties": {{COMMON},
        "body": {"type": "string"}, "body_chars": {"type": "integer"}, "truncated": {"type": "boolean"}
      }}
      """
          .replace("{COMMON}", COMMON_FIELDS);

  static final String WHOAMI_OUTPUT =
      """
      {"type": "object", "required": ["email"], "properties": {
        "email": {"type": "string"}, "via": {"type": "string"}}}
      """;

  private static final String NOT_READABLE = "No document with that id that you may read.";

  private final SearchService search;
  private final McpJsonMapper json;

  ZoomdexTools(SearchService search, McpJsonMapper json) {
    this.search = search;
    this.json = json;
  }

  List<SyncToolSpecification> specifications() {
    return List.of(
        spec(
            tool(
                "search",
                "Search Zoom meetings",
                "Searches the Zoom meetings, webinars, AI Companion summaries and cloud-recording"
                    + " transcripts the signed-in person may read. Each hit has an id (for fetch),"
                    + " title, type, start time, host, Zoom link, API link, the best matching"
                    + " passage and, for a transcript, when in the recording it is said: cite them.",
                SEARCH_INPUT,
                SEARCH_OUTPUT),
            this::search),
        spec(
            tool(
                "fetch",
                "Read one Zoom document",
                "Returns the full text (agenda, summary, transcript with cue times, Q&A) and"
                    + " links of one document the signed-in person may read, by the id a search"
                    + " hit gave.",
                FETCH_INPUT,
                FETCH_OUTPUT),
            this::fetch),
        spec(
            tool(
                "whoami",
                "Who am I searching as",
                "Tells whose permissions every search and fetch uses: the person the API token"
                    + " belongs to.",
                "{\"type\": \"object\", \"additionalProperties\": false, \"properties\": {}}",
                WHOAMI_OUTPUT),
            call -> ToolOutput.whoami(call.caller().email(), call.caller().via())));
  }

  private Tool tool(String name, String title, String description, String input, String output) {
    return Tool.builder()
        .name(name)
        .title(title)
        .description(description)
        .inputSchema(json, input)
        .outputSchema(json, output)
        .annotations(new ToolAnnotations(title, true, false, true, false, null))
        .build();
  }

  /** One tool call: who makes it, where they reached the server, and the arguments. */
  private record Call(Caller caller, String baseUrl, Map<String, Object> arguments) {}

  @FunctionalInterface
  private interface Handler {
    CallToolResult handle(Call call) throws SearchException;
  }

  private SyncToolSpecification spec(Tool tool, Handler handler) {
    return SyncToolSpecification.builder()
        .tool(tool)
        .callHandler((exchange, request) -> call(exchange, request, handler))
        .build();
  }

  private static CallToolResult call(
      McpSyncServerExchange exchange, CallToolRequest request, Handler handler) {
    McpTransportContext context = exchange.transportContext();
    if (context == null || !(context.get(CALLER) instanceof Caller caller)) {
      // Never reached behind the token check; fails closed should it be mounted without one.
      return ToolOutput.error("Sign in: this server needs your API token.");
    }
    String baseUrl = context.get(BASE_URL) instanceof String base ? base : "";
    Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
    try {
      return handler.handle(new Call(caller, baseUrl, arguments));
    } catch (ToolArgumentException e) {
      return ToolOutput.error(e.getMessage());
    } catch (IndexMissingException e) {
      return ToolOutput.error("Nothing has been indexed yet; an administrator should run a crawl.");
    } catch (SearchException e) {
      LOG.error("Search failed: {}", e.getMessage(), e);
      return ToolOutput.error(
          "The index could not be read; an administrator should check the log.");
    }
  }

  private CallToolResult search(Call call) throws SearchException {
    SearchRequest request = ToolArguments.searchRequest(call.caller().email(), call.arguments());
    return ToolOutput.search(request, search.search(request), call.baseUrl());
  }

  private CallToolResult fetch(Call call) throws SearchException {
    DocumentId id = ToolArguments.documentId(call.arguments());
    int maxChars = ToolArguments.maxChars(call.arguments());
    Optional<DocumentView> view = search.get(call.caller().email(), id);
    // The same answer for missing and unreadable: existence is not revealed.
    return view.map(v -> ToolOutput.document(v, maxChars, call.baseUrl()))
        .orElseGet(() -> ToolOutput.error(NOT_READABLE));
  }
}
