package io.zoomdex.search.auth;

import io.zoomdex.document.Readers;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * API tokens bound to a person's email. Only a hash of each token is stored: the plain token exists
 * once, in the return value of {@link #create}. Implementations: {@link SqliteTokenStore} (the
 * embedded index, {@code DATA/tokens.db}) and one in OpenSearch (package {@code io.zoomdex.shared})
 * that every serve replica shares. Safe to call from several threads.
 */
public interface ApiTokenStore extends AutoCloseable {

  /** Every token starts with this, so leaked tokens are easy to recognise and scan for. */
  String PREFIX = TokenSecrets.PREFIX;

  /** Longest email accepted (RFC 5321's path limit). */
  int MAX_EMAIL_CHARS = 254;

  /**
   * Opens (creating if needed) the tokens in {@code dataDir/tokens.db}.
   *
   * @throws TokenStoreException when the directory or database cannot be opened
   */
  static ApiTokenStore open(Path dataDir, Clock clock) {
    return SqliteTokenStore.open(dataDir, clock);
  }

  /**
   * Makes a new token for a person.
   *
   * @param email the person's email, any case; normalized before it is stored
   * @param admin whether the token may also read the crawl history and metrics
   * @return the plain token: the only time it is ever available
   * @throws IllegalArgumentException when the email is blank, too long or not an address
   * @throws TokenStoreException when the store cannot be written
   */
  CreatedToken create(String email, boolean admin);

  /**
   * Every token ever made, oldest first, revoked ones included; never the tokens themselves.
   *
   * @throws TokenStoreException when the store cannot be read
   */
  List<ApiToken> list();

  /**
   * Revokes a token; every server refuses it from its next request on.
   *
   * @return true when the token existed and was active, false when there is no such token or it was
   *     already revoked
   * @throws TokenStoreException when the store cannot be written
   */
  boolean revoke(long id);

  /**
   * Finds who a presented token speaks for, and notes that it was used. Reads the store on every
   * call, so a revocation made by any process takes effect on the next request.
   *
   * @param token the token as presented (e.g. from an {@code Authorization: Bearer} header)
   * @return the person, or empty when the token is malformed, unknown or revoked
   * @throws TokenStoreException when the store cannot be read
   */
  Optional<TokenPrincipal> resolve(String token);

  /**
   * Releases what the store holds open.
   *
   * @throws TokenStoreException when that fails
   */
  @Override
  void close();

  /**
   * The canonical form of a token owner's email.
   *
   * @throws IllegalArgumentException with a plain sentence when it is blank, too long or not an
   *     address
   */
  static String normalizeEmail(String email) {
    String principal = Readers.normalize(email);
    if (principal.isEmpty()) {
      throw new IllegalArgumentException("A token needs the email address of its owner.");
    }
    if (principal.length() > MAX_EMAIL_CHARS) {
      throw new IllegalArgumentException(
          "The email address is longer than " + MAX_EMAIL_CHARS + " characters; check it.");
    }
    if (!EmailShape.PATTERN.matcher(principal).matches()) {
      throw new IllegalArgumentException(
          "'" + principal + "' is not an email address; give one like alice@example.com.");
    }
    return principal;
  }

  /**
   * A token just made.
   *
   * @param id its number, for {@code token revoke}
   * @param email the owner, normalized
   * @param admin whether it is an admin token
   * @param token the plain token: show it once, never log it
   */
  record CreatedToken(long id, String email, boolean admin, String token) {
    @Override
    public String toString() {
      // Keeps the secret out of logs and exception messages that print the record.
      return "CreatedToken[id=" + id + ", email=" + email + ", admin=" + admin + "]";
    }
  }

  /** Holder of the compiled email shape (interfaces cannot have private static fields). */
  final class EmailShape {
    static final Pattern PATTERN = Pattern.compile("[^\\s@]+@[^\\s@]+");

    private EmailShape() {}
  }
}
