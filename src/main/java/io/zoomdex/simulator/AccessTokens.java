package io.zoomdex.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Issues and checks access tokens. Tokens are signed JWT-shaped strings, so nothing is stored per
 * token; every token stays valid until it expires (Zoom's behaviour since June 2023) or until
 * {@link #revokeAll()} bumps the generation they carry.
 */
final class AccessTokens {
  /** What a presented token is. */
  enum Status {
    VALID,
    EXPIRED,
    INVALID
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final String HEADER =
      ENCODER.encodeToString(
          "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

  private final Signer signer;
  private final SimulatorClock clock;
  private final Duration ttl;
  private final String accountId;
  private final AtomicLong generation = new AtomicLong();
  private final AtomicReference<String> latestTokenId = new AtomicReference<>();
  private volatile boolean onlyLatestValid;
  private final java.util.Queue<String> issued = new java.util.concurrent.ConcurrentLinkedQueue<>();

  AccessTokens(Signer signer, SimulatorClock clock, Duration ttl, String accountId) {
    this.signer = signer;
    this.clock = clock;
    this.ttl = ttl;
    this.accountId = accountId;
  }

  Duration ttl() {
    return ttl;
  }

  /** A new token valid for the configured TTL from now. */
  String issue() {
    Instant now = clock.now();
    ObjectNode claims = JSON.createObjectNode();
    claims.put("aid", accountId);
    claims.put("iat", now.getEpochSecond());
    claims.put("exp", now.plus(ttl).getEpochSecond());
    claims.put("gen", generation.get());
    String tokenId = UUID.randomUUID().toString();
    claims.put("jti", tokenId);
    latestTokenId.set(tokenId);
    String unsigned =
        HEADER + "." + ENCODER.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
    String token =
        unsigned
            + "."
            + ENCODER.encodeToString(signer.sign(unsigned.getBytes(StandardCharsets.US_ASCII)));
    issued.add(token);
    return token;
  }

  /** Every token issued so far, oldest first. */
  java.util.List<String> issued() {
    return java.util.List.copyOf(issued);
  }

  /**
   * Switches Zoom's pre-June-2023 behaviour on or off: when on, issuing a token invalidates every
   * earlier one.
   */
  void onlyLatestValid(boolean on) {
    onlyLatestValid = on;
  }

  /** Makes every token issued so far invalid. */
  void revokeAll() {
    generation.incrementAndGet();
  }

  Status check(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Status.INVALID;
    }
    try {
      byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
      byte[] unsigned = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
      if (!signer.verify(unsigned, signature, 32)) {
        return Status.INVALID;
      }
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      if (claims.path("gen").asLong(-1) != generation.get()) {
        return Status.INVALID;
      }
      if (onlyLatestValid && !claims.path("jti").asText().equals(latestTokenId.get())) {
        return Status.INVALID;
      }
      return clock.now().getEpochSecond() >= claims.path("exp").asLong()
          ? Status.EXPIRED
          : Status.VALID;
    } catch (IllegalArgumentException | IOException malformed) {
      return Status.INVALID;
    }
  }
}
