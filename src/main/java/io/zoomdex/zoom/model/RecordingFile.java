package io.zoomdex.zoom.model;

import java.time.Instant;

/**
 * One file of a cloud recording. {@code meetingId} is the instance UUID. Transcripts have {@code
 * fileType} {@code TRANSCRIPT} and extension {@code VTT}; some kinds lack id, status and play URL.
 */
public record RecordingFile(
    String id,
    String meetingId,
    Instant recordingStart,
    Instant recordingEnd,
    String fileType,
    String fileExtension,
    long fileSize,
    String playUrl,
    String downloadUrl,
    String status,
    String recordingType) {

  public boolean isTranscript() {
    return "TRANSCRIPT".equalsIgnoreCase(fileType);
  }
}
