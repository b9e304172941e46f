package io.zoomdex.source;

import io.zoomdex.document.Readers;
import io.zoomdex.zoom.model.Meeting;
import io.zoomdex.zoom.model.MeetingInvitee;
import io.zoomdex.zoom.model.Panelist;
import io.zoomdex.zoom.model.Participant;
import io.zoomdex.zoom.model.Webinar;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The reader rules of {@code shared/docs/permissions.md}, one method per document type. Every
 * result has deactivated users removed; an empty result means nobody may read the document. Each
 * result also records, per reader, the rules that made them one ({@link Readers#rules()}), which
 * {@code zoomdex explain} shows: the explanation comes from this code, never a second copy of it.
 */
public final class ReaderRules {
  /** Meetings separate alternative hosts with ';', webinars with ','; accept either anywhere. */
  private static final Pattern LIST_SEPARATORS = Pattern.compile("[;,]");

  /** Rule names, recorded with each reader (see {@link Readers#rules()}). */
  public static final String RULE_HOST = "host";

  public static final String RULE_ALTERNATIVE_HOST = "alternative host";
  public static final String RULE_INVITEE = "invitee";
  public static final String RULE_PANELIST = "panelist";
  public static final String RULE_PARTICIPANT = "participant";
  public static final String RULE_INTERNAL_INVITEE = "internal invitee";
  public static final String RULE_INTERNAL_PARTICIPANT = "internal participant";
  public static final String RULE_NO_SUMMARY_SETTING = "no summary setting";

  private final UserDirectory directory;

  public ReaderRules(UserDirectory directory) {
    this.directory = directory;
  }

  /** The people a scheduled meeting names, from its details ({@code GET /meetings/{id}}). */
  public SeriesPeople meetingPeople(Meeting meeting, String listingUserId) {
    var settings = meeting.settingsOrEmpty();
    return new SeriesPeople(
        hostEmail(meeting.hostEmail(), meeting.hostId(), listingUserId),
        alternativeHosts(settings.alternativeHosts()),
        settings.meetingInvitees().stream().map(MeetingInvitee::email).toList(),
        List.of(),
        settings.whoWillReceiveSummary());
  }

  /** The people a webinar names, from its details and panelists. */
  public SeriesPeople webinarPeople(
      Webinar webinar, String listingUserId, Collection<Panelist> panelists) {
    return new SeriesPeople(
        hostEmail(webinar.hostEmail(), webinar.hostId(), listingUserId),
        alternativeHosts(webinar.settingsOrEmpty().alternativeHosts()),
        List.of(),
        panelists.stream().map(Panelist::email).toList(),
        null);
  }

  /** The host of an instance whose series is not listed, from the past meeting's details. */
  public SeriesPeople unlistedPeople(String hostEmail, String hostId) {
    return SeriesPeople.hostOnly(hostEmail(hostEmail, hostId, null));
  }

  /** {@code meeting:} and {@code webinar:}: host, alternative hosts, invitees, panelists. */
  public Readers series(SeriesPeople people) {
    return finish(seriesRules(people));
  }

  /** {@code past_meeting:} and {@code past_webinar:}: the series' readers plus participants. */
  public Readers instance(SeriesPeople people, Collection<Participant> participants) {
    return finish(instanceRules(people, participants));
  }

  /** {@code summary:} by the meeting's {@code who_will_receive_summary} (absent: hosts). */
  public Readers summary(SeriesPeople people, Collection<Participant> participants) {
    Integer who = people.whoWillReceiveSummary();
    if (who == null) {
      return finish(hostRules(people).also(RULE_NO_SUMMARY_SETTING));
    }
    String setting = "summary setting " + who;
    return switch (who) {
      case 1 -> finish(new Because().add(people.host(), RULE_HOST).also(setting));
      case 3 -> {
        Because readers = hostRules(people);
        people.invitees().stream()
            .filter(directory::isInternal)
            .forEach(email -> readers.add(email, RULE_INTERNAL_INVITEE));
        participants.stream()
            .map(Participant::userEmail)
            .filter(email -> email != null && directory.isInternal(email))
            .forEach(email -> readers.add(email, RULE_INTERNAL_PARTICIPANT));
        yield finish(readers.also(setting));
      }
      case 4 -> finish(instanceRules(people, participants).also(setting));
      default -> finish(hostRules(people).also(setting));
    };
  }

  /** {@code transcript:}: host and alternative hosts (recordings are private to the host). */
  public Readers transcript(SeriesPeople people) {
    return finish(hostRules(people));
  }

  private Because seriesRules(SeriesPeople people) {
    Because readers = hostRules(people);
    people.invitees().forEach(email -> readers.add(email, RULE_INVITEE));
    people.panelists().forEach(email -> readers.add(email, RULE_PANELIST));
    return readers;
  }

  private Because instanceRules(SeriesPeople people, Collection<Participant> participants) {
    Because readers = seriesRules(people);
    participants.forEach(p -> readers.add(p.userEmail(), RULE_PARTICIPANT));
    return readers;
  }

  private static Because hostRules(SeriesPeople people) {
    Because readers = new Because();
    readers.add(people.host(), RULE_HOST);
    people.alternativeHosts().forEach(email -> readers.add(email, RULE_ALTERNATIVE_HOST));
    return readers;
  }

  private String hostEmail(String hostEmail, String hostId, String listingUserId) {
    if (hostEmail != null && !hostEmail.isBlank()) {
      return hostEmail;
    }
    return directory.emailOf(hostId).or(() -> directory.emailOf(listingUserId)).orElse("");
  }

  private List<String> alternativeHosts(String separated) {
    List<String> emails = new ArrayList<>();
    for (String entry : LIST_SEPARATORS.split(separated)) {
      directory.resolve(entry).ifPresent(emails::add);
    }
    return emails;
  }

  private Readers finish(Because readers) {
    return Readers.explained(readers.rules).without(directory.deactivated());
  }

  /** Each reader with the rules that made them one, in the order the rules were applied. */
  private static final class Because {
    private final Map<String, Set<String>> rules = new LinkedHashMap<>();

    Because add(String email, String rule) {
      String principal = Readers.normalize(email);
      if (!principal.isEmpty()) {
        rules.computeIfAbsent(principal, p -> new LinkedHashSet<>()).add(rule);
      }
      return this;
    }

    /** Adds a rule every reader shares (the summary setting that chose them). */
    Because also(String rule) {
      rules.values().forEach(named -> named.add(rule));
      return this;
    }
  }
}
