package io.zoomdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.config.RateLimits;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.zoom.RequiredScopes;
import io.zoomdex.zoom.ZoomClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CheckCommandTest {
  private record Run(int exitCode, String out, String err) {}

  private static Run check(Map<String, String> env, String... args) {
    CheckCommand command =
        new CheckCommand(
            env,
            settings -> {
              var unpaced = settings.withRateLimits(RateLimits.none());
              // Retries back off without really sleeping.
              return new ZoomClient(
                  unpaced, ZoomClient.newHttpClient(unpaced), Clock.systemUTC(), duration -> {});
            },
            Clock.systemUTC());
    CommandLine cli = new CommandLine(command);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Map<String, String> env(ZoomSimulator simulator) {
    return Map.of(
        "ZOOM_ACCOUNT_ID", simulator.accountId(),
        "ZOOM_CLIENT_ID", simulator.clientId(),
        "ZOOM_CLIENT_SECRET", simulator.clientSecret(),
        "ZOOM_API_URL", simulator.apiBaseUrl().toString(),
        "ZOOM_OAUTH_URL", simulator.oauthBaseUrl().toString());
  }

  @Test
  void check_allScopes_exitsZeroAndProbesEveryFamily() throws Exception {
    try (ZoomSimulator simulator =
        ZoomSimulator.start(SimulatorSettings.builder().users(10).port(0).build())) {
      Run run = check(env(simulator));
      assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
      assertThat(run.out()).contains("SCOPE", RequiredScopes.LIST_USERS, "not used by zoomdex");
      assertThat(run.out().replaceAll("\\s+", " "))
          .contains("which zoomdex does not subscribe to")
          .doesNotContain("Only used by the participant webhooks");
      assertThat(run.out()).doesNotContain("FAILED", "MISSING");
    }
  }

  @Test
  void check_missingScopes_exitsFiveNamingEachScope() throws Exception {
    Set<String> missing = Set.of(RequiredScopes.MEETING_SUMMARY, RequiredScopes.LIST_PANELISTS);
    try (ZoomSimulator simulator =
        ZoomSimulator.start(
            SimulatorSettings.builder().users(10).missingScopes(missing).port(0).build())) {
      Run run = check(env(simulator));
      assertThat(run.exitCode()).isEqualTo(ExitCodes.MISSING_SCOPE);
      assertThat(run.err())
          .contains(RequiredScopes.MEETING_SUMMARY, RequiredScopes.LIST_PANELISTS, "Scopes page")
          .contains("lacks 2 required scopes (")
          .contains("); add them in the Zoom App Marketplace")
          .doesNotContain("add it");
      assertThat(run.out()).contains("MISSING SCOPE");
    }
  }

  @Test
  void check_badCredentials_exitsAuth() throws Exception {
    try (ZoomSimulator simulator =
        ZoomSimulator.start(SimulatorSettings.builder().users(2).port(0).build())) {
      Map<String, String> env = new java.util.HashMap<>(env(simulator));
      env.put("ZOOM_CLIENT_SECRET", "wrong-secret");
      Run run = check(env);
      assertThat(run.exitCode()).isEqualTo(ExitCodes.AUTH);
      assertThat(run.err())
          .contains("account ID, client ID and client secret")
          .doesNotContain("wrong-secret");
    }
  }

  @Test
  void check_missingConfiguration_exitsConfig() {
    Run run = check(Map.of());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(run.err()).contains("ZOOM_ACCOUNT_ID");
  }

  @Test
  void check_unreachableZoom_exitsUnavailable() {
    Run run =
        check(
            Map.of("ZOOM_ACCOUNT_ID", "a", "ZOOM_CLIENT_ID", "c", "ZOOM_CLIENT_SECRET", "s"),
            "--oauth-url",
            "http://127.0.0.1:9",
            "--api-url",
            "http://127.0.0.1:9/v2");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.ZOOM_UNAVAILABLE);
  }
}
