package io.zoomdex.zoom.model;

import java.time.Instant;
import java.util.List;

/**
 * One recorded instance from {@code GET /users/{id}/recordings}.
 *
 * @param uuid the instance UUID
 * @param id the meeting number
 */
public record Recording(
    String uuid,
    long id,
    String hostId,
    String topic,
    int type,
    Instant startTime,
    int duration,
    String shareUrl,
    List<RecordingFile> recordingFiles) {

  public Recording {
    recordingFiles = recordingFiles == null ? List.of() : List.copyOf(recordingFiles);
  }
}
