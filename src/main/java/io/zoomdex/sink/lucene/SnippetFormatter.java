package io.zoomdex.sink.lucene;

import io.zoomdex.search.Snippet;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Turns the highlighter's passages (whole lines, see {@link LineBreakIterator}) into {@link
 * Snippet}s: plain text plus merged match ranges. A line longer than {@link #maxChars} is cut to a
 * window around its first match; a transcript cue's {@code [hh:mm:ss] Speaker:} prefix is kept in
 * front of the window so the time still shows.
 */
final class SnippetFormatter extends PassageFormatter {

  private static final String ELLIPSIS = "…";
  private static final Pattern CUE_PREFIX =
      Pattern.compile("^\\[\\d{1,2}:\\d{2}:\\d{2}(?:\\.\\d{1,3})?\\][^:\\n]{0,80}:\\s");

  /** How much of a long line to keep before its first match. */
  private static final int CONTEXT_BEFORE = 60;

  private final int maxChars;

  SnippetFormatter(int maxChars) {
    this.maxChars = maxChars;
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
    int end = content.indexOf('\n');
    String line = (end < 0 ? content : content.substring(0, end)).stripTrailing();
    return cut(line, List.of(), 0);
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
    return cut(line, matches, matches.isEmpty() ? 0 : matches.get(0)[0]);
  }

  /** Keeps {@code line} whole when short enough, else a window near {@code focus}. */
  private Snippet cut(String line, List<int[]> matches, int focus) {
    if (line.length() <= maxChars) {
      return new Snippet(line, highlights(matches, 0, line.length(), 0));
    }
    String prefix = "";
    int floor = 0;
    Matcher cue = CUE_PREFIX.matcher(line);
    if (cue.find()) {
      prefix = cue.group();
      floor = cue.end();
    }
    int budget = Math.max(maxChars - prefix.length(), maxChars / 2);
    int from = Math.max(floor, focus - CONTEXT_BEFORE);
    from = Math.min(from, Math.max(floor, line.length() - budget));
    from = wordStartAtOrAfter(line, from, floor, focus);
    int to = Math.min(line.length(), from + budget);
    to = wordEndAtOrBefore(line, to, from);
    StringBuilder text = new StringBuilder(prefix);
    if (from > floor) {
      text.append(ELLIPSIS);
    }
    int shift = text.length() - from;
    text.append(line, from, to);
    if (to < line.length()) {
      text.append(ELLIPSIS);
    }
    return new Snippet(text.toString(), highlights(matches, from, to, shift));
  }

  private static List<Snippet.Highlight> highlights(
      List<int[]> matches, int from, int to, int shift) {
    List<Snippet.Highlight> out = new ArrayList<>();
    for (int[] match : matches) {
      int start = Math.max(match[0], from);
      int end = Math.min(match[1], to);
      if (end > start) {
        out.add(new Snippet.Highlight(start + shift, end + shift));
      }
    }
    return out;
  }

  private static int wordStartAtOrAfter(String line, int from, int floor, int limit) {
    if (from <= floor || Character.isWhitespace(line.charAt(from - 1))) {
      return from;
    }
    int space = from;
    while (space < limit && !Character.isWhitespace(line.charAt(space))) {
      space++;
    }
    return space < limit ? space + 1 : from;
  }

  private static int wordEndAtOrBefore(String line, int to, int from) {
    if (to >= line.length() || Character.isWhitespace(line.charAt(to))) {
      return to;
    }
    int space = to;
    while (space > from && !Character.isWhitespace(line.charAt(space - 1))) {
      space--;
    }
    return space - 1 > from ? space - 1 : to;
  }
}
