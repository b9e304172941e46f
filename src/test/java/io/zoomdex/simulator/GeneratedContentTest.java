package io.zoomdex.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.simulator.corpus.CorpusMeeting;
import io.zoomdex.simulator.corpus.MeetingCorpus;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generated account reads like a company's meetings, not a dozen repeated sentences. */
class GeneratedContentTest {
  private static final SimulatedAccount ACCOUNT =
      new SimulatedAccount(
          SimulatorFixtures.settings().users(300).build(), SimulatorFixtures.START);

  @Test
  void noTranscriptSentence_isSharedByMoreThanAFewPercentOfTranscripts() {
    Map<String, Integer> transcriptsPerLine = new HashMap<>();
    int transcripts = 0;
    for (SimUser user : ACCOUNT.users()) {
      for (SimMeeting meeting : ACCOUNT.meetingsOf(user)) {
        for (SimInstance instance : ACCOUNT.instancesOf(meeting)) {
          if (!instance.recorded()) {
            continue;
          }
          transcripts++;
          Set<String> lines = new HashSet<>();
          for (String line : ACCOUNT.transcriptVtt(instance).split("\n", -1)) {
            int colon = line.indexOf(": ");
            if (colon > 0 && !line.contains("-->")) {
              lines.add(line.substring(colon + 2));
            }
          }
          lines.forEach(l -> transcriptsPerLine.merge(l, 1, Integer::sum));
        }
      }
    }
    int mostShared = transcriptsPerLine.values().stream().max(Integer::compare).orElseThrow();

    assertThat(transcripts).isGreaterThan(300);
    assertThat(transcriptsPerLine).hasSizeGreaterThan(300);
    assertThat((double) mostShared / transcripts).isLessThan(0.05);
  }

  @Test
  void agendasAndSummaries_areWrittenSentencesOfTheMeetingTheTopicNames() {
    Map<String, CorpusMeeting> byTopic = new HashMap<>();
    MeetingCorpus.builtIn().meetings().forEach(m -> byTopic.put(m.topic(), m));
    int checked = 0;
    for (SimUser user : ACCOUNT.users().subList(0, 100)) {
      for (SimMeeting meeting : ACCOUNT.meetingsOf(user)) {
        if (meeting.type() == 1) {
          continue;
        }
        String topic = meeting.topic();
        CorpusMeeting subject =
            byTopic.getOrDefault(
                topic, byTopic.get(topic.replaceFirst("^(Weekly |Recurring: )", "")));
        assertThat(subject).as("a written topic: %s", meeting.topic()).isNotNull();
        List<String> items = new java.util.ArrayList<>(subject.agenda());
        subject
            .summary()
            .details()
            .forEach(d -> items.addAll(List.of(d.summary().split("(?<=\\.) ", -1))));
        String agenda = meeting.agenda();
        for (String sentence : agenda.split("(?<=\\.) ", -1)) {
          assertThat(items).as("an agenda item or topic paragraph of %s", topic).contains(sentence);
        }
        for (SimInstance instance : ACCOUNT.instancesOf(meeting)) {
          ACCOUNT
              .summary(instance)
              .ifPresent(s -> assertThat(s.overview()).isEqualTo(subject.summary().overview()));
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void sameSeed_sameContent() {
    SimulatedAccount again =
        new SimulatedAccount(
            SimulatorFixtures.settings().users(300).build(), SimulatorFixtures.START);
    SimMeeting meeting = ACCOUNT.meetingsOf(ACCOUNT.user(0)).get(0);
    SimInstance instance = ACCOUNT.instancesOf(meeting).get(0);

    assertThat(again.meetingsOf(again.user(0)).get(0)).isEqualTo(meeting);
    assertThat(again.transcriptVtt(instance)).isEqualTo(ACCOUNT.transcriptVtt(instance));
    assertThat(again.summary(instance)).isEqualTo(ACCOUNT.summary(instance));
  }
}
