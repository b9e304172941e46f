package io.zoomdex.cli;

/**
 * A command-line option's value is malformed or out of range (a date, a duration): a bad command
 * line, exit code {@link ExitCodes#USAGE}, with one sentence naming the option and the form it
 * takes.
 */
final class OptionValueException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  OptionValueException(String sentence) {
    super(sentence);
  }
}
