package io.zoomdex.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One mutation of the simulated account, as recorded in {@link Mutations#changeLog()}.
 *
 * @param sequence position in the log, from 1
 * @param event the Zoom webhook event it raises, e.g. {@code meeting.updated}
 * @param time the simulator clock's time of the change
 * @param userId the user concerned (the host for meeting changes), or null
 * @param meetingId the meeting or webinar id, or 0 for user changes
 * @param instanceUuid the instance UUID for {@code meeting.ended} and {@code
 *     meeting.summary_completed}, else null
 * @param changedFields Zoom field names a {@code meeting.updated} or {@code webinar.updated}
 *     changed; empty for other events
 */
public record ChangeEvent(
    long sequence,
    String event,
    Instant time,
    String userId,
    long meetingId,
    String instanceUuid,
    List<String> changedFields) {
  public ChangeEvent {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(time, "time");
    changedFields = List.copyOf(changedFields);
    if (sequence < 1) {
      throw new IllegalArgumentException("A change sequence starts at 1.");
    }
  }
}
