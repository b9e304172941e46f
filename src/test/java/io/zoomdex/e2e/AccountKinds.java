package io.zoomdex.e2e;

import io.zoomdex.simulator.SimInstance;
import io.zoomdex.simulator.SimMeeting;
import io.zoomdex.simulator.SimParticipant;
import io.zoomdex.simulator.SimUser;
import io.zoomdex.simulator.SimUserStatus;
import io.zoomdex.simulator.SimulatedAccount;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which kinds of person and data a generated account holds, so a property can check that its random
 * accounts really exercise every rule of {@code permissions.md} rather than trusting the generator.
 */
enum AccountKinds {
  INACTIVE_USER,
  PENDING_USER,
  GUEST_WITHOUT_EMAIL,
  EXTERNAL_PARTICIPANT,
  ALTERNATIVE_HOST_AS_ID,
  ALTERNATIVE_HOST_AS_EMAIL,
  INVITEE,
  SUMMARY_TO_HOST,
  SUMMARY_TO_HOSTS,
  SUMMARY_TO_INTERNAL_PEOPLE,
  SUMMARY_TO_EVERY_READER,
  UNLISTED_MEETING,
  SLASH_UUID;

  /** The kind for each {@code who_will_receive_summary} value, 1 to 4. */
  private static final AccountKinds[] BY_SUMMARY_SETTING = {
    SUMMARY_TO_HOST, SUMMARY_TO_HOSTS, SUMMARY_TO_INTERNAL_PEOPLE, SUMMARY_TO_EVERY_READER
  };

  /** The kinds present in {@code account}. */
  static Set<AccountKinds> of(SimulatedAccount account) {
    Set<AccountKinds> kinds = EnumSet.noneOf(AccountKinds.class);
    for (SimUser user : account.users()) {
      if (user.status() == SimUserStatus.INACTIVE) {
        kinds.add(INACTIVE_USER);
      }
      if (user.status() == SimUserStatus.PENDING) {
        kinds.add(PENDING_USER);
      }
      if (user.id() == null) {
        continue;
      }
      for (SimMeeting meeting : account.meetingsOf(user)) {
        addMeetingKinds(account, meeting, kinds);
      }
    }
    return kinds;
  }

  private static void addMeetingKinds(
      SimulatedAccount account, SimMeeting meeting, Set<AccountKinds> kinds) {
    for (String host : meeting.alternativeHosts()) {
      kinds.add(host.contains("@") ? ALTERNATIVE_HOST_AS_EMAIL : ALTERNATIVE_HOST_AS_ID);
    }
    if (!meeting.invitees().isEmpty()) {
      kinds.add(INVITEE);
    }
    if (!meeting.listed()) {
      kinds.add(UNLISTED_MEETING);
    }
    Integer who = meeting.whoWillReceiveSummary();
    for (SimInstance instance : account.instancesOf(meeting)) {
      if (instance.uuid().startsWith("/") || instance.uuid().contains("//")) {
        kinds.add(SLASH_UUID);
      }
      if (instance.hasSummary() && who != null && who >= 1 && who <= 4) {
        kinds.add(BY_SUMMARY_SETTING[who - 1]);
      }
      for (SimParticipant participant : account.participants(instance)) {
        if (participant.email() == null || participant.email().isBlank()) {
          kinds.add(GUEST_WITHOUT_EMAIL);
        } else if (!participant.internalUser()) {
          kinds.add(EXTERNAL_PARTICIPANT);
        }
      }
    }
  }
}
