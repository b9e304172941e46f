package io.zoomdex.zoom.check;

import java.util.List;
import java.util.Set;

/**
 * The result of checking a Zoom connection.
 *
 * @param outcome the overall verdict, which decides the exit code
 * @param message one sentence for the administrator (the problem and fix, or that all is well)
 * @param grantedScopes the token's scopes (empty when no token was obtained)
 * @param missingScopes required scopes the token lacks or Zoom reported missing, sorted
 * @param rows one row per required scope (empty when no token was obtained)
 */
public record CheckReport(
    Outcome outcome,
    String message,
    Set<String> grantedScopes,
    List<String> missingScopes,
    List<ProbeRow> rows) {

  public CheckReport {
    grantedScopes = Set.copyOf(grantedScopes);
    missingScopes = List.copyOf(missingScopes);
    rows = List.copyOf(rows);
  }

  /** The overall verdict. */
  public enum Outcome {
    OK,
    BAD_CREDENTIALS,
    MISSING_SCOPE,
    UNAVAILABLE
  }
}
