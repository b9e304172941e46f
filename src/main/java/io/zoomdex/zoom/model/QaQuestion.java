package io.zoomdex.zoom.model;

import java.util.List;

/**
 * The questions one person asked. {@code name} is {@code "Anonymous Attendee"} for anonymous
 * questions; {@code email} is empty for people outside the account.
 */
public record QaQuestion(String name, String email, List<QaAnswer> questionDetails) {

  public QaQuestion {
    questionDetails = questionDetails == null ? List.of() : List.copyOf(questionDetails);
  }
}
