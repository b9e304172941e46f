package io.zoomdex.search.auth;

import java.util.Objects;

/**
 * Who a valid token speaks for.
 *
 * @param tokenId the token's number
 * @param email the person, normalized (trimmed, lower-cased)
 * @param admin whether the token is an admin token
 */
public record TokenPrincipal(long tokenId, String email, boolean admin) {
  public TokenPrincipal {
    Objects.requireNonNull(email, "email");
  }
}
