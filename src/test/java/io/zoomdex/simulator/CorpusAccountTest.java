package io.zoomdex.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.simulator.corpus.CorpusMeeting;
import io.zoomdex.simulator.corpus.MeetingCorpus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written meetings load into a simulator as written, readable as Zoom would have them. */
class CorpusAccountTest {
  @Test
  void everyMeeting_isLoadedWithItsPeopleSummaryAndTranscript() throws Exception {
    MeetingCorpus corpus = MeetingCorpus.builtIn();
    SimulatorSettings settings =
        SimulatorFixtures.settings()
            .users(1)
            .meetingsPerUser(0)
            .webinarsPerUser(0)
            .start(Instant.parse("2026-04-01T00:00:00Z"))
            .build();
    try (ZoomSimulator simulator = ZoomSimulator.start(settings)) {
      CorpusAccount loaded = CorpusAccount.load(simulator, corpus, List.of("Jordan Blake"));
      SimulatedAccount account = simulator.account();
      for (CorpusMeeting written : corpus.meetings()) {
        SimMeeting meeting = account.meeting(loaded.meetingId(written.id())).orElseThrow();
        assertThat(meeting.topic()).isEqualTo(written.topic());
        assertThat(meeting.agenda()).isEqualTo(written.agendaText());
        assertThat(meeting.alternativeHosts())
            .containsExactlyElementsOf(
                written.alternativeHosts().stream().map(loaded::email).toList());
        assertThat(account.user(meeting.hostIndex()).email())
            .isEqualTo(loaded.email(written.host()));
        SimInstance instance = account.instance(loaded.instanceUuid(written.id())).orElseThrow();
        assertThat(instance.startTime()).isEqualTo(written.date());
        assertThat(account.summary(instance).orElseThrow().overview())
            .isEqualTo(written.summary().overview());
        String vtt = account.transcriptVtt(instance);
        written
            .transcript()
            .forEach(cue -> assertThat(vtt).contains(cue.speaker() + ": " + cue.text()));
        assertThat(account.participants(instance))
            .extracting(SimParticipant::name)
            .containsAll(written.speakers());
        assertThat(account.questions(instance)).isEmpty();
        assertThat(loaded.corpusIdOfInstance(instance.uuid())).contains(written.id());
      }
    }
  }

  @Test
  void theCorpus_repeatsNoSpokenSentenceAcrossMeetings() {
    // Short replies ("What does it cost?") recur in real talk; longer lines must not.
    java.util.Map<String, String> firstMeeting = new java.util.HashMap<>();
    for (CorpusMeeting meeting : MeetingCorpus.builtIn().meetings()) {
      meeting.transcript().stream()
          .filter(cue -> cue.words() >= 6)
          .forEach(
              cue -> {
                String other = firstMeeting.putIfAbsent(cue.text(), meeting.id());
                assertThat(other == null || other.equals(meeting.id()))
                    .as("%s is said in %s and %s", cue.text(), other, meeting.id())
                    .isTrue();
              });
    }
    assertThat(MeetingCorpus.builtIn().size()).isGreaterThanOrEqualTo(40);
  }

  @Test
  void theIndex_listsEveryMeetingFile() throws Exception {
    java.nio.file.Path dir = java.nio.file.Path.of("bench", "relevance", "meetings");
    List<String> files;
    try (var list = java.nio.file.Files.list(dir)) {
      files =
          list.map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".json"))
              .sorted()
              .toList();
    }
    assertThat(MeetingCorpus.builtIn().meetings())
        .extracting(m -> m.id() + ".json")
        .containsExactlyInAnyOrderElementsOf(files);
  }
}
