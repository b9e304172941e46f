package io.zoomdex.cli;

import io.zoomdex.config.ConfigException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The {@code --since} option of crawl and serve: the first day of cloud recordings to read. */
final class RecordingsSince {
  private RecordingsSince() {}

  /**
   * The day {@code since} names, or 12 months before today (UTC) when it is null.
   *
   * @throws ConfigException when {@code since} is not a date like 2026-01-31
   */
  static LocalDate firstDay(String since, Clock clock) {
    if (since == null) {
      return LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusMonths(12);
    }
    try {
      return LocalDate.parse(since);
    } catch (DateTimeParseException e) {
      throw new ConfigException("--since must be a date like 2026-01-31, not '" + since + "'.", e);
    }
  }
}
