package io.zoomdex.simulator;

import io.zoomdex.simulator.corpus.CorpusMeeting;
import io.zoomdex.simulator.corpus.CorpusSummary;
import io.zoomdex.simulator.corpus.MeetingCorpus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads hand-written meetings into a running simulator as they were written, through its {@link
 * Mutations}, so a crawl finds them through the Zoom API like any other meeting: one user per
 * person named, one scheduled meeting per corpus meeting (its host, alternative hosts, topic and
 * agenda; summaries go to the host and alternative hosts), and one ended, recorded instance with
 * the speakers as participants, the written summary and the transcript.
 *
 * <p>The simulator's clock must be past the last meeting's end. Pair it with a simulator whose own
 * generated account is small, or its meetings sit beside these.
 */
public final class CorpusAccount {
  private final Map<String, String> emails;
  private final Map<String, Long> meetingIds;
  private final Map<String, String> instanceUuids;
  private final Map<Long, String> corpusIds;

  private CorpusAccount(
      Map<String, String> emails, Map<String, Long> meetingIds, Map<String, String> instanceUuids) {
    this.emails = Map.copyOf(emails);
    this.meetingIds = Map.copyOf(meetingIds);
    this.instanceUuids = Map.copyOf(instanceUuids);
    Map<Long, String> reverse = new HashMap<>();
    meetingIds.forEach((id, number) -> reverse.put(number, id));
    this.corpusIds = Map.copyOf(reverse);
  }

  /**
   * Loads every meeting of {@code corpus} (oldest first) into the simulator, plus a user for each
   * of {@code extraPeople}.
   *
   * @throws IllegalArgumentException when a name is not two plain words or a meeting ends after the
   *     simulator's now
   */
  public static CorpusAccount load(
      ZoomSimulator simulator, MeetingCorpus corpus, List<String> extraPeople) {
    Mutations mutations = simulator.mutations();
    Map<String, String> emails = new LinkedHashMap<>();
    List<String> people = new ArrayList<>(extraPeople);
    corpus.meetings().forEach(m -> people.addAll(m.people()));
    for (String name : people) {
      if (!emails.containsKey(name)) {
        String[] parts = name.split(" ", -1);
        if (parts.length != 2) {
          throw new IllegalArgumentException(
              "The person " + name + " needs a first and a last name; write both.");
        }
        emails.put(name, mutations.createUser(parts[0], parts[1], 2).email());
      }
    }
    Map<String, Long> meetingIds = new HashMap<>();
    Map<String, String> uuids = new HashMap<>();
    List<CorpusMeeting> byDate = new ArrayList<>(corpus.meetings());
    byDate.sort(Comparator.comparing(CorpusMeeting::date));
    for (CorpusMeeting written : byDate) {
      Duration length = Duration.ofMinutes(2 + written.lengthSeconds() / 60);
      SimMeeting meeting =
          mutations.createMeeting(
              emails.get(written.host()),
              written.topic(),
              written.agendaText(),
              written.date(),
              (int) Math.max(30, length.toMinutes()));
      mutations.updateMeeting(
          meeting.id(),
          MeetingChanges.none()
              .withAlternativeHosts(written.alternativeHosts().stream().map(emails::get).toList())
              .withWhoWillReceiveSummary(2));
      List<String> participants = new ArrayList<>();
      participants.add(emails.get(written.host()));
      for (String speaker : written.speakers()) {
        if (!participants.contains(emails.get(speaker))) {
          participants.add(emails.get(speaker));
        }
      }
      SimInstance instance =
          mutations.addInstance(
              meeting.id(),
              new NewInstance(written.date(), length, participants.size(), true, true),
              new ScriptedContent(participants, summary(written), vtt(written)));
      meetingIds.put(written.id(), meeting.id());
      uuids.put(written.id(), instance.uuid());
    }
    return new CorpusAccount(emails, meetingIds, uuids);
  }

  private static SimSummary summary(CorpusMeeting written) {
    CorpusSummary summary = written.summary();
    return CorpusContent.summaryOf(
        written.topic(),
        summary.overview(),
        summary.details().stream().map(d -> new SimSummary.Detail(d.label(), d.summary())).toList(),
        summary.nextSteps().stream().map(s -> s.owner() + " will " + s.action() + ".").toList());
  }

  private static String vtt(CorpusMeeting written) {
    return CorpusContent.vtt(written.transcript(), Map.of());
  }

  /** The email of the user created for this person. */
  public String email(String person) {
    String email = emails.get(person);
    if (email == null) {
      throw new IllegalArgumentException("No person named " + person + " was loaded.");
    }
    return email;
  }

  /** The Zoom meeting id of the corpus meeting with this id. */
  public long meetingId(String corpusId) {
    Long id = meetingIds.get(corpusId);
    if (id == null) {
      throw new IllegalArgumentException("No corpus meeting named " + corpusId + " was loaded.");
    }
    return id;
  }

  /** The UUID of the corpus meeting's one past instance. */
  public String instanceUuid(String corpusId) {
    meetingId(corpusId);
    return instanceUuids.get(corpusId);
  }

  /** The corpus meeting loaded as this Zoom meeting, if any. */
  public Optional<String> corpusIdOfMeeting(long meetingId) {
    return Optional.ofNullable(corpusIds.get(meetingId));
  }

  /** The corpus meeting whose instance has this UUID, if any. */
  public Optional<String> corpusIdOfInstance(String uuid) {
    return instanceUuids.entrySet().stream()
        .filter(e -> e.getValue().equals(uuid))
        .map(Map.Entry::getKey)
        .findFirst();
  }
}
