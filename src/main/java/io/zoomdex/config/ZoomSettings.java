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
    return new ZoomSettings(
        accountId,
        clientId,
        clientSecret,
        api,
        true,
        oauth,
        rateLimits,
        concurrency,
        connectTimeout,
        requestTimeout,
        maxAttempts,
        maxRateLimitWait,
        maxRateLimitRetries);
  }

  /** The same settings with another OAuth host and a non-explicit API URL (data residency). */
  public ZoomSettings withDefaultApiUrl(URI api, URI oauth) {
    return new ZoomSettings(
        accountId,
        clientId,
        clientSecret,
        api,
        false,
        oauth,
        rateLimits,
        concurrency,
        connectTimeout,
        requestTimeout,
        maxAttempts,
        maxRateLimitWait,
        maxRateLimitRetries);
  }

  public ZoomSettings withRateLimits(RateLimits limits) {
    return new ZoomSettings(
        accountId,
        clientId,
        clientSecret,
        apiUrl,
        apiUrlExplicit,
        oauthUrl,
        limits,
        concurrency,
        connectTimeout,
        requestTimeout,
        maxAttempts,
        maxRateLimitWait,
        maxRateLimitRetries);
  }

  public ZoomSettings withConcurrency(int inFlight) {
    return new ZoomSettings(
        accountId,
        clientId,
        clientSecret,
        apiUrl,
        apiUrlExplicit,
        oauthUrl,
        rateLimits,
        inFlight,
        connectTimeout,
        requestTimeout,
        maxAttempts,
        maxRateLimitWait,
        maxRateLimitRetries);
  }

  public ZoomSettings withTimeouts(Duration connect, Duration request) {
    return new ZoomSettings(
        accountId,
        clientId,
        clientSecret,
        apiUrl,
        apiUrlExplicit,
        oauthUrl,
        rateLimits,
        concurrency,
        connect,
        request,
        maxAttempts,
        maxRateLimitWait,
        maxRateLimitRetries);
  }

  public ZoomSettings withRetries(int attempts, Duration rateLimitWait, int rateLimitRetries) {
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
        attempts,
        rateLimitWait,
        rateLimitRetries);
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
