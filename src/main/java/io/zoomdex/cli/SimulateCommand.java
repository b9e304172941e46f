package io.zoomdex.cli;

import io.zoomdex.simulator.FaultSettings;
import io.zoomdex.simulator.Plan;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.ZoomSimulator;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code zoomdex simulate}: runs the Zoom API simulator until interrupted. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a simulated Zoom account and API on 127.0.0.1 until Ctrl-C.",
      "Prints the environment variables that point zoomdex at it."
    })
public final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--port", defaultValue = "0", description = "Port (0 = any free port).")
  int port;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated data.")
  long seed;

  @Option(names = "--users", defaultValue = "20", description = "Users in the account.")
  int users;

  @Option(names = "--meetings-per-user", defaultValue = "3", description = "Meetings per user.")
  int meetingsPerUser;

  @Option(
      names = "--webinars-per-user",
      defaultValue = "1",
      description = "Webinars per webinar-licensed user.")
  int webinarsPerUser;

  @Option(
      names = "--instances-per-meeting",
      defaultValue = "8",
      description = "Mean past instances of a recurring meeting.")
  int instancesPerMeeting;

  @Option(
      names = "--participants-per-instance",
      defaultValue = "5",
      description = "Mean participants per instance.")
  int participantsPerInstance;

  @Option(
      names = "--plan",
      defaultValue = "unlimited",
      description = "Rate limits of this Zoom plan: free, pro, business or unlimited.")
  String plan;

  @Option(
      names = "--token-ttl",
      defaultValue = "3599",
      description = "Access token lifetime in seconds.")
  long tokenTtlSeconds;

  @Option(
      names = "--missing-scope",
      description = "A granted scope to drop from the app (repeatable).")
  List<String> missingScopes = List.of();

  @Option(
      names = "--error-rate",
      defaultValue = "0",
      description = "Fraction of API requests answered with a 5xx.")
  double errorRate;

  @Option(
      names = "--latency-ms",
      defaultValue = "0",
      description = "Milliseconds added to every API answer.")
  long latencyMillis;

  @Option(
      names = "--drop-rate",
      defaultValue = "0",
      description = "Fraction of API requests whose connection drops mid-body.")
  double dropRate;

  @Option(
      names = "--malformed-rate",
      defaultValue = "0",
      description = "Fraction of API requests answered with truncated JSON.")
  double malformedRate;

  @Option(
      names = "--no-qps-retry-after",
      description = "Send no Retry-After header on per-second 429s.")
  boolean noQpsRetryAfter;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SimulatorSettings settings;
    try {
      settings =
          SimulatorSettings.builder()
              .port(port)
              .seed(seed)
              .users(users)
              .meetingsPerUser(meetingsPerUser)
              .webinarsPerUser(webinarsPerUser)
              .instancesPerMeeting(instancesPerMeeting)
              .participantsPerInstance(participantsPerInstance)
              .plan(parsePlan(plan))
              .tokenTtl(Duration.ofSeconds(tokenTtlSeconds))
              .missingScopes(new LinkedHashSet<>(missingScopes))
              .faults(
                  new FaultSettings(
                      errorRate, Duration.ofMillis(latencyMillis), dropRate, malformedRate))
              .retryAfterOnQps(!noQpsRetryAfter)
              .build();
    } catch (IllegalArgumentException badOption) {
      err.println(badOption.getMessage());
      return ExitCodes.USAGE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    try (ZoomSimulator simulator = ZoomSimulator.start(settings)) {
      Thread hook = new Thread(stopped::countDown, "zoom-simulator-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      out.println("# Zoom simulator running; paste these lines into your shell:");
      out.println("export ZOOM_ACCOUNT_ID=" + simulator.accountId());
      out.println("export ZOOM_CLIENT_ID=" + simulator.clientId());
      // The simulator's secret is made up and only valid against this local simulator.
      out.println("export ZOOM_CLIENT_SECRET=" + simulator.clientSecret());
      out.println("export ZOOM_API_URL=" + simulator.apiBaseUrl());
      out.println("export ZOOM_OAUTH_URL=" + simulator.oauthBaseUrl());
      out.println("# Press Ctrl-C to stop.");
      out.flush();
      stopped.await();
    }
    return ExitCodes.OK;
  }

  private static Plan parsePlan(String name) {
    try {
      return Plan.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new IllegalArgumentException(
          "Unknown plan '" + name + "'; use free, pro, business or unlimited.", unknown);
    }
  }
}
