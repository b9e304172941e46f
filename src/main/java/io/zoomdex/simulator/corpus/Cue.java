package io.zoomdex.simulator.corpus;

import java.util.Objects;

/**
 * One transcript cue: who spoke, when (seconds from the start of the recording) and what.
 *
 * @param startSecond when the cue starts, in seconds from the start of the recording
 * @param speaker the speaker's display name
 * @param text what was said
 */
public record Cue(int startSecond, String speaker, String text) {
  public Cue {
    Objects.requireNonNull(speaker, "speaker");
    Objects.requireNonNull(text, "text");
  }

  /** Words in the cue's text. */
  public int words() {
    return text.isBlank() ? 0 : text.strip().split("\\s+").length;
  }
}
