package io.zoomdex.simulator;

import java.util.SplittableRandom;

/** Deterministic hashing of (seed, parts...) so every entity derives from the seed on demand. */
final class Hashes {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Hashes() {}

  /** The splitmix64 finaliser: a good 64-bit mix. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A hash of the seed and the parts, order-sensitive. */
  static long of(long seed, long... parts) {
    long h = mix(seed + GOLDEN);
    for (long part : parts) {
      h = mix(h + GOLDEN + part);
    }
    return h;
  }

  /** A deterministic random stream for one entity. */
  static SplittableRandom random(long seed, long... parts) {
    return new SplittableRandom(of(seed, parts));
  }
}
