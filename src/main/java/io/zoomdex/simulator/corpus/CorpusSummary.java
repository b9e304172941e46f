package io.zoomdex.simulator.corpus;

import java.util.List;

/**
 * A meeting's AI Companion summary as written in the corpus.
 *
 * @param overview the quick recap
 * @param details topic paragraphs
 * @param nextSteps action items with their owners
 */
public record CorpusSummary(String overview, List<Detail> details, List<NextStep> nextSteps) {
  public CorpusSummary {
    details = List.copyOf(details);
    nextSteps = List.copyOf(nextSteps);
  }

  /**
   * One topic paragraph.
   *
   * @param label the topic
   * @param summary what was said about it
   */
  public record Detail(String label, String summary) {}

  /**
   * One action item.
   *
   * @param owner who does it (a person of the meeting)
   * @param action what they will do, starting with a verb ("send the notice by Friday")
   */
  public record NextStep(String owner, String action) {}
}
