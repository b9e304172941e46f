package io.zoomdex.zoom;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A call Zoom answered with an error, or could not answer. The message is one plain sentence that
 * names the problem and the fix, and never contains a secret or token.
 */
public final class ZoomException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the call failed; the crawl decides from this whether to skip an item or stop. */
  public enum Reason {
    /** 404 with 3001, 1001 or 3301: the item is gone (or never existed). Skip it. */
    NOT_FOUND(false),
    /** 400 with 12702: the instance is over a year old. Skip it. */
    TOO_OLD(false),
    /** 400 with 200: the plan or the user lacks the feature (e.g. no webinar licence). Skip it. */
    NO_PERMISSION(false),
    /** 403 with 2305: summaries are restricted, or the summary was trashed. Skip it. */
    SUMMARY_RESTRICTED(false),
    /** 400 with 4711: the app lacks a scope; {@link #missingScopes()} names it. Fatal. */
    MISSING_SCOPE(false),
    /** The token endpoint refused the account id, client id or secret. Fatal. */
    BAD_CREDENTIALS(false),
    /** 429 after the wait and retry budget: the account's rate limit is exhausted. */
    RATE_LIMITED(true),
    /** 5xx, timeouts or dropped connections after the retry budget. */
    UNAVAILABLE(true),
    /** Zoom answered, but with a body that is not the JSON it documents. */
    BAD_RESPONSE(true),
    /** Any other error Zoom answered. */
    OTHER(false);

    private final boolean retryable;

    Reason(boolean retryable) {
      this.retryable = retryable;
    }

    /** Whether the same call may succeed later. */
    public boolean retryable() {
      return retryable;
    }
  }

  private final Reason reason;
  private final int httpStatus;
  private final int zoomCode;
  private final List<String> missingScopes;
  private final Duration retryAfter;

  public ZoomException(
      Reason reason,
      int httpStatus,
      int zoomCode,
      String message,
      List<String> missingScopes,
      Duration retryAfter,
      Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.httpStatus = httpStatus;
    this.zoomCode = zoomCode;
    this.missingScopes = missingScopes == null ? List.of() : List.copyOf(missingScopes);
    this.retryAfter = retryAfter;
  }

  public ZoomException(Reason reason, int httpStatus, int zoomCode, String message) {
    this(reason, httpStatus, zoomCode, message, List.of(), null, null);
  }

  public Reason reason() {
    return reason;
  }

  /** The HTTP status, or 0 when Zoom was not reached. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Zoom's {@code code} from the error body, or 0 when there was none. */
  public int zoomCode() {
    return zoomCode;
  }

  /** The scopes Zoom said are missing (only for {@link Reason#MISSING_SCOPE}). */
  public List<String> missingScopes() {
    return missingScopes;
  }

  /** When a retry may succeed, if Zoom said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Whether the item should be counted and skipped rather than failing the crawl. */
  public boolean isKnownRefusal() {
    return switch (reason) {
      case NOT_FOUND, TOO_OLD, NO_PERMISSION, SUMMARY_RESTRICTED -> true;
      default -> false;
    };
  }
}
