package io.zoomdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zoomdex.Main;
import io.zoomdex.document.Change;
import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.document.Readers;
import io.zoomdex.sink.lucene.LuceneIndexSink;
import io.zoomdex.sync.ApiUsage;
import io.zoomdex.sync.ReportJson;
import io.zoomdex.sync.StateStore;
import io.zoomdex.sync.SyncReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code zoomdex whois} and {@code zoomdex explain}: output, exit codes, bad configuration. */
class InspectorCommandsTest {
  private static final DocumentId SUMMARY = new DocumentId(DocumentType.SUMMARY, "u/1==");
  private static final DocumentId FAILED = new DocumentId(DocumentType.PAST_MEETING, "u/2==");
  private static final Instant STARTED = Instant.parse("2026-12-01T10:00:00Z");

  @TempDir Path data;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void indexAndState() throws Exception {
    Map<String, List<String>> rules = new LinkedHashMap<>();
    rules.put("alice@corp.com", List.of("host", "summary setting 3"));
    rules.put("bob@corp.com", List.of("internal participant", "summary setting 3"));
    try (LuceneIndexSink sink = LuceneIndexSink.open(data.resolve("index"))) {
      sink.apply(new Change.Upsert(document(SUMMARY, Readers.explained(rules), "1")));
      sink.apply(
          new Change.Upsert(
              document(FAILED, Readers.explained(Map.of("carol@corp.com", List.of("host"))), "2")));
      sink.commit();
    }
    try (StateStore state = StateStore.open(data)) {
      long first = state.beginRun("full", STARTED);
      state.recordBatch(first, Map.of(SUMMARY, "v1", FAILED, "v1"), List.of(), List.of());
      state.finishRun(
          first, STARTED.plusSeconds(5), "complete", ReportJson.write(report(first, List.of())));
      long second = state.beginRun("incremental", STARTED.plusSeconds(3600));
      state.recordBatch(second, Map.of(), List.of(SUMMARY), List.of());
      state.finishRun(
          second,
          STARTED.plusSeconds(3605),
          "partial",
          ReportJson.write(
              report(second, List.of("participants of u/2==: Zoom answered 500 three times"))));
    }
  }

  private static Document document(DocumentId id, Readers readers, String meetingId) {
    return new Document(
        id,
        "Roadmap " + meetingId,
        "Text.",
        "alice@corp.com",
        STARTED,
        30,
        "",
        readers,
        Map.of("meeting_id", meetingId, "uuid", id.key()));
  }

  private static SyncReport report(long runId, List<String> failures) {
    return new SyncReport(
        runId,
        "full",
        failures.isEmpty() ? "complete" : "partial",
        STARTED,
        Duration.ofSeconds(5),
        2,
        0,
        0,
        0,
        Map.of(),
        Map.of(),
        failures.size(),
        failures,
        new ApiUsage(Map.of(), 0, 0),
        null,
        null);
  }

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path config(String text) throws Exception {
    Path file = data.resolve("zoomdex.properties");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void explain_showsEachReaderWithItsRule_theIndexingRun_andNoError() {
    int code = run("explain", "--data", data.toString(), SUMMARY.toString());

    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .contains("summary:u/1==  Roadmap 1")
        .containsPattern("alice@corp\\.com +host, summary setting 3")
        .containsPattern("bob@corp\\.com +internal participant, summary setting 3")
        .contains("confirmed unchanged by run 2 (incremental crawl started 2026-12-01 11:00 UTC")
        .contains("Last error: none");
  }

  @Test
  void explain_showsTheLastCrawlFailureThatNamesTheItem() {
    int code = run("explain", "--data", data.toString(), "--json", FAILED.toString());

    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .contains(
            "\"last_error\":\"Run 2 (incremental crawl started 2026-12-01 11:00 UTC, partial)")
        .contains("participants of u/2==: Zoom answered 500 three times");
  }

  @Test
  void explainAs_saysWhyThroughIdentityMapping() throws Exception {
    Path file = config("identity.user_name_domain = corp.com\n");

    int code =
        run(
            "explain",
            "--data",
            data.toString(),
            "--config",
            file.toString(),
            "--as",
            "bob",
            SUMMARY.toString());

    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .contains(
            "As 'bob': can read. bob@corp.com ('bob' maps to it by the user name plus the SSO")
        .contains("is a reader as internal participant, summary setting 3.");
  }

  @Test
  void explainAs_aStranger_cannotRead() throws Exception {
    int code =
        run(
            "explain",
            "--data",
            data.toString(),
            "--json",
            "--as",
            "eve@corp.com",
            SUMMARY.toString());

    assertThat(code).isEqualTo(ExitCodes.OK);
    JsonNode as = new ObjectMapper().readTree(out.toString()).path("as");
    assertThat(as.path("decision").asText()).isEqualTo("cannot read");
    assertThat(as.path("identity").isNull()).isTrue();
  }

  @Test
  void explain_unknownOrMalformedId_saysSoWithItsExitCode() {
    assertThat(run("explain", "--data", data.toString(), "meeting:404"))
        .isEqualTo(ExitCodes.UNKNOWN_DOCUMENT);
    assertThat(err.toString()).contains("has no document meeting:404");
    assertThat(run("explain", "--data", data.toString(), "nonsense")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("'nonsense' is not a document id");
  }

  @Test
  void whois_printsMatchNoMatchOrAmbiguous_withTheRule_andExitCodes() throws Exception {
    Path file = config("identity.domain_aliases = corp.example=corp.com\n");

    assertThat(
            run(
                "whois",
                "--data",
                data.toString(),
                "--config",
                file.toString(),
                "Alice@Corp.Example"))
        .isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .startsWith("Match: alice@corp.com")
        .contains("Rule: The domain alias corp.example = corp.com");

    assertThat(run("whois", "--data", data.toString(), "--config", file.toString(), "eve@corp.com"))
        .isEqualTo(ExitCodes.UNKNOWN_PERSON);
    assertThat(out.toString())
        .contains("No match")
        .contains("tried eve@corp.com, eve@corp.example");
  }

  @Test
  void whois_ambiguous_failsClosed() throws Exception {
    try (LuceneIndexSink sink = LuceneIndexSink.open(data.resolve("index"))) {
      sink.apply(
          new Change.Upsert(
              document(
                  new DocumentId(DocumentType.MEETING, "9"),
                  Readers.of(List.of("alice@corp.example")),
                  "9")));
      sink.commit();
    }
    Path file = config("identity.domain_aliases = corp.example=corp.com\n");

    int code =
        run("whois", "--data", data.toString(), "--config", file.toString(), "alice@corp.com");

    assertThat(code).isEqualTo(ExitCodes.UNKNOWN_PERSON);
    assertThat(out.toString())
        .startsWith("Ambiguous: alice@corp.com, alice@corp.example")
        .contains("fails closed");
    out.getBuffer().setLength(0);
    assertThat(
            run(
                "search",
                "--data",
                data.toString(),
                "--config",
                file.toString(),
                "--as",
                "alice@corp.com"))
        .isEqualTo(ExitCodes.UNKNOWN_PERSON);
    assertThat(err.toString()).contains("identity mapping says Ambiguous");
    assertThat(out.toString()).doesNotContain("Roadmap");
  }

  @Test
  void search_resolvesAsThroughIdentityMapping() throws Exception {
    Path file = config("identity.user_name_domain = corp.com\n");

    int code =
        run(
            "search",
            "--data",
            data.toString(),
            "--config",
            file.toString(),
            "--as",
            "carol",
            "--json");

    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains(FAILED.toString()).doesNotContain(SUMMARY.toString());
  }

  @Test
  void badIdentityRule_isBadConfiguration_withTheLine() throws Exception {
    Path file = config("# identity\nidentity.domain_aliases = corp.example\n");

    assertThat(run("whois", "--data", data.toString(), "--config", file.toString(), "x"))
        .isEqualTo(ExitCodes.CONFIG);
    assertThat(err.toString()).contains(", line 2,").doesNotContain("Exception");
    assertThat(
            run(
                "explain",
                "--data",
                data.toString(),
                "--config",
                file.toString(),
                SUMMARY.toString()))
        .isEqualTo(ExitCodes.CONFIG);
    assertThat(run("search", "--data", data.toString(), "--config", file.toString(), "--as", "x"))
        .isEqualTo(ExitCodes.CONFIG);
  }
}
