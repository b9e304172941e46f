package io.zoomdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulateCommandTest {

  @Test
  void simulate_printsPasteableExports_servesTokens_andStopsOnSignal() throws Exception {
    SimulateCommand command = new SimulateCommand();
    CommandLine cli = new CommandLine(command);
    PipedLines out = new PipedLines();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));

    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(() -> cli.execute("--port", "0", "--users", "5"));
    Map<String, String> exports = out.awaitExports(5);
    HttpResponse<String> token =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(exports.get("ZOOM_OAUTH_URL") + "/oauth/token"))
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString(
                                    (exports.get("ZOOM_CLIENT_ID")
                                            + ":"
                                            + exports.get("ZOOM_CLIENT_SECRET"))
                                        .getBytes(StandardCharsets.UTF_8)))
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "grant_type=account_credentials&account_id="
                                + exports.get("ZOOM_ACCOUNT_ID")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    command.stopSignal.countDown();

    assertThat(exports.get("ZOOM_API_URL")).matches("http://127\\.0\\.0\\.1:\\d+/v2");
    assertThat(token.statusCode()).isEqualTo(200);
    assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
  }

  @Test
  void simulate_unknownPlan_isAUsageError() {
    CommandLine cli = Main.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));

    int code = cli.execute("simulate", "--plan", "gold");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("Unknown plan 'gold'");
  }

  @Test
  void simulate_webhookUrlWithoutSecret_isAUsageError() {
    CommandLine cli = Main.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));

    int code =
        cli.execute(
            "simulate",
            "--webhook-url",
            "http://127.0.0.1:9/webhooks/zoom",
            "--webhook-secret",
            "");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("needs a secret token");
  }

  /** A writer whose lines a test can wait for. */
  private static final class PipedLines extends java.io.Writer {
    private final StringBuilder text = new StringBuilder();

    @Override
    public synchronized void write(char[] buffer, int offset, int length) {
      text.append(buffer, offset, length);
      notifyAll();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    synchronized Map<String, String> awaitExports(int count) throws InterruptedException {
      Pattern export = Pattern.compile("(?m)^export (\\w+)=(\\S+)$");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (true) {
        Map<String, String> found = new HashMap<>();
        Matcher matcher = export.matcher(text);
        while (matcher.find()) {
          found.put(matcher.group(1), matcher.group(2));
        }
        if (found.size() >= count) {
          return found;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no exports printed: " + text);
        }
        wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
      }
    }
  }
}
