package io.zoomdex.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes meeting passcodes out of links: the {@code pwd=} parameter Zoom puts in join URLs (and that
 * people paste into agendas). A link without it still opens the meeting; Zoom then asks for the
 * passcode, which only those who were sent it know.
 */
final class Passcodes {
  /** A {@code pwd} query parameter, its value, and the {@code &} that may follow it. */
  private static final Pattern PWD = Pattern.compile("(?i)([?&])pwd=[^&#\\s\"'<>]*(&)?");

  private Passcodes() {}

  /** {@code text} with every {@code pwd=} parameter removed; null reads as empty. */
  static String strip(String text) {
    if (text == null || text.isEmpty()) {
      return text == null ? "" : text;
    }
    Matcher m = PWD.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      // "?pwd=x&a=b" keeps "?a=b"; "?a=b&pwd=x" keeps "?a=b"; "?pwd=x" keeps nothing.
      m.appendReplacement(out, m.group(2) != null ? Matcher.quoteReplacement(m.group(1)) : "");
    }
    m.appendTail(out);
    return out.toString();
  }
}
