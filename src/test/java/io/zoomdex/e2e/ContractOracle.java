package io.zoomdex.e2e;

import io.zoomdex.simulator.SimInstance;
import io.zoomdex.simulator.SimInvitee;
import io.zoomdex.simulator.SimMeeting;
import io.zoomdex.simulator.SimPanelist;
import io.zoomdex.simulator.SimParticipant;
import io.zoomdex.simulator.SimUser;
import io.zoomdex.simulator.SimUserStatus;
import io.zoomdex.simulator.SimWebinar;
import io.zoomdex.simulator.SimulatedAccount;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code shared/docs/permissions.md} says every document's readers are, computed straight from
 * the simulator's ground truth and written apart from the crawler's own reader rules, so the two
 * can disagree.
 */
final class ContractOracle {
  private final SimulatedAccount account;
  private final Instant now;
  private final LocalDate since;
  private final Set<String> internal = new HashSet<>();
  private final Set<String> deactivated = new HashSet<>();

  /** Expected readers by document id ({@code type:key}). */
  final Map<String, Set<String>> readers = new HashMap<>();

  ContractOracle(SimulatedAccount account, Instant now, LocalDate since) {
    this.account = account;
    this.now = now;
    this.since = since;
    for (SimUser user : account.users()) {
      internal.add(lower(user.email()));
      if (user.status() == SimUserStatus.INACTIVE) {
        deactivated.add(lower(user.email()));
      }
    }
    for (SimUser user : account.users()) {
      if (user.id() != null) {
        meetingsOf(user);
        webinarsOf(user);
      }
    }
  }

  /** Every principal that appears anywhere in the account, plus one nobody knows. */
  Set<String> everyone() {
    Set<String> all = new TreeSet<>(internal);
    readers.values().forEach(all::addAll);
    all.add("stranger@nowhere.example");
    return all;
  }

  private void meetingsOf(SimUser host) {
    for (SimMeeting meeting : account.meetingsOf(host)) {
      Set<String> hosts = new HashSet<>();
      hosts.add(lower(host.email()));
      if (meeting.listed()) {
        meeting.alternativeHosts().forEach(entry -> hosts.add(resolve(entry)));
      }
      Set<String> series = new HashSet<>(hosts);
      meeting.invitees().stream()
          .map(SimInvitee::email)
          .map(ContractOracle::lower)
          .forEach(series::add);
      if (meeting.listed()) {
        put("meeting:" + meeting.id(), series);
      }
      for (SimInstance instance : account.instancesOf(meeting)) {
        boolean reachable =
            meeting.listed() ? !beyondFifteenMonths(instance) : recordedInWindow(instance);
        if (reachable && !overAYearOld(instance)) {
          Set<String> attendees = participantEmails(instance);
          Set<String> instanceReaders = union(meeting.listed() ? series : hosts, attendees);
          put("past_meeting:" + instance.uuid(), instanceReaders);
          if (instance.hasSummary() && !instance.summaryRestricted()) {
            Integer who = meeting.listed() ? meeting.whoWillReceiveSummary() : null;
            put(
                "summary:" + instance.uuid(),
                summaryReaders(who, host, hosts, meeting, attendees, instanceReaders));
          }
        }
        if (recordedInWindow(instance) && hasTranscript(instance)) {
          put("transcript:" + instance.uuid(), hosts);
        }
      }
    }
  }

  private Set<String> summaryReaders(
      Integer who,
      SimUser host,
      Set<String> hosts,
      SimMeeting meeting,
      Set<String> attendees,
      Set<String> instanceReaders) {
    if (who == null) {
      return hosts;
    }
    return switch (who) {
      case 1 -> Set.of(lower(host.email()));
      case 3 -> {
        Set<String> readers = new HashSet<>(hosts);
        meeting.invitees().stream()
            .map(SimInvitee::email)
            .map(ContractOracle::lower)
            .filter(internal::contains)
            .forEach(readers::add);
        attendees.stream().filter(internal::contains).forEach(readers::add);
        yield readers;
      }
      case 4 -> instanceReaders;
      default -> hosts;
    };
  }

  private void webinarsOf(SimUser host) {
    for (SimWebinar webinar : account.webinarsOf(host)) {
      Set<String> hosts = new HashSet<>();
      hosts.add(lower(host.email()));
      webinar.alternativeHosts().forEach(entry -> hosts.add(resolve(entry)));
      Set<String> series = new HashSet<>(hosts);
      webinar.panelists().stream()
          .map(SimPanelist::email)
          .map(ContractOracle::lower)
          .forEach(series::add);
      put("webinar:" + webinar.id(), series);
      for (SimInstance instance : account.instancesOf(webinar)) {
        if (!beyondFifteenMonths(instance)) {
          put("past_webinar:" + instance.uuid(), union(series, participantEmails(instance)));
        }
        // The transcript rule holds for webinars too: host and alternative hosts, no panelists.
        if (recordedInWindow(instance) && hasTranscript(instance)) {
          put("transcript:" + instance.uuid(), hosts);
        }
      }
    }
  }

  private Set<String> participantEmails(SimInstance instance) {
    Set<String> emails = new HashSet<>();
    for (SimParticipant participant : account.participants(instance)) {
      if (participant.email() != null && !participant.email().isBlank()) {
        emails.add(lower(participant.email()));
      }
    }
    return emails;
  }

  private String resolve(String emailOrId) {
    if (emailOrId.contains("@")) {
      return lower(emailOrId);
    }
    return account.userByIdOrEmail(emailOrId).map(u -> lower(u.email())).orElse("");
  }

  private void put(String id, Set<String> people) {
    Set<String> kept = new TreeSet<>();
    for (String person : people) {
      if (!person.isBlank() && !deactivated.contains(person)) {
        kept.add(person);
      }
    }
    readers.put(id, kept);
  }

  private boolean recordedInWindow(SimInstance instance) {
    LocalDate day = LocalDate.ofInstant(instance.startTime(), ZoneOffset.UTC);
    return instance.recorded()
        && !account.recordingFiles(instance).isEmpty()
        && !day.isBefore(since)
        && instance.endTime().isBefore(now);
  }

  private boolean hasTranscript(SimInstance instance) {
    return account.recordingFiles(instance).stream()
        .anyMatch(file -> "TRANSCRIPT".equals(file.fileType()));
  }

  private boolean overAYearOld(SimInstance instance) {
    return instance.startTime().isBefore(now.atZone(ZoneOffset.UTC).minusYears(1).toInstant());
  }

  private boolean beyondFifteenMonths(SimInstance instance) {
    return instance.startTime().isBefore(now.atZone(ZoneOffset.UTC).minusMonths(15).toInstant());
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }

  private static String lower(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  static List<String> sorted(Set<String> ids) {
    return List.copyOf(new TreeSet<>(ids));
  }
}
