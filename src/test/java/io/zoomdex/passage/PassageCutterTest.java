package io.zoomdex.passage;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.document.Readers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PassageCutterTest {

  private final PassageCutter cutter = new PassageCutter();

  private static Document doc(DocumentType type, String title, String body) {
    return new Document(
        new DocumentId(type, "k"),
        title,
        body,
        "",
        null,
        0,
        "",
        Readers.of(List.of("a@x.io")),
        Map.of());
  }

  private static int words(String text) {
    return text.strip().split("\\s+").length;
  }

  @Test
  void transcript_isCutIntoOverlappingWindowsOfCues_withStartTimesAndSpeakers() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      // 60 cues of 12 words: 720 words.
      body.append(
          String.format(
              "[00:%02d:%02d] %s: one two three four five six seven eight nine ten eleven w%d%n",
              i / 2, (i % 2) * 30, i % 3 == 0 ? "Alice Smith" : "Bob Jones", i));
    }
    List<Passage> passages =
        cutter.cut(doc(DocumentType.TRANSCRIPT, "Transcript: sync", body.toString()));

    assertThat(passages).hasSizeGreaterThanOrEqualTo(4);
    for (Passage passage : passages) {
      assertThat(passage.kind()).isEqualTo(PassageKind.TRANSCRIPT_WINDOW);
      assertThat(words(passage.text())).isBetween(150, PassageCutter.MAX_WORDS);
      assertThat(passage.speakers()).containsExactlyInAnyOrder("Alice Smith", "Bob Jones");
      assertThat(passage.offset()).isNotNull();
    }
    assertThat(passages.get(0).offset()).isEqualTo(Duration.ZERO);
    // Windows overlap: each starts before the previous one ended, and later in the recording.
    for (int i = 1; i < passages.size(); i++) {
      String previousLast = passages.get(i - 1).text().lines().reduce((a, b) -> b).orElseThrow();
      assertThat(passages.get(i).text()).contains(previousLast);
      assertThat(passages.get(i).offset()).isGreaterThan(passages.get(i - 1).offset());
    }
    // Every cue is in some window; the last window ends with the last cue.
    assertThat(passages.get(passages.size() - 1).text()).endsWith("w59");
    assertThat(passages)
        .extracting(Passage::ordinal)
        .containsExactly(
            java.util.stream.IntStream.range(0, passages.size()).boxed().toArray(Integer[]::new));
  }

  @Test
  void shortTranscript_isOneWindow_atItsFirstCue() {
    List<Passage> passages =
        cutter.cut(
            doc(
                DocumentType.TRANSCRIPT,
                "Transcript: x",
                "[00:01:05] Alice: Hello.\n[00:01:09] Bob: We sunset the old billing API in March.\n"));
    assertThat(passages)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.offset()).isEqualTo(Duration.ofSeconds(65));
              assertThat(p.speakers()).containsExactly("Alice", "Bob");
            });
  }

  @Test
  void summary_markdown_isCutIntoOverviewNextStepsAndSections() {
    String body =
        "## Quick recap\n\nThe team agreed to delay the launch.\n\n## Next steps\n\n"
            + "- Alice to update the plan\n- Bob to tell sales\n\n## Summary\n\n### Budget\n\nCosts rose 10%.\n";
    List<Passage> passages = cutter.cut(doc(DocumentType.SUMMARY, "Summary: launch", body));
    assertThat(passages)
        .extracting(Passage::kind)
        .containsExactly(PassageKind.OVERVIEW, PassageKind.NEXT_STEPS, PassageKind.SECTION);
    assertThat(passages.get(0).text()).contains("delay the launch").doesNotContain("#");
    assertThat(passages.get(1).text()).contains("Bob to tell sales");
    assertThat(passages.get(2).text()).contains("Budget").contains("Costs rose");
  }

  @Test
  void summary_olderForm_splitsOverviewAndNextSteps() {
    String body =
        "We reviewed the budget.\n\nHiring\nTwo roles approved.\n\nNext steps:\n- Post the roles";
    List<Passage> passages = cutter.cut(doc(DocumentType.SUMMARY, "Summary", body));
    assertThat(passages)
        .extracting(Passage::kind)
        .containsExactly(PassageKind.OVERVIEW, PassageKind.SECTION, PassageKind.NEXT_STEPS);
  }

  @Test
  void pastMeeting_agendaAndEachQuestionWithItsAnswer_peopleLeftToKeywords() {
    String body =
        "Review the roadmap.\n\nParticipants: Alice, Bob\n\nQ (Carol): When do we ship?\nA: In May.\n"
            + "Q (Dan): Who owns QA?\nA: Erin.";
    List<Passage> passages = cutter.cut(doc(DocumentType.PAST_MEETING, "Roadmap", body));
    assertThat(passages)
        .extracting(Passage::kind)
        .containsExactly(
            PassageKind.AGENDA, PassageKind.QUESTION_AND_ANSWER, PassageKind.QUESTION_AND_ANSWER);
    assertThat(passages.get(1).text()).isEqualTo("Q (Carol): When do we ship?\nA: In May.");
    assertThat(passages.get(2).text()).isEqualTo("Q (Dan): Who owns QA?\nA: Erin.");
  }

  @Test
  void longTextWithoutStructure_isCutIntoWindows_andAnEmptyBodyLeavesTheTitle() {
    String longAgenda = "word ".repeat(700);
    List<Passage> passages = cutter.cut(doc(DocumentType.MEETING, "Planning", longAgenda));
    assertThat(passages).hasSizeGreaterThan(2);
    passages.forEach(p -> assertThat(words(p.text())).isLessThanOrEqualTo(PassageCutter.MAX_WORDS));

    assertThat(cutter.cut(doc(DocumentType.MEETING, "Standup", "")))
        .singleElement()
        .satisfies(p -> assertThat(p.text()).isEqualTo("Standup"));
    assertThat(cutter.cut(doc(DocumentType.MEETING, "", " "))).isEmpty();
  }

  @Test
  void textToEmbed_putsTheTitleFirst() {
    Passage passage = cutter.cut(doc(DocumentType.MEETING, "Budget", "Cut costs.")).get(0);
    assertThat(passage.textToEmbed("Budget")).isEqualTo("Budget\nCut costs.");
  }
}
