package io.zoomdex.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * Answers a command-line mistake with the sentence that names it and where to find the options,
 * instead of the whole usage: exit code {@link ExitCodes#USAGE}. A {@code -word} taken for an
 * option gets the two ways to search for it.
 */
public final class CommandLineMistakes implements CommandLine.IParameterExceptionHandler {

  @Override
  public int handleParseException(CommandLine.ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(ex.getMessage());
    if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
      List<String> words = unmatched.getUnmatched();
      if (acceptsQueryWords(command) && words.stream().anyMatch(CommandLineMistakes::isDashWord)) {
        err.println(
            "To leave out a word, quote the query (\"budget -review\") or put the query after --"
                + " (zoomdex search --as EMAIL -- budget -review).");
      } else {
        CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, err);
      }
    }
    err.println("Run `" + command.getCommandSpec().qualifiedName() + " --help` for its options.");
    err.flush();
    return ExitCodes.USAGE;
  }

  private static boolean acceptsQueryWords(CommandLine command) {
    return command.getCommandSpec().userObject() instanceof SearchCommand;
  }

  /** {@code -review}: one dash and a word, the query syntax for "without this word". */
  private static boolean isDashWord(String arg) {
    return arg.length() > 1 && arg.charAt(0) == '-' && Character.isLetterOrDigit(arg.charAt(1));
  }
}
