package io.zoomdex.mcp;

import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.search.BadQueryException;
import io.zoomdex.search.SearchMode;
import io.zoomdex.search.SearchRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Reads the tools' arguments, bounded and checked, into search requests and ids. The searcher is
 * never an argument: it is passed in from the caller the token check decided.
 */
final class ToolArguments {

  /** Most hits one search call returns: enough to choose from, small enough for a context. */
  static final int MAX_LIMIT = 25;

  static final int DEFAULT_FETCH_CHARS = 20_000;
  static final int MAX_FETCH_CHARS = 100_000;

  private static final int MAX_SHORT_CHARS = 320;
  private static final int MAX_ID_CHARS = 512;

  private ToolArguments() {}

  /**
   * The {@code search} tool's request for {@code searcher}.
   *
   * @throws ToolArgumentException when an argument is malformed or out of range
   */
  static SearchRequest searchRequest(String searcher, Map<String, Object> arguments) {
    Map<String, Object> args = arguments == null ? Map.of() : arguments;
    String query = text(args, "query", SearchRequest.MAX_QUERY_CHARS);
    DocumentType type = type(text(args, "type", MAX_SHORT_CHARS));
    String host = text(args, "host", MAX_SHORT_CHARS);
    String fromText = text(args, "from", MAX_SHORT_CHARS);
    String toText = text(args, "to", MAX_SHORT_CHARS);
    Instant from = fromText.isEmpty() ? null : startOfDay(day("from", fromText));
    // 'to' names a day, inclusive: stop at the start of the next one.
    Instant to = toText.isEmpty() ? null : startOfDay(day("to", toText).plusDays(1));
    int limit = number(args, "limit", SearchRequest.DEFAULT_LIMIT, 1, MAX_LIMIT);
    int offset = number(args, "offset", 0, 0, SearchRequest.MAX_WINDOW - limit);
    try {
      SearchMode mode = SearchMode.parse(text(args, "mode", MAX_SHORT_CHARS));
      return new SearchRequest(searcher, query, type, host, from, to, limit, offset, mode);
    } catch (BadQueryException e) {
      throw new ToolArgumentException(e.getMessage());
    }
  }

  /**
   * The {@code fetch} tool's document id.
   *
   * @throws ToolArgumentException when the id is missing or malformed
   */
  static DocumentId documentId(Map<String, Object> arguments) {
    Map<String, Object> args = arguments == null ? Map.of() : arguments;
    String raw = text(args, "id", MAX_ID_CHARS);
    if (raw.isEmpty()) {
      throw new ToolArgumentException(
          "Name the document: give 'id' as a search hit gives it, e.g. meeting:123.");
    }
    try {
      return DocumentId.parse(raw);
    } catch (IllegalArgumentException e) {
      throw new ToolArgumentException(
          "A document id looks like 'meeting:123' or 'transcript:UUID'; copy it from a search hit.");
    }
  }

  /** The {@code fetch} tool's body length cap. */
  static int maxChars(Map<String, Object> arguments) {
    Map<String, Object> args = arguments == null ? Map.of() : arguments;
    return number(args, "max_chars", DEFAULT_FETCH_CHARS, 1, MAX_FETCH_CHARS);
  }

  private static String text(Map<String, Object> args, String name, int max) {
    Object value = args.get(name);
    if (value == null) {
      return "";
    }
    if (!(value instanceof String text)) {
      throw new ToolArgumentException("'" + name + "' must be a string.");
    }
    if (text.length() > max) {
      throw new ToolArgumentException(
          "'" + name + "' is longer than " + max + " characters; shorten it.");
    }
    return text.strip();
  }

  private static int number(Map<String, Object> args, String name, int fallback, int min, int max) {
    Object value = args.get(name);
    if (value == null) {
      return fallback;
    }
    long number;
    if (value instanceof Integer || value instanceof Long) {
      number = ((Number) value).longValue();
    } else if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      number = (long) n.doubleValue();
    } else {
      throw new ToolArgumentException("'" + name + "' must be a whole number.");
    }
    if (number < min || number > max) {
      throw new ToolArgumentException(
          "'" + name + "' must be between " + min + " and " + max + ", not " + number + ".");
    }
    return (int) number;
  }

  private static DocumentType type(String text) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return DocumentType.fromPrefix(text);
    } catch (IllegalArgumentException e) {
      throw new ToolArgumentException(
          "Unknown type; use one of meeting, webinar, past_meeting, past_webinar, summary,"
              + " transcript.");
    }
  }

  private static LocalDate day(String name, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new ToolArgumentException("'" + name + "' must be a date like 2024-01-31.");
    }
  }

  private static Instant startOfDay(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
