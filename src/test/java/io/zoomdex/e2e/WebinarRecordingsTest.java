package io.zoomdex.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.document.DocumentId;
import io.zoomdex.search.SearchService;
import io.zoomdex.simulator.SimInstance;
import io.zoomdex.simulator.SimRecordingFile;
import io.zoomdex.simulator.SimUser;
import io.zoomdex.simulator.SimUserStatus;
import io.zoomdex.simulator.SimWebinar;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.sink.lucene.LuceneSearchService;
import io.zoomdex.sync.SyncReport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webinar recordings come in the same listing as meeting recordings: their transcripts are indexed
 * with the transcript rule's readers (host and alternative hosts) and are never read as instant
 * meetings.
 */
class WebinarRecordingsTest {
  private static final Instant NOW = Instant.parse("2026-11-20T09:30:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final LocalDate SINCE = LocalDate.parse("2026-01-20");

  @TempDir Path data;

  @Test
  void webinarTranscripts_haveTheHostsAsReaders_andNoPastMeetingCall() throws Exception {
    try (ZoomSimulator simulator =
        ZoomSimulator.start(SimulatorSettings.builder().seed(46).users(24).start(NOW).build())) {
      List<SimInstance> recorded = recordedWebinarInstances(simulator);
      assertThat(recorded).as("recorded webinar instances in the window").hasSizeGreaterThan(1);
      // A deleted webinar keeps its recordings: its transcript is an unlisted one (host only).
      SimInstance ofDeleted =
          recorded.stream()
              .filter(i -> simulator.account().user(i.hostIndex()).status() == SimUserStatus.ACTIVE)
              .findFirst()
              .orElseThrow();
      simulator.mutations().deleteWebinar(ofDeleted.meetingId());
      SimInstance ofListed =
          recorded.stream()
              .filter(i -> i != ofDeleted)
              .filter(i -> simulator.account().user(i.hostIndex()).status() == SimUserStatus.ACTIVE)
              .reduce((first, second) -> second)
              .orElseThrow();
      SimWebinar listed = webinarOf(simulator, ofListed);

      SyncReport report = SimulatorCrawls.crawl(simulator, data, CLOCK, SINCE, false);

      assertThat(report.complete()).isTrue();
      Map<String, String> ledger = SimulatorCrawls.ledger(data);
      for (SimInstance instance : recorded) {
        assertThat(ledger).containsKey("transcript:" + instance.uuid());
        assertThat(simulator.requestLog().paths())
            .as("past-meeting calls for webinar instance %s", instance.uuid())
            .noneMatch(
                path -> path.startsWith("/past_meetings/") && path.contains(instance.uuid()));
      }
      ContractOracle oracle = new ContractOracle(simulator.account(), NOW, SINCE);
      // The oracle knows listed series only; the deleted webinar's transcript is its host's.
      String deletedHost = email(simulator, ofDeleted.hostIndex());
      assertThat(oracle.readers).doesNotContainKey("transcript:" + ofDeleted.uuid());
      oracle.readers.put("transcript:" + ofDeleted.uuid(), java.util.Set.of(deletedHost));
      String host = email(simulator, ofListed.hostIndex());
      assertThat(oracle.readers.get("transcript:" + ofListed.uuid())).contains(host);
      try (SearchService search = LuceneSearchService.openReadOnly(data.resolve("index"))) {
        assertThat(new PermissionAudit(search, oracle, simulator.account()).checkEveryone())
            .isPositive();
        DocumentId deletedTranscript = DocumentId.parse("transcript:" + ofDeleted.uuid());
        assertThat(search.get(deletedHost, deletedTranscript)).isPresent();
        for (String panelist :
            listed.panelists().stream().map(p -> p.email().toLowerCase()).toList()) {
          if (!oracle.readers.get("transcript:" + ofListed.uuid()).contains(panelist)) {
            assertThat(search.get(panelist, DocumentId.parse("transcript:" + ofListed.uuid())))
                .as("panelist %s reading the transcript", panelist)
                .isEmpty();
          }
        }
      }
    }
  }

  /** Recorded webinar instances with a transcript in the crawl's window, the first one's first. */
  private static List<SimInstance> recordedWebinarInstances(ZoomSimulator simulator) {
    List<SimInstance> found = new ArrayList<>();
    for (SimUser user : simulator.account().users()) {
      if (user.id() == null) {
        continue;
      }
      for (SimWebinar webinar : simulator.account().webinarsOf(user)) {
        for (SimInstance instance : simulator.account().instancesOf(webinar)) {
          boolean transcript =
              simulator.account().recordingFiles(instance).stream()
                  .map(SimRecordingFile::fileType)
                  .anyMatch("TRANSCRIPT"::equals);
          if (transcript
              && !LocalDate.ofInstant(instance.startTime(), ZoneOffset.UTC).isBefore(SINCE)
              && found.stream().noneMatch(f -> f.meetingId() == instance.meetingId())) {
            found.add(instance);
          }
        }
      }
    }
    return found;
  }

  private static SimWebinar webinarOf(ZoomSimulator simulator, SimInstance instance) {
    return simulator.account().webinar(instance.meetingId()).orElseThrow();
  }

  private static String email(ZoomSimulator simulator, int userIndex) {
    return simulator.account().user(userIndex).email().toLowerCase();
  }
}
