package io.zoomdex.simulator;

import java.time.Instant;
import java.util.List;

/**
 * A meeting of the simulated account (scheduled, recurring or instant).
 *
 * @param id numeric meeting id (10 or 11 digits)
 * @param hostIndex index of the host user
 * @param slot the meeting's number among its host's meetings
 * @param type 1 instant, 2 scheduled, 3 recurring without fixed time, 8 recurring fixed time
 * @param topic topic
 * @param agenda full agenda (may exceed 250 characters)
 * @param startTime scheduled start (for recurring meetings the next occurrence), or null for type 3
 * @param durationMinutes scheduled duration
 * @param timezone IANA time zone
 * @param createdAt creation time
 * @param alternativeHosts entries of {@code settings.alternative_hosts}, emails or user ids
 * @param invitees {@code settings.meeting_invitees}
 * @param whoWillReceiveSummary 1-4, or null when Zoom omits the field
 * @param listed whether {@code GET /users/{id}/meetings} lists it (not instant, not expired)
 * @param instanceCount number of past instances (the newest is instance 0)
 */
public record SimMeeting(
    long id,
    int hostIndex,
    int slot,
    int type,
    String topic,
    String agenda,
    Instant startTime,
    int durationMinutes,
    String timezone,
    Instant createdAt,
    List<String> alternativeHosts,
    List<SimInvitee> invitees,
    Integer whoWillReceiveSummary,
    boolean listed,
    int instanceCount) {
  public SimMeeting {
    alternativeHosts = List.copyOf(alternativeHosts);
    invitees = List.copyOf(invitees);
  }

  /** The semicolon-separated {@code settings.alternative_hosts} value Zoom sends. */
  public String alternativeHostsField() {
    return String.join(";", alternativeHosts);
  }

  /** This meeting with another number of past instances. */
  public SimMeeting withInstanceCount(int count) {
    return count == instanceCount
        ? this
        : new SimMeeting(
            id,
            hostIndex,
            slot,
            type,
            topic,
            agenda,
            startTime,
            durationMinutes,
            timezone,
            createdAt,
            alternativeHosts,
            invitees,
            whoWillReceiveSummary,
            listed,
            count);
  }

  /** This meeting with the given changes applied (null fields of {@code changes} keep ours). */
  public SimMeeting with(MeetingChanges changes) {
    return new SimMeeting(
        id,
        hostIndex,
        slot,
        type,
        changes.topic() != null ? changes.topic() : topic,
        changes.agenda() != null ? changes.agenda() : agenda,
        startTime,
        durationMinutes,
        timezone,
        createdAt,
        changes.alternativeHosts() != null ? changes.alternativeHosts() : alternativeHosts,
        changes.invitees() != null ? changes.invitees() : invitees,
        changes.whoWillReceiveSummary() != null
            ? changes.whoWillReceiveSummary()
            : whoWillReceiveSummary,
        listed,
        instanceCount);
  }
}
