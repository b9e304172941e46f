package io.zoomdex.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /oauth/token} as Zoom's Server-to-Server OAuth: Basic auth of client id and secret,
 * {@code grant_type=account_credentials} and {@code account_id} in the query or a form body. Errors
 * use OAuth's {@code {"reason","error"}} shape, not Zoom's codes.
 */
final class OAuthEndpoint {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Credentials credentials;
  private final AccessTokens tokens;
  private final List<String> grantedScopes;
  private final String apiOrigin;

  OAuthEndpoint(
      Credentials credentials, AccessTokens tokens, List<String> grantedScopes, String apiOrigin) {
    this.credentials = credentials;
    this.tokens = tokens;
    this.grantedScopes = List.copyOf(grantedScopes);
    this.apiOrigin = apiOrigin;
  }

  ApiResponse handle(String method, String authorization, String rawQuery, String formBody) {
    if (!"POST".equals(method)) {
      return oauthError(405, "Method Not Allowed", "invalid_request");
    }
    Map<String, String> parameters = new HashMap<>(QueryString.parse(rawQuery));
    parameters.putAll(QueryString.parse(formBody));
    if (!validClient(authorization)) {
      return oauthError(400, "Invalid client_id or client_secret", "invalid_client");
    }
    if (!"account_credentials".equals(parameters.get("grant_type"))) {
      return oauthError(400, "unsupported grant type", "unsupported_grant_type");
    }
    String accountId = parameters.get("account_id");
    if (accountId == null || accountId.isEmpty()) {
      return oauthError(400, "Missing account_id", "invalid_request");
    }
    if (!accountId.equals(credentials.accountId())) {
      return oauthError(400, "Invalid account_id", "invalid_request");
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("access_token", tokens.issue());
    body.put("token_type", "bearer");
    body.put("expires_in", tokens.ttl().toSeconds());
    body.put("scope", String.join(" ", grantedScopes));
    body.put("api_url", apiOrigin);
    return ApiResponse.json(200, body.toString())
        .withHeaders(Map.of("Cache-Control", "no-store", "Pragma", "no-cache"));
  }

  private boolean validClient(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return false;
    }
    String expected = credentials.clientId() + ":" + credentials.clientSecret();
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), decoded.getBytes(StandardCharsets.UTF_8));
  }

  private static ApiResponse oauthError(int status, String reason, String error) {
    ObjectNode body = JSON.createObjectNode();
    body.put("reason", reason);
    body.put("error", error);
    return ApiResponse.json(status, body.toString());
  }
}
