package io.zoomdex.zoom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zoomdex.config.RateLimits;
import io.zoomdex.config.Secret;
import io.zoomdex.config.ZoomSettings;
import io.zoomdex.zoom.FakeZoom.Reply;
import io.zoomdex.zoom.model.Meeting;
import io.zoomdex.zoom.model.UserStatus;
import io.zoomdex.zoom.model.ZoomUser;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ZoomClientTest {
  private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
  private static final String MEETING_JSON =
      "{\"id\":\"85746065432\",\"uuid\":\"aDYlohsHRtCd4ii1uC2+hA==\",\"topic\":\"Weekly\","
          + "\"type\":2,\"start_time\":\"2026-03-01T09:00:00Z\",\"agenda\":\"\",\"extra\":1,"
          + "\"settings\":{\"alternative_hosts\":\"a@x.com;b@x.com\"}}";

  private FakeZoom zoom;
  private FakeTime time;

  @BeforeEach
  void start() throws Exception {
    zoom = new FakeZoom();
    time = new FakeTime(START);
  }

  @AfterEach
  void stop() {
    zoom.close();
  }

  private ZoomSettings settings() {
    return ZoomSettings.defaults(FakeZoom.ACCOUNT, FakeZoom.CLIENT_ID, Secret.of(FakeZoom.SECRET))
        .withEndpoints(zoom.apiUrl(), URI.create(zoom.baseUrl()))
        .withRateLimits(RateLimits.none());
  }

  private ZoomClient client(ZoomSettings settings) {
    return new ZoomClient(settings, ZoomClient.newHttpClient(settings), time, time);
  }

  private ZoomClient client() {
    return client(settings());
  }

  private static String usersPage(int from, int to, String next) {
    StringBuilder users = new StringBuilder();
    for (int i = from; i < to; i++) {
      users.append(users.length() == 0 ? "" : ",");
      users
          .append("{\"id\":\"u")
          .append(i)
          .append("\",\"email\":\"u")
          .append(i)
          .append("@x.com\",\"type\":\"2\"}");
    }
    return "{\"page_size\":2000,\"next_page_token\":\"" + next + "\",\"users\":[" + users + "]}";
  }

  /** Three pages: tokens p2 and p3, then an empty token. */
  private void threeUserPages() {
    zoom.route(
        "/v2/users",
        r -> {
          String token = r.query("next_page_token");
          if (token == null) {
            return Reply.ok(usersPage(0, 3, "p2"));
          }
          if (token.equals("p2")) {
            return Reply.ok(usersPage(3, 6, "p3"));
          }
          return Reply.ok(usersPage(6, 8, ""));
        });
  }

  private static List<String> ids(List<ZoomUser> users) {
    return users.stream().map(ZoomUser::id).toList();
  }

  @Test
  void listUsers_threePages_returnsEveryUserAtMaximumPageSize() {
    threeUserPages();
    List<ZoomUser> users = client().listUsers(UserStatus.ACTIVE);
    assertThat(ids(users)).containsExactly("u0", "u1", "u2", "u3", "u4", "u5", "u6", "u7");
    assertThat(users.get(0).type()).isEqualTo(2);
    assertThat(zoom.apiRequests())
        .allSatisfy(r -> assertThat(r.rawQuery()).contains("status=active", "page_size=2000"));
    assertThat(zoom.apiRequests()).hasSize(3);
  }

  @Test
  void getMeeting_readsZoomJsonLeniently() {
    zoom.route("/v2/meetings/85746065432", MEETING_JSON);
    Meeting meeting = client().getMeeting(85746065432L);
    assertThat(meeting.id()).isEqualTo(85746065432L);
    assertThat(meeting.agenda()).isEmpty();
    assertThat(meeting.startTime()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
    assertThat(meeting.settingsOrEmpty().alternativeHosts()).isEqualTo("a@x.com;b@x.com");
  }

  @Test
  void concurrentCalls_withNoToken_requestExactlyOneToken() throws Exception {
    zoom.route("/v2/meetings/1", MEETING_JSON);
    ZoomClient client = client(settings().withConcurrency(8));
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Meeting>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return client.getMeeting(1);
                }));
      }
      go.countDown();
      for (Future<Meeting> result : results) {
        assertThat(result.get().topic()).isEqualTo("Weekly");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(zoom.tokenRequests.get()).isEqualTo(1);
    assertThat(client.stats().tokenRequests()).isEqualTo(1);
  }

  @Test
  void revokedToken_code124_renewsOnceAndSucceeds() {
    zoom.route("/v2/meetings/1", MEETING_JSON);
    ZoomClient client = client();
    client.getMeeting(1);
    zoom.revokeAllTokens();
    assertThat(client.getMeeting(1).topic()).isEqualTo("Weekly");
    assertThat(zoom.tokenRequests.get()).isEqualTo(2);
  }

  @Test
  void tokenNearExpiry_isRenewedAMinuteEarly() {
    zoom.route("/v2/meetings/1", MEETING_JSON);
    ZoomClient client = client();
    client.getMeeting(1);
    time.advance(Duration.ofSeconds(3599 - 90));
    client.getMeeting(1);
    assertThat(zoom.tokenRequests.get()).isEqualTo(1);
    time.advance(Duration.ofSeconds(40));
    client.getMeeting(1);
    assertThat(zoom.tokenRequests.get()).isEqualTo(2);
  }

  @Test
  void badCredentials_giveOneSentenceWithoutTheSecret() {
    zoom.tokenReply =
        Reply.json(
            400,
            "{\"reason\":\"Invalid client_id or client_secret\",\"error\":\"invalid_client\"}");
    assertThatThrownBy(() -> client().getMeeting(1))
        .isInstanceOfSatisfying(
            ZoomException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ZoomException.Reason.BAD_CREDENTIALS);
              assertThat(e.getMessage())
                  .contains("account ID, client ID and client secret", "activated")
                  .doesNotContain(FakeZoom.SECRET);
            });
  }

  @Test
  void grantedScopes_comeFromTheTokenResponse() {
    zoom.scope = "user:read:list_users:admin meeting:read:meeting:admin";
    assertThat(client().grantedScopes())
        .containsExactlyInAnyOrder("user:read:list_users:admin", "meeting:read:meeting:admin");
  }

  @Test
  void tokenApiUrl_isUsedWhenNoApiUrlWasConfigured() {
    zoom.apiUrlInToken = zoom.baseUrl();
    zoom.route("/v2/meetings/1", MEETING_JSON);
    ZoomSettings settings =
        settings()
            .withDefaultApiUrl(URI.create("http://127.0.0.1:9/v2"), URI.create(zoom.baseUrl()));
    assertThat(client(settings).getMeeting(1).topic()).isEqualTo("Weekly");
  }

  @Test
  void listUsers_expiredPageTokenMidListing_restartsAndReturnsFullListingOnce() {
    threeUserPages();
    // The first time page 3 is asked for, its token has expired.
    zoom.route(
        "/v2/users",
        new java.util.function.Function<>() {
          boolean expired;

          @Override
          public Reply apply(FakeZoom.Request r) {
            String token = r.query("next_page_token");
            if ("p3".equals(token) && !expired) {
              expired = true;
              return Reply.json(
                  400, "{\"code\":300,\"message\":\"The next page token is invalid or expired.\"}");
            }
            if (token == null) {
              return Reply.ok(usersPage(0, 3, "p2"));
            }
            return token.equals("p2")
                ? Reply.ok(usersPage(3, 6, "p3"))
                : Reply.ok(usersPage(6, 8, ""));
          }
        });
    ZoomClient client = client();
    List<ZoomUser> users = client.listUsers(UserStatus.ACTIVE);
    assertThat(ids(users)).containsExactly("u0", "u1", "u2", "u3", "u4", "u5", "u6", "u7");
    assertThat(client.stats().listingRestarts()).isEqualTo(1);
  }

  @Test
  void listUsers_pageTokenAlwaysExpired_failsAfterThreeRestarts() {
    zoom.route(
        "/v2/users",
        r ->
            r.query("next_page_token") == null
                ? Reply.ok(usersPage(0, 3, "p2"))
                : Reply.json(
                    400,
                    "{\"code\":300,\"message\":\"The next page token is invalid or expired.\"}"));
    ZoomClient client = client();
    assertThatThrownBy(() -> client.listUsers(UserStatus.ACTIVE))
        .isInstanceOfSatisfying(
            ZoomException.class, e -> assertThat(e.getMessage()).contains("page token", "/users"));
    assertThat(client.stats().listingRestarts()).isEqualTo(3);
  }

  @Test
  void uuidBeginningWithSlash_isDoubleEncodedOnTheWire() {
    zoom.route(
        "/v2/past_meetings/%252FajXp112QmuoKj4854875%253D%253D",
        "{\"id\":1,\"uuid\":\"/ajXp112QmuoKj4854875==\",\"has_meeting_summary\":true}");
    assertThat(client().getPastMeeting("/ajXp112QmuoKj4854875==").hasMeetingSummary()).isTrue();
  }

  @Test
  void uuidContainingDoubleSlash_isDoubleEncoded_andOthersSingleEncoded() {
    zoom.route("/v2/past_meetings/abc%252F%252Fdef%252Bgh%253D%253D/qa", "{\"questions\":[]}");
    zoom.route(
        "/v2/meetings/aDYlohsHRtCd4ii1uC2%2BhA%3D%3D/meeting_summary", "{\"summary_title\":\"t\"}");
    ZoomClient client = client();
    assertThat(client.getPastMeetingQa("abc//def+gh==").questions()).isEmpty();
    assertThat(client.getMeetingSummary("aDYlohsHRtCd4ii1uC2+hA==").summaryTitle()).isEqualTo("t");
  }

  @Test
  void errorAnswerWithTruncatedBody_isRetried_andTheCallSucceeds() {
    zoom.route("/v2/meetings/1", MEETING_JSON);
    zoom.faults.add(Reply.json(400, "{\"code\":200,\"mess"));
    ZoomClient client = client();
    assertThat(client.getMeeting(1).topic()).isEqualTo("Weekly");
    assertThat(client.stats().retries()).isEqualTo(1);
  }

  @Test
  void rateLimited_retryAfterSeconds_waitsThatLongAndSucceeds() {
    zoom.route("/v2/meetings/1", MEETING_JSON);
    zoom.faults.add(
        Reply.json(
                429,
                "{\"code\":429,\"message\":\"You have reached the maximum per-second rate limit for this API. Try again later.\"}")
            .withHeader("Retry-After", "7"));
    ZoomClient client = client();
    assertThat(client.getMeeting(1).topic()).isEqualTo("Weekly");
    assertThat(time.totalSlept()).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
    assertThat(client.stats().rateLimited()).isEqualTo(1);
    assertThat(client.stats().calls("meeting")).isEqualTo(2);
  }

  @Test
  void rateLimited_retryAfterIsoDate_waitsUntilThen() {
    zoom.route("/v2/meetings/1", MEETING_JSON);
    zoom.faults.add(
        Reply.json(429, "{\"code\":429,\"message\":\"daily\"}")
            .withHeader("Retry-After", START.plusSeconds(120).toString()));
    ZoomClient client = client();
    assertThat(client.getMeeting(1).topic()).isEqualTo("Weekly");
    assertThat(time.instant()).isAfterOrEqualTo(START.plusSeconds(120));
  }

  @Test
  void rateLimited_untilBeyondTheMaximumWait_failsNamingTheResetTime() {
    Instant reset = Instant.parse("2026-03-03T00:00:00Z");
    zoom.faults.add(
        Reply.json(
                429,
                "{\"code\":429,\"message\":\"You have reached the maximum daily rate limit for this API.\"}")
            .withHeader("Retry-After", reset.toString()));
    assertThatThrownBy(() -> client().getMeeting(1))
        .isInstanceOfSatisfying(
            ZoomException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ZoomException.Reason.RATE_LIMITED);
              assertThat(e.getMessage()).contains(reset.toString());
              assertThat(e.retryAfter()).contains(Duration.between(START, reset));
            });
  }

  @Test
  void rateLimited_untilBeyondTheMaximumWait_refusesTheLabelsNextCallsWithoutSendingThem() {
    Instant reset = Instant.parse("2026-03-03T00:00:00Z");
    zoom.route("/v2/meetings/1", MEETING_JSON);
    zoom.faults.add(
        Reply.json(
                429,
                "{\"code\":429,\"message\":\"You have reached the maximum daily rate limit for this API.\"}")
            .withHeader("Retry-After", reset.toString()));
    ZoomClient client = client();
    assertThatThrownBy(() -> client.getMeeting(1)).isInstanceOf(ZoomException.class);
    long sent = meetingRequests();

    assertThatThrownBy(() -> client.getMeeting(1))
        .isInstanceOfSatisfying(
            ZoomException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ZoomException.Reason.RATE_LIMITED);
              assertThat(e.getMessage()).contains(reset.toString());
            });
    assertThat(meetingRequests()).as("calls sent after the cap").isEqualTo(sent);

    time.advance(Duration.between(START, reset));
    assertThat(client.getMeeting(1).topic()).isEqualTo("Weekly");
  }

  private long meetingRequests() {
    synchronized (zoom.requests) {
      return zoom.requests.stream().filter(r -> r.rawPath().equals("/v2/meetings/1")).count();
    }
  }

  @Test
  void rateLimited_withoutRetryAfter_backsOffAndKeepsEveryPage() {
    threeUserPages();
    ZoomClient client = client();
    zoom.faults.add(Reply.json(429, "{\"code\":429,\"message\":\"Too many\"}"));
    zoom.faults.add(Reply.json(429, "{\"code\":429,\"message\":\"Too many\"}"));
    assertThat(client.listUsers(UserStatus.ACTIVE)).hasSize(8);
    assertThat(time.totalSlept()).isPositive();
    assertThat(client.stats().rateLimited()).isEqualTo(2);
  }

  @Test
  void serverErrorsBurst_withinBudget_recovers() {
    threeUserPages();
    for (int i = 0; i < 5; i++) {
      zoom.faults.add(Reply.json(503, "<html>unavailable</html>"));
    }
    ZoomClient client = client();
    assertThat(client.listUsers(UserStatus.ACTIVE)).hasSize(8);
    assertThat(client.stats().retries()).isEqualTo(5);
  }

  @Test
  void serverErrorsBeyondBudget_failUnavailable_neverAShortListing() {
    zoom.route(
        "/v2/users",
        r ->
            r.query("next_page_token") == null
                ? Reply.ok(usersPage(0, 3, "p2"))
                : Reply.json(502, "bad gateway"));
    assertThatThrownBy(() -> client().listUsers(UserStatus.ACTIVE))
        .isInstanceOfSatisfying(
            ZoomException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ZoomException.Reason.UNAVAILABLE);
              assertThat(e.getMessage()).contains("GET /users", "6 times");
            });
  }

  @Test
  void droppedConnectionsAndStalledBodies_areRetried() {
    zoom.route("/v2/meetings/1", MEETING_JSON);
    zoom.faults.add(Reply.dropped());
    zoom.faults.add(Reply.dropped());
    ZoomSettings quick = settings().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300));
    assertThat(client(quick).getMeeting(1).topic()).isEqualTo("Weekly");
  }

  @Test
  void malformedJson_isRetriedThenBadResponse() {
    zoom.route("/v2/meetings/1", "{\"id\": 1, \"topic\": ");
    ZoomClient client = client();
    assertThatThrownBy(() -> client.getMeeting(1))
        .isInstanceOfSatisfying(
            ZoomException.class,
            e -> assertThat(e.reason()).isEqualTo(ZoomException.Reason.BAD_RESPONSE));
    assertThat(client.stats().calls("meeting")).isEqualTo(6);
  }

  @Test
  void truncatedBodyOnce_isRetriedAndSucceeds() {
    zoom.route("/v2/meetings/1", MEETING_JSON);
    zoom.faults.add(Reply.ok("{\"id\":1,"));
    assertThat(client().getMeeting(1).topic()).isEqualTo("Weekly");
  }

  @Test
  void missingScope_namesTheScopeAndTheFix() {
    zoom.faults.add(
        Reply.json(
            400,
            "{\"code\":4711,\"message\":\"Invalid access token, does not contain scopes:[user:read:list_users:admin].\"}"));
    assertThatThrownBy(() -> client().listUsers(UserStatus.ACTIVE))
        .isInstanceOfSatisfying(
            ZoomException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ZoomException.Reason.MISSING_SCOPE);
              assertThat(e.missingScopes()).containsExactly("user:read:list_users:admin");
              assertThat(e.getMessage())
                  .contains("user:read:list_users:admin", "Scopes", "reactivate");
            });
  }

  @Test
  void knownRefusals_mapToTheirReasons_withoutRetrying() {
    ZoomClient client = client();
    expectReason(client, 404, 3001, ZoomException.Reason.NOT_FOUND);
    expectReason(client, 404, 1001, ZoomException.Reason.NOT_FOUND);
    expectReason(client, 404, 3301, ZoomException.Reason.NOT_FOUND);
    expectReason(client, 400, 12702, ZoomException.Reason.TOO_OLD);
    expectReason(client, 400, 200, ZoomException.Reason.NO_PERMISSION);
    expectReason(client, 403, 2305, ZoomException.Reason.SUMMARY_RESTRICTED);
    expectReason(client, 400, 3000, ZoomException.Reason.OTHER);
    assertThat(client.stats().retries()).isZero();
  }

  private void expectReason(ZoomClient client, int status, int code, ZoomException.Reason reason) {
    zoom.faults.add(Reply.json(status, "{\"code\":" + code + ",\"message\":\"No.\"}"));
    assertThatThrownBy(() -> client.getMeetingSummary("x"))
        .isInstanceOfSatisfying(
            ZoomException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.zoomCode()).isEqualTo(code);
              assertThat(e.httpStatus()).isEqualTo(status);
            });
  }

  @Test
  void pacing_spacesRequestsAtTheConfiguredRate() {
    zoom.route("/v2/meetings/1", MEETING_JSON);
    ZoomClient client = client(settings().withRateLimits(RateLimits.explicit(2, 1, 1)));
    for (int i = 0; i < 5; i++) {
      client.getMeeting(1);
    }
    // LIGHT at 2/s: the 2nd..5th calls each wait half a second.
    assertThat(time.totalSlept()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void lowRemainingHeader_slowsTheLabelDown() {
    zoom.route(
        "/v2/meetings/1", r -> Reply.ok(MEETING_JSON).withHeader("X-RateLimit-Remaining", "1"));
    ZoomClient client = client();
    client.getMeeting(1);
    client.getMeeting(1);
    assertThat(time.totalSlept()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void recordings_sendTheWindowAndPageSize() {
    zoom.route(
        "/v2/users/u%40x.com/recordings",
        "{\"meetings\":[{\"uuid\":\"r1\",\"id\":5,\"type\":\"2\",\"recording_files\":[{\"file_type\":\"TRANSCRIPT\",\"file_size\":\"\"}]}],\"next_page_token\":\"\"}");
    var recordings =
        client()
            .listRecordings(
                "u@x.com", LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-01"));
    assertThat(recordings)
        .singleElement()
        .satisfies(r -> assertThat(r.recordingFiles().get(0).isTranscript()).isTrue());
    assertThat(zoom.apiRequests().get(0).rawQuery())
        .isEqualTo("from=2026-02-01&to=2026-03-01&page_size=300");
  }
}
