package io.zoomdex.passage;

/** What part of a document a passage is, so a result can say where it landed. */
public enum PassageKind {
  /** Consecutive transcript cues, with the time the first one was said. */
  TRANSCRIPT_WINDOW,
  /** A summary's overview or quick recap. */
  OVERVIEW,
  /** A summary's next steps or action items. */
  NEXT_STEPS,
  /** Another section of a summary. */
  SECTION,
  /** A meeting's or webinar's agenda. */
  AGENDA,
  /** One question asked in a meeting or webinar, with its answer. */
  QUESTION_AND_ANSWER,
  /** A short document as a whole, or a piece of a long one without structure. */
  TEXT;

  /** The external name, e.g. {@code transcript_window}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
