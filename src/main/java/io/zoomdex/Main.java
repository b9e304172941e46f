package io.zoomdex;

import io.zoomdex.cli.BuildInfo;
import io.zoomdex.cli.CheckCommand;
import io.zoomdex.cli.CommandLineMistakes;
import io.zoomdex.cli.CrawlCommand;
import io.zoomdex.cli.DemoCommand;
import io.zoomdex.cli.ExitCodes;
import io.zoomdex.cli.ExplainCommand;
import io.zoomdex.cli.McpCommand;
import io.zoomdex.cli.ReembedCommand;
import io.zoomdex.cli.SearchCommand;
import io.zoomdex.cli.ServeCommand;
import io.zoomdex.cli.SimulateCommand;
import io.zoomdex.cli.StatusCommand;
import io.zoomdex.cli.TokenCommand;
import io.zoomdex.cli.WhoisCommand;
import io.zoomdex.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code zoomdex} command: wiring of the sub-commands only. */
@Command(
    name = "zoomdex",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Crawls a Zoom account into a permission-aware search index.",
    subcommands = {
      CommandLine.HelpCommand.class,
      CheckCommand.class,
      CrawlCommand.class,
      DemoCommand.class,
      ExplainCommand.class,
      McpCommand.class,
      SearchCommand.class,
      ReembedCommand.class,
      ServeCommand.class,
      SimulateCommand.class,
      StatusCommand.class,
      TokenCommand.class,
      WhoisCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:internal error",
      "2:bad command line",
      "3:bad configuration",
      "4:Zoom refused the credentials",
      "5:the Zoom app lacks a required scope",
      "6:Zoom unreachable or failing",
      "7:partial crawl (nothing deleted)",
      "8:index or state not writable",
      "9:another crawl, or serve's webhook worker or scheduler, is writing to --data",
      "10:search --as names a person the index does not know (or identity mapping resolves to"
          + " nobody); whois: No match or Ambiguous",
      "11:explain names a document the index does not hold"
    },
    footerHeading = "%n",
    footer = {
      "Dates are YYYY-MM-DD (UTC), durations 90s, 15m, 2h or 1d. A malformed or out-of-range"
          + " option value (such as a --since in the future) is a bad command line (2); a config"
          + " file or environment setting that does not parse is bad configuration (3)."
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests: never calls System.exit). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command line, for tests that want to capture its output. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    // Picocli asks this mapper for command-line mistakes too: those are usage errors (2).
    cli.setExitCodeExceptionMapper(
        e -> {
          if (e instanceof CommandLine.ParameterException) {
            return ExitCodes.USAGE;
          }
          return e instanceof ConfigException ? ExitCodes.CONFIG : ExitCodes.INTERNAL_ERROR;
        });
    cli.setParameterExceptionHandler(new CommandLineMistakes());
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version and commit the build recorded (see {@link BuildInfo}). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {BuildInfo.load().describe()};
    }
  }
}
