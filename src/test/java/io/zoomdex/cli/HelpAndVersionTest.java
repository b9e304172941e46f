package io.zoomdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What --help and -V say agrees with what the commands do. */
class HelpAndVersionTest {
  private final StringWriter out = new StringWriter();

  private String run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    cli.execute(args);
    return out.toString().replaceAll("\\s+", " ");
  }

  @Test
  void version_printsTheVersionAndTheCommitItWasBuiltFrom() {
    // A build in a git checkout records the commit (git-commit-id plugin, profile record-commit)
    // in io/zoomdex/git.properties; a build elsewhere has none and says so.
    String line = run("-V").strip();
    if (BuildInfo.class.getResource("/io/zoomdex/git.properties") != null) {
      assertThat(line).matches("zoomdex \\d+\\.\\d+\\.\\d+\\S* \\(commit [0-9a-f]{7,}.*\\)");
    } else {
      assertThat(line).endsWith("(commit unknown: built outside a git checkout)");
    }
  }

  @Test
  void buildInfo_withoutARecordedCommit_saysSoInsteadOfPretending() {
    assertThat(new BuildInfo("0.1.0", "", false).describe())
        .isEqualTo("zoomdex 0.1.0 (commit unknown: built outside a git checkout)");
    assertThat(new BuildInfo("0.1.0", "abc1234", true).describe())
        .isEqualTo("zoomdex 0.1.0 (commit abc1234, with uncommitted changes)");
  }

  @Test
  void topLevelHelp_listsEveryExitCode_andTheRuleForDatesAndDurations() {
    String help = run("--help");

    for (int code = 0; code <= ExitCodes.UNKNOWN_DOCUMENT; code++) {
      assertThat(help).contains(" " + code + " ");
    }
    assertThat(help).contains("Dates are YYYY-MM-DD (UTC), durations 90s, 15m, 2h or 1d");
  }

  @Test
  void crawlHelp_showsTheModesChoices() {
    assertThat(run("crawl", "--help"))
        .contains("--mode=full|incremental")
        .contains("One of full, incremental");
  }

  @Test
  void searchAndServeHelp_defaultDataLikeCrawlAndStatus() {
    assertThat(run("serve", "--help")).contains("default: zoomdex-data");
    out.getBuffer().setLength(0);
    assertThat(run("search", "--help"))
        .contains("default: zoomdex-data")
        .contains("zoomdex search --as EMAIL -- budget -review");
  }
}
