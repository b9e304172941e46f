package io.zoomdex.source;

import io.zoomdex.document.Readers;
import io.zoomdex.zoom.model.Meeting;
import io.zoomdex.zoom.model.MeetingInvitee;
import io.zoomdex.zoom.model.Panelist;
import io.zoomdex.zoom.model.Participant;
import io.zoomdex.zoom.model.Webinar;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reader rules of {@code shared/docs/permissions.md}, one method per document type. Every
 * result has deactivated users removed; an empty result means nobody may read the document.
 */
public final class ReaderRules {
  /** Meetings separate alternative hosts with ';', webinars with ','; accept either anywhere. */
  private static final Pattern LIST_SEPARATORS = Pattern.compile("[;,]");

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
    List<String> readers = hosts(people);
    readers.addAll(people.invitees());
    readers.addAll(people.panelists());
    return finish(readers);
  }

  /** {@code past_meeting:} and {@code past_webinar:}: the series' readers plus participants. */
  public Readers instance(SeriesPeople people, Collection<Participant> participants) {
    List<String> readers = new ArrayList<>(series(people).emails());
    participants.forEach(p -> readers.add(p.userEmail()));
    return finish(readers);
  }

  /** {@code summary:} by the meeting's {@code who_will_receive_summary} (absent: hosts). */
  public Readers summary(SeriesPeople people, Collection<Participant> participants) {
    Integer who = people.whoWillReceiveSummary();
    if (who == null) {
      return finish(hosts(people));
    }
    return switch (who) {
      case 1 -> finish(List.of(people.host()));
      case 3 -> {
        List<String> readers = hosts(people);
        people.invitees().stream().filter(directory::isInternal).forEach(readers::add);
        participants.stream()
            .map(Participant::userEmail)
            .filter(email -> email != null && directory.isInternal(email))
            .forEach(readers::add);
        yield finish(readers);
      }
      case 4 -> instance(people, participants);
      default -> finish(hosts(people));
    };
  }

  /** {@code transcript:}: host and alternative hosts (recordings are private to the host). */
  public Readers transcript(SeriesPeople people) {
    return finish(hosts(people));
  }

  private static List<String> hosts(SeriesPeople people) {
    List<String> readers = new ArrayList<>();
    readers.add(people.host());
    readers.addAll(people.alternativeHosts());
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

  private Readers finish(Collection<String> readers) {
    return Readers.of(readers).without(directory.deactivated());
  }
}
