package io.zoomdex.sync;

import static io.zoomdex.source.ZoomFixtures.meeting;
import static io.zoomdex.source.ZoomFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.sink.FailingIndexSink;
import io.zoomdex.sink.InMemoryIndexSink;
import io.zoomdex.sink.IndexSink;
import io.zoomdex.source.CrawlStats;
import io.zoomdex.source.DocumentMapper;
import io.zoomdex.source.FakeZoomApi;
import io.zoomdex.source.ZoomCrawler;
import io.zoomdex.zoom.ZoomException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncEngineTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path data;
  private final FakeZoomApi zoom = new FakeZoomApi();
  private final InMemoryIndexSink sink = new InMemoryIndexSink();
  private StateStore state;

  @BeforeEach
  void account() {
    state = StateStore.open(data);
    zoom.users.add(user("u1", "host@corp.example", "active"));
    zoom.users.add(user("u2", "alt@corp.example", "active"));
    List<io.zoomdex.zoom.model.Meeting> listed = new ArrayList<>();
    for (long id = 1; id <= 3; id++) {
      listed.add(meeting(id, "u1", "host@corp.example", "", null));
      zoom.meetings.put(id, meeting(id, "u1", "host@corp.example", "", null));
    }
    zoom.meetingsByUser.put("u1", listed);
  }

  @AfterEach
  void close() {
    state.close();
  }

  private SyncReport crawl(IndexSink into) {
    ZoomCrawler crawler = new ZoomCrawler(zoom, new DocumentMapper("https://zoom.example"), 2);
    return new SyncEngine(crawler, into, state, CLOCK, 2, () -> ApiUsage.NONE)
        .fullCrawl(LocalDate.parse("2026-10-01"), new CrawlStats());
  }

  private static DocumentId meetingId(long id) {
    return new DocumentId(DocumentType.MEETING, Long.toString(id));
  }

  @Test
  void fullCrawl_secondRunOfSameAccount_writesNothingAndReportsUnchanged() {
    SyncReport first = crawl(sink);
    int appliedAfterFirst = sink.applied();
    SyncReport second = crawl(sink);

    assertThat(first.added()).isEqualTo(3);
    assertThat(first.outcome()).isEqualTo(SyncReport.COMPLETE);
    assertThat(second.added()).isZero();
    assertThat(second.updated()).isZero();
    assertThat(second.unchanged()).isEqualTo(3);
    assertThat(sink.applied()).isEqualTo(appliedAfterFirst);
    assertThat(sink.committed()).containsOnlyKeys(meetingId(1), meetingId(2), meetingId(3));
  }

  @Test
  void fullCrawl_readerChange_reindexesTheDocument() {
    crawl(sink);
    zoom.meetings.put(2L, meeting(2, "u1", "host@corp.example", "u2", null));

    SyncReport report = crawl(sink);

    assertThat(report.updated()).isEqualTo(1);
    assertThat(sink.committed().get(meetingId(2)).readers().emails())
        .containsExactlyInAnyOrder("host@corp.example", "alt@corp.example");
  }

  @Test
  void fullCrawl_completeAfterMeetingDeleted_deletesItFromIndexAndLedger() {
    crawl(sink);
    zoom.meetingsByUser.put("u1", List.of(meeting(1, "u1", "host@corp.example", "", null)));

    SyncReport report = crawl(sink);

    assertThat(report.deleted()).isEqualTo(2);
    assertThat(sink.committed()).containsOnlyKeys(meetingId(1));
    assertThat(state.documentCount()).isEqualTo(1);
  }

  @Test
  void fullCrawl_partialAfterMeetingListingFailed_deletesNothing() {
    crawl(sink);
    zoom.failures.put(
        "meetings:u1",
        new ZoomException(ZoomException.Reason.RATE_LIMITED, 429, 429, "rate limited"));

    SyncReport report = crawl(sink);

    assertThat(report.outcome()).isEqualTo(SyncReport.PARTIAL);
    assertThat(report.deleted()).isZero();
    assertThat(sink.committed()).containsOnlyKeys(meetingId(1), meetingId(2), meetingId(3));
    assertThat(state.recentRuns(1).get(0).outcome()).isEqualTo(SyncReport.PARTIAL);
  }

  @Test
  void fullCrawl_indexCommitFails_stopsWithStorageErrorAndLedgerStaysEmpty() {
    FailingIndexSink failing = FailingIndexSink.failingOnCommit(false);

    assertThatThrownBy(() -> crawl(failing)).isInstanceOf(StorageException.class);
    assertThat(state.documentCount()).isZero();
    assertThat(failing.state().committed()).isEmpty();
  }

  @Test
  void fullCrawl_firstDayAfterToday_isRefusedBeforeAnyRunIsRecorded() {
    ZoomCrawler crawler = new ZoomCrawler(zoom, new DocumentMapper("https://zoom.example"), 2);
    SyncEngine engine = new SyncEngine(crawler, sink, state, CLOCK, 2, () -> ApiUsage.NONE);

    assertThatThrownBy(() -> engine.fullCrawl(LocalDate.parse("2030-01-01"), new CrawlStats()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(state.recentRuns(5)).isEmpty();
    assertThat(state.unfinishedRun("full")).isEmpty();
  }

  @Test
  void fullCrawl_stoppedByAnUnexpectedError_recordsTheRunAsFailedWithItsReason() {
    IndexSink breaking =
        new IndexSink() {
          @Override
          public void apply(io.zoomdex.document.Change change) {
            throw new IllegalStateException("the sink broke");
          }

          @Override
          public void commit() {}

          @Override
          public long documentCount() {
            return 0;
          }

          @Override
          public void close() {}
        };

    assertThatThrownBy(() -> crawl(breaking)).isInstanceOf(IllegalStateException.class);
    StateStore.RunRecord run = state.recentRuns(1).get(0);
    assertThat(run.outcome()).isEqualTo(SyncReport.FAILED);
    assertThat(run.report()).contains("internal error").contains("the sink broke");
    assertThat(state.unfinishedRun("full")).isEmpty();
  }
}
