package io.zoomdex.simulator;

import java.time.Instant;

/**
 * One ended instance of a meeting or webinar.
 *
 * @param uuid instance UUID exactly as Zoom returns it (may contain {@code /}, {@code +}, {@code
 *     =})
 * @param meetingId numeric id of the meeting or webinar
 * @param webinar whether it is a webinar instance
 * @param hostIndex index of the host user
 * @param slot the meeting's (or webinar's) slot
 * @param number 0 for the newest instance, then older
 * @param startTime start
 * @param endTime end
 * @param participantCount distinct participants
 * @param hasSummary whether {@code has_meeting_summary} is true
 * @param summaryRestricted whether the summary answers 403/2305
 * @param recorded whether it has a cloud recording (with a transcript)
 */
public record SimInstance(
    String uuid,
    long meetingId,
    boolean webinar,
    int hostIndex,
    int slot,
    int number,
    Instant startTime,
    Instant endTime,
    int participantCount,
    boolean hasSummary,
    boolean summaryRestricted,
    boolean recorded) {

  /** Duration in whole minutes. */
  public int durationMinutes() {
    return (int) java.time.Duration.between(startTime, endTime).toMinutes();
  }

  /** This instance once its AI Companion summary is done (unrestricted). */
  public SimInstance withSummary() {
    return new SimInstance(
        uuid,
        meetingId,
        webinar,
        hostIndex,
        slot,
        number,
        startTime,
        endTime,
        participantCount,
        true,
        false,
        recorded);
  }
}
