package io.zoomdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * Crawl settings on crawl and serve, validated like every other setting: a bad flag is a bad
 * command line (exit 2), a bad {@code crawl.*} key a bad configuration (exit 3) naming its line;
 * each in one sentence, before anything is crawled.
 */
class CrawlSettingsOptionsTest {
  private static final Instant NOW = Instant.parse("2026-11-20T09:30:00Z");

  @TempDir Path data;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static Map<String, String> environment() {
    return Map.of(
        "ZOOM_ACCOUNT_ID", "account",
        "ZOOM_CLIENT_ID", "client",
        "ZOOM_CLIENT_SECRET", "secret-value-123",
        "ZOOM_API_URL", "http://127.0.0.1:9/v2",
        "ZOOM_OAUTH_URL", "http://127.0.0.1:9");
  }

  private int run(Object command, List<String> args) {
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of("--data", data.toString()));
    all.addAll(args);
    return cli.execute(all.toArray(String[]::new));
  }

  private CrawlCommand crawl() {
    return new CrawlCommand(environment(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private void assertOneSentence(String fragment) {
    List<String> lines = err.toString().strip().lines().toList();
    assertThat(lines).as(err.toString()).hasSize(1);
    assertThat(lines.get(0)).contains(fragment).endsWith(".").doesNotContain("Exception");
  }

  @ParameterizedTest(name = "crawl {0} -> exit 2")
  @CsvSource(
      delimiter = '|',
      value = {
        "--kinds meetings | --kinds names the unknown kind 'meetings'; use a comma-separated list",
        "--kinds , | --kinds is empty",
        "--meetings-transcripts-only maybe | --meetings-transcripts-only is 'maybe' but must be"
            + " true or false",
        "--include-hosts alice | --include-hosts holds 'alice', which is not an email",
        "--exclude-ids 85x | --exclude-ids holds '85x', which is not a meeting or webinar id",
        "--include-topics a,,b | --include-topics has an empty topic pattern",
        "--history 0d | --history is '0d' but must be a number of days from 1d to 3650d",
        "--history 2w | --history is '2w'",
        "--keep-passcodes 1 | --keep-passcodes is '1' but must be true or false",
        "--kinds meeting,qa --meetings-transcripts-only true | The crawl settings leave nothing"
            + " to index; keep at least one kind",
      })
  void crawl_badCrawlSettingFlag_exits2WithOneSentence(String args, String sentence) {
    int code = run(crawl(), List.of(args.strip().split(" ")));

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.USAGE);
    assertOneSentence(sentence.strip());
  }

  @Test
  void serve_badCrawlSettingFlag_exits2() {
    int code =
        run(
            new ServeCommand(environment(), Clock.fixed(NOW, ZoneOffset.UTC)),
            List.of("--kinds", "chat"));

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.USAGE);
    assertOneSentence("--kinds names the unknown kind 'chat'");
  }

  @Test
  void crawl_badCrawlKeyInConfigFile_exits3NamingItsLine() throws Exception {
    Path config = data.resolve("zoomdex.conf");
    Files.writeString(config, "# crawl settings\ncrawl.kinds = meeting\ncrawl.history = 90\n");

    int code = run(crawl(), List.of("--config", config.toString()));

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.CONFIG);
    assertOneSentence("The setting crawl.history in " + config + ", line 3, is '90'");
  }

  @Test
  void crawl_unknownCrawlKey_exits3ListingTheKeys() throws Exception {
    Path config = data.resolve("zoomdex.conf");
    Files.writeString(config, "crawl.kind = meeting\n");

    int code = run(crawl(), List.of("--config", config.toString()));

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.CONFIG);
    assertOneSentence("line 1, is not a crawl setting; the crawl keys are crawl.kinds");
  }

  @Test
  void crawl_goodCrawlSettingsInFileAndFlags_passValidation() throws Exception {
    Path config = data.resolve("zoomdex.conf");
    Files.writeString(config, "crawl.kinds = transcript\ncrawl.exclude_topics = Standup*, 1:1 *\n");

    int code = run(crawl(), List.of("--config", config.toString(), "--history", "30d"));

    // Validation passed: the crawl went on to Zoom, which is a closed port here.
    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.ZOOM_UNAVAILABLE);
  }
}
