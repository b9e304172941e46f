package io.zoomdex.cli;

import io.zoomdex.config.ConfigException;
import io.zoomdex.config.ZoomSettings;
import io.zoomdex.zoom.ZoomClient;
import io.zoomdex.zoom.check.CheckReport;
import io.zoomdex.zoom.check.ConnectionCheck;
import io.zoomdex.zoom.check.ProbeRow;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code zoomdex check}: validates the Zoom connection and prints a scope table. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Checks the Zoom connection: gets a token, compares the granted scopes with the 17"
            + " required ones and probes each endpoint family once.")
public final class CheckCommand implements Callable<Integer> {
  @Mixin ZoomOptions zoom;
  @Spec CommandSpec spec;

  private final Map<String, String> environment;
  private final Function<ZoomSettings, ZoomClient> clients;
  private final Clock clock;

  /** The production command: the real environment, real HTTP, the system clock. */
  public CheckCommand() {
    this(System.getenv(), ZoomClient::create, Clock.systemUTC());
  }

  /** A command with injected environment, client factory and clock (for tests). */
  public CheckCommand(
      Map<String, String> environment, Function<ZoomSettings, ZoomClient> clients, Clock clock) {
    this.environment = Map.copyOf(environment);
    this.clients = clients;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ZoomSettings settings;
    try {
      settings = zoom.settings(environment);
    } catch (ConfigException e) {
      err.println(e.getMessage());
      err.flush();
      return ExitCodes.CONFIG;
    }
    CheckReport report = new ConnectionCheck(clients.apply(settings), clock).run();
    if (!report.rows().isEmpty()) {
      printTable(out, report);
    }
    PrintWriter verdictStream = report.outcome() == CheckReport.Outcome.OK ? out : err;
    verdictStream.println(report.message());
    out.flush();
    err.flush();
    return switch (report.outcome()) {
      case OK -> ExitCodes.OK;
      case BAD_CREDENTIALS -> ExitCodes.AUTH;
      case MISSING_SCOPE -> ExitCodes.MISSING_SCOPE;
      case UNAVAILABLE -> ExitCodes.ZOOM_UNAVAILABLE;
    };
  }

  private static void printTable(PrintWriter out, CheckReport report) {
    int scopeWidth = "SCOPE".length();
    int endpointWidth = "ENDPOINT".length();
    int statusWidth = "STATUS".length();
    for (ProbeRow row : report.rows()) {
      scopeWidth = Math.max(scopeWidth, row.scope().length());
      endpointWidth = Math.max(endpointWidth, row.endpoint().length());
      statusWidth = Math.max(statusWidth, row.status().label().length());
    }
    String format = "%-" + scopeWidth + "s  %-" + endpointWidth + "s  %-" + statusWidth + "s  %s%n";
    out.printf(format, "SCOPE", "ENDPOINT", "STATUS", "FIX");
    for (ProbeRow row : report.rows()) {
      out.printf(
          format,
          row.scope(),
          row.endpoint(),
          row.status().label(),
          row.fix().isEmpty() ? "-" : row.fix());
    }
    out.println();
  }
}
