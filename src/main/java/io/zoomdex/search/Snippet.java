package io.zoomdex.search;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A passage of a document's text with the ranges that matched the query. Kept as plain text plus
 * offsets so each front end marks it its own way: {@link #html()} for web pages, {@link
 * #marked(String, String)} for terminals.
 *
 * @param text the passage, plain text (not escaped)
 * @param highlights matched ranges, ascending and not overlapping, within {@code text}
 * @param offset when the passage is part of a recording's transcript, how far into the recording it
 *     starts; null otherwise
 */
public record Snippet(String text, List<Highlight> highlights, Duration offset) {

  public Snippet {
    Objects.requireNonNull(text, "text");
    highlights = List.copyOf(highlights);
    if (offset != null && offset.isNegative()) {
      throw new IllegalArgumentException("A snippet offset must not be negative: " + offset);
    }
    int previousEnd = 0;
    for (Highlight highlight : highlights) {
      if (highlight.start() < previousEnd || highlight.end() > text.length()) {
        throw new IllegalArgumentException(
            "Highlights must be ascending, not overlapping, and inside the text: " + highlights);
      }
      previousEnd = highlight.end();
    }
  }

  /** A snippet that is not at a point in a recording. */
  public Snippet(String text, List<Highlight> highlights) {
    this(text, highlights, null);
  }

  /** The time into the recording where this passage starts, when it is part of a transcript. */
  public Optional<Duration> at() {
    return Optional.ofNullable(offset);
  }

  /** This snippet, said {@code newOffset} into the recording. */
  public Snippet withOffset(Duration newOffset) {
    return new Snippet(text, highlights, newOffset);
  }

  /** The offset as {@code hh:mm:ss}, or empty when there is none. */
  public String offsetText() {
    if (offset == null) {
      return "";
    }
    long seconds = offset.toSeconds();
    return String.format(
        java.util.Locale.ROOT,
        "%02d:%02d:%02d",
        seconds / 3600,
        (seconds % 3600) / 60,
        seconds % 60);
  }

  /** A snippet with nothing highlighted. */
  public static Snippet plain(String text) {
    return new Snippet(text, List.of());
  }

  /** The text, HTML-escaped, with each highlight wrapped in {@code <mark>...</mark>}. */
  public String html() {
    StringBuilder out = new StringBuilder(text.length() + 16 * highlights.size());
    int at = 0;
    for (Highlight highlight : highlights) {
      escapeInto(out, text, at, highlight.start());
      out.append("<mark>");
      escapeInto(out, text, highlight.start(), highlight.end());
      out.append("</mark>");
      at = highlight.end();
    }
    escapeInto(out, text, at, text.length());
    return out.toString();
  }

  /** The text with each highlight wrapped in {@code open} and {@code close}, nothing escaped. */
  public String marked(String open, String close) {
    StringBuilder out = new StringBuilder(text.length() + 4 * highlights.size());
    int at = 0;
    for (Highlight highlight : highlights) {
      out.append(text, at, highlight.start()).append(open);
      out.append(text, highlight.start(), highlight.end()).append(close);
      at = highlight.end();
    }
    return out.append(text, at, text.length()).toString();
  }

  private static void escapeInto(StringBuilder out, String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
  }

  /** A matched range {@code [start, end)} of a snippet's text. */
  public record Highlight(int start, int end) {
    public Highlight {
      if (start < 0 || end <= start) {
        throw new IllegalArgumentException(
            "A highlight needs 0 <= start < end: " + start + ", " + end);
      }
    }
  }
}
