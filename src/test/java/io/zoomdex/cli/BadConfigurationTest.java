package io.zoomdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * Bad configuration, case by case: each one stops before any work with its documented exit code and
 * one plain sentence naming the setting. The Zoom URLs point at a closed local port, so a case that
 * slipped through validation would fail differently (exit 6) instead of passing.
 */
class BadConfigurationTest {
  private static final Instant NOW = Instant.parse("2026-11-20T09:30:00Z");

  @TempDir Path data;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("ZOOM_ACCOUNT_ID", "account");
    env.put("ZOOM_CLIENT_ID", "client");
    env.put("ZOOM_CLIENT_SECRET", "secret-value-123");
    env.put("ZOOM_API_URL", "http://127.0.0.1:9/v2");
    env.put("ZOOM_OAUTH_URL", "http://127.0.0.1:9");
    return env;
  }

  private int crawl(Map<String, String> env, List<String> args) {
    CommandLine cli = new CommandLine(new CrawlCommand(env, Clock.fixed(NOW, ZoneOffset.UTC)));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of("--data", data.toString()));
    all.addAll(args);
    return cli.execute(all.toArray(String[]::new));
  }

  private void assertOneSentence(String fragment) {
    List<String> lines = err.toString().strip().lines().toList();
    assertThat(lines).as(err.toString()).hasSize(1);
    assertThat(lines.get(0)).contains(fragment).endsWith(".");
    assertThat(err.toString()).doesNotContain("secret-value-123");
  }

  @ParameterizedTest(name = "crawl {0} -> exit 3")
  @CsvSource(
      delimiter = '|',
      value = {
        "--rates bogus | The setting --rates is 'bogus'",
        "--rate-share 2 | The setting --rate-share is '2'",
        "--concurrency 0 | The setting --concurrency is '0'",
        "--plan gold | The setting --plan is 'gold'",
        "--config /nonexistent/zoomdex.conf | does not exist; check the path",
        "--index bogus | --index must be lucene or opensearch",
        "--index opensearch | needs at least one --opensearch-url",
        "--opensearch-url http://127.0.0.1:9 | need --index opensearch",
      })
  void crawl_badSetting_exits3WithOneSentence(String args, String sentence) {
    int code = crawl(environment(), List.of(args.strip().split(" ")));

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.CONFIG);
    assertOneSentence(sentence.strip());
  }

  @ParameterizedTest(name = "crawl without {0} -> exit 3")
  @CsvSource({"ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET"})
  void crawl_missingCredential_exits3NamingIt(String variable) {
    Map<String, String> env = environment();
    env.remove(variable);

    assertThat(crawl(env, List.of())).isEqualTo(ExitCodes.CONFIG);
    assertOneSentence(variable);
  }

  @Test
  void crawl_malformedApiUrl_exits3() {
    Map<String, String> env = environment();
    env.put("ZOOM_API_URL", "not a url");

    assertThat(crawl(env, List.of())).isEqualTo(ExitCodes.CONFIG);
    assertOneSentence("ZOOM_API_URL is 'not a url', which is not a URL");
  }

  @Test
  void crawl_openSearchCredentialsHalfGiven_exits3() {
    Map<String, String> env = environment();
    env.put("OPENSEARCH_USERNAME", "admin");

    int code =
        crawl(env, List.of("--index", "opensearch", "--opensearch-url", "http://127.0.0.1:9"));

    assertThat(code).isEqualTo(ExitCodes.CONFIG);
    assertOneSentence("go together");
  }

  @Test
  void crawl_configFileWithMalformedValue_exits3NamingTheFileSetting() throws Exception {
    Path file = data.resolve("zoomdex.properties");
    Files.writeString(file, "zoom.concurrency = lots\n");

    assertThat(crawl(environment(), List.of("--config", file.toString())))
        .isEqualTo(ExitCodes.CONFIG);
    assertOneSentence("'lots'");
  }

  @ParameterizedTest(name = "zoomdex {0} -> exit 2")
  @CsvSource(
      delimiter = '|',
      value = {
        "crawl --frobnicate | Unknown option: '--frobnicate'",
        "crawl --mode sideways | Invalid value for option '--mode'",
        "serve --trusted-header X-Email | --trusted-header and --trusted-proxy go together",
        "serve --trusted-header X-Email --trusted-proxy not-an-ip | --trusted-proxy must be an IP",
        "frobnicate | Unmatched argument",
      })
  void commandLineMistakes_exit2WithTheProblemFirst(String args, String sentence) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of(args.strip().split(" ")));
    if (!all.get(0).equals("frobnicate")) {
      all.addAll(List.of("--data", data.toString()));
    }

    int code = cli.execute(all.toArray(String[]::new));

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString().lines().findFirst().orElse("")).contains(sentence.strip());
  }

  @ParameterizedTest(name = "zoomdex {0} -> exit 2, one sentence")
  @CsvSource(
      delimiter = '|',
      value = {
        "crawl --since 2026-13-45 | --since must be a date like 2026-01-31 (YYYY-MM-DD, UTC), not"
            + " '2026-13-45'.",
        "crawl --since 2999-01-01 | --since 2999-01-01 is in the future; give a day on or before"
            + " today",
        "serve --since 2026-13-45 | --since must be a date like 2026-01-31 (YYYY-MM-DD, UTC), not"
            + " '2026-13-45'.",
        "serve --sync-every 30s | --sync-every must be at least 1m, not '30s'.",
        "serve --full-every soon | --full-every must be a duration like 15m, 2h or 1d, not 'soon'.",
        "search --as a@example.com --from 2026-13-45 | Invalid value for option '--from':"
            + " '2026-13-45' is not a date like 2026-01-31 (YYYY-MM-DD, UTC)",
        "search --as a@example.com --to yesterday | Invalid value for option '--to': 'yesterday'"
            + " is not a date like 2026-01-31 (YYYY-MM-DD, UTC)",
      })
  void everyBadDateOrDuration_exits2InOneSentence_withoutJavaOrUsage(String args, String sentence) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of(args.strip().split(" ")));
    all.addAll(List.of("--data", data.toString()));

    int code = cli.execute(all.toArray(String[]::new));

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString().lines().findFirst().orElse("")).startsWith(sentence.strip());
    assertThat(err.toString())
        .doesNotContain("Exception")
        .doesNotContain("java.")
        .doesNotContain("Usage:");
  }

  @Test
  void crawl_configFileThatDoesNotParse_exits3NamingTheLine() throws Exception {
    Path file = data.resolve("zoomdex.properties");
    Files.writeString(file, "# Zoom\nzoom.plan = pro\nzoom.account_id = caf\\u00\n");

    assertThat(crawl(environment(), List.of("--config", file.toString())))
        .isEqualTo(ExitCodes.CONFIG);
    assertOneSentence("The config file " + file + ", line 3, has a \\u not followed by 4 hex");
    assertThat(err.toString()).doesNotContain("IllegalArgumentException");
  }

  @Test
  void crawl_configFileWithUnknownKey_namesItsLine() throws Exception {
    Path file = data.resolve("zoomdex.properties");
    Files.writeString(file, "zoom.plan = pro\n\nzoom.acount_id = typo\n");

    assertThat(crawl(environment(), List.of("--config", file.toString())))
        .isEqualTo(ExitCodes.CONFIG);
    assertOneSentence(", line 3, has an unknown key 'zoom.acount_id'");
  }

  @ParameterizedTest(name = "crawl --config with {0} -> exit 3 naming its line")
  @CsvSource(
      delimiter = '|',
      value = {
        "embedding.threads = 0 | embedding.threads in FILE, line 2, is '0'",
        "embedding.model = bogus | embedding.model in FILE, line 2, is 'bogus'",
        "embedding.url = not a url | embedding.url in FILE, line 2, is 'not a url'",
      })
  void crawl_configFileWithBadEmbeddingSetting_exits3NamingTheLine(String line, String sentence)
      throws Exception {
    Path file = data.resolve("zoomdex.properties");
    Files.writeString(file, "zoom.plan = pro\n" + line + "\n");

    assertThat(crawl(environment(), List.of("--config", file.toString())))
        .isEqualTo(ExitCodes.CONFIG);
    assertOneSentence("The setting " + sentence.replace("FILE", file.toString()));
  }

  @Test
  void search_configFileWithUnknownModel_exits3NamingTheLine() throws Exception {
    Path file = data.resolve("zoomdex.properties");
    Files.writeString(file, "embedding.model = bogus\n");
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));

    int code =
        cli.execute(
            "search",
            "--data",
            data.toString(),
            "--config",
            file.toString(),
            "--as",
            "alice@example.com",
            "budget");

    assertThat(code).isEqualTo(ExitCodes.CONFIG);
    assertOneSentence("The setting embedding.model in " + file + ", line 1, is 'bogus'");
  }

  @Test
  void crawl_everyCredentialMissing_namesThemAllInOneSentence() {
    Map<String, String> env = environment();
    env.remove("ZOOM_ACCOUNT_ID");
    env.remove("ZOOM_CLIENT_ID");
    env.remove("ZOOM_CLIENT_SECRET");

    assertThat(crawl(env, List.of())).isEqualTo(ExitCodes.CONFIG);
    assertOneSentence("ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET are missing");
  }

  @ParameterizedTest(name = "{0} without an index -> exit 3")
  @CsvSource({"serve", "search"})
  void readingCommands_withoutAnIndex_exit3SayingToCrawlFirst(String command) {
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));
    List<String> args = new ArrayList<>(List.of(command, "--data", data.toString()));
    if (command.equals("search")) {
      args.addAll(List.of("--as", "alice@example.com", "budget"));
    }

    assertThat(cli.execute(args.toArray(String[]::new))).isEqualTo(ExitCodes.CONFIG);
    assertOneSentence("run `zoomdex crawl --data");
  }
}
