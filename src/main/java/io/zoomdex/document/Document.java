package io.zoomdex.document;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One searchable item with exactly who may read it.
 *
 * @param id typed identity, the upsert key
 * @param title short title shown in results (a meeting topic, a summary title); control characters
 *     other than tab and line breaks are dropped
 * @param body the searchable text (agenda, Q&amp;A, summary content, transcript text); control
 *     characters other than tab and line breaks are dropped
 * @param hostEmail the host's email, lower-cased, or empty when Zoom did not say
 * @param startTime when the meeting or instance started or is scheduled, or null
 * @param durationMinutes the scheduled or actual duration in minutes, or 0 when unknown
 * @param url a link into Zoom (join URL, recording play URL or web portal URL)
 * @param readers who may read it; empty means nobody
 * @param sourceIds Zoom's ids this document came from (meeting_id, uuid, host_id, ...)
 */
public record Document(
    DocumentId id,
    String title,
    String body,
    String hostEmail,
    Instant startTime,
    int durationMinutes,
    String url,
    Readers readers,
    Map<String, String> sourceIds) {

  public Document {
    Objects.requireNonNull(id, "id");
    title = PlainText.withoutControlCharacters(title);
    body = PlainText.withoutControlCharacters(body);
    hostEmail = Readers.normalize(hostEmail);
    url = url == null ? "" : url;
    readers = readers == null ? Readers.NOBODY : readers;
    sourceIds = sourceIds == null ? Map.of() : Map.copyOf(sourceIds);
    if (durationMinutes < 0) {
      throw new IllegalArgumentException(
          "durationMinutes must not be negative: " + durationMinutes);
    }
  }

  public DocumentType type() {
    return id.type();
  }
}
