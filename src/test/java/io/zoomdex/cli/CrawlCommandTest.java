package io.zoomdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.e2e.SimulatorCrawls;
import io.zoomdex.simulator.FaultRule;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.sync.WriterLock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code zoomdex crawl} as a user runs it: exit codes, one-sentence errors, nothing corrupted. */
class CrawlCommandTest {
  private static final Instant NOW = Instant.parse("2026-11-20T09:30:00Z");

  @TempDir Path data;
  private ZoomSimulator simulator;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @AfterEach
  void stop() {
    if (simulator != null) {
      simulator.close();
    }
  }

  private Map<String, String> simulatorEnvironment(SimulatorSettings settings) throws Exception {
    simulator = ZoomSimulator.start(settings);
    return SimulatorCrawls.environment(simulator);
  }

  private static SimulatorSettings.Builder account() {
    return SimulatorSettings.builder().seed(11).users(6).start(NOW);
  }

  private int crawl(Map<String, String> env, String... args) {
    CommandLine cli = new CommandLine(new CrawlCommand(env, Clock.fixed(NOW, ZoneOffset.UTC)));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 4];
    all[0] = "--data";
    all[1] = data.toString();
    all[2] = "--rates";
    all[3] = "unlimited";
    System.arraycopy(args, 0, all, 4, args.length);
    return cli.execute(all);
  }

  @Test
  void crawl_completeAccount_exits0WithReport_andSecondRunIsAllUnchanged() throws Exception {
    Map<String, String> env = simulatorEnvironment(account().build());

    int first = crawl(env);
    String firstReport = out.toString();
    int second = crawl(env, "--json");

    assertThat(first).isEqualTo(ExitCodes.OK);
    assertThat(firstReport).contains("Crawl complete").contains("added").contains("Zoom API:");
    assertThat(second).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("\"added\":0").contains("\"updated\":0");
    assertThat(err.toString()).doesNotContain(simulator.clientSecret());
  }

  @Test
  void crawl_whileAnotherWriterHoldsTheData_exits9WithOneSentence_andCallsNoZoom()
      throws Exception {
    Map<String, String> env = simulatorEnvironment(account().build());
    int code;
    try (WriterLock otherCrawl = WriterLock.acquire(data)) {
      code = crawl(env);
    }

    assertThat(code).isEqualTo(ExitCodes.BUSY);
    assertThat(err.toString().strip())
        .startsWith("Another crawl")
        .contains("wait for it to finish")
        .doesNotContain("\n");
    assertThat(simulator.requestLog().total()).isZero();
    assertThat(crawl(env)).isEqualTo(ExitCodes.OK);
  }

  @Test
  void crawl_incrementalAfterFull_exits0AndCallsZoomLess() throws Exception {
    Map<String, String> env = simulatorEnvironment(account().build());
    assertThat(crawl(env)).isEqualTo(ExitCodes.OK);
    long fullCalls = simulator.requestLog().total();
    simulator.requestLog().reset();

    int code = crawl(env, "--mode", "incremental");

    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("Crawl complete (incremental, run 2)");
    assertThat(simulator.requestLog().total()).isLessThan(fullCalls / 2);
  }

  @Test
  void status_listsTheRunsWithTheirOutcomeAndCalls_andSaysWhenNothingRanYet() throws Exception {
    StringWriter before = new StringWriter();
    CommandLine empty = new CommandLine(new StatusCommand());
    empty.setErr(new PrintWriter(before, true));
    assertThat(empty.execute("--data", data.toString())).isEqualTo(ExitCodes.CONFIG);
    assertThat(before.toString()).contains("No crawl has run in");
    Map<String, String> env = simulatorEnvironment(account().build());
    crawl(env);
    crawl(env, "--mode", "incremental");
    StringWriter status = new StringWriter();
    CommandLine cli = new CommandLine(new StatusCommand());
    cli.setOut(new PrintWriter(status, true));

    int code = cli.execute("--data", data.toString());

    assertThat(code).isEqualTo(ExitCodes.OK);
    List<String> lines = status.toString().lines().toList();
    assertThat(lines.get(1)).startsWith("2 ").contains("incremental").contains("complete");
    assertThat(lines.get(2)).startsWith("1 ").contains("full").contains("complete");
    assertThat(lines).anyMatch(line -> line.endsWith("documents indexed."));
    assertThat(lines)
        .contains(
            "The last incremental crawl learnt of changes by polling, because the webhook endpoint"
                + " was never validated by Zoom (serve needs ZOOM_WEBHOOK_SECRET and an event"
                + " subscription).");
    assertThat(lines.get(lines.size() - 1))
        .startsWith("Until the next full crawl, a polling incremental crawl cannot see:")
        .contains("summary look-back");
  }

  @Test
  void crawl_wrongSecret_exits4WithOneSentenceAndNoIndex() throws Exception {
    Map<String, String> env = simulatorEnvironment(account().build());
    env.put("ZOOM_CLIENT_SECRET", "not-the-secret");

    int code = crawl(env);

    assertThat(code).isEqualTo(ExitCodes.AUTH);
    assertThat(err.toString().strip().lines()).hasSize(1);
    assertThat(err.toString()).contains("client").doesNotContain("not-the-secret");
    assertThat(Files.exists(data.resolve("index"))).isFalse();
  }

  @Test
  void crawl_missingScope_exits5NamingTheScope() throws Exception {
    Map<String, String> env =
        simulatorEnvironment(
            account().missingScopes(Set.of("meeting:read:list_past_participants:admin")).build());

    int code = crawl(env);

    assertThat(code).isEqualTo(ExitCodes.MISSING_SCOPE);
    assertThat(err.toString()).contains("meeting:read:list_past_participants:admin");
  }

  @Test
  void crawl_listingFailing_exits7AndDeletesNothing() throws Exception {
    Map<String, String> env = simulatorEnvironment(account().build());
    assertThat(crawl(env)).isEqualTo(ExitCodes.OK);
    long before = documents();
    // An unexpected, non-retryable answer to every meeting listing (retry exhaustion on 5xx is the
    // client's own test): the crawl must not read the missing meetings as deleted.
    simulator
        .faults()
        .add(
            new FaultRule(
                "meetings", 1_000, 400, "{\"code\":300,\"message\":\"Unexpected.\"}", Map.of()));

    int code = crawl(env);

    assertThat(code).isEqualTo(ExitCodes.PARTIAL);
    assertThat(out.toString()).contains("Crawl partial").contains("nothing was deleted");
    assertThat(documents()).isEqualTo(before);
  }

  @Test
  void crawl_missingCredentials_exits3WithOneSentence() {
    int code = crawl(Map.of());

    assertThat(code).isEqualTo(ExitCodes.CONFIG);
    assertThat(err.toString().strip().lines()).hasSize(1);
    assertThat(err.toString()).contains("ZOOM_ACCOUNT_ID");
  }

  @Test
  void crawl_malformedSince_exits2LikeEveryBadDate() throws Exception {
    Map<String, String> env = simulatorEnvironment(account().build());

    assertThat(crawl(env, "--since", "last year")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--since must be a date");
  }

  private long documents() throws Exception {
    try (var state = io.zoomdex.sync.StateStore.open(data)) {
      return state.documentCount();
    }
  }

  @Test
  void crawl_sinceInTheFuture_exits2InOneSentence_andTheHistoryHasNoRunningRun() throws Exception {
    Map<String, String> env = simulatorEnvironment(account().build());
    assertThat(crawl(env)).isEqualTo(ExitCodes.OK);
    err.getBuffer().setLength(0);

    int code = crawl(env, "--since", "2030-01-01");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString().strip())
        .isEqualTo(
            "--since 2030-01-01 is in the future; give a day on or before today (2026-11-20,"
                + " UTC).");
    StringWriter status = new StringWriter();
    CommandLine statusCli = new CommandLine(new StatusCommand());
    statusCli.setOut(new PrintWriter(status, true));
    assertThat(statusCli.execute("--data", data.toString())).isEqualTo(ExitCodes.OK);
    assertThat(status.toString()).doesNotContain("running").doesNotContain("resumes");
  }

  @Test
  void progress_beforeTheUsersAreListed_printsNothing() {
    assertThat(CrawlProgress.plainLine(0, 0, 0, 0)).isEmpty();
    assertThat(CrawlProgress.plainLine(2, 6, 40, 1))
        .contains("crawling: 2 of 6 users done, 40 documents, 1 failures");
  }
}
