package io.zoomdex.simulator.corpus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One hand-written meeting of the corpus.
 *
 * @param id a stable slug, the file's name without {@code .json}
 * @param department the team that held it
 * @param confidential whether only its host and alternative hosts are meant to read it
 * @param topic the meeting topic
 * @param date when it started
 * @param host the host's display name
 * @param alternativeHosts the alternative hosts' display names
 * @param agenda agenda items, each a sentence
 * @param summary the AI Companion summary
 * @param transcript the transcript's cues in order
 */
public record CorpusMeeting(
    String id,
    String department,
    boolean confidential,
    String topic,
    Instant date,
    String host,
    List<String> alternativeHosts,
    List<String> agenda,
    CorpusSummary summary,
    List<Cue> transcript) {
  public CorpusMeeting {
    alternativeHosts = List.copyOf(alternativeHosts);
    agenda = List.copyOf(agenda);
    transcript = List.copyOf(transcript);
  }

  /** The agenda as one text, the way a host types it into Zoom. */
  public String agendaText() {
    return String.join(" ", agenda);
  }

  /** The speakers in the order they first speak. */
  public List<String> speakers() {
    List<String> speakers = new ArrayList<>();
    for (Cue cue : transcript) {
      if (!speakers.contains(cue.speaker())) {
        speakers.add(cue.speaker());
      }
    }
    return speakers;
  }

  /** Everyone named as host, alternative host or speaker, host first. */
  public List<String> people() {
    List<String> people = new ArrayList<>();
    people.add(host);
    for (String name : alternativeHosts) {
      if (!people.contains(name)) {
        people.add(name);
      }
    }
    for (String name : speakers()) {
      if (!people.contains(name)) {
        people.add(name);
      }
    }
    return people;
  }

  /** Seconds from the first cue's start to an estimated end of the last one. */
  public int lengthSeconds() {
    Cue last = transcript.get(transcript.size() - 1);
    return last.startSecond() + Math.max(2, (int) Math.ceil(last.words() / 2.5));
  }
}
