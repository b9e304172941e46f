package io.zoomdex.cli;

import static io.zoomdex.sink.lucene.SearchFixtures.ALICE;
import static io.zoomdex.sink.lucene.SearchFixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zoomdex.Main;
import io.zoomdex.sink.lucene.SearchFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SearchCommandTest {

  @TempDir Path data;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void buildIndex() throws Exception {
    SearchFixtures.writeIndex(data.resolve("index"));
  }

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private List<JsonNode> jsonLines() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      if (!line.isBlank()) {
        lines.add(mapper.readTree(line));
      }
    }
    return lines;
  }

  @Test
  void search_json_printsOneObjectPerReadableHitWithTheFields() throws Exception {
    int code =
        run("search", "--data", data.toString(), "--as", " Bob@Example.com", "--json", "budget");

    assertThat(code).isEqualTo(ExitCodes.OK);
    List<JsonNode> lines = jsonLines();
    assertThat(lines).hasSize(2);
    assertThat(lines)
        .extracting(line -> line.get("id").asText())
        .containsExactlyInAnyOrder("meeting:111", "past_meeting:std/1==");
    JsonNode meeting =
        lines.stream()
            .filter(l -> l.get("id").asText().equals("meeting:111"))
            .findFirst()
            .orElseThrow();
    assertThat(meeting.get("type").asText()).isEqualTo("meeting");
    assertThat(meeting.get("title").asText()).isEqualTo("Budget review");
    assertThat(meeting.get("url").asText()).isEqualTo("https://zoom.us/j/111");
    assertThat(meeting.get("start_time").asText()).isEqualTo("2024-01-10T15:00:00Z");
    assertThat(meeting.get("host_email").asText()).isEqualTo(ALICE);
    assertThat(meeting.get("snippet").asText()).containsIgnoringCase("budget");
    assertThat(meeting.get("snippet_html").asText()).contains("<mark>budget</mark>");
    assertThat(meeting.get("score").asDouble()).isPositive();
  }

  @Test
  void search_human_listsResultsAndTheCount() {
    int code = run("search", "--data", data.toString(), "--as", ALICE, "tight");

    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .contains("1. Budget review")
        .contains("transcript · 2024-01-10 15:05 UTC · host alice@example.com")
        .contains("https://zoom.us/j/abc/DEF+ghi==")
        .contains("[00:12:34] Bob Jones: The budget is *tight* this quarter.")
        .endsWith("1 of 1 results for alice@example.com" + System.lineSeparator());
  }

  @Test
  void search_noWords_listsEverythingReadable_withPaging() throws Exception {
    int code =
        run(
            "search",
            "--data",
            data.toString(),
            "--as",
            ALICE,
            "--json",
            "--limit",
            "2",
            "--offset",
            "1");

    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(jsonLines())
        .extracting(line -> line.get("id").asText())
        .containsExactly("transcript:abc/DEF+ghi==", "meeting:111");
  }

  @Test
  void search_typeHostAndDateFilters_narrowTheResults() throws Exception {
    run("search", "--data", data.toString(), "--as", ALICE, "--json", "--type", "past_meeting");
    assertThat(jsonLines())
        .extracting(l -> l.get("id").asText())
        .containsExactly("past_meeting:std/1==");
    out.getBuffer().setLength(0);

    run(
        "search",
        "--data",
        data.toString(),
        "--as",
        ALICE,
        "--json",
        "--host",
        BOB.toUpperCase(java.util.Locale.ROOT));
    assertThat(jsonLines())
        .extracting(l -> l.get("id").asText())
        .containsExactly("past_meeting:std/1==");
    out.getBuffer().setLength(0);

    run(
        "search",
        "--data",
        data.toString(),
        "--as",
        ALICE,
        "--json",
        "--from",
        "2024-01-10",
        "--to",
        "2024-01-10");
    assertThat(jsonLines()).hasSize(2);
  }

  @Test
  void search_unknownPerson_getsNothingAndSucceeds() {
    int code = run("search", "--data", data.toString(), "--as", "mallory@example.com", "budget");

    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .isEqualTo("0 of 0 results for mallory@example.com" + System.lineSeparator());
  }

  @Test
  void search_unknownType_isAUsageErrorInOneSentence() {
    int code = run("search", "--data", data.toString(), "--as", ALICE, "--type", "chat");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString().strip())
        .isEqualTo(
            "Unknown document type 'chat'; use one of meeting, webinar, past_meeting,"
                + " past_webinar, summary, transcript.");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void search_limitOutOfRange_isAUsageError() {
    int code = run("search", "--data", data.toString(), "--as", ALICE, "--limit", "500");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("The limit must be between 1 and 100");
  }

  @Test
  void search_missingIndex_saysToCrawlFirst() {
    Path empty = data.resolve("empty");
    int code = run("search", "--data", empty.toString(), "--as", ALICE, "budget");

    assertThat(code).isEqualTo(ExitCodes.CONFIG);
    assertThat(err.toString().strip())
        .isEqualTo("No index at " + empty + "; run `zoomdex crawl --data " + empty + "` first.");
  }

  @Test
  void search_malformedQuery_stillAnswers() {
    int code = run("search", "--data", data.toString(), "--as", BOB, "\"budget", "(review");

    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("1 of 1 results for bob@example.com");
  }
}
