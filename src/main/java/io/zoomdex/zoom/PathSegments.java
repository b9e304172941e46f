package io.zoomdex.zoom;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of ids for URL paths, following Zoom's rule for instance UUIDs: encode as a path
 * segment, and encode the result again when the UUID begins with {@code /} or contains {@code //}.
 * The output must reach the wire unchanged (build the URI with {@code URI.create}).
 */
final class PathSegments {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PathSegments() {}

  /** Encodes every byte except the RFC 3986 unreserved characters. */
  static String encode(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  /** An instance UUID as a path segment, double-encoded when Zoom requires it. */
  static String uuid(String uuid) {
    String once = encode(uuid);
    return needsDoubleEncoding(uuid) ? encode(once) : once;
  }

  static boolean needsDoubleEncoding(String uuid) {
    return uuid.startsWith("/") || uuid.contains("//");
  }
}
