package io.zoomdex.search.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the token store knows about one token, never the token itself.
 *
 * @param id the token's number, for {@code token revoke}
 * @param email the person it speaks for, normalized (trimmed, lower-cased)
 * @param admin whether it may also read the crawl history and metrics
 * @param created when it was made
 * @param lastUsed when it last authenticated a request (to the minute), or null if never
 * @param revoked when it was revoked, or null while it is valid
 */
public record ApiToken(
    long id, String email, boolean admin, Instant created, Instant lastUsed, Instant revoked) {

  public ApiToken {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(created, "created");
  }

  public Optional<Instant> lastUse() {
    return Optional.ofNullable(lastUsed);
  }

  public Optional<Instant> revocation() {
    return Optional.ofNullable(revoked);
  }

  public boolean active() {
    return revoked == null;
  }
}
