package io.zoomdex.mcp;

import io.zoomdex.search.Snippet;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When in a recording a transcript passage is said: the snippet's own offset when the search gave
 * one, else the first cue time the crawl wrote at the start of a line ({@code [hh:mm:ss]}) inside
 * the snippet.
 *
 * @param text the time as written, {@code hh:mm:ss}
 * @param seconds the same, in seconds from the start of the recording
 */
record PassageTime(String text, int seconds) {

  private static final Pattern CUE_TIME = Pattern.compile("\\[(\\d{2}):(\\d{2}):(\\d{2})]");

  /** The snippet's offset or first cue time, or empty when it has neither. */
  static Optional<PassageTime> of(Snippet snippet) {
    if (snippet.at().isPresent()) {
      return Optional.of(
          new PassageTime(snippet.offsetText(), (int) snippet.at().get().toSeconds()));
    }
    Matcher time = CUE_TIME.matcher(snippet.text());
    if (!time.find()) {
      return Optional.empty();
    }
    int seconds =
        Integer.parseInt(time.group(1)) * 3600
            + Integer.parseInt(time.group(2)) * 60
            + Integer.parseInt(time.group(3));
    return Optional.of(
        new PassageTime(time.group(1) + ":" + time.group(2) + ":" + time.group(3), seconds));
  }
}
