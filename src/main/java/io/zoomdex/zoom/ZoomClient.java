package io.zoomdex.zoom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Zoom REST client: Server-to-Server OAuth, every page of every listing, pacing per rate-limit
 * label, retries with backoff, Zoom's UUID encoding and typed errors. One instance serves all
 * threads of a crawl; it holds no static state.
 */
public final class ZoomClient implements ZoomApi {
  private static final Logger LOG = LoggerFactory.getLogger(ZoomClient.class);
  private static final int MAX_LISTING_RESTARTS = 3;
  private static final int MAX_REDIRECTS = 5;

  private final ZoomSettings settings;
  private final HttpClient http;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ObjectMapper mapper = ZoomJson.newMapper();
  private final ZoomErrors errors = new ZoomErrors(mapper);
  private final ZoomCallStats stats = new ZoomCallStats();
  private final Backoff failureBackoff =
      new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
  private final Backoff rateLimitBackoff =
      new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
  private final AccessTokens tokens;
  private final RequestPacer pacer;
  private final Semaphore inFlight;

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
    this.http = Objects.requireNonNull(http, "http");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.tokens = new AccessTokens(settings, http, clock, sleeper, failureBackoff, mapper, stats);
    this.pacer =
        new RequestPacer(settings.rateLimits(), clock, sleeper, settings.maxRateLimitWait());
    this.inFlight = new Semaphore(settings.concurrency(), true);
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
    return apiBase(tokens.valid());
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
    return get(Endpoint.USERS, "/users", query, pageReader(Endpoint.USERS, ZoomUser.class)).items();
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
    URI origin = URI.create(downloadUrl);
    if (origin.getScheme() == null || origin.getHost() == null) {
      throw new IllegalArgumentException("not an absolute download URL");
    }
    URI current = origin;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      URI target = current;
      boolean sameOrigin = sameOrigin(origin, target);
      String call =
          "GET " + target.getScheme() + "://" + target.getAuthority() + target.getRawPath();
      Download download =
          exchange(
              Endpoint.RECORDING_DOWNLOAD,
              token -> target,
              call,
              sameOrigin,
              true,
              response -> {
                if (response.statusCode() >= 300) {
                  Optional<String> location = response.headers().firstValue("Location");
                  if (location.isEmpty()) {
                    throw new UnreadableBody("a redirect without a Location header");
                  }
                  return new Download(null, location.get());
                }
                return new Download(new String(response.body(), StandardCharsets.UTF_8), null);
              });
      if (download.text() != null) {
        return download.text();
      }
      current = target.resolve(download.location());
    }
    throw new ZoomException(
        ZoomException.Reason.OTHER,
        0,
        0,
        "The recording download at "
            + origin.getHost()
            + origin.getRawPath()
            + " redirected more than "
            + MAX_REDIRECTS
            + " times; check the recording in the Zoom web portal.");
  }

  private record Download(String text, String location) {}

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && effectivePort(a) == effectivePort(b);
  }

  private static int effectivePort(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  // ----------------------------------------------------------------------- listings and pages

  /** One page of a listing. */
  record Page<T>(List<T> items, String nextPageToken) {}

  private <T> List<T> listAll(Endpoint endpoint, String path, String fixedQuery, Class<T> type) {
    if (endpoint.maxPageSize() == 0) {
      return get(endpoint, path, fixedQuery, pageReader(endpoint, type)).items();
    }
    for (int restarts = 0; ; restarts++) {
      try {
        return collectPages(endpoint, path, fixedQuery, type);
      } catch (PageTokenExpired e) {
        if (restarts >= MAX_LISTING_RESTARTS) {
          throw new ZoomException(
              ZoomException.Reason.UNAVAILABLE,
              400,
              300,
              "Zoom's next page token for GET "
                  + path
                  + " expired "
                  + (restarts + 1)
                  + " times while listing; the listing is too slow to finish within Zoom's 15"
                  + " minutes, so lower the load on the account or raise --rate-share.",
              List.of(),
              null,
              null);
        }
        stats.recordListingRestart();
        LOG.debug("GET {}: page token expired, restarting the listing from the first page", path);
      }
    }
  }

  private <T> List<T> collectPages(
      Endpoint endpoint, String path, String fixedQuery, Class<T> type) {
    List<T> all = new ArrayList<>();
    String token = null;
    Function<HttpResponse<byte[]>, Page<T>> reader = pageReader(endpoint, type);
    do {
      StringBuilder query = new StringBuilder(fixedQuery);
      if (query.length() > 0) {
        query.append('&');
      }
      query.append("page_size=").append(endpoint.maxPageSize());
      if (token != null) {
        query.append("&next_page_token=").append(URLEncoder.encode(token, StandardCharsets.UTF_8));
      }
      Page<T> page;
      try {
        page = get(endpoint, path, query.toString(), reader);
      } catch (PageTokenExpired e) {
        if (token == null) {
          throw new ZoomException(
              ZoomException.Reason.OTHER,
              400,
              300,
              "Zoom rejected a page token for GET "
                  + path
                  + " that zoomdex never sent; report this.");
        }
        throw e;
      }
      all.addAll(page.items());
      String next = page.nextPageToken();
      if (next != null && next.equals(token)) {
        throw new ZoomException(
            ZoomException.Reason.BAD_RESPONSE,
            200,
            0,
            "Zoom returned the same next page token twice for GET "
                + path
                + ", which would never end; try again later.");
      }
      token = next;
    } while (token != null);
    return all;
  }

  private <T> Function<HttpResponse<byte[]>, Page<T>> pageReader(Endpoint endpoint, Class<T> type) {
    return response -> {
      JsonNode root = readObject(response.body());
      JsonNode items = root.get(endpoint.itemsField());
      List<T> list = new ArrayList<>();
      if (items != null && !items.isNull()) {
        if (!items.isArray()) {
          throw new UnreadableBody("'" + endpoint.itemsField() + "' is not a list");
        }
        for (JsonNode item : items) {
          try {
            list.add(mapper.treeToValue(item, type));
          } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnreadableBody(
                "an item of '" + endpoint.itemsField() + "' has the wrong shape");
          }
        }
      }
      String next = root.path("next_page_token").asText("");
      return new Page<>(List.copyOf(list), next.isEmpty() ? null : next);
    };
  }

  private <T> T getObject(Endpoint endpoint, String path, Class<T> type) {
    return get(
        endpoint,
        path,
        "",
        response -> {
          JsonNode root = readObject(response.body());
          try {
            return mapper.treeToValue(root, type);
          } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnreadableBody("the object has the wrong shape");
          }
        });
  }

  private JsonNode readObject(byte[] body) {
    try {
      JsonNode root = mapper.readTree(body);
      if (root == null || !root.isObject()) {
        throw new UnreadableBody("the body is not a JSON object");
      }
      return root;
    } catch (IOException e) {
      throw new UnreadableBody("the body is not valid JSON");
    }
  }

  private <T> T get(
      Endpoint endpoint, String path, String query, Function<HttpResponse<byte[]>, T> reader) {
    String pathAndQuery = query.isEmpty() ? path : path + "?" + query;
    return exchange(
        endpoint,
        token -> URI.create(apiBase(token) + pathAndQuery),
        "GET " + path,
        true,
        false,
        reader);
  }

  private String apiBase(AccessTokens.Token token) {
    if (!settings.apiUrlExplicit() && token != null && token.apiUrl().isPresent()) {
      String base = token.apiUrl().get();
      base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
      return base.endsWith("/v2") ? base : base + "/v2";
    }
    return settings.apiUrl().toString();
  }

  // ------------------------------------------------------------------------- one HTTP request

  /**
   * Sends one GET until it succeeds or fails for good: paces it, renews the token once on 401/124,
   * waits out 429s, and retries transient failures (5xx, I/O, timeouts, unreadable bodies) within
   * the attempt budget.
   */
  private <T> T exchange(
      Endpoint endpoint,
      Function<AccessTokens.Token, URI> target,
      String call,
      boolean bearer,
      boolean acceptRedirects,
      Function<HttpResponse<byte[]>, T> reader) {
    int failures = 0;
    int rateLimitHits = 0;
    boolean renewed = false;
    try {
      while (true) {
        if (endpoint.paced()) {
          pacer.acquire(endpoint.label());
        }
        AccessTokens.Token token = bearer ? tokens.valid() : null;
        URI uri = target.apply(token);
        HttpRequest.Builder request =
            HttpRequest.newBuilder(uri).timeout(settings.requestTimeout()).GET();
        request.header("Accept", endpoint.paced() ? "application/json" : "*/*");
        if (token != null) {
          request.header("Authorization", "Bearer " + token.value());
        }
        String problem;
        boolean badBody = false;
        HttpResponse<byte[]> response = null;
        long started = System.nanoTime();
        inFlight.acquire();
        try {
          response = send(request.build());
          problem = null;
        } catch (HttpTimeoutException e) {
          problem = "a timeout";
        } catch (IOException e) {
          problem = "a dropped connection (" + e.getClass().getSimpleName() + ")";
        } finally {
          inFlight.release();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        String logged = endpoint.paced() ? uri.getRawPath() + queryOf(uri) : call;
        if (response == null) {
          stats.recordCall(endpoint, 0);
          LOG.debug("GET {} -> failed with {} after {} ms", logged, problem, millis);
        } else {
          int status = response.statusCode();
          stats.recordCall(endpoint, response.body().length);
          LOG.debug("GET {} -> {} in {} ms", logged, status, millis);
          response
              .headers()
              .firstValue("X-RateLimit-Remaining")
              .flatMap(ZoomClient::parseLong)
              .ifPresent(remaining -> pacer.noteRemaining(endpoint.label(), remaining));
          boolean success = status >= 200 && status < (acceptRedirects ? 400 : 300);
          if (success) {
            try {
              return reader.apply(response);
            } catch (UnreadableBody e) {
              problem = "an unreadable answer (" + e.getMessage() + ")";
              badBody = true;
            }
          } else {
            ZoomErrors.ErrorBody error = errors.parse(response.body());
            if (token != null && (status == 401 || error.code() == 124)) {
              if (renewed) {
                throw new ZoomException(
                    ZoomException.Reason.BAD_CREDENTIALS,
                    status,
                    error.code(),
                    "Zoom rejected a newly issued access token for "
                        + call
                        + "; check that the Server-to-Server OAuth app is activated and its"
                        + " account ID, client ID and client secret are right.");
              }
              renewed = true;
              tokens.rejected(token);
              stats.recordRetry();
              continue;
            }
            if (status == 429) {
              rateLimitHits++;
              stats.recordRateLimited();
              waitOutRateLimit(endpoint, call, response, rateLimitHits);
              stats.recordRetry();
              continue;
            }
            if (status >= 500) {
              problem = "HTTP " + status;
            } else if (ZoomErrors.isExpiredPageToken(status, error)) {
              throw new PageTokenExpired();
            } else {
              throw errors.toException(call, status, error);
            }
          }
        }
        failures++;
        if (failures >= settings.maxAttempts()) {
          throw new ZoomException(
              badBody ? ZoomException.Reason.BAD_RESPONSE : ZoomException.Reason.UNAVAILABLE,
              response == null ? 0 : response.statusCode(),
              0,
              "Zoom failed "
                  + call
                  + " "
                  + failures
                  + " times in a row (last: "
                  + problem
                  + "); check the network and Zoom's status page, then run again.");
        }
        stats.recordRetry();
        sleeper.sleep(failureBackoff.delay(failures));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted(e);
    }
  }

  /**
   * Sends and reads the whole body within the request timeout. The JDK's own request timeout stops
   * at the response headers, so a body that stalls half-way would otherwise hang for ever.
   */
  private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
    CompletableFuture<HttpResponse<byte[]>> future =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    try {
      return future.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new HttpTimeoutException("no complete answer within " + settings.requestTimeout());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("the HTTP exchange failed", e.getCause());
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    }
  }

  private void waitOutRateLimit(
      Endpoint endpoint, String call, HttpResponse<byte[]> response, int hits)
      throws InterruptedException {
    Optional<Duration> retryAfter =
        response.headers().firstValue("Retry-After").flatMap(this::parseRetryAfter);
    Duration wait = retryAfter.orElseGet(() -> rateLimitBackoff.delay(hits));
    Instant until = clock.instant().plus(wait);
    if (wait.compareTo(settings.maxRateLimitWait()) > 0) {
      throw new ZoomException(
          ZoomException.Reason.RATE_LIMITED,
          429,
          429,
          "Zoom's rate limit for "
              + endpoint.label()
              + " calls such as "
              + call
              + " is used up until "
              + until
              + "; run again after that time (other apps on the account share this limit).",
          List.of(),
          wait,
          null);
    }
    if (hits > settings.maxRateLimitRetries()) {
      throw new ZoomException(
          ZoomException.Reason.RATE_LIMITED,
          429,
          429,
          "Zoom kept answering "
              + call
              + " with 'too many requests' "
              + hits
              + " times in a row; lower --rate-share or --concurrency, or run when other apps are"
              + " quieter.",
          List.of(),
          wait,
          null);
    }
    LOG.debug(
        "GET {}: rate limited, pausing {} calls for {} ms",
        call,
        endpoint.label(),
        wait.toMillis());
    if (endpoint.paced()) {
      pacer.pauseUntil(endpoint.label(), until);
    } else {
      sleeper.sleep(wait);
    }
  }

  /** {@code Retry-After} as delta-seconds, or as a date-time (ISO-8601 or RFC 1123). */
  Optional<Duration> parseRetryAfter(String value) {
    String text = value.trim();
    if (text.matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
    }
    Instant at = null;
    try {
      at = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      } catch (DateTimeParseException ignored) {
        return Optional.empty();
      }
    }
    Duration wait = Duration.between(clock.instant(), at);
    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
  }

  private static Optional<Long> parseLong(String text) {
    try {
      return Optional.of(Long.parseLong(text.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String queryOf(URI uri) {
    return uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
  }

  static ZoomException interrupted(InterruptedException e) {
    return new ZoomException(
        ZoomException.Reason.UNAVAILABLE,
        0,
        0,
        "The Zoom call was interrupted because zoomdex is stopping.",
        List.of(),
        null,
        e);
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

  /** A 2xx body that is not the documented JSON; retried like a 5xx. */
  private static final class UnreadableBody extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnreadableBody(String message) {
      super(message, null, false, false);
    }
  }

  /** 400/300 "next page token is invalid or expired": the listing starts again. */
  private static final class PageTokenExpired extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PageTokenExpired() {
      super("next page token expired", null, false, false);
    }
  }
}
