package io.zoomdex.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.sync.CrawlScheduler.Outcome;
import io.zoomdex.sync.CrawlScheduler.Schedule;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrawlSchedulerTest {
  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final Schedule EVERY_15M_FULL_DAILY =
      new Schedule(Duration.ofMinutes(15), Duration.ofHours(24));

  @TempDir Path data;

  private StateStore state;
  private final MutableClock clock = new MutableClock(START);
  private final List<String> ran = new ArrayList<>();

  /** A clock the test moves by hand. */
  private static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @BeforeEach
  void open() {
    state = StateStore.open(data);
  }

  @AfterEach
  void close() {
    state.close();
  }

  /** A crawl that records itself in the history as the engine does, taking no time. */
  private SyncReport fakeCrawl(boolean incremental) {
    String mode = incremental ? "incremental" : "full";
    ran.add(mode);
    long id = state.beginRun(mode, clock.instant());
    SyncReport report =
        new SyncReport(
            id,
            mode,
            SyncReport.COMPLETE,
            clock.instant(),
            Duration.ZERO,
            0,
            0,
            0,
            0,
            Map.of(),
            Map.of(),
            0,
            List.of(),
            ApiUsage.NONE,
            null,
            null);
    state.finishRun(id, clock.instant(), SyncReport.COMPLETE, ReportJson.write(report));
    return report;
  }

  private CrawlScheduler scheduler(Schedule schedule, CrawlScheduler.Crawl crawl) {
    return new CrawlScheduler(schedule, state, clock, crawl, Duration.ofMinutes(5));
  }

  @Test
  void firstTick_runsAFullCrawl_thenIncrementalsEvery15Minutes_andAFullOneDaily() {
    CrawlScheduler scheduler = scheduler(EVERY_15M_FULL_DAILY, this::fakeCrawl);

    assertThat(scheduler.tick()).isEqualTo(Outcome.RAN_FULL);
    for (int minute = 1; minute <= 24 * 60; minute++) {
      clock.advance(Duration.ofMinutes(1));
      scheduler.tick();
    }

    assertThat(ran.get(0)).isEqualTo("full");
    assertThat(ran.subList(1, ran.size() - 1)).hasSize(95).containsOnly("incremental");
    assertThat(ran.get(ran.size() - 1)).isEqualTo("full");
  }

  @Test
  void tickBeforeTheIntervalEnds_runsNothing() {
    CrawlScheduler scheduler = scheduler(EVERY_15M_FULL_DAILY, this::fakeCrawl);
    scheduler.tick();

    clock.advance(Duration.ofMinutes(14));

    assertThat(scheduler.tick()).isEqualTo(Outcome.IDLE);
    assertThat(ran).containsExactly("full");
  }

  @Test
  void scheduleSurvivesARestart_becauseItIsReadFromTheHistory() {
    scheduler(EVERY_15M_FULL_DAILY, this::fakeCrawl).tick();
    clock.advance(Duration.ofMinutes(10));

    CrawlScheduler restarted = scheduler(EVERY_15M_FULL_DAILY, this::fakeCrawl);

    assertThat(restarted.tick()).isEqualTo(Outcome.IDLE);
    clock.advance(Duration.ofMinutes(5));
    assertThat(restarted.tick()).isEqualTo(Outcome.RAN_INCREMENTAL);
  }

  @Test
  void tickWhileACrawlRuns_startsNoSecondCrawl() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CrawlScheduler scheduler =
        scheduler(
            EVERY_15M_FULL_DAILY,
            incremental -> {
              started.countDown();
              try {
                release.await(20, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return fakeCrawl(incremental);
            });
    CompletableFuture<Outcome> first = CompletableFuture.supplyAsync(scheduler::tick);
    assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();

    Outcome second = scheduler.tick();
    release.countDown();

    assertThat(second).isEqualTo(Outcome.BUSY);
    assertThat(first.get(20, TimeUnit.SECONDS)).isEqualTo(Outcome.RAN_FULL);
    assertThat(ran).containsExactly("full");
  }

  @Test
  void crawlOfAnotherProcess_makesTheDueCrawlWait_andTheNextTickRunsIt() {
    CrawlScheduler scheduler =
        scheduler(
            EVERY_15M_FULL_DAILY,
            incremental -> {
              try (WriterLock lock = WriterLock.acquire(data)) {
                return fakeCrawl(incremental);
              }
            });
    Outcome whileLocked;
    try (WriterLock otherCrawl = WriterLock.acquire(data)) {
      whileLocked = scheduler.tick();
    }

    Outcome afterwards = scheduler.tick();

    assertThat(whileLocked).isEqualTo(Outcome.BUSY);
    assertThat(afterwards).isEqualTo(Outcome.RAN_FULL);
    assertThat(ran).containsExactly("full");
  }

  @Test
  void failedCrawl_isRetriedAfterThePause_notAtEveryTick() {
    List<Boolean> attempts = new ArrayList<>();
    CrawlScheduler scheduler =
        scheduler(
            EVERY_15M_FULL_DAILY,
            incremental -> {
              attempts.add(incremental);
              throw new StorageException("disk full", null);
            });

    assertThat(scheduler.tick()).isEqualTo(Outcome.FAILED);
    clock.advance(Duration.ofMinutes(4));
    assertThat(scheduler.tick()).isEqualTo(Outcome.IDLE);
    clock.advance(Duration.ofMinutes(1));
    assertThat(scheduler.tick()).isEqualTo(Outcome.FAILED);
    assertThat(attempts).hasSize(2);
  }

  @Test
  void history_keepsThirtyDays_butAlwaysTheNewestRunsAndTheLastCompleteOne() {
    CrawlScheduler scheduler = scheduler(new Schedule(null, Duration.ofDays(1)), this::fakeCrawl);
    for (int day = 0; day < 60; day++) {
      scheduler.tick();
      clock.advance(Duration.ofDays(1));
    }

    List<StateStore.RunRecord> runs = state.recentRuns(1_000);

    assertThat(ran).hasSize(60);
    assertThat(runs).hasSize(31);
    assertThat(runs.get(runs.size() - 1).started())
        .isAfterOrEqualTo(clock.instant().minus(CrawlScheduler.HISTORY).minus(Duration.ofDays(1)));
  }

  @Test
  void history_keepsTheNewestRunsWhateverTheirAge() {
    CrawlScheduler scheduler = scheduler(new Schedule(null, Duration.ofDays(10)), this::fakeCrawl);
    for (int run = 0; run < 40; run++) {
      scheduler.tick();
      clock.advance(Duration.ofDays(10));
    }

    assertThat(state.recentRuns(1_000)).hasSize(CrawlScheduler.RUNS_ALWAYS_KEPT);
  }
}
