package io.zoomdex.simulator;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;

/**
 * Reversible ids: user ids, meeting and webinar numbers and instance UUIDs encode the indices they
 * stand for, so any entity is found from its id without a scan or an index in memory.
 */
final class IdCodec {
  /** Where an instance belongs: a meeting or a webinar, its host, slot and number. */
  record InstanceKey(boolean webinar, int hostIndex, int slot, int number) {}

  /** A meeting or webinar number decoded. */
  record MeetingKey(boolean webinar, int hostIndex, int slot) {}

  static final int SLOTS_PER_USER = 1000;
  private static final String URL_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  private static final long SPACE = 1_000_000_000L;
  private static final long MULTIPLIER = 387_420_489L; // 3^18: coprime with 10^9
  private static final long INVERSE =
      BigInteger.valueOf(MULTIPLIER).modInverse(BigInteger.valueOf(SPACE)).longValueExact();

  private final long seed;
  private final int users;
  private final long offset;

  IdCodec(long seed, int users) {
    this.seed = seed;
    this.users = users;
    this.offset = Math.floorMod(Hashes.of(seed, 11), SPACE);
  }

  // ---- users: 4 characters of index, then 18 of hash, in Zoom's base64url-like alphabet ----

  String userId(int index) {
    StringBuilder id = new StringBuilder(22);
    int rest = index;
    for (int i = 0; i < 4; i++) {
      id.append(URL_ALPHABET.charAt(rest & 63));
      rest >>>= 6;
    }
    long h = Hashes.of(seed, 1, index);
    for (int i = 0; i < 18; i++) {
      if (i % 10 == 0) {
        h = Hashes.mix(h + i);
      }
      id.append(URL_ALPHABET.charAt((int) (h & 63)));
      h >>>= 6;
    }
    return id.toString();
  }

  Optional<Integer> userIndexOfId(String id) {
    if (id == null || id.length() != 22) {
      return Optional.empty();
    }
    int index = 0;
    for (int i = 3; i >= 0; i--) {
      int digit = URL_ALPHABET.indexOf(id.charAt(i));
      if (digit < 0) {
        return Optional.empty();
      }
      index = (index << 6) | digit;
    }
    if (index >= users || !userId(index).equals(id)) {
      return Optional.empty();
    }
    return Optional.of(index);
  }

  // ---- meetings and webinars: 10 digits for even hosts, 11 for odd ones ----

  long meetingNumber(boolean webinar, int hostIndex, int slot) {
    long n = (long) hostIndex * SLOTS_PER_USER + slot;
    long scrambled = Math.floorMod(n * MULTIPLIER + offset, SPACE);
    boolean tenDigits = hostIndex % 2 == 0;
    long base =
        webinar
            ? (tenDigits ? 9_000_000_000L : 91_000_000_000L)
            : (tenDigits ? 8_000_000_000L : 81_000_000_000L);
    return base + scrambled;
  }

  Optional<MeetingKey> meetingKey(long number) {
    boolean webinar;
    long base;
    if (number >= 8_000_000_000L && number < 9_000_000_000L) {
      webinar = false;
      base = 8_000_000_000L;
    } else if (number >= 9_000_000_000L && number < 10_000_000_000L) {
      webinar = true;
      base = 9_000_000_000L;
    } else if (number >= 81_000_000_000L && number < 82_000_000_000L) {
      webinar = false;
      base = 81_000_000_000L;
    } else if (number >= 91_000_000_000L && number < 92_000_000_000L) {
      webinar = true;
      base = 91_000_000_000L;
    } else {
      return Optional.empty();
    }
    long scrambled = number - base;
    long n = multiplyMod(Math.floorMod(scrambled - offset, SPACE), INVERSE);
    int host = (int) (n / SLOTS_PER_USER);
    int slot = (int) (n % SLOTS_PER_USER);
    if (host >= users || meetingNumber(webinar, host, slot) != number) {
      return Optional.empty();
    }
    return Optional.of(new MeetingKey(webinar, host, slot));
  }

  private static long multiplyMod(long a, long b) {
    return BigInteger.valueOf(a)
        .multiply(BigInteger.valueOf(b))
        .mod(BigInteger.valueOf(SPACE))
        .longValueExact();
  }

  // ---- instance UUIDs: 16 bytes = 3 style bytes, 6 masked key bytes, 7 check bytes ----

  String instanceUuid(InstanceKey key) {
    long packed = pack(key);
    long check = Hashes.of(seed, 2, packed) & 0x00FF_FFFF_FFFF_FFFFL;
    long mask = Hashes.of(seed, 3, check);
    ByteBuffer bytes = ByteBuffer.allocate(16);
    int style = styleBits(key, packed);
    bytes.put((byte) (style >>> 16)).put((byte) (style >>> 8)).put((byte) style);
    long masked = packed ^ mask;
    for (int i = 5; i >= 0; i--) {
      bytes.put((byte) (masked >>> (8 * i)));
    }
    for (int i = 6; i >= 0; i--) {
      bytes.put((byte) (check >>> (8 * i)));
    }
    return Base64.getEncoder().encodeToString(bytes.array());
  }

  Optional<InstanceKey> instanceKey(String uuid) {
    if (uuid == null || uuid.length() != 24) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(uuid);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    if (bytes.length != 16) {
      return Optional.empty();
    }
    long check = 0;
    for (int i = 9; i < 16; i++) {
      check = (check << 8) | (bytes[i] & 0xFF);
    }
    long masked = 0;
    for (int i = 3; i < 9; i++) {
      masked = (masked << 8) | (bytes[i] & 0xFF);
    }
    long packed = (masked ^ Hashes.of(seed, 3, check)) & 0xFFFF_FFFF_FFFFL;
    InstanceKey key = unpack(packed);
    if (key.hostIndex() >= users || !instanceUuid(key).equals(uuid)) {
      return Optional.empty();
    }
    return Optional.of(key);
  }

  private static long pack(InstanceKey key) {
    return ((key.webinar() ? 1L : 0L) << 43)
        | ((long) key.hostIndex() << 23)
        | ((long) key.slot() << 13)
        | key.number();
  }

  private static InstanceKey unpack(long packed) {
    return new InstanceKey(
        ((packed >>> 43) & 1) == 1,
        (int) ((packed >>> 23) & 0xFFFFF),
        (int) ((packed >>> 13) & 0x3FF),
        (int) (packed & 0x1FFF));
  }

  /**
   * The first four base64 characters. Some UUIDs start with "/" and some contain "//", as real Zoom
   * UUIDs do; the first two instances of user 0's first meeting always do, so every dataset has
   * them.
   */
  private int styleBits(InstanceKey key, long packed) {
    long h = Hashes.of(seed, 4, packed);
    int random = (int) (h & 0xFFFFFF);
    int kind = (int) Math.floorMod(h >>> 24, 100);
    if (!key.webinar() && key.hostIndex() == 0 && key.slot() == 0 && key.number() < 2) {
      kind = key.number() == 0 ? 0 : 5;
    }
    if (kind < 4) {
      return (63 << 18) | (random & 0x3FFFF); // "/xyz"
    }
    if (kind < 7) {
      return (random & 0xFFF000) | (63 << 6) | 63; // "ab//"
    }
    return random;
  }
}
