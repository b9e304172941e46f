package io.zoomdex.sink.opensearch;

import io.zoomdex.search.LineSnippets;
import io.zoomdex.search.Snippet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a field OpenSearch highlighted whole ({@code number_of_fragments: 0}) with private-use
 * marker characters around each match, and picks snippets the way the Lucene backend does: whole
 * lines (so a transcript line keeps its {@code [hh:mm:ss] Speaker:} prefix), the lines with the
 * most matches, in document order.
 */
final class HighlightedText {

  /** Marks a match's start; a private-use character no document is expected to contain. */
  static final String OPEN = "\uE000";

  /** Marks a match's end. */
  static final String CLOSE = "\uE001";

  private final LineSnippets lines;

  HighlightedText(LineSnippets lines) {
    this.lines = lines;
  }

  /** The lines with matches, best {@code max} in document order; empty when nothing matched. */
  List<Snippet> snippets(String marked, int max) {
    List<MarkedLine> matched = new ArrayList<>();
    int lineStart = 0;
    int index = 0;
    while (lineStart <= marked.length()) {
      int lineEnd = marked.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = marked.length();
      }
      MarkedLine line = MarkedLine.parse(marked.substring(lineStart, lineEnd), index++);
      if (!line.matches().isEmpty()) {
        matched.add(line);
      }
      lineStart = lineEnd + 1;
    }
    return matched.stream()
        .sorted(Comparator.comparingInt((MarkedLine line) -> -line.matches().size()))
        .limit(max)
        .sorted(Comparator.comparingInt(MarkedLine::index))
        .map(line -> lines.line(line.text(), line.matches()))
        .toList();
  }

  /** The whole (one-line) text with its matches, e.g. a title. */
  Snippet whole(String marked) {
    MarkedLine line = MarkedLine.parse(marked.replace('\n', ' '), 0);
    return lines.line(line.text(), line.matches());
  }

  /** One line with the markers taken out and remembered as ranges (adjacent ones merged). */
  private record MarkedLine(String text, List<int[]> matches, int index) {

    static MarkedLine parse(String marked, int index) {
      String stripped = marked.stripTrailing();
      StringBuilder text = new StringBuilder(stripped.length());
      List<int[]> matches = new ArrayList<>();
      int start = -1;
      for (int i = 0; i < stripped.length(); i++) {
        char c = stripped.charAt(i);
        if (c == OPEN.charAt(0)) {
          start = text.length();
        } else if (c == CLOSE.charAt(0)) {
          if (start >= 0 && text.length() > start) {
            int[] last = matches.isEmpty() ? null : matches.get(matches.size() - 1);
            if (last != null && start <= last[1]) {
              last[1] = Math.max(last[1], text.length());
            } else {
              matches.add(new int[] {start, text.length()});
            }
          }
          start = -1;
        } else {
          text.append(c);
        }
      }
      return new MarkedLine(text.toString(), matches, index);
    }
  }
}
