package io.zoomdex.simulator;

import java.util.List;

/**
 * An AI Companion meeting summary.
 *
 * @param title {@code summary_title}
 * @param content {@code summary_content} (Markdown)
 * @param overview deprecated {@code summary_overview}
 * @param details deprecated {@code summary_details}
 * @param nextSteps deprecated {@code next_steps}
 */
public record SimSummary(
    String title, String content, String overview, List<Detail> details, List<String> nextSteps) {
  public SimSummary {
    details = List.copyOf(details);
    nextSteps = List.copyOf(nextSteps);
  }

  /**
   * One deprecated {@code summary_details} entry.
   *
   * @param label the topic label
   * @param summary its summary
   */
  public record Detail(String label, String summary) {}
}
