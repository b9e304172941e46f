package io.zoomdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandTest {
  private static final Pattern PERSON_LINE =
      Pattern.compile("as (\\S+), [^(]+\\(may read (\\d+) documents in all\\): (\\d+) results");

  @TempDir Path data;

  @Test
  void demo_crawlsSimulatedAccount_andTheSameSearchDiffersPerPerson() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));

    int code = cli.execute("demo", "--data", data.toString());

    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("Crawl complete").contains("./zoomdex check");
    assertThat(Files.isDirectory(data.resolve("index"))).isTrue();
    Matcher people = PERSON_LINE.matcher(out.toString());
    List<Long> readable = people.results().map(m -> Long.parseLong(m.group(2))).toList();
    assertThat(readable).hasSizeGreaterThanOrEqualTo(3);
    assertThat(readable.get(0)).isPositive();
    assertThat(readable).doesNotHaveDuplicates();
    assertThat(out.toString()).contains("a deactivated user (may read 0 documents in all): 0");
  }
}
