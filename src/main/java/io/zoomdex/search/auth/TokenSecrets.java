package io.zoomdex.search.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** How tokens look and are stored, shared by every {@link ApiTokenStore}. */
public final class TokenSecrets {

  static final String PREFIX = "zdx_";
  private static final int TOKEN_BYTES = 32;
  private static final int TOKEN_CHARS =
      PREFIX.length()
          + Base64.getUrlEncoder().withoutPadding().encode(new byte[TOKEN_BYTES]).length;
  private static final Pattern TOKEN_SHAPE =
      Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{" + (TOKEN_CHARS - 4) + "}");

  private TokenSecrets() {}

  /** A new plain token: the prefix and 32 random bytes, URL-safe Base64. */
  public static String newToken(SecureRandom random) {
    byte[] secret = new byte[TOKEN_BYTES];
    random.nextBytes(secret);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** Whether {@code token} has a token's shape (so it is worth looking up at all). */
  public static boolean wellFormed(String token) {
    return token != null && TOKEN_SHAPE.matcher(token).matches();
  }

  /** The stored form of a token: its SHA-256, hex. */
  public static String hash(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
