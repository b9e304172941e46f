package io.zoomdex.webhook;

import io.zoomdex.document.DocumentId;
import io.zoomdex.source.Targets;
import io.zoomdex.sync.StateStore;
import io.zoomdex.sync.StateStore.WebhookEvent;
import io.zoomdex.sync.SyncEngine.TargetedReport;
import io.zoomdex.sync.WriterBusyException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns recorded webhook events into index changes, on one thread, in the order received. Users who
 * were deactivated or deleted lose access at once (no lock needed); re-reads and deletions need the
 * data directory's writer lock: while a crawl holds it, the events stay pending and the worker
 * tries again after a pause. Events are marked done only after the index and ledger took their
 * changes, so a crash or restart processes them again (re-reading is idempotent). A batch that
 * keeps failing is given up after a few tries and leaves the next crawl to be a full one.
 */
public final class WebhookWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);
  private static final int BATCH = 500;
  private static final int ATTEMPTS = 5;

  /** Writes what a batch of events asks for, under the writer lock. */
  @FunctionalInterface
  public interface IndexWriter {
    /**
     * Re-reads {@code targets} from Zoom and deletes {@code deletions} from the index.
     *
     * @return what was done; failures listed there make the worker try the batch again later
     * @throws WriterBusyException when another writer holds the lock (tried again later)
     * @throws RuntimeException any other failure (Zoom, storage): tried again later
     */
    TargetedReport write(Targets targets, Set<DocumentId> deletions);
  }

  private final StateStore state;
  private final WebhookQueue queue;
  private final IndexWriter writer;
  private final Clock clock;
  private final Duration retryAfter;
  private final ScheduledThreadPoolExecutor thread;
  private final AtomicBoolean queued = new AtomicBoolean();
  private volatile boolean stopping;
  private int failedAttempts;

  /**
   * @param retryAfter how long to wait before trying again when the lock is held or a batch failed
   */
  public WebhookWorker(StateStore state, IndexWriter writer, Clock clock, Duration retryAfter) {
    this(state, new StateStoreWebhookQueue(state), writer, clock, retryAfter);
  }

  /**
   * A worker taking its events from {@code queue} (e.g. one shared by every replica), keeping the
   * rest of its state in {@code state}.
   */
  public WebhookWorker(
      StateStore state, WebhookQueue queue, IndexWriter writer, Clock clock, Duration retryAfter) {
    this.state = state;
    this.queue = queue;
    this.writer = writer;
    this.clock = clock;
    this.retryAfter = retryAfter;
    this.thread =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "zoomdex-webhook-worker");
              t.setDaemon(true);
              return t;
            });
    // On close, retries scheduled for later are dropped: the events stay queued for the next run.
    thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /** Processes whatever is pending now (events a previous process acknowledged, too). */
  public void start() {
    wake();
  }

  /** Asks the worker to look for pending events soon; never blocks. */
  public void wake() {
    if (queued.compareAndSet(false, true)) {
      try {
        thread.execute(this::drain);
      } catch (RejectedExecutionException closed) {
        queued.set(false);
      }
    }
  }

  // wake() never throws, so the scheduled future holds nothing worth reading.
  @SuppressWarnings("FutureReturnValueIgnored")
  private void retryLater() {
    try {
      thread.schedule(this::wake, retryAfter.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      // Stopping: the events stay pending for the next start.
    }
  }

  private void drain() {
    queued.set(false);
    try {
      while (!stopping && drainBatch()) {
        // until nothing is pending, the lock is busy, a batch failed, or the worker is stopping
      }
    } catch (RuntimeException e) {
      log.error("The webhook worker failed unexpectedly; retrying later", e);
      retryLater();
    }
  }

  /** Processes one batch; whether to go on with the next. */
  private boolean drainBatch() {
    List<WebhookEvent> events;
    try {
      events = queue.claim(BATCH);
    } catch (WriterBusyException e) {
      log.debug("Webhook events wait: {}", e.getMessage());
      retryLater();
      return false;
    }
    if (events.isEmpty()) {
      return false;
    }
    EventPlan plan = EventPlan.of(events);
    state.addDeactivatedUsers(plan.deactivated());
    state.addDeactivatedUsers(plan.oldEmails());
    state.removeDeactivatedUsers(plan.reactivated());
    if (plan.fullCrawlNeeded()) {
      state.requestFullCrawl();
    }
    state.requestUserCrawls(plan.newUsers());
    state.recordHostsEnded(plan.endedHosts(), events.get(events.size() - 1).received());
    List<Long> sequences = events.stream().map(WebhookEvent::sequence).toList();
    // A batch tried again records them again: applying a reader change twice changes nothing.
    state.requestReaderChanges(plan.readerChanges());
    if (plan.writes()) {
      TargetedReport report;
      try {
        report = writer.write(plan.targets(), plan.deletions());
      } catch (WriterBusyException e) {
        log.info(
            "{} webhook events wait: another crawl is writing; trying again in {}",
            events.size(),
            retryAfter);
        retryLater();
        return false;
      } catch (RuntimeException e) {
        return failed(events, e.getMessage());
      }
      if (!report.failures().isEmpty()) {
        return failed(events, report.failures().get(0));
      }
      log.info(
          "Webhook events {}..{}: {} documents written, {} unchanged, {} deleted",
          sequences.get(0),
          sequences.get(sequences.size() - 1),
          report.written(),
          report.unchanged(),
          report.deleted());
    }
    failedAttempts = 0;
    queue.finish(events, "done", clock.instant());
    return true;
  }

  private boolean failed(List<WebhookEvent> events, String problem) {
    failedAttempts++;
    if (failedAttempts < ATTEMPTS) {
      log.warn(
          "Webhook events could not be processed ({}); try {} of {} in {}",
          problem,
          failedAttempts,
          ATTEMPTS,
          retryAfter);
      retryLater();
      return false;
    }
    log.error(
        "Giving up {} webhook events after {} tries ({}); the next crawl will be a full one",
        events.size(),
        ATTEMPTS,
        problem);
    failedAttempts = 0;
    state.requestFullCrawl();
    queue.finish(events, "failed", clock.instant());
    return true;
  }

  /**
   * Stops the thread: the batch being processed may finish (for at most {@link #STOP_GRACE}, then
   * it is interrupted); unprocessed events stay pending for the next start (or the next writer).
   */
  @Override
  public void close() {
    stopping = true;
    thread.shutdown();
    try {
      if (!thread.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        thread.shutdownNow();
        thread.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** How long {@link #close()} lets the current batch finish before interrupting it. */
  public static final Duration STOP_GRACE = Duration.ofSeconds(10);
}
