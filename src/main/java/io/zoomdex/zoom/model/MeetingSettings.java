package io.zoomdex.zoom.model;

import java.util.List;

/**
 * The part of a meeting's {@code settings} that decides who may read it.
 *
 * @param alternativeHosts semicolon-separated emails or user ids (commas tolerated)
 * @param whoWillReceiveSummary 1 host, 2 host and alternative hosts, 3 plus internal invitees and
 *     participants, 4 everyone; null when Zoom did not say
 */
public record MeetingSettings(
    String alternativeHosts, List<MeetingInvitee> meetingInvitees, Integer whoWillReceiveSummary) {

  public MeetingSettings {
    alternativeHosts = alternativeHosts == null ? "" : alternativeHosts;
    meetingInvitees = meetingInvitees == null ? List.of() : List.copyOf(meetingInvitees);
  }
}
