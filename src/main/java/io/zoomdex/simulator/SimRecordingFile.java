package io.zoomdex.simulator;

import java.time.Instant;

/**
 * A cloud recording file. CC and TIMELINE files have no id, status or recording type, as Zoom's
 * spec says.
 *
 * @param id file id, or null
 * @param fileType MP4, M4A, CHAT, TRANSCRIPT, CC, TIMELINE
 * @param extension MP4, M4A, TXT, VTT, JSON
 * @param recordingType e.g. {@code audio_transcript}, or null
 * @param size bytes
 * @param start recording start
 * @param end recording end
 * @param downloadKey opaque key of the file under the simulator's download path
 */
public record SimRecordingFile(
    String id,
    String fileType,
    String extension,
    String recordingType,
    long size,
    Instant start,
    Instant end,
    String downloadKey) {}
