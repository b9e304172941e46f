package io.zoomdex.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook receiver's health decides an incremental crawl's path, with its reason. */
class SyncPathTest {
  private static final Instant NOW = Instant.parse("2026-11-20T09:30:00Z");
  private static final Instant LAST_FULL = NOW.minus(Duration.ofHours(3));

  @TempDir Path data;

  @Test
  void neverValidated_polls() {
    try (StateStore state = StateStore.open(data)) {
      SyncPath path = SyncPath.choose(state, NOW, LAST_FULL);

      assertThat(path.events()).isFalse();
      assertThat(path.name()).isEqualTo("polling");
      assertThat(path.reason()).contains("never validated");
    }
  }

  @Test
  void validatedRecently_withNothingGivenUp_takesEvents() {
    try (StateStore state = StateStore.open(data)) {
      state.mark(SyncPath.VALIDATED, NOW.minus(Duration.ofHours(10)));
      state.recordWebhookEvent("k1", "meeting.updated", "{}", NOW.minus(Duration.ofHours(1)));
      state.finishWebhookEvents(List.of(1L), "done", NOW);

      SyncPath path = SyncPath.choose(state, NOW, LAST_FULL);

      assertThat(path.events()).isTrue();
      assertThat(path.name()).isEqualTo("webhooks");
      assertThat(path.reason()).contains("healthy").contains("1 event(s)");
    }
  }

  @Test
  void aGivenUpEventSinceTheLastCompleteCrawl_fallsBackToPolling() {
    try (StateStore state = StateStore.open(data)) {
      state.mark(SyncPath.VALIDATED, NOW.minus(Duration.ofHours(10)));
      state.recordWebhookEvent("k1", "meeting.updated", "{}", NOW.minus(Duration.ofHours(1)));
      state.finishWebhookEvents(List.of(1L), "failed", NOW);

      SyncPath path = SyncPath.choose(state, NOW, LAST_FULL);

      assertThat(path.events()).isFalse();
      assertThat(path.reason()).contains("given up");
    }
  }

  @Test
  void aGivenUpEventBeforeTheLastCompleteCrawl_isForgiven() {
    try (StateStore state = StateStore.open(data)) {
      state.mark(SyncPath.VALIDATED, NOW.minus(Duration.ofHours(10)));
      state.recordWebhookEvent("k1", "meeting.updated", "{}", LAST_FULL.minusSeconds(60));
      state.finishWebhookEvents(List.of(1L), "failed", LAST_FULL.minusSeconds(30));

      assertThat(SyncPath.choose(state, NOW, LAST_FULL).events()).isTrue();
    }
  }

  @Test
  void staleValidation_staleBase_orEventsWaiting_fallBackToPolling() {
    try (StateStore state = StateStore.open(data)) {
      state.mark(SyncPath.VALIDATED, NOW.minus(Duration.ofDays(4)));
      assertThat(SyncPath.choose(state, NOW, LAST_FULL).reason()).contains("72 hours");

      state.mark(SyncPath.VALIDATED, NOW.minus(Duration.ofHours(1)));
      SyncPath staleBase = SyncPath.choose(state, NOW, NOW.minus(Duration.ofDays(2)));
      assertThat(staleBase.events()).isFalse();
      assertThat(staleBase.reason()).contains("26 hours");

      state.recordWebhookEvent("k2", "meeting.updated", "{}", NOW.minus(Duration.ofMinutes(20)));
      SyncPath waiting = SyncPath.choose(state, NOW, LAST_FULL);
      assertThat(waiting.events()).isFalse();
      assertThat(waiting.reason()).contains("waited");
    }
  }
}
