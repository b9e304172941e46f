package io.zoomdex.search;

import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a searcher may see of one document they can read: every field except the reader set (who
 * else may read it is not theirs to know).
 *
 * @param id the document id
 * @param title the title, possibly empty
 * @param body the full searchable text, possibly empty
 * @param hostEmail the host's lower-cased email, or empty when unknown
 * @param startTime when it started or is scheduled, or null when unknown
 * @param durationMinutes duration in minutes, 0 when unknown
 * @param url a link into Zoom, possibly empty
 * @param sourceIds Zoom's ids the document came from
 */
public record DocumentView(
    DocumentId id,
    String title,
    String body,
    String hostEmail,
    Instant startTime,
    int durationMinutes,
    String url,
    Map<String, String> sourceIds) {

  public DocumentView {
    Objects.requireNonNull(id, "id");
    title = title == null ? "" : title;
    body = body == null ? "" : body;
    hostEmail = hostEmail == null ? "" : hostEmail;
    url = url == null ? "" : url;
    sourceIds = sourceIds == null ? Map.of() : Map.copyOf(sourceIds);
  }

  public DocumentType type() {
    return id.type();
  }

  /** The start time, or empty when unknown. */
  public Optional<Instant> start() {
    return Optional.ofNullable(startTime);
  }
}
