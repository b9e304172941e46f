package io.zoomdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.search.auth.ApiTokenStore;
import io.zoomdex.sink.lucene.SearchFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {

  @TempDir Path data;

  private final StringWriter err = new StringWriter();

  /** Standard output that opens a latch once the "Serving URL" line has been flushed. */
  private static final class ServingLine extends StringWriter {
    final CountDownLatch printed = new CountDownLatch(1);

    @Override
    public void flush() {
      if (toString().contains("Serving ")) {
        printed.countDown();
      }
    }
  }

  @Test
  void serve_withoutAnIndex_saysToCrawlFirst() {
    CommandLine cli = new CommandLine(new ServeCommand());
    cli.setErr(new PrintWriter(err, true));

    int code = cli.execute("--data", data.toString(), "--port", "0");

    assertThat(code).isEqualTo(ExitCodes.CONFIG);
    assertThat(err.toString()).contains("run `zoomdex crawl --data");
  }

  @Test
  void serve_trustedHeaderWithoutProxy_isAUsageError() throws Exception {
    SearchFixtures.writeIndex(data.resolve("index"));
    CommandLine cli = new CommandLine(new ServeCommand());
    cli.setErr(new PrintWriter(err, true));

    int code =
        cli.execute(
            "--data", data.toString(), "--port", "0", "--trusted-header", "X-Forwarded-Email");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--trusted-header and --trusted-proxy go together");
  }

  @Test
  void serve_webhookSecretWithoutZoomCredentials_exits3WithOneSentence_neverShowingTheSecret()
      throws Exception {
    SearchFixtures.writeIndex(data.resolve("index"));
    CommandLine cli =
        new CommandLine(
            new ServeCommand(
                java.util.Map.of("ZOOM_WEBHOOK_SECRET", "do-not-print-me"), Clock.systemUTC()));
    cli.setErr(new PrintWriter(err, true));

    int code = cli.execute("--data", data.toString(), "--port", "0");

    assertThat(code).isEqualTo(ExitCodes.CONFIG);
    assertThat(err.toString().strip()).isNotEmpty().doesNotContain("\n");
    assertThat(err.toString()).doesNotContain("do-not-print-me");
  }

  @Test
  void serve_malformedSchedule_isAUsageErrorNamingTheOption() throws Exception {
    SearchFixtures.writeIndex(data.resolve("index"));
    CommandLine cli = new CommandLine(new ServeCommand());
    cli.setErr(new PrintWriter(err, true));

    int code = cli.execute("--data", data.toString(), "--port", "0", "--sync-every", "often");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--sync-every must be a duration like 15m");
  }

  @Test
  void serve_searchRoleWithTheEmbeddedIndex_exits3SayingItNeedsOpenSearch() throws Exception {
    SearchFixtures.writeIndex(data.resolve("index"));
    CommandLine cli = new CommandLine(new ServeCommand());
    cli.setErr(new PrintWriter(err, true));

    int code = cli.execute("--data", data.toString(), "--port", "0", "--role", "search");

    assertThat(code).isEqualTo(ExitCodes.CONFIG);
    assertThat(err.toString().strip())
        .startsWith("--role search serves an index shared in OpenSearch; add --index opensearch")
        .doesNotContain("\n");
  }

  @Test
  void serve_unknownRole_orASearchReplicaWithASchedule_isAUsageError() throws Exception {
    CommandLine cli = new CommandLine(new ServeCommand());
    cli.setErr(new PrintWriter(err, true));

    assertThat(cli.execute("--data", data.toString(), "--port", "0", "--role", "reader"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--role must be writer or search, not 'reader'.");

    int code =
        cli.execute(
            "--port",
            "0",
            "--role",
            "search",
            "--index",
            "opensearch",
            "--opensearch-url",
            "http://127.0.0.1:1",
            "--sync-every",
            "15m");
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("A search replica (--role search) never crawls");
  }

  @Test
  void serve_printsTheUrlAndAnswersSearchesUntilStopped() throws Exception {
    SearchFixtures.writeIndex(data.resolve("index"));
    String token;
    try (ApiTokenStore tokens = ApiTokenStore.open(data, Clock.systemUTC())) {
      token = tokens.create(SearchFixtures.BOB, false).token();
    }
    ServeCommand serve = new ServeCommand();
    CommandLine cli = new CommandLine(serve);
    ServingLine out = new ServingLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err, true));

    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(() -> cli.execute("--data", data.toString(), "--port", "0"));
    try {
      assertThat(out.printed.await(30, TimeUnit.SECONDS)).as("the Serving line").isTrue();
      Matcher url =
          Pattern.compile("Serving (http://127\\.0\\.0\\.1:\\d+/)").matcher(out.toString());
      assertThat(url.find()).isTrue();
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> search =
          http.send(
              HttpRequest.newBuilder(URI.create(url.group(1) + "api/search?q=budget"))
                  .header("Authorization", "Bearer " + token)
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(search.statusCode()).isEqualTo(200);
      assertThat(search.body()).contains("meeting:111").doesNotContain("transcript:");
      HttpResponse<String> ready =
          http.send(
              HttpRequest.newBuilder(URI.create(url.group(1) + "readyz"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).as("unauthenticated readiness").isEqualTo(200);
      assertThat(ready.body())
          .contains("\"status\":\"ready\"", "\"role\":\"writer\"")
          .doesNotContain("writer_lease"); // the embedded index has no lease
    } finally {
      serve.stop.countDown();
    }
    assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
  }

  @Test
  void serve_mountsTheAdminRoutes_forAdminTokensOnly() throws Exception {
    SearchFixtures.writeIndex(data.resolve("index"));
    String admin;
    String bob;
    try (ApiTokenStore tokens = ApiTokenStore.open(data, Clock.systemUTC())) {
      admin = tokens.create("ops@example.com", true).token();
      bob = tokens.create(SearchFixtures.BOB, false).token();
    }
    ServeCommand serve = new ServeCommand(java.util.Map.of(), Clock.systemUTC());
    CommandLine cli = new CommandLine(serve);
    ServingLine out = new ServingLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err, true));

    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                cli.execute("--data", data.toString(), "--port", "0", "--summary-look-back", "2d"));
    try {
      assertThat(out.printed.await(30, TimeUnit.SECONDS)).as("the Serving line").isTrue();
      Matcher url =
          Pattern.compile("Serving (http://127\\.0\\.0\\.1:\\d+/)").matcher(out.toString());
      assertThat(url.find()).isTrue();
      HttpClient http = HttpClient.newHttpClient();
      java.util.function.BiFunction<String, String, HttpResponse<String>> get =
          (path, token) -> {
            try {
              return http.send(
                  HttpRequest.newBuilder(URI.create(url.group(1) + path))
                      .header("Authorization", "Bearer " + token)
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          };

      HttpResponse<String> overview = get.apply("api/admin/overview", admin);
      assertThat(overview.statusCode()).isEqualTo(200);
      assertThat(overview.body())
          .contains("\"Summary look-back\":\"2d\"", "\"Webhooks\":\"off\"", "\"status\":\"off\"");
      HttpResponse<String> check = get.apply("api/admin/check", admin);
      assertThat(check.statusCode()).isEqualTo(200);
      assertThat(check.body()).contains("\"available\":false", "no Zoom credentials");
      assertThat(get.apply("api/admin/overview", bob).statusCode()).isEqualTo(403);
      assertThat(get.apply("admin", bob).statusCode()).isEqualTo(200);
    } finally {
      serve.stop.countDown();
    }
    assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
  }
}
