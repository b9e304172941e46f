package io.zoomdex.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the passage a vector search found into the snippet a hit shows first, the same way for
 * every backend: the passage's line sharing most of the query's content words (its first line when
 * none does), cut to a window like any snippet line, with those words highlighted and the time the
 * line is said at when it is a transcript cue (else the passage's own offset).
 */
public final class PassageSnippets {

  private final LineSnippets lines;

  public PassageSnippets(int maxChars) {
    this.lines = new LineSnippets(maxChars);
  }

  /**
   * @param passageText the passage as indexed (lines separated by {@code \n})
   * @param passageOffset when the passage starts in the recording, or null
   * @param query the searcher's query text
   */
  public Snippet snippet(String passageText, Duration passageOffset, String query) {
    List<Pattern> words = new ArrayList<>();
    for (String word : QueryWords.contentWords(query)) {
      // A word and its inflections: "budget" also marks "budgets" and "budgeted".
      words.add(
          Pattern.compile(
              "\\b" + Pattern.quote(word.toLowerCase(Locale.ROOT)) + "\\w*",
              Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }
    String best = null;
    List<int[]> bestMatches = List.of();
    int bestWords = -1;
    for (String line : passageText.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      List<int[]> matches = new ArrayList<>();
      int distinct = 0;
      for (Pattern word : words) {
        Matcher found = word.matcher(line);
        boolean any = false;
        while (found.find()) {
          matches.add(new int[] {found.start(), found.end()});
          any = true;
        }
        if (any) {
          distinct++;
        }
      }
      if (distinct > bestWords) {
        best = line.strip().equals(line) ? line : line.stripTrailing();
        bestMatches = merged(matches, best.length());
        bestWords = distinct;
      }
    }
    if (best == null) {
      return new Snippet("", List.of(), passageOffset);
    }
    Snippet snippet = lines.line(best, bestMatches);
    return snippet.offset() == null && passageOffset != null
        ? snippet.withOffset(passageOffset)
        : snippet;
  }

  /** Matches sorted and merged so they are ascending and never overlap. */
  private static List<int[]> merged(List<int[]> matches, int length) {
    matches.sort(
        (a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
    List<int[]> out = new ArrayList<>();
    for (int[] match : matches) {
      if (match[0] >= length) {
        continue;
      }
      int[] range = {match[0], Math.min(match[1], length)};
      if (!out.isEmpty() && out.get(out.size() - 1)[1] >= range[0]) {
        int[] last = out.get(out.size() - 1);
        last[1] = Math.max(last[1], range[1]);
      } else {
        out.add(range);
      }
    }
    return out;
  }
}
