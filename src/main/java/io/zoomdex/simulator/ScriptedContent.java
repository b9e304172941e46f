package io.zoomdex.simulator;

import java.util.List;
import java.util.Objects;

/**
 * What happened in an instance, given instead of derived (see {@link Mutations#addInstance(long,
 * NewInstance, ScriptedContent)}): who took part, the AI Companion summary and the transcript. Such
 * an instance has no Q&A.
 *
 * @param participantEmails the participants, existing users' emails, the host first
 * @param summary the summary (used when the instance has one)
 * @param transcriptVtt the WebVTT transcript (used when the instance is recorded)
 */
public record ScriptedContent(
    List<String> participantEmails, SimSummary summary, String transcriptVtt) {
  public ScriptedContent {
    participantEmails = List.copyOf(participantEmails);
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(transcriptVtt, "transcriptVtt");
    if (participantEmails.size() < 2) {
      throw new IllegalArgumentException("A scripted instance needs at least two participants.");
    }
  }

  /** A summary in Zoom's shape (Markdown content plus the deprecated structured fields). */
  public static SimSummary summary(
      String title, String overview, List<SimSummary.Detail> details, List<String> nextSteps) {
    return CorpusContent.summaryOf(title, overview, details, nextSteps);
  }
}
