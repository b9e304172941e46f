package io.zoomdex.simulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One API request from raw path to answer, in Zoom's order: route, authenticate, rate-limit, check
 * scopes, then the endpoint's handler. Faults are applied by the caller.
 */
final class ApiGateway {
  private static final Logger LOG = LoggerFactory.getLogger(ApiGateway.class);

  private final Router router;
  private final Map<Endpoint, Handler> handlers;
  private final AccessTokens tokens;
  private final RateLimiter rateLimiter;
  private final Set<String> grantedScopes;
  private final SimulatorClock clock;

  ApiGateway(
      Router router,
      Map<Endpoint, Handler> handlers,
      AccessTokens tokens,
      RateLimiter rateLimiter,
      Set<String> grantedScopes,
      SimulatorClock clock) {
    this.router = router;
    this.handlers = Map.copyOf(handlers);
    this.tokens = tokens;
    this.rateLimiter = rateLimiter;
    this.grantedScopes = Set.copyOf(grantedScopes);
    this.clock = clock;
  }

  /** The endpoint a raw path under {@code /v2} names, for logging and fault matching. */
  Optional<Router.Match> route(String rawApiPath) {
    return router.match(Router.segments(rawApiPath));
  }

  ApiResponse handle(
      String method, String rawApiPath, String rawQuery, String authorization, Router.Match match) {
    Map<String, String> query = QueryString.parse(rawQuery);
    if (query.containsKey("access_token")) {
      return error(
          401,
          124,
          "Invalid access token, this access token is not supported as query parameter string.");
    }
    Optional<ZoomApiError> unauthenticated = authenticate(authorization);
    if (unauthenticated.isPresent()) {
      return unauthenticated.get().toResponse();
    }
    List<String> segments = Router.segments(rawApiPath);
    if (match == null) {
      return UngrantedEndpoints.match(segments)
          .map(route -> missingScopes(route.scopes()))
          .orElseGet(() -> unknownRoute(segments));
    }
    if (!"GET".equals(method)) {
      return error(405, 405, "Method not allowed.");
    }
    Endpoint endpoint = match.endpoint();
    RateLimiter.Verdict verdict = rateLimiter.acquire(endpoint.rateLabel());
    if (!verdict.allowed()) {
      String body = verdict.daily() ? ZoomErrors.DAILY_LIMIT_BODY : ZoomErrors.QPS_LIMIT_BODY;
      return ApiResponse.json(429, body).withHeaders(verdict.headers());
    }
    if (endpoint.scopes().stream().noneMatch(grantedScopes::contains)) {
      return missingScopes(endpoint.scopes()).withHeaders(verdict.headers());
    }
    ApiResponse response;
    try {
      response =
          handlers
              .get(endpoint)
              .handle(new ApiRequest(endpoint, match.parameters(), query, clock.now()));
    } catch (ZoomApiError zoomError) {
      response = zoomError.toResponse();
    } catch (RuntimeException bug) {
      LOG.error("The simulator failed on {} {}", endpoint.operationId(), rawApiPath, bug);
      response = error(500, 500, "Internal Server Error.");
    }
    return response.withHeaders(verdict.headers());
  }

  private Optional<ZoomApiError> authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return Optional.of(new ZoomApiError(401, 124, "Requires an access token."));
    }
    if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(new ZoomApiError(401, 124, "Invalid access token."));
    }
    return switch (tokens.check(authorization.substring(7).trim())) {
      case VALID -> Optional.empty();
      case EXPIRED -> Optional.of(new ZoomApiError(401, 124, "Access token is expired."));
      case INVALID -> Optional.of(new ZoomApiError(401, 124, "Invalid access token."));
    };
  }

  private static ApiResponse missingScopes(List<String> scopes) {
    return error(
        400,
        4711,
        "Invalid access token, does not contain scopes:[" + String.join(", ", scopes) + "].");
  }

  /**
   * A path no endpoint fits. Under a meeting or webinar prefix this is what a single-encoded UUID
   * containing "//" turns into; Zoom then answers 3001 naming what is left of the id.
   */
  private static ApiResponse unknownRoute(List<String> segments) {
    if (segments.size() >= 2) {
      String resource = segments.get(0);
      if (resource.equals("meetings") || resource.equals("past_meetings")) {
        return ZoomApiError.meetingNotFound(segments.get(1)).toResponse();
      }
      if (resource.equals("webinars") || resource.equals("past_webinars")) {
        return ZoomApiError.webinarNotFound(segments.get(1)).toResponse();
      }
    }
    return error(404, 2300, "This API endpoint is not recognized.");
  }

  private static ApiResponse error(int status, int code, String message) {
    return ApiResponse.json(status, ZoomErrors.body(code, message));
  }
}
