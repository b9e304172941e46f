package io.zoomdex.identity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one value resolved to, and why.
 *
 * @param value the value as presented (trimmed)
 * @param outcome match, no match or ambiguous
 * @param identity the Zoom identity on a match, else null
 * @param candidates the known Zoom identities the rules gave (one on a match, two or more when
 *     ambiguous, none otherwise)
 * @param rule one plain sentence naming the rule that decided
 */
public record Resolution(
    String value, Outcome outcome, String identity, List<String> candidates, String rule) {

  public Resolution {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(rule, "rule");
    value = value == null ? "" : value.strip();
    candidates = List.copyOf(candidates);
    if ((outcome == Outcome.MATCH) != (identity != null)) {
      throw new IllegalArgumentException("Only a match names an identity.");
    }
  }

  static Resolution match(String value, String identity, String rule) {
    return new Resolution(value, Outcome.MATCH, identity, List.of(identity), rule);
  }

  static Resolution noMatch(String value, String rule) {
    return new Resolution(value, Outcome.NO_MATCH, null, List.of(), rule);
  }

  static Resolution ambiguous(String value, List<String> candidates, String rule) {
    return new Resolution(value, Outcome.AMBIGUOUS, null, candidates, rule);
  }

  /** The identity to search as: present only on a match (no match and ambiguous see nothing). */
  public Optional<String> searchAs() {
    return Optional.ofNullable(identity);
  }
}
