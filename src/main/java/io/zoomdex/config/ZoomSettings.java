package io.zoomdex.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the Zoom client needs: the Server-to-Server OAuth credentials, the endpoints, the pace
 * and the retry budget. Printing it is safe: the secret prints as {@code ****}.
 *
 * @param apiUrl the REST base, e.g. {@code https://api.zoom.us/v2}
 * @param apiUrlExplicit whether the API URL was configured; when not, the token response's {@code
 *     api_url} (data residency) replaces it
 * @param oauthUrl the OAuth host; the token is at {@code {oauthUrl}/oauth/token}
 * @param concurrency the most requests in flight at once
 * @param maxAttempts attempts per request for transient failures (5xx, timeouts, dropped
 *     connections, unreadable bodies) before giving up
 * @param maxRateLimitWait the longest a single rate-limit wait may be (a daily limit that resets
 *     later fails the call instead)
 * @param maxRateLimitRetries how many 429s in a row one request accepts before failing
 */
public record ZoomSettings(
    String accountId,
    String clientId,
    Secret clientSecret,
    URI apiUrl,
    boolean apiUrlExplicit,
    URI oauthUrl,
    RateLimits rateLimits,
    int concurrency,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxAttempts,
    Duration maxRateLimitWait,
    int maxRateLimitRetries) {

  public static final URI DEFAULT_API_URL = URI.create("https://api.zoom.us/v2");
  public static final URI DEFAULT_OAUTH_URL = URI.create("https://zoom.us");
  public static final double DEFAULT_RATE_SHARE = 0.8;
  public static final int DEFAULT_CONCURRENCY = 4;

  public ZoomSettings {
    requireText(accountId, "accountId");
    requireText(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    apiUrl = withoutTrailingSlash(Objects.requireNonNull(apiUrl, "apiUrl"));
    oauthUrl = withoutTrailingSlash(Objects.requireNonNull(oauthUrl, "oauthUrl"));
    Objects.requireNonNull(rateLimits, "rateLimits");
    requirePositive(concurrency, "concurrency");
    requirePositive(maxAttempts, "maxAttempts");
    requirePositive(maxRateLimitRetries, "maxRateLimitRetries");
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(requestTimeout, "requestTimeout");
    requirePositive(maxRateLimitWait, "maxRateLimitWait");
  }

  /**
   * Settings with the defaults: Zoom's global endpoints, the Pro plan at 80 %, 4 requests in
   * flight, 10 s connect and 30 s request timeouts, 6 attempts, rate-limit waits up to 5 minutes.
   */
  public static ZoomSettings defaults(String accountId, String clientId, Secret clientSecret) {
    return new ZoomSettings(
        accountId,
        clientId,
        clientSecret,
        DEFAULT_API_URL,
        false,
        DEFAULT_OAUTH_URL,
        RateLimits.forPlan(Plan.PRO, DEFAULT_RATE_SHARE),
        DEFAULT_CONCURRENCY,
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        6,
        Duration.ofMinutes(5),
        10);
  }

  /** The same settings with an explicitly configured API base and OAuth host. */
  public ZoomSettings withEndpoints(URI api, URI oauth) {
    Copy copy = new Copy(this);
    copy.apiUrl = api;
    copy.apiUrlExplicit = true;
    copy.oauthUrl = oauth;
    return copy.build();
  }

  /** The same settings with another OAuth host and a non-explicit API URL (data residency). */
  public ZoomSettings withDefaultApiUrl(URI api, URI oauth) {
    Copy copy = new Copy(this);
    copy.apiUrl = api;
    copy.apiUrlExplicit = false;
    copy.oauthUrl = oauth;
    return copy.build();
  }

  /** The same settings with another pace. */
  public ZoomSettings withRateLimits(RateLimits limits) {
    Copy copy = new Copy(this);
    copy.rateLimits = limits;
    return copy.build();
  }

  /** The same settings with another bound on requests in flight. */
  public ZoomSettings withConcurrency(int inFlight) {
    Copy copy = new Copy(this);
    copy.concurrency = inFlight;
    return copy.build();
  }

  /** The same settings with other connect and request timeouts. */
  public ZoomSettings withTimeouts(Duration connect, Duration request) {
    Copy copy = new Copy(this);
    copy.connectTimeout = connect;
    copy.requestTimeout = request;
    return copy.build();
  }

  /** The same settings with another retry budget. */
  public ZoomSettings withRetries(int attempts, Duration rateLimitWait, int rateLimitRetries) {
    Copy copy = new Copy(this);
    copy.maxAttempts = attempts;
    copy.maxRateLimitWait = rateLimitWait;
    copy.maxRateLimitRetries = rateLimitRetries;
    return copy.build();
  }

  /** A mutable copy for the {@code with…} methods, so each names only what it changes. */
  private static final class Copy {
    private final String accountId;
    private final String clientId;
    private final Secret clientSecret;
    private URI apiUrl;
    private boolean apiUrlExplicit;
    private URI oauthUrl;
    private RateLimits rateLimits;
    private int concurrency;
    private Duration connectTimeout;
    private Duration requestTimeout;
    private int maxAttempts;
    private Duration maxRateLimitWait;
    private int maxRateLimitRetries;

    Copy(ZoomSettings from) {
      accountId = from.accountId;
      clientId = from.clientId;
      clientSecret = from.clientSecret;
      apiUrl = from.apiUrl;
      apiUrlExplicit = from.apiUrlExplicit;
      oauthUrl = from.oauthUrl;
      rateLimits = from.rateLimits;
      concurrency = from.concurrency;
      connectTimeout = from.connectTimeout;
      requestTimeout = from.requestTimeout;
      maxAttempts = from.maxAttempts;
      maxRateLimitWait = from.maxRateLimitWait;
      maxRateLimitRetries = from.maxRateLimitRetries;
    }

    ZoomSettings build() {
      return new ZoomSettings(
          accountId,
          clientId,
          clientSecret,
          apiUrl,
          apiUrlExplicit,
          oauthUrl,
          rateLimits,
          concurrency,
          connectTimeout,
          requestTimeout,
          maxAttempts,
          maxRateLimitWait,
          maxRateLimitRetries);
    }
  }

  /** The token endpoint. */
  public URI tokenUrl() {
    return URI.create(oauthUrl + "/oauth/token");
  }

  private static URI withoutTrailingSlash(URI uri) {
    String text = uri.toString();
    return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  private static void requirePositive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1: " + value);
    }
  }

  private static void requirePositive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration: " + value);
    }
  }
}
