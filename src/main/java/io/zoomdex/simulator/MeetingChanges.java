package io.zoomdex.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link Mutations#updateMeeting} changes; a null field is left as it is.
 *
 * @param topic new topic
 * @param agenda new agenda
 * @param alternativeHosts new {@code settings.alternative_hosts} entries (emails or user ids)
 * @param invitees new {@code settings.meeting_invitees}
 * @param whoWillReceiveSummary new {@code settings.who_will_receive_summary} (1-4)
 */
public record MeetingChanges(
    String topic,
    String agenda,
    List<String> alternativeHosts,
    List<SimInvitee> invitees,
    Integer whoWillReceiveSummary) {
  public MeetingChanges {
    alternativeHosts = alternativeHosts == null ? null : List.copyOf(alternativeHosts);
    invitees = invitees == null ? null : List.copyOf(invitees);
    if (whoWillReceiveSummary != null && (whoWillReceiveSummary < 1 || whoWillReceiveSummary > 4)) {
      throw new IllegalArgumentException("who_will_receive_summary must be between 1 and 4.");
    }
    if (topic != null && topic.isBlank()) {
      throw new IllegalArgumentException("A meeting topic must not be blank.");
    }
  }

  /** No change at all; add fields with the {@code with...} methods. */
  public static MeetingChanges none() {
    return new MeetingChanges(null, null, null, null, null);
  }

  public MeetingChanges withTopic(String value) {
    return new MeetingChanges(value, agenda, alternativeHosts, invitees, whoWillReceiveSummary);
  }

  public MeetingChanges withAgenda(String value) {
    return new MeetingChanges(topic, value, alternativeHosts, invitees, whoWillReceiveSummary);
  }

  public MeetingChanges withAlternativeHosts(List<String> value) {
    return new MeetingChanges(topic, agenda, value, invitees, whoWillReceiveSummary);
  }

  public MeetingChanges withInvitees(List<SimInvitee> value) {
    return new MeetingChanges(topic, agenda, alternativeHosts, value, whoWillReceiveSummary);
  }

  public MeetingChanges withWhoWillReceiveSummary(int value) {
    return new MeetingChanges(topic, agenda, alternativeHosts, invitees, value);
  }

  /** The Zoom field names this changes, e.g. {@code topic}, {@code settings.alternative_hosts}. */
  public List<String> fieldNames() {
    List<String> names = new ArrayList<>();
    if (topic != null) {
      names.add("topic");
    }
    if (agenda != null) {
      names.add("agenda");
    }
    if (alternativeHosts != null) {
      names.add("settings.alternative_hosts");
    }
    if (invitees != null) {
      names.add("settings.meeting_invitees");
    }
    if (whoWillReceiveSummary != null) {
      names.add("settings.who_will_receive_summary");
    }
    return names;
  }
}
