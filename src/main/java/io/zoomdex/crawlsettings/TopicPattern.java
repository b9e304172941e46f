package io.zoomdex.crawlsettings;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A glob on a whole meeting or webinar topic, compared case-insensitively: {@code *} is any run of
 * characters, {@code ?} one character, everything else stands for itself.
 *
 * @param glob the pattern as written
 */
public record TopicPattern(String glob) {
  public TopicPattern {
    glob = glob.strip();
    if (glob.isEmpty()) {
      throw new CrawlSettingsException("has an empty topic pattern; remove the extra comma");
    }
  }

  /** Whether {@code topic} (null reads as empty) matches this pattern. */
  public boolean matches(String topic) {
    return regex().matcher(topic == null ? "" : topic.strip()).matches();
  }

  private Pattern regex() {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '*' || c == '?') {
        regex.append(Pattern.quote(literal.toString()));
        literal.setLength(0);
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    regex.append(Pattern.quote(literal.toString()));
    return Pattern.compile(
        regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
  }
}
