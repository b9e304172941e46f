package io.zoomdex.source;

import static io.zoomdex.source.ZoomFixtures.meeting;
import static io.zoomdex.source.ZoomFixtures.participant;
import static io.zoomdex.source.ZoomFixtures.pastMeeting;
import static io.zoomdex.source.ZoomFixtures.recordingWithTranscript;
import static io.zoomdex.source.ZoomFixtures.user;
import static io.zoomdex.source.ZoomFixtures.webinar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zoomdex.document.Change;
import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.zoom.ZoomException;
import io.zoomdex.zoom.ZoomException.Reason;
import io.zoomdex.zoom.model.MeetingSummary;
import io.zoomdex.zoom.model.Panelist;
import io.zoomdex.zoom.model.PastInstance;
import io.zoomdex.zoom.model.PastQa;
import io.zoomdex.zoom.model.QaAnswer;
import io.zoomdex.zoom.model.QaQuestion;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ZoomCrawlerTest {
  private static final LocalDate SINCE = LocalDate.parse("2026-01-01");
  private static final LocalDate TODAY = LocalDate.parse("2026-11-28");

  private final FakeZoomApi zoom = new FakeZoomApi();
  private final Map<DocumentId, Document> indexed = new ConcurrentHashMap<>();
  private final CrawlStats stats = new CrawlStats();

  @BeforeEach
  void account() {
    zoom.users.add(user("u-host", "Host@Corp.example", "active"));
    zoom.users.add(user("u-alt", "alt@corp.example", "active"));
    zoom.users.add(user("u-gone", "gone@corp.example", "inactive"));
    zoom.users.add(user(null, "pending@corp.example", "pending"));
  }

  private final Set<String> finishedUsers = ConcurrentHashMap.newKeySet();

  private void crawl() {
    crawl(CrawlPlan.full(SINCE, TODAY));
  }

  private void crawl(CrawlPlan plan) {
    CrawlOutput output =
        new CrawlOutput() {
          @Override
          public void accept(Change change) {
            indexed.put(change.id(), ((Change.Upsert) change).document());
          }

          @Override
          public void userFinished(String userId) {
            finishedUsers.add(userId);
          }
        };
    new ZoomCrawler(zoom, new DocumentMapper("https://zoom.example"), 3).crawl(plan, output, stats);
  }

  private Set<String> readers(DocumentType type, String key) {
    Document document = indexed.get(new DocumentId(type, key));
    assertThat(document).as("%s:%s indexed", type.prefix(), key).isNotNull();
    return document.readers().emails();
  }

  @Test
  void crawl_meeting_readersAreHostAlternativeHostsByIdOrEmailAndInvitees_lessDeactivated() {
    zoom.meetingsByUser.put("u-host", List.of(meeting(11, "u-host", null, null, null)));
    zoom.meetings.put(
        11L,
        meeting(
            11,
            "u-host",
            null,
            "u-alt; Outside@Partner.example;u-gone;unknown-id",
            null,
            "guest@else.example"));

    crawl();

    assertThat(readers(DocumentType.MEETING, "11"))
        .containsExactlyInAnyOrder(
            "host@corp.example",
            "alt@corp.example",
            "outside@partner.example",
            "guest@else.example");
    assertThat(indexed.get(new DocumentId(DocumentType.MEETING, "11")).body())
        .isEqualTo("Full agenda of meeting 11");
    assertThat(stats.complete()).isTrue();
  }

  @Test
  void crawl_everyInstance_becomesPastMeetingWithParticipantsAndSlashUuidKeptExactly() {
    zoom.meetingsByUser.put("u-host", List.of(meeting(12, "u-host", "host@corp.example", "", 3)));
    zoom.meetings.put(
        12L, meeting(12, "u-host", "host@corp.example", "", 3, "invitee@corp.example"));
    zoom.users.add(user("u-inv", "invitee@corp.example", "active"));
    zoom.meetingInstances.put(
        12L, List.of(new PastInstance("/ab//c+d==", null), new PastInstance("plain==", null)));
    zoom.pastMeetings.put("/ab//c+d==", pastMeeting(12, "/ab//c+d==", "host@corp.example", true));
    zoom.pastMeetings.put("plain==", pastMeeting(12, "plain==", "host@corp.example", false));
    zoom.participants.put(
        "/ab//c+d==",
        List.of(
            participant("Guest", ""),
            participant("Ext", "ext@partner.example"),
            participant("Alt", "alt@corp.example"),
            participant("Alt", "alt@corp.example")));
    zoom.qa.put(
        "/ab//c+d==",
        new PastQa(
            "12",
            "/ab//c+d==",
            List.of(
                new QaQuestion(
                    "Anonymous Attendee",
                    "",
                    List.of(new QaAnswer("When is launch?", "live answered"))))));
    zoom.summaries.put(
        "/ab//c+d==",
        new MeetingSummary(
            null,
            "host@corp.example",
            "/ab//c+d==",
            12,
            "Roadmap",
            null,
            null,
            "Roadmap summary",
            "## Decisions\nShip in May",
            null,
            null,
            null,
            null));

    crawl();

    assertThat(readers(DocumentType.PAST_MEETING, "/ab//c+d=="))
        .containsExactlyInAnyOrder(
            "host@corp.example", "invitee@corp.example", "ext@partner.example", "alt@corp.example");
    assertThat(readers(DocumentType.PAST_MEETING, "plain=="))
        .containsExactlyInAnyOrder("host@corp.example", "invitee@corp.example");
    Document instance = indexed.get(new DocumentId(DocumentType.PAST_MEETING, "/ab//c+d=="));
    assertThat(instance.body())
        .contains("Participants: Guest, Ext, Alt")
        .contains("When is launch?");
    // who_will_receive_summary = 3: hosts, internal invitees and internal participants only.
    assertThat(readers(DocumentType.SUMMARY, "/ab//c+d=="))
        .containsExactlyInAnyOrder("host@corp.example", "invitee@corp.example", "alt@corp.example");
    assertThat(indexed.get(new DocumentId(DocumentType.SUMMARY, "/ab//c+d==")).body())
        .contains("Ship in May");
    assertThat(indexed).doesNotContainKey(new DocumentId(DocumentType.SUMMARY, "plain=="));
    assertThat(zoom.calls("summary")).isEqualTo(1);
  }

  @Test
  void crawl_instantMeetingOnlyInRecordings_becomesPastMeetingAndTranscript() {
    zoom.recordingsByUser.put(
        "u-host", List.of(recordingWithTranscript(99, "inst==", "u-host", "https://dl/inst")));
    zoom.pastMeetings.put("inst==", pastMeeting(99, "inst==", "host@corp.example", false));
    zoom.participants.put("inst==", List.of(participant("Ext", "ext@partner.example")));
    zoom.downloads.put(
        "https://dl/inst", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nAlice: budget talk\n");

    crawl();

    assertThat(readers(DocumentType.PAST_MEETING, "inst=="))
        .containsExactlyInAnyOrder("host@corp.example", "ext@partner.example");
    assertThat(readers(DocumentType.TRANSCRIPT, "inst==")).containsExactly("host@corp.example");
    assertThat(indexed.get(new DocumentId(DocumentType.TRANSCRIPT, "inst==")).body())
        .isEqualTo("[00:00:01] Alice: budget talk\n");
  }

  @Test
  void crawl_tooOldInstance_isSkippedAndCountedWithoutFailing() {
    zoom.meetingsByUser.put(
        "u-host", List.of(meeting(13, "u-host", "host@corp.example", "", null)));
    zoom.meetings.put(13L, meeting(13, "u-host", "host@corp.example", "", null));
    zoom.meetingInstances.put(13L, List.of(new PastInstance("old==", null)));
    zoom.failures.put(
        "pastMeeting:old==", new ZoomException(Reason.TOO_OLD, 400, 12702, "too old"));

    crawl();

    assertThat(indexed).doesNotContainKey(new DocumentId(DocumentType.PAST_MEETING, "old=="));
    assertThat(stats.skipped())
        .containsEntry("over a year old, which Zoom no longer serves (Zoom code 12702)", 1L);
    assertThat(stats.complete()).isTrue();
  }

  @Test
  void crawl_instanceListedAsOverAYearOld_isSkippedWithoutAskingZoom() {
    zoom.meetingsByUser.put(
        "u-host", List.of(meeting(18, "u-host", "host@corp.example", "", null)));
    zoom.meetings.put(18L, meeting(18, "u-host", "host@corp.example", "", null));
    zoom.meetingInstances.put(
        18L,
        List.of(new PastInstance("ancient==", java.time.Instant.parse("2025-10-01T10:00:00Z"))));

    crawl();

    assertThat(zoom.calls("pastMeeting")).isZero();
    assertThat(stats.skipped())
        .containsEntry("over a year old, which Zoom no longer serves (Zoom code 12702)", 1L);
    assertThat(stats.complete()).isTrue();
  }

  @Test
  void crawl_failedParticipantsPage_writesNoInstanceAndMarksCrawlIncomplete() {
    zoom.meetingsByUser.put(
        "u-host", List.of(meeting(14, "u-host", "host@corp.example", "", null)));
    zoom.meetings.put(14L, meeting(14, "u-host", "host@corp.example", "", null));
    zoom.meetingInstances.put(14L, List.of(new PastInstance("flaky==", null)));
    zoom.pastMeetings.put("flaky==", pastMeeting(14, "flaky==", "host@corp.example", false));
    zoom.failures.put(
        "participants:flaky==", new ZoomException(Reason.UNAVAILABLE, 503, 0, "Zoom kept failing"));

    crawl();

    assertThat(indexed).doesNotContainKey(new DocumentId(DocumentType.PAST_MEETING, "flaky=="));
    assertThat(indexed).containsKey(new DocumentId(DocumentType.MEETING, "14"));
    assertThat(stats.complete()).isFalse();
    assertThat(stats.failures()).singleElement().asString().contains("participants of flaky==");
  }

  @Test
  void crawl_failedMeetingListing_stillCrawlsRecordingsButIsIncomplete() {
    zoom.failures.put(
        "meetings:u-host", new ZoomException(Reason.UNAVAILABLE, 500, 0, "Zoom kept failing"));
    zoom.recordingsByUser.put(
        "u-host", List.of(recordingWithTranscript(98, "rec==", "u-host", "https://dl/rec")));
    zoom.pastMeetings.put("rec==", pastMeeting(98, "rec==", "host@corp.example", false));
    zoom.downloads.put("https://dl/rec", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA: hi\n");

    crawl();

    assertThat(stats.complete()).isFalse();
    assertThat(indexed).containsKey(new DocumentId(DocumentType.TRANSCRIPT, "rec=="));
  }

  @Test
  void crawl_missingScope_stopsTheWholeCrawl() {
    zoom.meetingsByUser.put(
        "u-host", List.of(meeting(15, "u-host", "host@corp.example", "", null)));
    ZoomException missing =
        new ZoomException(
            Reason.MISSING_SCOPE,
            400,
            4711,
            "missing scope",
            List.of("meeting:read:meeting:admin"),
            null,
            null);
    zoom.failures.put("meeting:15", missing);

    assertThatThrownBy(this::crawl).isSameAs(missing);
  }

  @Test
  void crawl_webinar_readersAreHostCommaAlternativeHostsPanelistsAndAttendees() {
    zoom.webinarsByUser.put("u-host", List.of(webinar(21, "u-host", null, null)));
    zoom.webinars.put(
        21L, webinar(21, "u-host", "host@corp.example", "alt@corp.example,gone@corp.example"));
    zoom.panelists.put(21L, List.of(new Panelist("p1", "Speaker@Else.example", "Speaker")));
    zoom.webinarInstances.put(21L, List.of(new PastInstance("web1==", null)));
    zoom.participants.put("web1==", List.of(participant("Att", "att@else.example")));

    crawl();

    assertThat(readers(DocumentType.WEBINAR, "21"))
        .containsExactlyInAnyOrder("host@corp.example", "alt@corp.example", "speaker@else.example");
    assertThat(readers(DocumentType.PAST_WEBINAR, "web1=="))
        .containsExactlyInAnyOrder(
            "host@corp.example", "alt@corp.example", "speaker@else.example", "att@else.example");
  }

  @Test
  void crawl_userWithoutWebinarPlan_isSkippedForWebinarsOnly() {
    zoom.failures.put(
        "webinars:u-host", new ZoomException(Reason.NO_PERMISSION, 400, 200, "no webinar plan"));
    zoom.meetingsByUser.put(
        "u-host", List.of(meeting(16, "u-host", "host@corp.example", "", null)));
    zoom.meetings.put(16L, meeting(16, "u-host", "host@corp.example", "", null));

    crawl();

    assertThat(indexed).containsKey(new DocumentId(DocumentType.MEETING, "16"));
    assertThat(stats.skipped())
        .containsEntry("not allowed by the account's plan or permissions (Zoom code 200)", 1L);
    assertThat(stats.complete()).isTrue();
  }

  @Test
  void crawl_reportsFinishedUsers_onlyThoseWithoutFailures() {
    zoom.meetingsByUser.put(
        "u-host", List.of(meeting(17, "u-host", "host@corp.example", "", null)));
    zoom.meetings.put(17L, meeting(17, "u-host", "host@corp.example", "", null));
    zoom.meetingInstances.put(17L, List.of(new PastInstance("x==", null)));
    zoom.pastMeetings.put("x==", pastMeeting(17, "x==", "host@corp.example", false));
    zoom.failures.put(
        "participants:x==", new ZoomException(Reason.UNAVAILABLE, 503, 0, "Zoom kept failing"));

    crawl();

    assertThat(finishedUsers).containsExactlyInAnyOrder("u-alt", "u-gone");
    assertThat(stats.usersDone()).isEqualTo(3);
  }

  @Test
  void crawl_resumedPlan_skipsUsersAlreadyDone() {
    crawl(new CrawlPlan(SINCE, TODAY, Set.of("u-host", "u-alt"), null, KnownDocuments.NONE));

    assertThat(zoom.calls("meetings")).isEqualTo(1);
    assertThat(finishedUsers).containsExactly("u-gone");
    assertThat(stats.usersDone()).isEqualTo(3);
  }

  @Test
  void crawl_recordingWindows_coverSinceToTodayMonthByMonth() {
    crawl();

    // January to November 2026: 11 one-month windows for each of the three users with an id.
    assertThat(zoom.calls("recordings")).isEqualTo(33);
  }
}
