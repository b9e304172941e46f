package io.zoomdex.sync;

import io.zoomdex.zoom.ZoomException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, at each {@link #tick()}, whether a crawl is due and runs it: a full crawl when the last
 * one started {@code fullEvery} ago (or never ran), else an incremental one when the last crawl of
 * either mode started {@code incrementalEvery} ago. The run history (kept under --data) is the
 * schedule's memory, so a restart neither repeats nor forgets a crawl. Never two crawls at once: a
 * tick while a crawl runs does nothing, and a crawl another process (or the webhook worker) is
 * writing makes the tick skip with a logged reason and try again at the next tick. After each
 * crawl, runs older than the history window are pruned.
 */
public final class CrawlScheduler {
  private static final Logger log = LoggerFactory.getLogger(CrawlScheduler.class);

  /** How long the crawl history is kept (like ServiceNow's 30-day crawl history). */
  public static final Duration HISTORY = Duration.ofDays(30);

  /** Runs kept whatever their age, so a rarely crawled account still shows its last runs. */
  public static final int RUNS_ALWAYS_KEPT = 20;

  /** How long handled webhook events are kept (Zoom redelivers for about 85 minutes). */
  static final Duration WEBHOOK_EVENTS_KEPT = Duration.ofDays(7);

  /** Runs one crawl. */
  @FunctionalInterface
  public interface Crawl {
    /**
     * Runs a crawl to its end, on the calling thread.
     *
     * @param incremental whether it is the incremental kind
     * @throws WriterBusyException when another writer holds the data directory
     * @throws ZoomException when Zoom refuses the crawl
     * @throws StorageException when the index or state cannot be written
     */
    SyncReport run(boolean incremental);
  }

  /**
   * How often each kind of crawl runs.
   *
   * @param incrementalEvery between incremental crawls, or null for none
   * @param fullEvery between full crawls, or null for none
   */
  public record Schedule(Duration incrementalEvery, Duration fullEvery) {
    public Schedule {
      if (incrementalEvery == null && fullEvery == null) {
        throw new IllegalArgumentException("A schedule needs at least one interval.");
      }
      for (Duration d : new Duration[] {incrementalEvery, fullEvery}) {
        if (d != null && d.compareTo(Duration.ofMinutes(1)) < 0) {
          throw new IllegalArgumentException("A crawl interval must be at least one minute.");
        }
      }
    }
  }

  /** What a tick did. */
  public enum Outcome {
    /** Nothing was due. */
    IDLE,
    /** A full crawl ran. */
    RAN_FULL,
    /** An incremental crawl ran. */
    RAN_INCREMENTAL,
    /** A crawl was due but another crawl was running; the next tick tries again. */
    BUSY,
    /** The crawl failed; the next attempt waits a pause. */
    FAILED
  }

  private final Schedule schedule;
  private final StateStore state;
  private final Clock clock;
  private final Crawl crawl;
  private final Duration pauseAfterFailure;
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile Instant notBefore = Instant.MIN;

  /**
   * @param state the run history the schedule is read from and pruned in
   * @param pauseAfterFailure how long to wait after a failed crawl before trying again
   */
  public CrawlScheduler(
      Schedule schedule, StateStore state, Clock clock, Crawl crawl, Duration pauseAfterFailure) {
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.state = state;
    this.clock = clock;
    this.crawl = crawl;
    this.pauseAfterFailure = pauseAfterFailure;
  }

  /**
   * Runs the crawl that is due, if any, on the calling thread; returns at once when another tick is
   * running one.
   */
  public Outcome tick() {
    if (!running.compareAndSet(false, true)) {
      log.debug("A scheduled crawl is still running; this tick does nothing");
      return Outcome.BUSY;
    }
    try {
      Instant now = clock.instant();
      if (now.isBefore(notBefore)) {
        return Outcome.IDLE;
      }
      Optional<Boolean> due = due(now);
      if (due.isEmpty()) {
        return Outcome.IDLE;
      }
      boolean incremental = due.get();
      String mode = incremental ? "incremental" : "full";
      try {
        SyncReport report = crawl.run(incremental);
        log.info(
            "Scheduled {} crawl finished {} ({} written, {} deleted)",
            report.mode(),
            report.outcome(),
            report.added() + report.updated(),
            report.deleted());
      } catch (WriterBusyException e) {
        log.info("Scheduled {} crawl skipped: {}", mode, e.getMessage());
        return Outcome.BUSY;
      } catch (ZoomException | StorageException e) {
        log.warn(
            "Scheduled {} crawl failed: {} Trying again in {}.",
            mode,
            e.getMessage(),
            pauseAfterFailure);
        notBefore = clock.instant().plus(pauseAfterFailure);
        return Outcome.FAILED;
      } finally {
        prune(clock.instant());
      }
      return incremental ? Outcome.RAN_INCREMENTAL : Outcome.RAN_FULL;
    } finally {
      running.set(false);
    }
  }

  /** {@link #tick()} for a timer: an unexpected failure is logged instead of ending the timer. */
  public void tickLoggingFailures() {
    try {
      tick();
    } catch (RuntimeException e) {
      log.error("The crawl scheduler failed unexpectedly; it tries again at the next tick", e);
    }
  }

  /** Empty when nothing is due; else whether the due crawl is incremental. */
  private Optional<Boolean> due(Instant now) {
    Optional<Instant> lastFull = state.lastStarted("full");
    if (schedule.fullEvery() != null
        && (lastFull.isEmpty() || !lastFull.get().plus(schedule.fullEvery()).isAfter(now))) {
      return Optional.of(false);
    }
    if (schedule.incrementalEvery() == null) {
      return Optional.empty();
    }
    Optional<Instant> lastIncremental = state.lastStarted("incremental");
    Optional<Instant> lastAny =
        Stream.of(lastFull, lastIncremental)
            .flatMap(Optional::stream)
            .max(Comparator.naturalOrder());
    if (lastAny.isEmpty() || !lastAny.get().plus(schedule.incrementalEvery()).isAfter(now)) {
      return Optional.of(true);
    }
    return Optional.empty();
  }

  private void prune(Instant now) {
    try {
      int runs = state.pruneRuns(now.minus(HISTORY), RUNS_ALWAYS_KEPT);
      state.pruneWebhookEvents(now.minus(WEBHOOK_EVENTS_KEPT));
      if (runs > 0) {
        log.info("Forgot {} crawl runs older than {} days", runs, HISTORY.toDays());
      }
    } catch (StorageException e) {
      log.warn("Could not prune the crawl history: {}", e.getMessage());
    }
  }
}
