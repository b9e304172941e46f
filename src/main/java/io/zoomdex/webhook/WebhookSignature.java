package io.zoomdex.webhook;

import io.zoomdex.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Zoom's webhook signature: {@code x-zm-signature} is {@code v0=} + hex HMAC-SHA256(secret token,
 * {@code v0:{x-zm-request-timestamp}:{raw body}}). A request is genuine when the signature matches
 * (compared in constant time) and its timestamp is within {@code tolerance} of now either way, so a
 * captured request cannot be replayed later.
 */
public final class WebhookSignature {
  private static final String ALGORITHM = "HmacSHA256";

  private final Secret secretToken;
  private final Clock clock;
  private final Duration tolerance;

  /**
   * @param secretToken the Zoom app's secret token (never logged)
   * @param tolerance how far a timestamp may be from now, either way
   */
  public WebhookSignature(Secret secretToken, Clock clock, Duration tolerance) {
    if (secretToken == null || secretToken.reveal().isEmpty()) {
      throw new IllegalArgumentException("The webhook secret token must not be empty.");
    }
    if (tolerance.isNegative()) {
      throw new IllegalArgumentException("The timestamp tolerance must not be negative.");
    }
    this.secretToken = secretToken;
    this.clock = clock;
    this.tolerance = tolerance;
  }

  /** Whether the headers prove that Zoom sent exactly this body just now. */
  public boolean verifies(String timestamp, String signature, byte[] body) {
    if (timestamp == null || signature == null || !timestamp.matches("[0-9]{1,12}")) {
      return false;
    }
    Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
    Instant now = clock.instant();
    if (sent.isBefore(now.minus(tolerance)) || sent.isAfter(now.plus(tolerance))) {
      return false;
    }
    byte[] prefix = ("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8);
    byte[] expected =
        ("v0=" + HexFormat.of().formatHex(hmac(prefix, body))).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
  }

  /** The {@code encryptedToken} answering an {@code endpoint.url_validation}: hex HMAC. */
  public String encryptedToken(String plainToken) {
    return HexFormat.of().formatHex(hmac(plainToken.getBytes(StandardCharsets.UTF_8), new byte[0]));
  }

  private byte[] hmac(byte[] first, byte[] second) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secretToken.reveal().getBytes(StandardCharsets.UTF_8), ALGORITHM));
      mac.update(first);
      mac.update(second);
      return mac.doFinal();
    } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
      throw new IllegalStateException("HMAC-SHA256 is not available in this JVM.", impossible);
    }
  }
}
