package io.zoomdex.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.simulator.MeetingChanges;
import io.zoomdex.simulator.NewInstance;
import io.zoomdex.simulator.SimInstance;
import io.zoomdex.simulator.SimMeeting;
import io.zoomdex.simulator.SimUser;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.sink.lucene.LuceneIndexSink;
import io.zoomdex.source.CrawlStats;
import io.zoomdex.source.DocumentMapper;
import io.zoomdex.source.ZoomCrawler;
import io.zoomdex.sync.ApiUsage;
import io.zoomdex.sync.StateStore;
import io.zoomdex.sync.SyncEngine;
import io.zoomdex.sync.SyncReport;
import io.zoomdex.zoom.ZoomClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A polling incremental crawl at the API's floor: it lists every host's meetings, webinars (with
 * their panelists) and recordings, and reads a series' details and instances only when its listing
 * item changed, yet ends with the ledger a fresh full crawl would write.
 */
class PollingFloorTest {
  private static final Instant NOW = Instant.parse("2026-11-20T09:30:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final LocalDate SINCE = LocalDate.parse("2026-05-20");

  @TempDir Path incremental;
  @TempDir Path reference;

  @Test
  void pollingIncremental_readsOnlyChangedSeries_andEqualsAFreshFullCrawl() throws Exception {
    try (ZoomSimulator simulator =
        ZoomSimulator.start(SimulatorSettings.builder().seed(31).users(12).start(NOW).build())) {
      SimUser host = simulator.account().user(0);
      List<SimMeeting> listed =
          simulator.account().meetingsOf(host).stream().filter(SimMeeting::listed).toList();
      SimMeeting renamed = listed.get(0);
      SimMeeting ended = listed.get(1);
      crawl(simulator, incremental, false, null);
      long listedSeries = simulator.requestLog().calls("meeting");

      simulator
          .mutations()
          .updateMeeting(
              renamed.id(), MeetingChanges.none().withTopic("Zanzibar").withAgenda("Renewals"));
      SimInstance added =
          simulator
              .mutations()
              .addInstance(
                  ended.id(),
                  new NewInstance(
                      NOW.minus(Duration.ofHours(2)), Duration.ofMinutes(45), 4, true, true));
      SimMeeting created =
          simulator
              .mutations()
              .createMeeting(
                  host.email(), "Vendor onboarding", "Contracts", NOW.plus(Duration.ofDays(3)), 30);
      simulator.requestLog().reset();
      // No summary look-back: the simulated account's meetings have instances on the day before,
      // and a look-back re-reads those series (their cost is the look-back's, measured apart).
      SyncReport update = crawl(simulator, incremental, true, Duration.ZERO);
      Map<String, Long> calls = simulator.requestLog().callsByOperation();
      crawl(simulator, reference, false, null);

      assertThat(update.complete()).isTrue();
      assertThat(update.path()).isEqualTo("polling");
      assertThat(update.pathReason()).contains("never validated");
      assertThat(SimulatorCrawls.ledger(incremental))
          .containsKeys(
              "meeting:" + created.id(),
              "past_meeting:" + added.uuid(),
              "summary:" + added.uuid(),
              "transcript:" + added.uuid())
          .isEqualTo(SimulatorCrawls.ledger(reference));
      // Only the three changed series were read: the renamed, the one with a new instance and
      // the created one; every other series was left be on its listing.
      assertThat(listedSeries).isGreaterThan(10);
      assertThat(calls.getOrDefault("meeting", 0L)).isEqualTo(3);
      assertThat(calls.getOrDefault("pastMeetings", 0L)).isEqualTo(3);
      assertThat(calls.getOrDefault("webinar", 0L)).isZero();
      assertThat(calls.getOrDefault("pastWebinars", 0L)).isZero();
    }
  }

  @Test
  void refusedWebinarListings_areNotAskedAgainUntilTheNextFullCrawl() throws Exception {
    try (ZoomSimulator simulator =
        ZoomSimulator.start(SimulatorSettings.builder().seed(35).users(12).start(NOW).build())) {
      List<SimUser> hosts =
          simulator.account().users().stream().filter(u -> u.id() != null).toList();
      long licensed = hosts.stream().filter(SimUser::webinarLicence).count();
      assertThat(licensed).as("some hosts have a webinar plan, some not").isBetween(1L, 11L);
      crawl(simulator, incremental, false, null);

      simulator.requestLog().reset();
      SyncReport update = crawl(simulator, incremental, true, null);
      long askedByIncremental = simulator.requestLog().calls("webinars");
      simulator.requestLog().reset();
      crawl(simulator, incremental, false, null);
      long askedByFull = simulator.requestLog().calls("webinars");

      assertThat(askedByIncremental).isEqualTo(licensed);
      assertThat(update.skipped())
          .containsEntry("refused before, not asked again", hosts.size() - licensed);
      assertThat(askedByFull).isEqualTo(hosts.size());
    }
  }

  @Test
  void lateSummary_isFoundWithinTheLookBack_andMissedBeyondIt() throws Exception {
    try (ZoomSimulator simulator =
        ZoomSimulator.start(SimulatorSettings.builder().seed(33).users(8).start(NOW).build())) {
      SimMeeting meeting =
          simulator.account().meetingsOf(simulator.account().user(0)).stream()
              .filter(SimMeeting::listed)
              .findFirst()
              .orElseThrow();
      SimInstance threeDaysOld =
          simulator
              .mutations()
              .addInstance(
                  meeting.id(),
                  new NewInstance(
                      NOW.minus(Duration.ofDays(3)), Duration.ofMinutes(30), 3, false, false));
      crawl(simulator, incremental, false, null);
      crawl(simulator, reference, false, null);
      simulator.mutations().addSummary(threeDaysOld.uuid());
      String summary = "summary:" + threeDaysOld.uuid();

      crawl(simulator, incremental, true, Duration.ofDays(1));
      assertThat(SimulatorCrawls.ledger(incremental)).doesNotContainKey(summary);
      crawl(simulator, reference, true, Duration.ofDays(4));
      assertThat(SimulatorCrawls.ledger(reference)).containsKey(summary);
    }
  }

  private static SyncReport crawl(
      ZoomSimulator simulator, Path data, boolean incremental, Duration summaryLookBack)
      throws Exception {
    if (summaryLookBack == null) {
      return SimulatorCrawls.crawl(simulator, data, CLOCK, SINCE, incremental);
    }
    try (LuceneIndexSink sink = LuceneIndexSink.open(data.resolve("index"));
        StateStore state = StateStore.open(data)) {
      var settings = SimulatorCrawls.settings(simulator);
      ZoomCrawler crawler =
          new ZoomCrawler(
              ZoomClient.create(settings), new DocumentMapper(settings.oauthUrl().toString()), 4);
      SyncEngine engine =
          new SyncEngine(crawler, sink, state, CLOCK, 50, () -> ApiUsage.NONE)
              .summaryLookBack(summaryLookBack);
      return incremental
          ? engine.incrementalCrawl(SINCE, new CrawlStats())
          : engine.fullCrawl(SINCE, new CrawlStats());
    }
  }
}
