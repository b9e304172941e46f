package io.zoomdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.config.ZoomSettings;
import io.zoomdex.e2e.SimulatorCrawls;
import io.zoomdex.simulator.FaultRule;
import io.zoomdex.simulator.RateLimits;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.sink.IndexSink;
import io.zoomdex.sink.SinkException;
import io.zoomdex.sink.lucene.LuceneIndexSink;
import io.zoomdex.source.CrawlStats;
import io.zoomdex.source.DocumentMapper;
import io.zoomdex.source.ZoomCrawler;
import io.zoomdex.sync.ApiUsage;
import io.zoomdex.sync.StateStore;
import io.zoomdex.sync.StorageException;
import io.zoomdex.sync.SyncEngine;
import io.zoomdex.sync.SyncReport;
import io.zoomdex.zoom.ZoomClient;
import io.zoomdex.zoom.ZoomException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fault of the reliability suite at the level of a whole crawl, wired as {@code zoomdex
 * crawl} wires it (same exit codes and report text), against the simulator's fault injection. Each
 * test follows the same four steps: a clean crawl makes the previous index; the account changes;
 * the faulted crawl either completes or stops with a clear report and a non-zero exit, keeping the
 * previous index and deleting nothing after an incomplete listing; the next, fault-free run
 * completes and its index equals a clean crawl of the same account.
 *
 * <p>The Zoom client here sleeps on an {@link AdvancingTime}, so long {@code Retry-After} waits and
 * retry backoffs cost no wall-clock time.
 */
class CrawlFaultsTest {
  private static final Instant NOW = Instant.parse("2026-11-20T09:30:00Z");
  private static final LocalDate SINCE = LocalDate.parse("2026-06-20");

  @TempDir Path work;
  private ZoomSimulator simulator;

  @AfterEach
  void stop() {
    if (simulator != null) {
      simulator.close();
    }
  }

  // ------------------------------------------------------------------ faults the crawl survives

  @Test
  void serverErrorBurst_isRetried_andTheCrawlCompletes() throws Exception {
    Scenario s = prepare(account());
    simulator.faults().add(FaultRule.serverError(null, 5, 503));
    simulator.faults().add(FaultRule.serverError("meetings", 3, 500));

    Run faulted = crawl(s.data());

    assertThat(faulted.exitCode()).as(faulted.output()).isEqualTo(ExitCodes.OK);
    assertThat(simulator.requestLog().responses(503)).isEqualTo(5);
    assertThat(faulted.stats().retries()).isGreaterThanOrEqualTo(8);
    s.nextRunEqualsCleanCrawl();
  }

  @Test
  void latencySpikeBeyondTheRequestTimeout_isRetried_andTheCrawlCompletes() throws Exception {
    Scenario s = prepare(account());
    simulator.faults().setLatency(Duration.ofMillis(1_500));
    AtomicInteger sleeps = new AtomicInteger();
    // The spike ends after the third retry wait: the first requests timed out, the rest do not.
    Run faulted =
        crawl(
            s.data(),
            settings -> settings.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500)),
            time ->
                time.onSleep(
                    () -> {
                      if (sleeps.incrementAndGet() == 3) {
                        simulator.faults().setLatency(Duration.ZERO);
                      }
                    }),
            UnaryOperator.identity());

    assertThat(faulted.exitCode()).as(faulted.output()).isEqualTo(ExitCodes.OK);
    assertThat(sleeps.get()).isGreaterThanOrEqualTo(3);
    s.nextRunEqualsCleanCrawl();
  }

  @Test
  void connectionsDroppedMidBody_areRetried_andTheCrawlCompletes() throws Exception {
    Scenario s = prepare(account());
    simulator.faults().setDropConnectionRate(0.05);

    Run faulted = crawl(s.data());

    assertThat(faulted.exitCode()).as(faulted.output()).isEqualTo(ExitCodes.OK);
    assertThat(faulted.stats().retries()).isPositive();
    s.nextRunEqualsCleanCrawl();
  }

  @Test
  void truncatedJsonBodies_areRetried_andTheCrawlCompletes() throws Exception {
    Scenario s = prepare(account());
    simulator.faults().setMalformedBodyRate(0.1);

    Run faulted = crawl(s.data());

    assertThat(faulted.exitCode()).as(faulted.output()).isEqualTo(ExitCodes.OK);
    assertThat(faulted.stats().retries()).isPositive();
    s.nextRunEqualsCleanCrawl();
  }

  @Test
  void tokenRevokedMidCrawl_isRenewed_andTheCrawlCompletes() throws Exception {
    Scenario s = prepare(account());

    Run faulted =
        crawl(
            s.data(),
            UnaryOperator.identity(),
            time -> {},
            sink -> InterceptedSink.actingAfter(sink, 5, simulator::revokeAllTokens));

    assertThat(faulted.exitCode()).as(faulted.output()).isEqualTo(ExitCodes.OK);
    assertThat(simulator.requestLog().responses(401)).isPositive();
    assertThat(faulted.stats().tokenRequests()).isGreaterThanOrEqualTo(2);
    s.nextRunEqualsCleanCrawl();
  }

  @Test
  void pageTokenExpiredMidListing_restartsTheListing_andTheCrawlCompletes() throws Exception {
    // Instances with more than one page (300) of participants, so listings have a second page.
    Scenario s =
        prepare(
            SimulatorSettings.builder()
                .seed(31)
                .users(3)
                .meetingsPerUser(1)
                .webinarsPerUser(0)
                .instancesPerMeeting(2)
                .participantsPerInstance(450)
                .start(NOW)
                .build());
    simulator.faults().add(FaultRule.expiredPageToken("pastMeetingParticipants", 1));

    Run faulted = crawl(s.data());

    assertThat(faulted.exitCode()).as(faulted.output()).isEqualTo(ExitCodes.OK);
    assertThat(simulator.faults().pendingRuleAnswers()).isZero();
    assertThat(faulted.stats().listingRestarts()).isEqualTo(1);
    s.nextRunEqualsCleanCrawl();
  }

  @Test
  void tooManyRequestsStorm_retryAfterInSeconds_waitsThatLong_andTheCrawlCompletes()
      throws Exception {
    Scenario s = prepare(account());
    simulator.faults().add(FaultRule.qpsTooManyRequests(null, 8, 3));

    Run faulted = crawl(s.data());

    assertThat(faulted.exitCode()).as(faulted.output()).isEqualTo(ExitCodes.OK);
    assertThat(faulted.stats().rateLimited()).isEqualTo(8);
    assertThat(faulted.time().waits()).contains(Duration.ofSeconds(3));
    s.nextRunEqualsCleanCrawl();
  }

  @Test
  void tooManyRequestsStorm_retryAfterAsADate_waitsUntilThen_andTheCrawlCompletes()
      throws Exception {
    Scenario s = prepare(account());
    String inTwoMinutes =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.ofInstant(NOW.plusSeconds(120), ZoneOffset.UTC));
    simulator
        .faults()
        .add(
            new FaultRule(
                null,
                8,
                429,
                "{\"code\":429,\"message\":\"Too many requests.\"}",
                Map.of("Retry-After", inTwoMinutes)));

    Run faulted = crawl(s.data());

    assertThat(faulted.exitCode()).as(faulted.output()).isEqualTo(ExitCodes.OK);
    assertThat(faulted.stats().rateLimited()).isEqualTo(8);
    assertThat(faulted.time().instant()).isAfterOrEqualTo(NOW.plusSeconds(120));
    s.nextRunEqualsCleanCrawl();
  }

  // ------------------------------------------------------------------ faults that stop the crawl

  @Test
  void serverErrorsBeyondTheRetryBudget_stopWithAPartialReport_andDeleteNothing() throws Exception {
    Scenario s = prepare(account());
    simulator.faults().add(FaultRule.serverError("meetings", 10_000, 502));

    Run faulted = crawl(s.data());

    s.stoppedCleanly(faulted, ExitCodes.PARTIAL, "Crawl partial", "nothing was deleted");
    s.nextRunEqualsCleanCrawl();
  }

  @Test
  void tooManyRequestsStormBeyondTheRetryBudget_stopsWithAClearReport_andDeletesNothing()
      throws Exception {
    Scenario s = prepare(account());
    simulator.faults().add(FaultRule.qpsTooManyRequests("meetings", 10_000, 1));

    Run faulted = crawl(s.data());

    s.stoppedCleanly(faulted, ExitCodes.PARTIAL, "too many requests");
    s.nextRunEqualsCleanCrawl();
  }

  @Test
  void freePlanDailyCapReached_stopsNamingTheResetTime_andTheNextDayCompletes() throws Exception {
    // The Free plan's daily caps, scaled to this small account: one and a half crawls' worth.
    long light;
    long medium;
    try (ZoomSimulator measure = ZoomSimulator.start(account())) {
      assertThat(crawl(measure, work.resolve("measure")).exitCode()).isZero();
      light = measure.requestLog().calls(io.zoomdex.simulator.RateLabel.LIGHT);
      medium = measure.requestLog().calls(io.zoomdex.simulator.RateLabel.MEDIUM);
    }
    SimulatorSettings capped =
        account().withRates(new RateLimits(0, (int) (light * 3 / 2), 0, (int) (medium * 3 / 2)));
    Scenario s = prepare(capped, false);

    Run faulted = crawl(s.data());

    s.stoppedCleanly(faulted, ExitCodes.PARTIAL, "is used up until", "run again after");
    // The next day brings a new allowance: the next run and the clean crawl each get a fresh day.
    simulator.clock().advance(Duration.ofDays(1));
    s.nextRunEqualsCleanCrawl(() -> simulator.clock().advance(Duration.ofDays(1)));
  }

  @Test
  void indexDirectoryUnwritableMidCrawl_stopsWithExit8_andThePreviousIndexStaysIntact()
      throws Exception {
    Scenario s = prepare(account());

    Run faulted =
        crawl(
            s.data(),
            UnaryOperator.identity(),
            time -> {},
            sink -> InterceptedSink.failingFromCommit(sink, 2));

    s.stoppedCleanly(faulted, ExitCodes.STORAGE, "could not be written");
    s.nextRunEqualsCleanCrawl();
  }

  // ------------------------------------------------------------------ the four-step fixture

  private static SimulatorSettings account() {
    return account(SimulatorSettings.builder()).build();
  }

  private static SimulatorSettings.Builder account(SimulatorSettings.Builder builder) {
    return builder.seed(31).users(5).meetingsPerUser(2).instancesPerMeeting(3).start(NOW);
  }

  /** Step 1 and 2: the previous index from a clean crawl, then the account changes. */
  private Scenario prepare(SimulatorSettings settings) throws Exception {
    return prepare(settings, true);
  }

  /**
   * @param change whether the account changes after the first crawl (so the faulted run has writes
   *     and deletions to make)
   */
  private Scenario prepare(SimulatorSettings settings, boolean change) throws Exception {
    simulator = ZoomSimulator.start(settings);
    Path data = work.resolve("data");
    Run previous = crawl(data);
    assertThat(previous.exitCode()).as("the clean first crawl: %s", previous.output()).isZero();
    Map<String, String> before = SimulatorCrawls.ledger(data);
    if (change) {
      simulator.mutations().changeFraction(0.3, 5);
    }
    return new Scenario(data, before, indexedDocuments(data));
  }

  /** What the next steps check, with the previous index's ledger and document count. */
  private final class Scenario {
    private final Path data;
    private final Map<String, String> previous;
    private final long previousDocuments;

    Scenario(Path data, Map<String, String> previous, long previousDocuments) {
      this.data = data;
      this.previous = previous;
      this.previousDocuments = previousDocuments;
    }

    Path data() {
      return data;
    }

    /**
     * Step 3 for a crawl that could not complete: a non-zero exit with a clear report, every
     * document of the previous index still there (nothing deleted), and the index still opens.
     *
     * @param exitCode the expected exit code, or -1 for any non-zero one
     */
    void stoppedCleanly(Run run, int exitCode, String... sentenceParts) throws Exception {
      if (exitCode >= 0) {
        assertThat(run.exitCode()).as(run.output()).isEqualTo(exitCode);
      } else {
        assertThat(run.exitCode()).as(run.output()).isNotZero();
      }
      assertThat(run.output()).contains(sentenceParts);
      assertThat(SimulatorCrawls.ledger(data).keySet())
          .as("documents after the stopped crawl")
          .containsAll(previous.keySet());
      assertThat(indexedDocuments(data)).isGreaterThanOrEqualTo(previousDocuments);
      assertThat(run.output()).doesNotContain(simulator.clientSecret());
    }

    void nextRunEqualsCleanCrawl() throws Exception {
      nextRunEqualsCleanCrawl(() -> {});
    }

    /**
     * Step 4: with the faults gone, the next run completes, and its index equals a clean crawl of
     * the same account into an empty directory.
     *
     * @param beforeCleanCrawl run between the two (to give the clean crawl its own daily quota)
     */
    void nextRunEqualsCleanCrawl(Runnable beforeCleanCrawl) throws Exception {
      simulator.faults().clear();
      Run next = crawl(data);
      assertThat(next.exitCode()).as("the next run: %s", next.output()).isZero();

      beforeCleanCrawl.run();
      Path clean = work.resolve("clean");
      Run reference = crawl(simulator, clean);
      assertThat(reference.exitCode()).as(reference.output()).isZero();

      Map<String, String> expected = SimulatorCrawls.ledger(clean);
      assertThat(SimulatorCrawls.ledger(data)).isEqualTo(expected);
      assertThat(indexedDocuments(data)).isEqualTo(expected.size());
    }
  }

  // ------------------------------------------------------------------ one crawl, as the CLI runs
  // it

  /** What the crawl command would print and return, with the client's counters. */
  record Run(
      int exitCode, String output, io.zoomdex.zoom.ZoomCallStats stats, AdvancingTime time) {}

  private Run crawl(Path data) throws Exception {
    return crawl(data, UnaryOperator.identity(), time -> {}, UnaryOperator.identity());
  }

  private static Run crawl(ZoomSimulator target, Path data) throws Exception {
    return crawl(target, data, UnaryOperator.identity(), time -> {}, UnaryOperator.identity());
  }

  private Run crawl(
      Path data,
      UnaryOperator<ZoomSettings> tuning,
      java.util.function.Consumer<AdvancingTime> timeSetup,
      UnaryOperator<IndexSink> sinkWrapper)
      throws Exception {
    return crawl(simulator, data, tuning, timeSetup, sinkWrapper);
  }

  /**
   * One full crawl wired like {@link CrawlJob} (client, crawler, Lucene sink, state, engine), with
   * the exit code and output that {@link CrawlCommand} derives from its result.
   */
  private static Run crawl(
      ZoomSimulator target,
      Path data,
      UnaryOperator<ZoomSettings> tuning,
      java.util.function.Consumer<AdvancingTime> timeSetup,
      UnaryOperator<IndexSink> sinkWrapper)
      throws Exception {
    ZoomSettings settings = tuning.apply(SimulatorCrawls.settings(target));
    AdvancingTime time = new AdvancingTime(NOW);
    timeSetup.accept(time);
    ZoomClient client = new ZoomClient(settings, ZoomClient.newHttpClient(settings), time, time);
    try {
      client.grantedScopes();
      try (StateStore state = StateStore.open(data);
          IndexSink sink = sinkWrapper.apply(LuceneIndexSink.open(data.resolve("index")))) {
        ZoomCrawler crawler =
            new ZoomCrawler(client, new DocumentMapper(settings.oauthUrl().toString()), 4);
        SyncEngine engine =
            new SyncEngine(
                crawler, sink, state, Clock.fixed(NOW, ZoneOffset.UTC), 20, () -> ApiUsage.NONE);
        SyncReport report = engine.fullCrawl(SINCE, new CrawlStats());
        return new Run(
            report.complete() ? ExitCodes.OK : ExitCodes.PARTIAL,
            ReportText.format(report),
            client.stats(),
            time);
      } catch (SinkException e) {
        throw new StorageException(e.getMessage(), e);
      }
    } catch (ZoomException e) {
      return new Run(CrawlCommand.exitCodeOf(e), e.getMessage(), client.stats(), time);
    } catch (StorageException e) {
      return new Run(ExitCodes.STORAGE, e.getMessage(), client.stats(), time);
    }
  }

  private static long indexedDocuments(Path data) throws Exception {
    try (LuceneIndexSink sink = LuceneIndexSink.open(data.resolve("index"))) {
      return sink.documentCount();
    }
  }
}
