package io.zoomdex.source;

import java.time.Duration;

/**
 * One spoken passage of a transcript.
 *
 * @param start offset from the start of the recording
 * @param speaker who spoke, or empty when the transcript does not say
 * @param text what was said, without markup
 */
public record TranscriptCue(Duration start, String speaker, String text) {

  /** The cue as one searchable line, e.g. {@code [00:12:34] Alice Smith: Let's start.} */
  public String toLine() {
    long seconds = start.toSeconds();
    String time =
        String.format(
            java.util.Locale.ROOT,
            "%02d:%02d:%02d",
            seconds / 3600,
            (seconds % 3600) / 60,
            seconds % 60);
    return speaker.isEmpty() ? "[" + time + "] " + text : "[" + time + "] " + speaker + ": " + text;
  }
}
