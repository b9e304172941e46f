package io.zoomdex.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Zoom's path decoding (zoom-api.md §4): the server decodes the raw path once, so a single-encoded
 * {@code %2F} becomes a path separator; a parameter that still holds {@code %XX} escapes after that
 * is decoded a second time. {@code +} is never a space in a path.
 */
final class PathDecoding {
  private PathDecoding() {}

  /** Percent-decodes {@code text} once; malformed escapes are kept as they are. */
  static String decodeOnce(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length()) {
        int hi = Character.digit(text.charAt(i + 1), 16);
        int lo = Character.digit(text.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          out.write((hi << 4) | lo);
          i += 2;
          continue;
        }
      }
      byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
      out.write(bytes, 0, bytes.length);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** A path parameter as Zoom's handler sees it: decoded again if escapes remain. */
  static String parameter(String onceDecodedSegment) {
    return hasEscape(onceDecodedSegment) ? decodeOnce(onceDecodedSegment) : onceDecodedSegment;
  }

  private static boolean hasEscape(String text) {
    for (int i = text.indexOf('%'); i >= 0 && i + 2 < text.length(); i = text.indexOf('%', i + 1)) {
      if (Character.digit(text.charAt(i + 1), 16) >= 0
          && Character.digit(text.charAt(i + 2), 16) >= 0) {
        return true;
      }
    }
    return false;
  }
}
