package io.zoomdex.document;

import java.util.regex.Pattern;

/** Text from Zoom made safe to show anywhere, a terminal included. */
final class PlainText {
  /** Control characters (C0, DEL, C1) other than tab and line breaks. */
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

  private PlainText() {}

  /**
   * The text without control characters other than tab, line feed and carriage return: an escape
   * sequence in a meeting topic must not reach a terminal through {@code zoomdex search}, and a NUL
   * has no business in an index.
   */
  static String withoutControlCharacters(String text) {
    return text == null ? "" : CONTROL.matcher(text).replaceAll("");
  }
}
