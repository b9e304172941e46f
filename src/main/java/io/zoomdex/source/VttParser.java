package io.zoomdex.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a WebVTT transcript (as Zoom's {@code TRANSCRIPT} recording files are) into cues. Zoom
 * writes the speaker as a {@code Name: } prefix; standard {@code <v Name>} voice tags are read too.
 * Lenient: blocks it cannot read are skipped, never fatal.
 *
 * <p>Hot on large accounts (an hour of speech is ~600 cues), so each regular expression runs only
 * where a cheap character test says it can match: the timing pattern on lines holding {@code -->},
 * the tag patterns on payloads holding {@code <}, the speaker pattern when a colon sits where it
 * must.
 */
public final class VttParser {
  private static final Pattern TIMING =
      Pattern.compile("^\\s*((?:\\d+:)?\\d{1,2}:\\d{2}[.,]\\d{1,3})\\s+-->\\s+\\S+.*$");
  private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^ >]*)?\\s+([^>]+)>");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final int MAX_SPEAKER_CHARS = 80;
  private static final Pattern SPEAKER_PREFIX =
      Pattern.compile("^([^:]{1," + MAX_SPEAKER_CHARS + "}):\\s+(.*)$");

  /** Parses the text of a VTT file; an empty or unreadable file gives no cues. */
  public List<TranscriptCue> parse(String vtt) {
    List<TranscriptCue> cues = new ArrayList<>();
    List<String> lines = lines(vtt.replace("\uFEFF", ""));
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      Matcher timing = line.contains("-->") ? TIMING.matcher(line) : null;
      if (timing == null || !timing.matches()) {
        i++;
        continue;
      }
      Duration start = parseTime(timing.group(1));
      StringBuilder payload = new StringBuilder();
      i++;
      while (i < lines.size() && !lines.get(i).isBlank()) {
        if (payload.length() > 0) {
          payload.append(' ');
        }
        payload.append(lines.get(i).strip());
        i++;
      }
      toCue(start, payload.toString()).ifPresent(cues::add);
    }
    return cues;
  }

  /** The text split at {@code \r\n}, {@code \r} or {@code \n}, keeping empty lines. */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    int length = text.length();
    for (int at = 0; at < length; at++) {
      char c = text.charAt(at);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(start, at));
        if (c == '\r' && at + 1 < length && text.charAt(at + 1) == '\n') {
          at++;
        }
        start = at + 1;
      }
    }
    lines.add(text.substring(start));
    return lines;
  }

  private static Optional<TranscriptCue> toCue(Duration start, String payload) {
    String speaker = "";
    String text;
    if (payload.indexOf('<') < 0) {
      text = payload.strip(); // no voice tag, no other tag
    } else {
      Matcher voice = VOICE.matcher(payload);
      if (voice.find()) {
        speaker = voice.group(1).strip();
      }
      text = TAG.matcher(payload).replaceAll("").strip();
    }
    if (speaker.isEmpty() && mayHaveSpeakerPrefix(text)) {
      Matcher prefix = SPEAKER_PREFIX.matcher(text);
      if (prefix.matches()) {
        speaker = prefix.group(1).strip();
        text = prefix.group(2).strip();
      }
    }
    return text.isEmpty() ? Optional.empty() : Optional.of(new TranscriptCue(start, speaker, text));
  }

  /** Whether the first colon sits where {@link #SPEAKER_PREFIX} needs it, followed by a space. */
  private static boolean mayHaveSpeakerPrefix(String text) {
    int colon = text.indexOf(':');
    if (colon < 1 || colon > MAX_SPEAKER_CHARS || colon + 1 >= text.length()) {
      return false;
    }
    char next = text.charAt(colon + 1);
    return next == ' '
        || next == '\t'
        || next == '\n'
        || next == 0x0B
        || next == '\f'
        || next == '\r';
  }

  private static Duration parseTime(String text) {
    String[] parts = text.replace(',', '.').split(":");
    long hours = parts.length == 3 ? Long.parseLong(parts[0]) : 0;
    long minutes = Long.parseLong(parts[parts.length - 2]);
    String[] secondsAndMillis = parts[parts.length - 1].split("\\.");
    long seconds = Long.parseLong(secondsAndMillis[0]);
    String millisText = (secondsAndMillis[1] + "00").substring(0, 3);
    return Duration.ofMillis(
        ((hours * 60 + minutes) * 60 + seconds) * 1000 + Long.parseLong(millisText));
  }
}
