package io.zoomdex.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them on a command line: {@code 90s}, {@code 15m}, {@code 24h}, {@code
 * 7d}.
 */
final class Durations {
  private static final Pattern FORM = Pattern.compile("([0-9]{1,9})([smhd])");

  private Durations() {}

  /**
   * Parses {@code value} given for {@code option}.
   *
   * @throws OptionValueException with one sentence naming the option and the accepted form
   */
  static Duration parse(String option, String value) {
    Matcher m = FORM.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new OptionValueException(
          option + " must be a duration like 15m, 2h or 1d, not '" + value + "'.");
    }
    long n = Long.parseLong(m.group(1));
    Duration d =
        switch (m.group(2)) {
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
    if (d.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new OptionValueException(option + " must be at least 1m, not '" + value + "'.");
    }
    return d;
  }

  /** The shortest of these forms that says {@code d} exactly. */
  static String format(Duration d) {
    long seconds = d.toSeconds();
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    }
    if (seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
