package io.zoomdex.zoom;

import io.zoomdex.config.ZoomSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Zoom HTTP request, seen through to a result or a typed failure: pacing per rate-limit label,
 * the bearer token and its renewal on 401/124, waiting out 429s, retries with backoff, the
 * concurrency cap, call stats and the mapping of Zoom's error bodies. Shared by all threads of a
 * {@link ZoomClient}.
 */
final class ZoomExchange {
  // Logs under ZoomClient's name so existing logging configuration keeps covering these calls.
  private static final Logger LOG = LoggerFactory.getLogger(ZoomClient.class);

  private final ZoomSettings settings;
  private final HttpClient http;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RequestPacer pacer;
  private final AccessTokens tokens;
  private final ZoomCallStats stats;
  private final ZoomErrors errors;
  private final Backoff failureBackoff;
  private final Backoff rateLimitBackoff =
      new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
  private final Semaphore inFlight;

  /**
   * @param failureBackoff the delays between retries of transient failures (shared with the token
   *     requests)
   */
  ZoomExchange(
      ZoomSettings settings,
      HttpClient http,
      Clock clock,
      Sleeper sleeper,
      RequestPacer pacer,
      AccessTokens tokens,
      ZoomCallStats stats,
      ZoomErrors errors,
      Backoff failureBackoff) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.http = Objects.requireNonNull(http, "http");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.pacer = Objects.requireNonNull(pacer, "pacer");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.stats = Objects.requireNonNull(stats, "stats");
    this.errors = Objects.requireNonNull(errors, "errors");
    this.failureBackoff = Objects.requireNonNull(failureBackoff, "failureBackoff");
    this.inFlight = new Semaphore(settings.concurrency(), true);
  }

  /**
   * {@code GET} of a REST path (with its query, empty for none) below the API base, read by {@code
   * reader}.
   *
   * @throws PageTokenExpired when Zoom reports the query's next page token as expired
   * @throws ZoomException on any other failure that retries did not cure
   */
  <T> T get(
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

  /** The REST base: the configured one, or the token's {@code api_url} + {@code /v2}. */
  String apiBase(AccessTokens.Token token) {
    if (!settings.apiUrlExplicit() && token != null && token.apiUrl().isPresent()) {
      String base = token.apiUrl().get();
      base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
      return base.endsWith("/v2") ? base : base + "/v2";
    }
    return settings.apiUrl().toString();
  }

  /**
   * Sends one GET until it succeeds or fails for good: paces it, renews the token once on 401/124,
   * waits out 429s, and retries transient failures (5xx, I/O, timeouts, unreadable bodies) within
   * the attempt budget.
   *
   * @param target the URI to call, given the token in use (null when {@code bearer} is false)
   * @param call how the call is named in logs and messages (never with a secret)
   * @param bearer whether to send the access token
   * @param acceptRedirects whether 3xx answers go to {@code reader} instead of failing
   * @param reader turns a successful answer into the result; throws {@link UnreadableBody} to have
   *     the call retried
   * @throws PageTokenExpired when Zoom reports the query's next page token as expired
   * @throws ZoomException on any other failure that retries did not cure
   */
  <T> T exchange(
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
              .flatMap(ZoomExchange::parseLong)
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
            } else if (errors.isUnreadable(response.body())) {
              // Zoom's errors always carry a JSON body; a cut one says nothing about the call, so
              // it is retried like any unreadable answer instead of failing the item for good.
              problem = "an unreadable HTTP " + status + " answer";
              badBody = true;
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

  /**
   * Waits out a 429 (the {@code Retry-After} time, else a growing backoff), pausing the whole label
   * when it is paced.
   *
   * @throws ZoomException RATE_LIMITED when the wait is longer than allowed or 429s keep coming
   */
  private void waitOutRateLimit(
      Endpoint endpoint, String call, HttpResponse<byte[]> response, int hits)
      throws InterruptedException {
    Optional<Duration> retryAfter =
        response.headers().firstValue("Retry-After").flatMap(this::parseRetryAfter);
    Duration wait = retryAfter.orElseGet(() -> rateLimitBackoff.delay(hits));
    Instant until = clock.instant().plus(wait);
    if (wait.compareTo(settings.maxRateLimitWait()) > 0) {
      ZoomException usedUp =
          new ZoomException(
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
      if (endpoint.paced()) {
        pacer.closeUntil(endpoint.label(), until, usedUp); // the rest would only get 429s too
      }
      throw usedUp;
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

  /**
   * The failure for a call whose thread was interrupted; the caller restores the interrupt flag.
   */
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

  /** A 2xx body that is not the documented JSON; retried like a 5xx. */
  static final class UnreadableBody extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnreadableBody(String message) {
      super(message, null, false, false);
    }
  }

  /** 400/300 "next page token is invalid or expired": the listing starts again. */
  static final class PageTokenExpired extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PageTokenExpired() {
      super("next page token expired", null, false, false);
    }
  }
}
