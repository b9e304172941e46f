package io.zoomdex.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.search.DeactivatedSearchers;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchService;
import io.zoomdex.simulator.MeetingChanges;
import io.zoomdex.simulator.NewInstance;
import io.zoomdex.simulator.SimInstance;
import io.zoomdex.simulator.SimMeeting;
import io.zoomdex.simulator.SimUser;
import io.zoomdex.simulator.SimUserStatus;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.sink.lucene.LuceneSearchService;
import io.zoomdex.sync.StateStore;
import io.zoomdex.sync.SyncReport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incremental crawl after changes in Zoom finds every change a full crawl would (apart from
 * deletions, which wait for the next full crawl), for a fraction of the API calls.
 */
class IncrementalSyncTest {
  private static final Instant NOW = Instant.parse("2026-11-20T09:30:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final LocalDate SINCE = LocalDate.parse("2026-05-20");

  @TempDir Path incremental;
  @TempDir Path reference;

  @Test
  void incrementalCrawl_afterChanges_equalsAFreshFullCrawl_forAFractionOfTheCalls()
      throws Exception {
    try (ZoomSimulator simulator =
        ZoomSimulator.start(SimulatorSettings.builder().seed(31).users(12).start(NOW).build())) {
      SimUser host = simulator.account().user(0);
      SimMeeting listed =
          simulator.account().meetingsOf(host).stream()
              .filter(SimMeeting::listed)
              .findFirst()
              .orElseThrow();
      SimInstance lateSummary =
          simulator
              .mutations()
              .addInstance(
                  listed.id(),
                  new NewInstance(
                      NOW.minus(Duration.ofHours(5)), Duration.ofMinutes(30), 3, false, false));
      SyncReport full = crawl(simulator, incremental, false);
      long fullCalls = simulator.requestLog().total();

      simulator.mutations().addSummary(lateSummary.uuid());
      simulator
          .mutations()
          .updateMeeting(listed.id(), MeetingChanges.none().withAgenda("Renewal pricing review"));
      SimInstance added =
          simulator
              .mutations()
              .addInstance(
                  listed.id(),
                  new NewInstance(
                      NOW.minus(Duration.ofHours(2)), Duration.ofMinutes(45), 4, true, true));
      SimMeeting created =
          simulator
              .mutations()
              .createMeeting(
                  host.email(), "Vendor onboarding", "Contracts", NOW.plus(Duration.ofDays(3)), 30);
      simulator.requestLog().reset();
      SyncReport update = crawl(simulator, incremental, true);
      long incrementalCalls = simulator.requestLog().total();
      crawl(simulator, reference, false);

      assertThat(full.complete()).isTrue();
      assertThat(update.complete()).isTrue();
      assertThat(update.mode()).isEqualTo("incremental");
      Map<String, String> after = ledger(incremental);
      assertThat(after)
          .containsKeys(
              "summary:" + lateSummary.uuid(),
              "past_meeting:" + added.uuid(),
              "summary:" + added.uuid(),
              "transcript:" + added.uuid(),
              "meeting:" + created.id());
      assertThat(after).isEqualTo(ledger(reference));
      assertThat(incrementalCalls).isLessThan(fullCalls / 3);
    }
  }

  @Test
  void deactivatedUser_seesNothingAfterAnIncrementalCrawl_andReactivationNeedsNoFullCrawl()
      throws Exception {
    try (ZoomSimulator simulator =
        ZoomSimulator.start(SimulatorSettings.builder().seed(32).users(10).start(NOW).build())) {
      crawl(simulator, incremental, false);
      SimUser leaving =
          simulator.account().users().stream()
              .filter(u -> u.index() > 0 && u.id() != null)
              .filter(u -> u.status() == SimUserStatus.ACTIVE)
              .findFirst()
              .orElseThrow();
      long before = readable(incremental, leaving.email());
      simulator.mutations().deactivateUser(leaving.id());

      SyncReport afterDeactivation = crawl(simulator, incremental, true);
      long whileDeactivated = readable(incremental, leaving.email());
      simulator.mutations().activateUser(leaving.id());
      SyncReport afterReactivation = crawl(simulator, incremental, true);
      crawl(simulator, reference, false);

      assertThat(before).isPositive();
      assertThat(afterDeactivation.mode()).isEqualTo("incremental");
      assertThat(whileDeactivated).isZero();
      // Polling saw the reactivation: the ledger gives them their documents back.
      assertThat(afterReactivation.mode()).isEqualTo("incremental");
      assertThat(afterReactivation.complete()).isTrue();
      assertThat(ledger(incremental)).isEqualTo(ledger(reference));
      assertThat(readable(incremental, leaving.email())).isEqualTo(before);
    }
  }

  /**
   * How many documents a person finds with a match-all search, as `zoomdex search` resolves them.
   */
  private static long readable(Path data, String person) throws Exception {
    try (StateStore state = StateStore.open(data);
        SearchService search =
            new DeactivatedSearchers(
                LuceneSearchService.openReadOnly(data.resolve("index")), state::deactivatedUsers)) {
      return search.search(SearchRequest.of(person, "").withPage(1, 0)).total();
    }
  }

  private static SyncReport crawl(ZoomSimulator simulator, Path data, boolean incremental)
      throws Exception {
    return SimulatorCrawls.crawl(simulator, data, CLOCK, SINCE, incremental);
  }

  private static Map<String, String> ledger(Path data) {
    return SimulatorCrawls.ledger(data);
  }
}
