package io.zoomdex.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a WebVTT transcript (as Zoom's {@code TRANSCRIPT} recording files are) into cues. Zoom
 * writes the speaker as a {@code Name: } prefix; standard {@code <v Name>} voice tags are read too.
 * Lenient: blocks it cannot read are skipped, never fatal.
 */
public final class VttParser {
  private static final Pattern TIMING =
      Pattern.compile("^\\s*((?:\\d+:)?\\d{1,2}:\\d{2}[.,]\\d{1,3})\\s+-->\\s+\\S+.*$");
  private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^ >]*)?\\s+([^>]+)>");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern SPEAKER_PREFIX = Pattern.compile("^([^:]{1,80}):\\s+(.*)$");

  /** Parses the text of a VTT file; an empty or unreadable file gives no cues. */
  public List<TranscriptCue> parse(String vtt) {
    List<TranscriptCue> cues = new ArrayList<>();
    String[] lines = vtt.replace("\uFEFF", "").split("\\r\\n|\\r|\\n", -1);
    int i = 0;
    while (i < lines.length) {
      Matcher timing = TIMING.matcher(lines[i]);
      if (!timing.matches()) {
        i++;
        continue;
      }
      Duration start = parseTime(timing.group(1));
      StringBuilder payload = new StringBuilder();
      i++;
      while (i < lines.length && !lines[i].isBlank()) {
        payload.append(payload.length() == 0 ? "" : " ").append(lines[i].strip());
        i++;
      }
      toCue(start, payload.toString()).ifPresent(cues::add);
    }
    return cues;
  }

  private static java.util.Optional<TranscriptCue> toCue(Duration start, String payload) {
    String speaker = "";
    Matcher voice = VOICE.matcher(payload);
    if (voice.find()) {
      speaker = voice.group(1).strip();
    }
    String text = TAG.matcher(payload).replaceAll("").strip();
    Matcher prefix = SPEAKER_PREFIX.matcher(text);
    if (speaker.isEmpty() && prefix.matches()) {
      speaker = prefix.group(1).strip();
      text = prefix.group(2).strip();
    }
    return text.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(new TranscriptCue(start, speaker, text));
  }

  private static Duration parseTime(String text) {
    String[] parts = text.replace(',', '.').split(":");
    long hours = parts.length == 3 ? Long.parseLong(parts[0]) : 0;
    long minutes = Long.parseLong(parts[parts.length - 2]);
    String[] secondsAndMillis = parts[parts.length - 1].split("\\.");
    long seconds = Long.parseLong(secondsAndMillis[0]);
    String millisText = (secondsAndMillis[1] + "00").substring(0, 3);
    return Duration.ofHours(hours)
        .plusMinutes(minutes)
        .plusSeconds(seconds)
        .plusMillis(Long.parseLong(millisText));
  }
}
