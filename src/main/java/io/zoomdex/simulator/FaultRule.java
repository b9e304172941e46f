package io.zoomdex.simulator;

import java.util.Map;
import java.util.Objects;

/**
 * "The next {@code count} requests matching {@code operationId} get this answer": for 429 storms,
 * 5xx bursts or a 401 in the middle of a crawl.
 *
 * @param operationId Zoom operationId to match (for example {@code "pastMeetingParticipants"}), or
 *     null for any API request
 * @param count how many matching requests get this answer
 * @param status the HTTP status to send
 * @param body the body to send (JSON text, may be empty)
 * @param headers extra response headers (for example {@code Retry-After})
 */
public record FaultRule(
    String operationId, int count, int status, String body, Map<String, String> headers) {
  public FaultRule {
    if (count < 1) {
      throw new IllegalArgumentException("A fault rule must apply to at least one request.");
    }
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("A fault rule needs an HTTP status between 100 and 599.");
    }
    body = Objects.requireNonNullElse(body, "");
    headers = Map.copyOf(Objects.requireNonNullElse(headers, Map.of()));
  }

  /** A rule answering Zoom's per-second 429 with {@code Retry-After} in seconds. */
  public static FaultRule qpsTooManyRequests(String operationId, int count, int retryAfterSeconds) {
    return new FaultRule(
        operationId,
        count,
        429,
        ZoomErrors.QPS_LIMIT_BODY,
        Map.of("Retry-After", Integer.toString(retryAfterSeconds), "X-RateLimit-Type", "QPS"));
  }

  /** A rule answering {@code status} with Zoom's generic error body. */
  public static FaultRule serverError(String operationId, int count, int status) {
    return new FaultRule(
        operationId, count, status, ZoomErrors.body(status, "Internal Server Error."), Map.of());
  }

  boolean matches(String operation) {
    return operationId == null || operationId.equals(operation);
  }
}
