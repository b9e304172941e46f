package io.zoomdex.zoom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zoomdex.config.ZoomSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Server-to-Server OAuth access token: one cached token for all threads, renewed a minute
 * before it expires or when Zoom rejects it, with a single renewal in flight (other callers wait
 * for it).
 */
final class AccessTokens {
  private static final Logger LOG = LoggerFactory.getLogger(AccessTokens.class);

  /** Renew this long before expiry, as Zoom's own SDK does. */
  static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

  private final ZoomSettings settings;
  private final HttpClient http;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Backoff backoff;
  private final ObjectMapper mapper;
  private final ZoomCallStats stats;
  private final ReentrantLock renewal = new ReentrantLock();
  private volatile Token current;

  AccessTokens(
      ZoomSettings settings,
      HttpClient http,
      Clock clock,
      Sleeper sleeper,
      Backoff backoff,
      ObjectMapper mapper,
      ZoomCallStats stats) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
    this.sleeper = sleeper;
    this.backoff = backoff;
    this.mapper = mapper;
    this.stats = stats;
  }

  /** A token valid for at least another minute, fetching one when needed. */
  Token valid() {
    Token token = current;
    if (token != null && token.freshAt(clock.instant())) {
      return token;
    }
    renewal.lock();
    try {
      token = current;
      if (token != null && token.freshAt(clock.instant())) {
        return token;
      }
      current = fetch();
      return current;
    } finally {
      renewal.unlock();
    }
  }

  /** Forgets {@code rejected} (Zoom answered 401/124) unless another thread already replaced it. */
  void rejected(Token rejected) {
    renewal.lock();
    try {
      if (current == rejected) {
        current = null;
      }
    } finally {
      renewal.unlock();
    }
  }

  private Token fetch() {
    URI uri = settings.tokenUrl();
    String credentials =
        Base64.getEncoder()
            .encodeToString(
                (settings.clientId() + ":" + settings.clientSecret().reveal())
                    .getBytes(StandardCharsets.UTF_8));
    String form =
        "grant_type=account_credentials&account_id=" + PathSegments.encode(settings.accountId());
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(settings.requestTimeout())
            .header("Authorization", "Basic " + credentials)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    String lastProblem = "no answer";
    for (int attempt = 1; ; attempt++) {
      long started = System.nanoTime();
      try {
        stats.recordTokenRequest();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        LOG.debug(
            "POST {} -> {} in {} ms",
            uri.getPath(),
            response.statusCode(),
            (System.nanoTime() - started) / 1_000_000);
        int status = response.statusCode();
        if (status == 200) {
          Optional<Token> token = parse(response.body());
          if (token.isPresent()) {
            return token.get();
          }
          lastProblem = "a token response that is not the documented JSON";
        } else if (status >= 400 && status < 500 && status != 429) {
          throw badCredentials(response.body(), status);
        } else {
          lastProblem = "HTTP " + status;
        }
      } catch (IOException e) {
        lastProblem = e.getClass().getSimpleName();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ZoomExchange.interrupted(e);
      }
      if (attempt >= settings.maxAttempts()) {
        throw new ZoomException(
            ZoomException.Reason.UNAVAILABLE,
            0,
            0,
            "Zoom's OAuth endpoint "
                + uri
                + " failed "
                + attempt
                + " times (last: "
                + lastProblem
                + "); check the network and the OAuth URL, or try again later.");
      }
      stats.recordRetry();
      try {
        sleeper.sleep(backoff.delay(attempt));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ZoomExchange.interrupted(e);
      }
    }
  }

  private ZoomException badCredentials(byte[] body, int status) {
    String error = "";
    try {
      JsonNode node = mapper.readTree(body);
      error = node.path("error").asText("");
    } catch (IOException | RuntimeException e) {
      // the fixed sentence below is enough
    }
    String detail = error.matches("[a-z_]{1,40}") ? " (" + error + ")" : "";
    return new ZoomException(
        ZoomException.Reason.BAD_CREDENTIALS,
        status,
        0,
        "Zoom refused the Server-to-Server OAuth credentials"
            + detail
            + "; check the account ID, client ID and client secret of the Server-to-Server OAuth"
            + " app and that the app is activated.");
  }

  private Optional<Token> parse(byte[] body) {
    try {
      JsonNode node = mapper.readTree(body);
      String accessToken = node.path("access_token").asText("");
      long expiresIn = node.path("expires_in").asLong(0);
      if (accessToken.isEmpty() || expiresIn <= 0) {
        return Optional.empty();
      }
      Set<String> scopes = new LinkedHashSet<>();
      Arrays.stream(node.path("scope").asText("").split("[\\s,]+"))
          .filter(s -> !s.isBlank())
          .forEach(scopes::add);
      String apiUrl = node.path("api_url").asText("");
      return Optional.of(
          new Token(
              accessToken,
              renewalTime(clock.instant(), expiresIn),
              Set.copyOf(scopes),
              apiUrl.isBlank() ? null : apiUrl));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A minute before expiry, or half-way for tokens that live less than two minutes. */
  static Instant renewalTime(Instant issued, long expiresInSeconds) {
    Duration ttl = Duration.ofSeconds(expiresInSeconds);
    Duration early =
        ttl.compareTo(RENEW_BEFORE_EXPIRY.multipliedBy(2)) < 0
            ? ttl.dividedBy(2)
            : RENEW_BEFORE_EXPIRY;
    return issued.plus(ttl).minus(early);
  }

  /** One access token; {@link #toString()} never shows the value. */
  static final class Token {
    private final String value;
    private final Instant renewAt;
    private final Set<String> scopes;
    private final String apiUrl;

    Token(String value, Instant renewAt, Set<String> scopes, String apiUrl) {
      this.value = value;
      this.renewAt = renewAt;
      this.scopes = scopes;
      this.apiUrl = apiUrl;
    }

    String value() {
      return value;
    }

    Set<String> scopes() {
      return scopes;
    }

    /** The token response's {@code api_url}, if any. */
    Optional<String> apiUrl() {
      return Optional.ofNullable(apiUrl);
    }

    boolean freshAt(Instant now) {
      return now.isBefore(renewAt);
    }

    @Override
    public String toString() {
      return "Token{renewAt=" + renewAt + "}";
    }
  }
}
