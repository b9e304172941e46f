package io.zoomdex.zoom;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zoomdex.config.RateLabel;
import io.zoomdex.config.ZoomSettings;
import io.zoomdex.zoom.model.Meeting;
import io.zoomdex.zoom.model.MeetingSummary;
import io.zoomdex.zoom.model.Panelist;
import io.zoomdex.zoom.model.Participant;
import io.zoomdex.zoom.model.PastInstance;
import io.zoomdex.zoom.model.PastMeeting;
import io.zoomdex.zoom.model.PastQa;
import io.zoomdex.zoom.model.Recording;
import io.zoomdex.zoom.model.UserStatus;
import io.zoomdex.zoom.model.Webinar;
import io.zoomdex.zoom.model.ZoomUser;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The Zoom REST client: Server-to-Server OAuth, every page of every listing, pacing per rate-limit
 * label, retries with backoff, Zoom's UUID encoding and typed errors. One instance serves all
 * threads of a crawl; it holds no static state. This class maps the typed endpoints to paths;
 * {@link ZoomExchange} sends each request, {@link Listings} pages through listings and {@link
 * RecordingDownloads} fetches recording files.
 */
public final class ZoomClient implements ZoomApi {
  private final ZoomSettings settings;
  private final ZoomCallStats stats = new ZoomCallStats();
  private final AccessTokens tokens;
  private final ZoomExchange exchange;
  private final ZoomReaders readers;
  private final Listings listings;
  private final RecordingDownloads downloads;

  /** A client that really sleeps between retries. */
  public ZoomClient(ZoomSettings settings, HttpClient http, Clock clock) {
    this(settings, http, clock, Sleeper.system());
  }

  /**
   * @param http should not follow redirects itself ({@link #newHttpClient} builds a suitable one):
   *     the client follows download redirects so the token only goes to the download URL's origin
   * @param sleeper how to wait (tests pass one that advances a fake clock)
   */
  public ZoomClient(ZoomSettings settings, HttpClient http, Clock clock, Sleeper sleeper) {
    this.settings = Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    ObjectMapper mapper = ZoomJson.newMapper();
    // Token requests and API calls back off alike after transient failures.
    Backoff failureBackoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
    this.tokens = new AccessTokens(settings, http, clock, sleeper, failureBackoff, mapper, stats);
    RequestPacer pacer =
        new RequestPacer(settings.rateLimits(), clock, sleeper, settings.maxRateLimitWait());
    this.exchange =
        new ZoomExchange(
            settings,
            http,
            clock,
            sleeper,
            pacer,
            tokens,
            stats,
            new ZoomErrors(mapper),
            failureBackoff);
    this.readers = new ZoomReaders(mapper);
    this.listings = new Listings(exchange, readers, stats);
    this.downloads = new RecordingDownloads(exchange);
  }

  /** A client with its own HTTP client and the system clock. */
  public static ZoomClient create(ZoomSettings settings) {
    return new ZoomClient(settings, newHttpClient(settings), Clock.systemUTC());
  }

  /** An HTTP client suited to this class: HTTP/1.1, no automatic redirects, the connect timeout. */
  public static HttpClient newHttpClient(ZoomSettings settings) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(settings.connectTimeout())
        .build();
  }

  /** The settings this client was built from. */
  public ZoomSettings settings() {
    return settings;
  }

  /** Call counts, live (thread-safe). */
  public ZoomCallStats stats() {
    return stats;
  }

  /**
   * The scopes the token response granted (its {@code scope} string), fetching a token if none is
   * cached.
   *
   * @throws ZoomException BAD_CREDENTIALS when Zoom refuses the credentials, UNAVAILABLE when the
   *     OAuth endpoint cannot be reached
   */
  public Set<String> grantedScopes() {
    return tokens.valid().scopes();
  }

  /** The REST base in use: the configured one, or the token's {@code api_url} + {@code /v2}. */
  public String apiBase() {
    return exchange.apiBase(tokens.valid());
  }

  // ----------------------------------------------------------------------------------- users

  @Override
  public List<ZoomUser> listUsers(UserStatus status) {
    return listAll(Endpoint.USERS, "/users", "status=" + status.queryValue(), ZoomUser.class);
  }

  /**
   * {@code GET /users?status=..&page_size=n}: only the first page (for probes such as {@code
   * check}); use {@link #listUsers} for the whole listing.
   */
  public List<ZoomUser> listUsersFirstPage(UserStatus status, int pageSize) {
    if (pageSize < 1 || pageSize > Endpoint.USERS.maxPageSize()) {
      throw new IllegalArgumentException("page size out of range: " + pageSize);
    }
    String query = "status=" + status.queryValue() + "&page_size=" + pageSize;
    return listings.firstPage(Endpoint.USERS, "/users", query, ZoomUser.class);
  }

  /** {@code GET /users/{userId}}: one user by id or email. */
  public ZoomUser getUser(String userId) {
    return getObject(Endpoint.USER, "/users/" + PathSegments.encode(userId), ZoomUser.class);
  }

  // -------------------------------------------------------------------------------- meetings

  @Override
  public List<Meeting> listScheduledMeetings(String userId) {
    return listAll(
        Endpoint.MEETINGS,
        "/users/" + PathSegments.encode(userId) + "/meetings",
        "type=scheduled",
        Meeting.class);
  }

  @Override
  public Meeting getMeeting(long meetingId) {
    return getObject(Endpoint.MEETING, "/meetings/" + meetingId, Meeting.class);
  }

  @Override
  public List<PastInstance> listPastMeetingInstances(long meetingId) {
    return listAll(
        Endpoint.PAST_MEETING_INSTANCES,
        "/past_meetings/" + meetingId + "/instances",
        "",
        PastInstance.class);
  }

  @Override
  public PastMeeting getPastMeeting(String instanceUuid) {
    return getObject(
        Endpoint.PAST_MEETING,
        "/past_meetings/" + PathSegments.uuid(instanceUuid),
        PastMeeting.class);
  }

  @Override
  public List<Participant> listPastMeetingParticipants(String instanceUuid) {
    return listAll(
        Endpoint.PAST_MEETING_PARTICIPANTS,
        "/past_meetings/" + PathSegments.uuid(instanceUuid) + "/participants",
        "",
        Participant.class);
  }

  @Override
  public PastQa getPastMeetingQa(String instanceUuid) {
    return getObject(
        Endpoint.PAST_MEETING_QA,
        "/past_meetings/" + PathSegments.uuid(instanceUuid) + "/qa",
        PastQa.class);
  }

  @Override
  public MeetingSummary getMeetingSummary(String instanceUuid) {
    return getObject(
        Endpoint.MEETING_SUMMARY,
        "/meetings/" + PathSegments.uuid(instanceUuid) + "/meeting_summary",
        MeetingSummary.class);
  }

  @Override
  public List<Recording> listRecordings(String userId, LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException(
          "recording window ends before it starts: " + from + ".." + to);
    }
    return listAll(
        Endpoint.RECORDINGS,
        "/users/" + PathSegments.encode(userId) + "/recordings",
        "from=" + from + "&to=" + to,
        Recording.class);
  }

  // -------------------------------------------------------------------------------- webinars

  @Override
  public List<Webinar> listWebinars(String userId) {
    return listAll(
        Endpoint.WEBINARS,
        "/users/" + PathSegments.encode(userId) + "/webinars",
        "",
        Webinar.class);
  }

  @Override
  public Webinar getWebinar(long webinarId) {
    return getObject(Endpoint.WEBINAR, "/webinars/" + webinarId, Webinar.class);
  }

  @Override
  public List<Panelist> listPanelists(long webinarId) {
    return listAll(Endpoint.PANELISTS, "/webinars/" + webinarId + "/panelists", "", Panelist.class);
  }

  @Override
  public List<PastInstance> listPastWebinarInstances(long webinarId) {
    return listAll(
        Endpoint.PAST_WEBINAR_INSTANCES,
        "/past_webinars/" + webinarId + "/instances",
        "",
        PastInstance.class);
  }

  @Override
  public List<Participant> listPastWebinarParticipants(String instanceUuid) {
    return listAll(
        Endpoint.PAST_WEBINAR_PARTICIPANTS,
        "/past_webinars/" + PathSegments.uuid(instanceUuid) + "/participants",
        "",
        Participant.class);
  }

  @Override
  public PastQa getPastWebinarQa(String instanceUuid) {
    return getObject(
        Endpoint.PAST_WEBINAR_QA,
        "/past_webinars/" + PathSegments.uuid(instanceUuid) + "/qa",
        PastQa.class);
  }

  // ------------------------------------------------------------------------------- downloads

  @Override
  public String downloadText(String downloadUrl) {
    return downloads.downloadText(downloadUrl);
  }

  // ---------------------------------------------------------------------------------- wiring

  private <T> List<T> listAll(Endpoint endpoint, String path, String fixedQuery, Class<T> type) {
    return listings.listAll(endpoint, path, fixedQuery, type);
  }

  private <T> T getObject(Endpoint endpoint, String path, Class<T> type) {
    return exchange.get(endpoint, path, "", readers.object(type));
  }

  /** The rate-limit label of an operation (for reports). */
  public static RateLabel labelOf(String operationId) {
    for (Endpoint endpoint : Endpoint.values()) {
      if (endpoint.operationId().equals(operationId)) {
        return endpoint.label();
      }
    }
    throw new IllegalArgumentException("unknown operation " + operationId);
  }
}
