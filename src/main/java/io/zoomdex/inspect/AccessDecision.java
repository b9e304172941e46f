package io.zoomdex.inspect;

import io.zoomdex.identity.Resolution;
import java.util.Objects;

/**
 * Whether one person can read a document, and why.
 *
 * @param value the value asked about (an email, an SSO claim, ...)
 * @param resolution what identity mapping made of it
 * @param canRead whether they can read the document
 * @param reason one plain sentence
 */
public record AccessDecision(String value, Resolution resolution, boolean canRead, String reason) {
  public AccessDecision {
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(reason, "reason");
  }

  /** The Zoom identity the value resolved to, or null. */
  public String identity() {
    return resolution.identity();
  }

  /** {@code can read} or {@code cannot read}. */
  public String decision() {
    return canRead ? "can read" : "cannot read";
  }
}
