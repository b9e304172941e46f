package io.zoomdex.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zoomdex.identity.Resolution;
import io.zoomdex.inspect.AccessDecision;
import io.zoomdex.inspect.Explanation;
import io.zoomdex.inspect.InspectorJson;
import io.zoomdex.inspect.ReaderReason;
import java.util.Map;

/** How {@code whois} and {@code explain} print their answers, as text or as the API's JSON. */
final class InspectorText {
  private static final ObjectMapper JSON = new ObjectMapper();

  private InspectorText() {}

  /** {@code Match: alice@corp.com} and the rule, on two lines. */
  static String resolution(Resolution resolution) {
    StringBuilder text = new StringBuilder(resolution.outcome().title());
    if (resolution.identity() != null) {
      text.append(": ").append(resolution.identity());
    } else if (!resolution.candidates().isEmpty()) {
      text.append(": ").append(String.join(", ", resolution.candidates()));
    }
    return text.append(System.lineSeparator())
        .append("Rule: ")
        .append(resolution.rule())
        .toString();
  }

  static Map<String, Object> resolutionJson(Resolution resolution) {
    return InspectorJson.resolution(resolution);
  }

  /** The document, its status, each reader with their rules, and the decision if one was asked. */
  static String explanation(Explanation explanation) {
    String nl = System.lineSeparator();
    StringBuilder text = new StringBuilder();
    text.append(explanation.document().id())
        .append("  ")
        .append(explanation.document().title())
        .append(nl);
    text.append(explanation.status().indexed()).append(nl);
    text.append("Last error: ")
        .append(
            explanation.status().lastError() == null ? "none" : explanation.status().lastError())
        .append(nl);
    if (explanation.readers().isEmpty()) {
      text.append("Readers: nobody (a document with no readers is visible to nobody)").append(nl);
    } else {
      text.append("Readers (").append(explanation.readers().size()).append("):").append(nl);
      int width = explanation.readers().stream().mapToInt(r -> r.email().length()).max().orElse(0);
      for (ReaderReason reader : explanation.readers()) {
        String rules =
            reader.rules().isEmpty()
                ? "(rule not recorded: indexed before zoomdex recorded reader rules; the next"
                    + " full crawl records it)"
                : String.join(", ", reader.rules());
        text.append("  ")
            .append(reader.email())
            .append(" ".repeat(width - reader.email().length() + 2))
            .append(rules)
            .append(nl);
      }
    }
    AccessDecision as = explanation.as();
    if (as != null) {
      text.append("As '")
          .append(as.resolution().value())
          .append("': ")
          .append(as.decision())
          .append(". ")
          .append(as.reason())
          .append(nl);
    }
    return text.toString();
  }

  static String json(Map<String, Object> body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Maps of strings and lists always serialise", e);
    }
  }

  static String explanationJson(Explanation explanation) {
    return json(InspectorJson.explanation(explanation));
  }
}
