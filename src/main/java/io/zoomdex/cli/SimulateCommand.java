package io.zoomdex.cli;

import io.zoomdex.simulator.FaultSettings;
import io.zoomdex.simulator.Plan;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.Webhooks;
import io.zoomdex.simulator.ZoomSimulator;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

  /** Released by Ctrl-C / SIGTERM (through a shutdown hook), or by a test. */
  final CountDownLatch stopSignal = new CountDownLatch(1);

  @Option(
      names = "--webhook-url",
      description = "Send Zoom webhook events for the simulator's changes to this URL.")
  java.net.URI webhookUrl;

  @Option(
      names = "--webhook-secret",
      defaultValue = "${env:ZOOM_WEBHOOK_SECRET}",
      description = "Webhook secret token (default: $ZOOM_WEBHOOK_SECRET).")
  String webhookSecret;

  @Option(
      names = "--webhook-retry-scale",
      defaultValue = "1",
      description = "Multiplies Zoom's webhook retry delays (5, 20, 60 minutes), e.g. 0.001.")
  double webhookRetryScale;

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
    if (webhookUrl != null && (webhookSecret == null || webhookSecret.isEmpty())) {
      err.println(
          "--webhook-url needs a secret token: set ZOOM_WEBHOOK_SECRET or --webhook-secret.");
      return ExitCodes.USAGE;
    }
    if (!(webhookRetryScale > 0)) {
      err.println("--webhook-retry-scale must be a positive number, e.g. 0.001.");
      return ExitCodes.USAGE;
    }
    CountDownLatch closed = new CountDownLatch(1);
    // On Ctrl-C the JVM waits for its hooks: this one lets the server close before exit.
    Thread hook =
        new Thread(
            () -> {
              stopSignal.countDown();
              awaitQuietly(closed);
            },
            "zoom-simulator-shutdown");
    try (ZoomSimulator simulator = ZoomSimulator.start(settings)) {
      Runtime.getRuntime().addShutdownHook(hook);
      if (webhookUrl != null) {
        simulator.webhooks().useTiming(Webhooks.Timing.scaled(webhookRetryScale));
        simulator.webhooks().subscribe(webhookUrl, webhookSecret);
        out.println("# Webhook events go to " + webhookUrl);
      }
      out.println("# Zoom simulator running; paste these lines into your shell:");
      out.println("export ZOOM_ACCOUNT_ID=" + simulator.accountId());
      out.println("export ZOOM_CLIENT_ID=" + simulator.clientId());
      // The simulator's secret is made up and only valid against this local simulator.
      out.println("export ZOOM_CLIENT_SECRET=" + simulator.clientSecret());
      out.println("export ZOOM_API_URL=" + simulator.apiBaseUrl());
      out.println("export ZOOM_OAUTH_URL=" + simulator.oauthBaseUrl());
      out.println("# Press Ctrl-C to stop.");
      out.flush();
      stopSignal.await();
    } finally {
      closed.countDown();
      removeHook(hook);
    }
    err.println("Zoom simulator stopped.");
    return ExitCodes.OK;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The JVM is stopping because of Ctrl-C: the hook is running, nothing to remove.
    }
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
