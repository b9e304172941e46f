package io.zoomdex.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/**
 * Reads a day option ({@code --from}, {@code --to}) as {@code YYYY-MM-DD}; a malformed value is a
 * bad command line (exit 2) told in one sentence, without the parser's Java exception.
 */
final class DayConverter implements CommandLine.ITypeConverter<LocalDate> {
  /** The form every date option takes, as help texts and messages name it. */
  static final String FORM = "a date like 2026-01-31 (YYYY-MM-DD, UTC)";

  @Override
  public LocalDate convert(String value) {
    return parse(value).orElseThrow(() -> new CommandLine.TypeConversionException(notADay(value)));
  }

  static java.util.Optional<LocalDate> parse(String value) {
    try {
      return java.util.Optional.of(LocalDate.parse(value.strip()));
    } catch (DateTimeParseException e) {
      return java.util.Optional.empty();
    }
  }

  static String notADay(String value) {
    return "'" + value + "' is not " + FORM;
  }
}
