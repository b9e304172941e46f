package io.zoomdex.simulator;

import io.zoomdex.simulator.corpus.CorpusMeeting;
import io.zoomdex.simulator.corpus.CorpusSummary;
import io.zoomdex.simulator.corpus.Cue;
import io.zoomdex.simulator.corpus.MeetingCorpus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generated content recombined from the hand-written meetings: each generated meeting takes one
 * corpus meeting as its subject (topic, agenda items), and each of its instances a stretch of that
 * meeting's transcript spoken by the instance's own participants, with the summary's action items
 * given to them. Deterministic per seed; the corpus is read once, so a derivation costs a few
 * string joins.
 */
final class CorpusContent {
  private static final int SHORTEST_WINDOW = 6;
  private static final int WINDOW_SPREAD = 10;

  private CorpusContent() {}

  static MeetingCorpus corpus() {
    return MeetingCorpus.builtIn();
  }

  /**
   * Each corpus meeting's people and speakers, worked out once (derivations ask for them often).
   */
  private static final class Cast {
    static final Map<String, List<String>> PEOPLE = new HashMap<>();
    static final Map<String, List<String>> SPEAKERS = new HashMap<>();

    static {
      for (CorpusMeeting meeting : corpus().meetings()) {
        PEOPLE.put(meeting.id(), meeting.people());
        SPEAKERS.put(meeting.id(), meeting.speakers());
      }
    }
  }

  /** The corpus meeting that meeting (or webinar) {@code slot} of {@code host} is about. */
  static CorpusMeeting subject(long seed, boolean webinar, int host, int slot) {
    return corpus().get(Math.floorMod(Hashes.of(seed, 22, webinar ? 1 : 0, host, slot), size()));
  }

  private static int size() {
    return corpus().size();
  }

  /**
   * The subject's agenda: a consecutive run of its items, at least two when it has two, and for one
   * meeting in four the subject's topic paragraphs after them.
   */
  static String agenda(SplittableRandom r, CorpusMeeting subject) {
    List<String> items = subject.agenda();
    int count = Math.min(items.size(), 2 + r.nextInt(Math.max(1, items.size() - 1)));
    int first = r.nextInt(items.size() - count + 1);
    String agenda = String.join(" ", items.subList(first, first + count));
    if (r.nextInt(4) == 0) {
      // Some hosts paste the background in too, which makes long agendas (Zoom lists cut at 250).
      StringBuilder context = new StringBuilder(agenda);
      subject.summary().details().forEach(d -> context.append(' ').append(d.summary()));
      return context.toString();
    }
    return agenda;
  }

  /** A recurring series' topic: the subject's, said the way calendars name series. */
  static String seriesTopic(SplittableRandom r, CorpusMeeting subject) {
    return (r.nextBoolean() ? "Weekly " : "Recurring: ") + subject.topic();
  }

  /**
   * The summary of one instance: the subject's recap and topics, its action items owned by the
   * instance's people ({@code people} in order, the host first; the subject's people map onto them
   * in the order they appear).
   */
  static SimSummary summary(
      SplittableRandom r, CorpusMeeting subject, String topic, List<String> people) {
    Map<String, String> cast = cast(Cast.PEOPLE.get(subject.id()), people);
    CorpusSummary written = subject.summary();
    List<SimSummary.Detail> details = new ArrayList<>();
    int detailCount = Math.min(written.details().size(), 2 + r.nextInt(2));
    for (CorpusSummary.Detail detail : written.details().subList(0, detailCount)) {
      details.add(new SimSummary.Detail(detail.label(), detail.summary()));
    }
    List<String> nextSteps = new ArrayList<>();
    int steps = Math.min(written.nextSteps().size(), 1 + r.nextInt(3));
    for (CorpusSummary.NextStep step : written.nextSteps().subList(0, steps)) {
      nextSteps.add(cast.getOrDefault(step.owner(), step.owner()) + " will " + step.action() + ".");
    }
    return summaryOf(topic, written.overview(), details, nextSteps);
  }

  /** A summary in Zoom's shape: Markdown content plus the deprecated structured fields. */
  static SimSummary summaryOf(
      String topic, String overview, List<SimSummary.Detail> details, List<String> nextSteps) {
    StringBuilder markdown = new StringBuilder();
    markdown.append("## Quick recap\n\n").append(overview).append("\n\n## Next steps\n\n");
    for (String step : nextSteps) {
      markdown.append("- ").append(step).append('\n');
    }
    markdown.append("\n## Summary\n");
    for (SimSummary.Detail detail : details) {
      markdown
          .append("\n### ")
          .append(detail.label())
          .append("\n\n")
          .append(detail.summary())
          .append('\n');
    }
    return new SimSummary(topic, markdown.toString(), overview, details, nextSteps);
  }

  /**
   * A WebVTT transcript of a consecutive stretch of the subject's cues (6 to 15 of them, or all),
   * spoken by {@code speakers}: the subject's speakers map onto them in order of appearance.
   */
  static String transcriptVtt(SplittableRandom r, CorpusMeeting subject, List<String> speakers) {
    List<Cue> cues = subject.transcript();
    int length = Math.min(cues.size(), SHORTEST_WINDOW + r.nextInt(WINDOW_SPREAD));
    int first = r.nextInt(cues.size() - length + 1);
    return vtt(
        cues.subList(first, first + length), cast(Cast.SPEAKERS.get(subject.id()), speakers));
  }

  /** The cues as WebVTT, times shifted so the first starts at 2 s, speakers renamed by cast. */
  static String vtt(List<Cue> cues, Map<String, String> cast) {
    StringBuilder vtt = new StringBuilder("WEBVTT\n");
    int shift = cues.get(0).startSecond() - 2;
    for (int i = 0; i < cues.size(); i++) {
      Cue cue = cues.get(i);
      int start = cue.startSecond() - shift;
      int spoken = Math.max(2, (int) Math.ceil(cue.words() / 2.5));
      int end =
          i + 1 < cues.size()
              ? Math.min(start + spoken, cues.get(i + 1).startSecond() - shift)
              : start + spoken;
      vtt.append('\n')
          .append(i + 1)
          .append('\n')
          .append(timestamp(start))
          .append(" --> ")
          .append(timestamp(Math.max(start + 1, end)))
          .append('\n')
          .append(cast.getOrDefault(cue.speaker(), cue.speaker()))
          .append(": ")
          .append(cue.text())
          .append('\n');
    }
    return vtt.toString();
  }

  /** Maps the written people onto the actual ones in order, cycling when there are fewer. */
  private static Map<String, String> cast(List<String> written, List<String> actual) {
    Map<String, String> cast = new HashMap<>();
    if (actual.isEmpty()) {
      return cast;
    }
    for (int i = 0; i < written.size(); i++) {
      cast.put(written.get(i), actual.get(i % actual.size()));
    }
    return cast;
  }

  static String timestamp(long seconds) {
    StringBuilder text = new StringBuilder(12);
    twoDigits(text, seconds / 3600).append(':');
    twoDigits(text, (seconds / 60) % 60).append(':');
    return twoDigits(text, seconds % 60).append(".000").toString();
  }

  private static StringBuilder twoDigits(StringBuilder text, long value) {
    return text.append(value < 10 ? "0" : "").append(value);
  }
}
