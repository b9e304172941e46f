package io.zoomdex.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Zoom's webhook signing: lowercase hex HMAC-SHA256 with the app's secret token as the key. */
final class WebhookSigner {
  private WebhookSigner() {}

  /** Hex HMAC-SHA256 of {@code message} keyed with {@code secretToken}. */
  static String hmacHex(String secretToken, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secretToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException missing) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK.", missing);
    }
  }

  /** The {@code x-zm-signature} value: {@code v0=} + HMAC of {@code v0:{timestamp}:{body}}. */
  static String signature(String secretToken, long timestampSeconds, String body) {
    return "v0=" + hmacHex(secretToken, "v0:" + timestampSeconds + ":" + body);
  }
}
