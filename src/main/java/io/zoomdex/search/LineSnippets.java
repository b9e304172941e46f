package io.zoomdex.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one line of a document and its matched ranges into a {@link Snippet}, the same way for
 * every index backend. A line longer than {@code maxChars} is cut to a window around its first
 * match; a transcript cue's {@code [hh:mm:ss] Speaker:} prefix is kept in front of the window so
 * the time still shows.
 */
public final class LineSnippets {

  /** How long a snippet line may be before it is cut to a window. */
  public static final int DEFAULT_MAX_CHARS = 240;

  private static final String ELLIPSIS = "…";
  private static final Pattern CUE_PREFIX =
      Pattern.compile("^\\[\\d{1,2}:\\d{2}:\\d{2}(?:\\.\\d{1,3})?\\][^:\\n]{0,80}:\\s");

  private static final Pattern CUE_TIME = Pattern.compile("^\\[(\\d{1,2}):(\\d{2}):(\\d{2})");

  /** How much of a long line to keep before its first match. */
  private static final int CONTEXT_BEFORE = 60;

  private final int maxChars;

  public LineSnippets(int maxChars) {
    if (maxChars < 20) {
      throw new IllegalArgumentException("maxChars must be at least 20: " + maxChars);
    }
    this.maxChars = maxChars;
  }

  /** The first line of a text, cut to {@code maxChars}, nothing highlighted. */
  public Snippet firstLine(String content) {
    int end = content.indexOf('\n');
    String line = (end < 0 ? content : content.substring(0, end)).stripTrailing();
    return line(line, List.of());
  }

  /**
   * One line with its matches.
   *
   * @param line the line, without its line break
   * @param matches matched ranges {@code [start, end)} within the line, ascending, not overlapping
   *     (empty for a plain line)
   */
  public Snippet line(String line, List<int[]> matches) {
    Snippet snippet = window(line, matches);
    Duration at = cueTime(line);
    return at == null ? snippet : snippet.withOffset(at);
  }

  /**
   * The time a transcript line starts at, from its {@code [hh:mm:ss]} prefix, or null when the line
   * has none.
   */
  public static Duration cueTime(String line) {
    Matcher time = CUE_TIME.matcher(line);
    if (!time.lookingAt()) {
      return null;
    }
    return Duration.ofHours(Long.parseLong(time.group(1)))
        .plusMinutes(Long.parseLong(time.group(2)))
        .plusSeconds(Long.parseLong(time.group(3)));
  }

  private Snippet window(String line, List<int[]> matches) {
    int focus = matches.isEmpty() ? 0 : matches.get(0)[0];
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
