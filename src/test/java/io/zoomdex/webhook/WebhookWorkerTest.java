package io.zoomdex.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.document.DocumentId;
import io.zoomdex.source.Targets;
import io.zoomdex.sync.StateStore;
import io.zoomdex.sync.SyncEngine.TargetedReport;
import io.zoomdex.sync.WriterLock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookWorkerTest {
  @TempDir Path data;

  private StateStore state;

  /** What the fake writer was asked, in order. */
  private final BlockingQueue<Targets> written = new LinkedBlockingQueue<>();

  @BeforeEach
  void open() {
    state = StateStore.open(data);
  }

  @AfterEach
  void close() {
    state.close();
  }

  private void record(String key, String event, String payload) {
    state.recordWebhookEvent(
        key,
        event,
        "{\"event\":\"" + event + "\",\"event_ts\":1,\"payload\":" + payload + "}",
        Instant.EPOCH);
  }

  /** Writes under the real writer lock, as CrawlJob does. */
  private TargetedReport lockedWriter(Targets targets, Set<DocumentId> deletions) {
    try (WriterLock lock = WriterLock.acquire(data)) {
      written.add(targets);
      return new TargetedReport(targets.meetings().size(), 0, deletions.size(), List.of());
    }
  }

  private void awaitNoPending() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!state.pendingWebhookEvents(1).isEmpty()) {
      assertThat(System.nanoTime()).as("events still pending").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  @Test
  void pendingEvents_fromBeforeAStart_areProcessedInOneBatchAndMarkedDone() throws Exception {
    record("a", "meeting.updated", "{\"object\":{\"id\":1}}");
    record("b", "meeting.updated", "{\"object\":{\"id\":2}}");
    record("c", "meeting.updated", "{\"object\":{\"id\":1}}");

    try (WebhookWorker worker =
        new WebhookWorker(state, this::lockedWriter, Clock.systemUTC(), Duration.ofMillis(20))) {
      worker.start();
      Targets targets = written.poll(20, TimeUnit.SECONDS);

      assertThat(targets).isNotNull();
      assertThat(targets.meetings()).containsExactlyInAnyOrder(1L, 2L);
      awaitNoPending();
    }
    assertThat(state.webhookEventCounts()).containsEntry("done", 3L);
    assertThat(written).isEmpty();
  }

  @Test
  void heldWriterLock_keepsEventsPending_untilTheCrawlEnds() throws Exception {
    record("a", "meeting.updated", "{\"object\":{\"id\":1}}");
    try (WebhookWorker worker =
        new WebhookWorker(state, this::lockedWriter, Clock.systemUTC(), Duration.ofMillis(20))) {
      try (WriterLock crawl = WriterLock.acquire(data)) {
        worker.start();
        // The worker retries every 20 ms; while the crawl holds the lock, nothing is written.
        assertThat(written.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(state.pendingWebhookEvents(10)).hasSize(1);
      }
      assertThat(written.poll(20, TimeUnit.SECONDS)).isNotNull();
      awaitNoPending();
    }
    assertThat(state.webhookEventCounts()).containsEntry("done", 1L);
  }

  @Test
  void deactivation_takesEffectEvenWhileACrawlHoldsTheLock() throws Exception {
    record("a", "user.deactivated", "{\"object\":{\"id\":\"u1\",\"email\":\"ann@example.com\"}}");
    try (WebhookWorker worker =
        new WebhookWorker(state, this::lockedWriter, Clock.systemUTC(), Duration.ofMillis(20))) {
      try (WriterLock crawl = WriterLock.acquire(data)) {
        worker.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (state.deactivatedUsers().isEmpty()) {
          assertThat(System.nanoTime()).as("deactivation recorded").isLessThan(deadline);
          Thread.sleep(10);
        }
        assertThat(state.deactivatedUsers()).containsExactly("ann@example.com");
        // Their documents are rebuilt from the ledger once the crawl lets go of the index.
        assertThat(state.pendingWebhookEvents(10)).hasSize(1);
      }
      awaitNoPending();
    }
    assertThat(state.pendingReaderChanges())
        .extracting(StateStore.ReaderChange::kind)
        .contains(StateStore.DEACTIVATED);
  }

  @Test
  void batchThatKeepsFailing_isGivenUpAfterFiveTries_andAsksForAFullCrawl() throws Exception {
    record("a", "meeting.updated", "{\"object\":{\"id\":1}}");
    BlockingQueue<Integer> attempts = new LinkedBlockingQueue<>();
    try (WebhookWorker worker =
        new WebhookWorker(
            state,
            (t, d) -> {
              attempts.add(1);
              return new TargetedReport(0, 0, 0, List.of("meeting 1: HTTP 500"));
            },
            Clock.systemUTC(),
            Duration.ofMillis(5))) {
      worker.start();
      awaitNoPending();
    }
    assertThat(attempts).hasSize(5);
    assertThat(state.webhookEventCounts()).containsEntry("failed", 1L);
    assertThat(state.fullCrawlRequested()).isTrue();
  }
}
