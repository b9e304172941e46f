package io.zoomdex.simulator;

import java.util.List;

/**
 * A Q&A question with its answers.
 *
 * @param name asker's name, {@code "Anonymous Attendee"} for anonymous questions
 * @param email asker's email, empty when anonymous or outside the account
 * @param question the question text
 * @param answers answers, {@code "live answered"} for a live answer
 */
public record SimQuestion(String name, String email, String question, List<String> answers) {
  public SimQuestion {
    answers = List.copyOf(answers);
  }
}
