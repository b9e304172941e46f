package io.zoomdex.simulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Zoom's {@code next_page_token}: stateless and signed, so memory stays bounded. A token names the
 * listing it belongs to (endpoint, path and filters), the position to continue from and when it was
 * issued; it expires 15 minutes later on the {@link SimulatorClock}.
 */
final class PageTokens {
  static final Duration LIFETIME = Duration.ofMinutes(15);
  private static final int MAC_LENGTH = 12;

  private final Signer signer;
  private final SimulatorClock clock;

  PageTokens(Signer signer, SimulatorClock clock) {
    this.signer = signer;
    this.clock = clock;
  }

  /** A token continuing the listing {@code listing} at {@code position}. */
  String issue(String listing, long position) {
    ByteBuffer payload = ByteBuffer.allocate(24);
    payload.putLong(listingHash(listing)).putLong(position).putLong(clock.now().toEpochMilli());
    byte[] mac = java.util.Arrays.copyOf(signer.sign(payload.array()), MAC_LENGTH);
    ByteBuffer token = ByteBuffer.allocate(24 + MAC_LENGTH).put(payload.array()).put(mac);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
  }

  /**
   * The position a token continues from; empty position (0) when {@code token} is absent.
   *
   * @throws ZoomApiError 400/300 when the token is malformed, forged, for another listing, or older
   *     than 15 minutes
   */
  long position(String listing, Optional<String> token) {
    if (token.isEmpty()) {
      return 0;
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(token.get());
    } catch (IllegalArgumentException malformed) {
      throw ZoomApiError.invalidPageToken();
    }
    if (bytes.length != 24 + MAC_LENGTH) {
      throw ZoomApiError.invalidPageToken();
    }
    byte[] payload = java.util.Arrays.copyOf(bytes, 24);
    byte[] mac = java.util.Arrays.copyOfRange(bytes, 24, bytes.length);
    if (!signer.verify(payload, mac, MAC_LENGTH)) {
      throw ZoomApiError.invalidPageToken();
    }
    ByteBuffer fields = ByteBuffer.wrap(payload);
    long hash = fields.getLong();
    long position = fields.getLong();
    long issuedMillis = fields.getLong();
    long ageMillis = clock.now().toEpochMilli() - issuedMillis;
    if (hash != listingHash(listing) || ageMillis > LIFETIME.toMillis() || position < 0) {
      throw ZoomApiError.invalidPageToken();
    }
    return position;
  }

  private static long listingHash(String listing) {
    byte[] bytes = listing.getBytes(StandardCharsets.UTF_8);
    long h = 1125899906842597L;
    for (byte b : bytes) {
      h = 31 * h + b;
    }
    return Hashes.mix(h);
  }
}
