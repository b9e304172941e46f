package io.zoomdex.passage;

import io.zoomdex.document.DocumentId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A piece of a document a person would want to land on: a window of a transcript, a summary's next
 * steps, an agenda, one question and its answer. A passage has no readers of its own: it is always
 * indexed with its document's readers, and replaced or deleted with its document.
 *
 * @param documentId the document it was cut from
 * @param ordinal its position among that document's passages, from 0
 * @param kind what part of the document it is
 * @param text the passage as plain text (a transcript window keeps its {@code [hh:mm:ss] Speaker:}
 *     line prefixes)
 * @param offset for a transcript window, when in the recording its first cue is said; else null
 * @param speakers who speaks in a transcript window, in order of first appearance; else empty
 */
public record Passage(
    DocumentId documentId,
    int ordinal,
    PassageKind kind,
    String text,
    Duration offset,
    List<String> speakers) {

  public Passage {
    Objects.requireNonNull(documentId, "documentId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    speakers = List.copyOf(speakers);
    if (ordinal < 0) {
      throw new IllegalArgumentException("A passage ordinal must not be negative: " + ordinal);
    }
    if (offset != null && offset.isNegative()) {
      throw new IllegalArgumentException("A passage offset must not be negative: " + offset);
    }
  }

  /** The time offset into the recording, when the passage is part of a transcript. */
  public Optional<Duration> at() {
    return Optional.ofNullable(offset);
  }

  /**
   * The text given to the embedder: the document's title first, so a passage that never names its
   * subject ("we'll move it to March") is still about the meeting it was said in.
   */
  public String textToEmbed(String title) {
    return title == null || title.isBlank() ? text : title.strip() + "\n" + text;
  }
}
