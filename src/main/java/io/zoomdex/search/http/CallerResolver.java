package io.zoomdex.search.http;

import io.javalin.http.Context;
import io.zoomdex.document.Readers;
import io.zoomdex.search.auth.ApiTokenStore;
import io.zoomdex.search.auth.TokenPrincipal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Decides who a request comes from: the demo person picked (demo mode only), the trusted proxy's
 * identity header (from the proxy's own address only), or a bearer token. Nothing else lets a
 * caller choose whom to search as.
 */
final class CallerResolver {

  /** The header the demo page sets to the picked person; the {@code as} parameter also works. */
  static final String DEMO_AS_HEADER = "X-Zoomdex-Demo-As";

  static final String DEMO_AS_PARAM = "as";

  private static final int MAX_AUTHORIZATION_CHARS = 256;
  private static final String BEARER = "bearer ";

  private final ApiTokenStore tokens;
  private final TrustedIdentityHeader trustedHeader;
  private final List<String> demoPeople;
  private final boolean userNameClaims;

  CallerResolver(
      ApiTokenStore tokens, TrustedIdentityHeader trustedHeader, List<String> demoPeople) {
    this(tokens, trustedHeader, demoPeople, false);
  }

  /**
   * @param userNameClaims whether the trusted header may hold a bare user name, which identity
   *     mapping then completes (searches map every caller; an unmapped name sees nothing)
   */
  CallerResolver(
      ApiTokenStore tokens,
      TrustedIdentityHeader trustedHeader,
      List<String> demoPeople,
      boolean userNameClaims) {
    this.tokens = tokens;
    this.trustedHeader = trustedHeader;
    this.demoPeople = List.copyOf(demoPeople);
    this.userNameClaims = userNameClaims;
  }

  /**
   * The caller of this request.
   *
   * @throws ApiError 401 when nobody is identified, 403 when a person is picked outside demo mode
   *     or is not one of the demo people
   */
  Caller resolve(Context ctx) {
    String pickedRaw = firstNonNull(ctx.header(DEMO_AS_HEADER), ctx.queryParam(DEMO_AS_PARAM));
    if (pickedRaw != null) {
      return demoCaller(pickedRaw);
    }
    Optional<Caller> proxied = proxyCaller(ctx);
    if (proxied.isPresent()) {
      return proxied.get();
    }
    return resolveToken(ctx.header("Authorization"));
  }

  private Caller demoCaller(String pickedRaw) {
    if (demoPeople.isEmpty()) {
      throw ApiError.forbidden(
          "This server does not let callers choose whom to search as; sign in with your own"
              + " token instead.");
    }
    String picked = Readers.normalize(pickedRaw);
    if (!demoPeople.contains(picked)) {
      throw ApiError.forbidden(
          "That person is not one of the demo people; pick one from the list.");
    }
    return new Caller(picked, false, Caller.VIA_DEMO);
  }

  private Optional<Caller> proxyCaller(Context ctx) {
    if (trustedHeader == null) {
      return Optional.empty();
    }
    String value = ctx.header(trustedHeader.headerName());
    // The TCP peer, not ctx.ip(): Javalin's ip() believes X-Forwarded-For, which anyone can send.
    if (value == null || !fromProxy(ctx.req().getRemoteAddr())) {
      return Optional.empty();
    }
    if (userNameClaims && UserNameClaim.isPlausible(value)) {
      return Optional.of(new Caller(Readers.normalize(value), false, Caller.VIA_PROXY));
    }
    try {
      return Optional.of(new Caller(ApiTokenStore.normalizeEmail(value), false, Caller.VIA_PROXY));
    } catch (IllegalArgumentException e) {
      throw ApiError.unauthorized(
          "The identity header from the proxy does not hold an email address; check the proxy.");
    }
  }

  private boolean fromProxy(String remoteAddress) {
    try {
      // A literal address from the servlet API: no DNS lookup happens here.
      return InetAddress.getByName(remoteAddress).equals(trustedHeader.proxyAddress());
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * The caller named by an {@code Authorization: Bearer TOKEN} header, and by nothing else.
   *
   * @throws ApiError 401 when the header is missing or malformed, or the token unknown or revoked
   */
  Caller resolveToken(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw ApiError.unauthorized(
          "Sign in: send your API token as 'Authorization: Bearer TOKEN' (make one with"
              + " `zoomdex token create`).");
    }
    if (authorization.length() > MAX_AUTHORIZATION_CHARS
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw ApiError.unauthorized(
          "The Authorization header must be 'Bearer' followed by an API token.");
    }
    Optional<TokenPrincipal> principal =
        tokens.resolve(authorization.substring(BEARER.length()).strip());
    if (principal.isEmpty()) {
      throw ApiError.unauthorized(
          "The API token is unknown or revoked; ask an administrator for a new one.");
    }
    return new Caller(principal.get().email(), principal.get().admin(), Caller.VIA_TOKEN);
  }

  private static String firstNonNull(String first, String second) {
    return first != null ? first : second;
  }
}
