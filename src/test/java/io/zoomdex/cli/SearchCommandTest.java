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
  void search_unknownPerson_saysTheIndexDoesNotKnowThem_exit10() {
    int code = run("search", "--data", data.toString(), "--as", "mallory@example.com", "budget");

    assertThat(code).isEqualTo(ExitCodes.UNKNOWN_PERSON);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().strip())
        .startsWith("No document in the index at " + data.resolve("index"))
        .contains("lists mallory@example.com as a reader")
        .contains("check the email's spelling")
        .doesNotContain("\n");
  }

  @Test
  void search_knownPersonWithNoMatch_isZeroResultsAndSucceeds() {
    int code = run("search", "--data", data.toString(), "--as", BOB, "nothingmatchesthis");

    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("0 of 0 results for bob@example.com");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void search_strayOperator_findsWhatTheWordAloneFinds() {
    run("search", "--data", data.toString(), "--as", ALICE, "budget");
    String alone = out.toString();
    out.getBuffer().setLength(0);

    int code = run("search", "--data", data.toString(), "--as", ALICE, "budget", "AND(");

    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(alone).contains("3 of 3 results");
    assertThat(out.toString()).isEqualTo(alone);
  }

  @Test
  void search_excludedWordAfterDoubleDash_isAQueryWord() {
    int code =
        run("search", "--data", data.toString(), "--as", ALICE, "--", "budget", "-spreadsheets");

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("2 of 2 results");
  }

  @Test
  void search_excludedWordUnquoted_exit2SayingHowToWriteIt() {
    int code = run("search", "--data", data.toString(), "--as", ALICE, "budget", "-spreadsheets");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .contains("Unknown option: '-spreadsheets'")
        .contains("quote the query (\"budget -review\") or put the query after --")
        .doesNotContain("Usage:");
  }

  @Test
  void search_badDate_exit2InOneSentenceWithoutJavaOrUsage() {
    int code = run("search", "--data", data.toString(), "--as", ALICE, "--from", "2026-13-45");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString().lines().findFirst().orElse(""))
        .isEqualTo(
            "Invalid value for option '--from': '2026-13-45' is not a date like 2026-01-31"
                + " (YYYY-MM-DD, UTC)");
    assertThat(err.toString()).doesNotContain("Exception").doesNotContain("Usage:");
  }

  @Test
  void search_help_defaultsDataLikeCrawl_andListsItsExitCodes() {
    run("search", "--help");

    assertThat(out.toString().replaceAll("\\s+", " "))
        .contains("(default: zoomdex-data)")
        .contains(" 10 the --as person may read nothing");
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

  @Test
  void humanSnippet_longLine_isCutAroundItsFirstMatch() {
    String line = "word ".repeat(60) + "the *budget* is tight " + "word ".repeat(60);

    String shown = SearchCommand.oneLine(line);

    assertThat(shown).contains("*budget*").startsWith("…").endsWith("…");
    assertThat(shown.length()).isLessThanOrEqualTo(162);
    assertThat(SearchCommand.oneLine("short *line*")).isEqualTo("short *line*");
  }
}
