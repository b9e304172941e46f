package io.zoomdex.sink.lucene;

import io.zoomdex.search.LineSnippets;
import io.zoomdex.search.Snippet;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Turns the highlighter's passages (whole lines, see {@link LineBreakIterator}) into {@link
 * Snippet}s: plain text plus merged match ranges, cut by the backend-neutral {@link LineSnippets}.
 */
final class SnippetFormatter extends PassageFormatter {

  private final LineSnippets lines;

  SnippetFormatter(int maxChars) {
    this.lines = new LineSnippets(maxChars);
  }

  /** Returns a {@code Snippet[]}, one per passage, in the order given. */
  @Override
  public Object format(Passage[] passages, String content) {
    Snippet[] snippets = new Snippet[passages.length];
    for (int i = 0; i < passages.length; i++) {
      snippets[i] = toSnippet(passages[i], content);
    }
    return snippets;
  }

  /** The first line of a text, cut to {@code maxChars}, nothing highlighted. */
  Snippet firstLine(String content) {
    return lines.firstLine(content);
  }

  private Snippet toSnippet(Passage passage, String content) {
    int start = passage.getStartOffset();
    int end = passage.getEndOffset();
    while (end > start && Character.isWhitespace(content.charAt(end - 1))) {
      end--;
    }
    String line = content.substring(start, end);
    List<int[]> matches = new ArrayList<>();
    int[] starts = passage.getMatchStarts();
    int[] ends = passage.getMatchEnds();
    for (int m = 0; m < passage.getNumMatches(); m++) {
      int matchStart = Math.max(starts[m], start) - start;
      int matchEnd = Math.min(ends[m], end) - start;
      if (matchEnd <= matchStart) {
        continue;
      }
      int[] last = matches.isEmpty() ? null : matches.get(matches.size() - 1);
      if (last != null && matchStart <= last[1]) {
        last[1] = Math.max(last[1], matchEnd);
      } else {
        matches.add(new int[] {matchStart, matchEnd});
      }
    }
    return lines.line(line, matches);
  }
}
