package io.zoomdex.simulator;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 with a key made at start, so tokens are opaque and cannot be forged. */
final class Signer {
  private final SecretKeySpec key;

  Signer(SecureRandom random) {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  byte[] sign(byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM.", e);
    }
  }

  boolean verify(byte[] data, byte[] signature, int length) {
    byte[] expected = java.util.Arrays.copyOf(sign(data), length);
    return signature.length == length && MessageDigest.isEqual(expected, signature);
  }
}
