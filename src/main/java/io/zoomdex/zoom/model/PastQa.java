package io.zoomdex.zoom.model;

import java.util.List;

/** The Q&amp;A of one ended meeting or webinar instance. */
public record PastQa(String id, String uuid, List<QaQuestion> questions) {

  public PastQa {
    questions = questions == null ? List.of() : List.copyOf(questions);
  }
}
