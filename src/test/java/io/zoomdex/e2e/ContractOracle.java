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

  /** What crawl settings filter on, by document id: host, series, topic, instance start. */
  final Map<String, Origin> origins = new HashMap<>();

  /**
   * Where a document comes from.
   *
   * @param start the instance's start, or null for a series document
   */
  record Origin(String host, long seriesId, String topic, Instant start) {}

  /** Expected rules of each reader, by document id: why the contract makes them a reader. */
  final Map<String, Map<String, Set<String>>> rules = new HashMap<>();

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

  /** The documents each person may read, by their lower-cased email. */
  Map<String, Set<String>> readableByPerson() {
    Map<String, Set<String>> byPerson = new HashMap<>();
    readers.forEach(
        (id, people) ->
            people.forEach(p -> byPerson.computeIfAbsent(p, k -> new HashSet<>()).add(id)));
    return byPerson;
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
      Why hosts = new Why().add(host.email(), "host");
      if (meeting.listed()) {
        meeting.alternativeHosts().forEach(entry -> hosts.add(resolve(entry), "alternative host"));
      }
      Why series = hosts.copy();
      meeting.invitees().forEach(invitee -> series.add(invitee.email(), "invitee"));
      if (meeting.listed()) {
        put("meeting:" + meeting.id(), series);
        origin("meeting:" + meeting.id(), host, meeting.id(), meeting.topic(), null);
      }
      for (SimInstance instance : account.instancesOf(meeting)) {
        boolean reachable =
            meeting.listed() ? !beyondFifteenMonths(instance) : recordedInWindow(instance);
        if (reachable && !overAYearOld(instance)) {
          Set<String> attendees = participantEmails(instance);
          Why instanceReaders = (meeting.listed() ? series : hosts).copy();
          attendees.forEach(email -> instanceReaders.add(email, "participant"));
          put("past_meeting:" + instance.uuid(), instanceReaders);
          origin("past_meeting:" + instance.uuid(), host, meeting.id(), meeting.topic(), instance);
          if (instance.hasSummary() && !instance.summaryRestricted()) {
            Integer who = meeting.listed() ? meeting.whoWillReceiveSummary() : null;
            put(
                "summary:" + instance.uuid(),
                summaryReaders(who, host, hosts, meeting, attendees, instanceReaders));
            origin("summary:" + instance.uuid(), host, meeting.id(), meeting.topic(), instance);
          }
        }
        if (recordedInWindow(instance) && hasTranscript(instance)) {
          put("transcript:" + instance.uuid(), hosts);
          origin("transcript:" + instance.uuid(), host, meeting.id(), meeting.topic(), instance);
        }
      }
    }
  }

  private Why summaryReaders(
      Integer who,
      SimUser host,
      Why hosts,
      SimMeeting meeting,
      Set<String> attendees,
      Why instanceReaders) {
    if (who == null) {
      return hosts.copy().also("no summary setting");
    }
    String setting = "summary setting " + who;
    return switch (who) {
      case 1 -> new Why().add(host.email(), "host").also(setting);
      case 3 -> {
        Why readers = hosts.copy();
        meeting.invitees().stream()
            .map(SimInvitee::email)
            .map(ContractOracle::lower)
            .filter(internal::contains)
            .forEach(email -> readers.add(email, "internal invitee"));
        attendees.stream()
            .filter(internal::contains)
            .forEach(email -> readers.add(email, "internal participant"));
        yield readers.also(setting);
      }
      case 4 -> instanceReaders.copy().also(setting);
      default -> hosts.copy().also(setting);
    };
  }

  private void webinarsOf(SimUser host) {
    for (SimWebinar webinar : account.webinarsOf(host)) {
      Why hosts = new Why().add(host.email(), "host");
      webinar.alternativeHosts().forEach(entry -> hosts.add(resolve(entry), "alternative host"));
      Why series = hosts.copy();
      webinar.panelists().stream()
          .map(SimPanelist::email)
          .forEach(email -> series.add(email, "panelist"));
      put("webinar:" + webinar.id(), series);
      origin("webinar:" + webinar.id(), host, webinar.id(), webinar.topic(), null);
      for (SimInstance instance : account.instancesOf(webinar)) {
        if (!beyondFifteenMonths(instance)) {
          Why instanceReaders = series.copy();
          participantEmails(instance).forEach(email -> instanceReaders.add(email, "participant"));
          put("past_webinar:" + instance.uuid(), instanceReaders);
          origin("past_webinar:" + instance.uuid(), host, webinar.id(), webinar.topic(), instance);
        }
        // The transcript rule holds for webinars too: host and alternative hosts, no panelists.
        if (recordedInWindow(instance) && hasTranscript(instance)) {
          put("transcript:" + instance.uuid(), hosts);
          origin("transcript:" + instance.uuid(), host, webinar.id(), webinar.topic(), instance);
        }
      }
    }
  }

  private void origin(String id, SimUser host, long seriesId, String topic, SimInstance instance) {
    origins.put(
        id,
        new Origin(
            lower(host.email()), seriesId, topic, instance == null ? null : instance.startTime()));
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

  private void put(String id, Why people) {
    Set<String> kept = new TreeSet<>();
    Map<String, Set<String>> why = new HashMap<>();
    people.rules.forEach(
        (person, named) -> {
          if (!person.isBlank() && !deactivated.contains(person)) {
            kept.add(person);
            why.put(person, Set.copyOf(named));
          }
        });
    readers.put(id, kept);
    rules.put(id, why);
  }

  /**
   * Each person with the rules of {@code permissions.md} that name them, in the contract's words
   * (host, alternative host, invitee, panelist, participant, internal invitee, internal
   * participant) plus, for a summary, the setting that chose them.
   */
  private static final class Why {
    final Map<String, Set<String>> rules = new HashMap<>();

    Why add(String email, String rule) {
      rules.computeIfAbsent(lower(email), e -> new HashSet<>()).add(rule);
      return this;
    }

    Why also(String rule) {
      rules.values().forEach(named -> named.add(rule));
      return this;
    }

    Why copy() {
      Why copy = new Why();
      rules.forEach((email, named) -> copy.rules.put(email, new HashSet<>(named)));
      return copy;
    }
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

  private static String lower(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  static List<String> sorted(Set<String> ids) {
    return List.copyOf(new TreeSet<>(ids));
  }
}
