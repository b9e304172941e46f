package io.zoomdex.search.http;

import io.javalin.http.Context;
import io.zoomdex.document.DocumentType;
import io.zoomdex.search.BadQueryException;
import io.zoomdex.search.SearchMode;
import io.zoomdex.search.SearchRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads {@code GET /api/search}'s parameters into a {@link SearchRequest}, with every input bounded
 * and every mistake a 400 with one plain sentence.
 */
final class SearchParams {

  private static final int MAX_SHORT_PARAM_CHARS = 320;

  private SearchParams() {}

  static SearchRequest parse(Context ctx, String searcher) {
    String query = ctx.queryParam("q");
    query = query == null ? "" : query.strip();
    if (query.length() > SearchRequest.MAX_QUERY_CHARS) {
      // Said here, before any parsing, in words that never echo the query back.
      throw ApiError.badRequest(
          "The query is longer than " + SearchRequest.MAX_QUERY_CHARS + " characters; shorten it.");
    }
    DocumentType type = type(param(ctx, "type", MAX_SHORT_PARAM_CHARS));
    String host = param(ctx, "host", MAX_SHORT_PARAM_CHARS);
    String fromText = param(ctx, "from", MAX_SHORT_PARAM_CHARS);
    String toText = param(ctx, "to", MAX_SHORT_PARAM_CHARS);
    Instant from = fromText.isEmpty() ? null : startOfDay(day("from", fromText));
    // 'to' names a day, inclusive: stop at the start of the next one.
    Instant to = toText.isEmpty() ? null : startOfDay(day("to", toText).plusDays(1));
    if (from != null && to != null && !from.isBefore(to)) {
      throw ApiError.badRequest(
          "'to' (" + toText + ") is before 'from' (" + fromText + "); swap the dates.");
    }
    int limit = number(ctx, "limit", SearchRequest.DEFAULT_LIMIT);
    int offset = number(ctx, "offset", 0);
    try {
      SearchMode mode = SearchMode.parse(param(ctx, "mode", MAX_SHORT_PARAM_CHARS));
      return new SearchRequest(searcher, query, type, host, from, to, limit, offset, mode);
    } catch (BadQueryException e) {
      throw ApiError.badRequest(e.getMessage());
    }
  }

  /** A query parameter, stripped; empty when absent; a 400 when longer than {@code max}. */
  static String param(Context ctx, String name, int max) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return "";
    }
    if (value.length() > max) {
      throw ApiError.badRequest(
          "The '" + name + "' parameter is longer than " + max + " characters; shorten it.");
    }
    return value.strip();
  }

  private static DocumentType type(String text) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return DocumentType.fromPrefix(text);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(
          "Unknown type; use one of meeting, webinar, past_meeting, past_webinar, summary,"
              + " transcript.");
    }
  }

  private static LocalDate day(String name, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest("'" + name + "' must be a date like 2024-01-31.");
    }
  }

  private static Instant startOfDay(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static int number(Context ctx, String name, int fallback) {
    String text = param(ctx, name, 10);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("'" + name + "' must be a whole number.");
    }
  }
}
