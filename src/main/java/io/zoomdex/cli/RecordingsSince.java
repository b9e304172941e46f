package io.zoomdex.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The {@code --since} option of crawl and serve: the first day of cloud recordings to read. */
final class RecordingsSince {
  private RecordingsSince() {}

  /**
   * The day {@code since} names, or 12 months before today (UTC) when it is null.
   *
   * @throws OptionValueException when {@code since} is not a date like 2026-01-31, or is after
   *     today (UTC)
   */
  static LocalDate firstDay(String since, Clock clock) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    if (since == null) {
      return today.minusMonths(12);
    }
    LocalDate day =
        DayConverter.parse(since)
            .orElseThrow(
                () ->
                    new OptionValueException(
                        "--since must be " + DayConverter.FORM + ", not '" + since + "'."));
    if (day.isAfter(today)) {
      throw new OptionValueException(
          "--since "
              + day
              + " is in the future; give a day on or before today ("
              + today
              + ", UTC).");
    }
    return day;
  }
}
