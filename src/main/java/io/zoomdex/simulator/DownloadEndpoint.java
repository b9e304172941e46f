package io.zoomdex.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Recording downloads: {@code /rec/download/{key}} needs {@code Authorization: Bearer <token>} and
 * answers 302 to a signed {@code /rec/file/{key}} URL (Zoom's storage host), which serves the file
 * without further authentication.
 */
final class DownloadEndpoint {
  static final String DOWNLOAD_PREFIX = "/rec/download/";
  static final String FILE_PREFIX = "/rec/file/";

  private final SimulatedAccount account;
  private final AccessTokens tokens;
  private final Signer signer;
  private final String origin;

  DownloadEndpoint(SimulatedAccount account, AccessTokens tokens, Signer signer, String origin) {
    this.account = account;
    this.tokens = tokens;
    this.signer = signer;
    this.origin = origin;
  }

  ApiResponse download(String key, String rawQuery, String authorization) {
    if (QueryString.parse(rawQuery).containsKey("access_token")) {
      return ApiResponse.json(
          401,
          ZoomErrors.body(
              124,
              "Invalid access token, this access token is not supported as query parameter string."));
    }
    if (authorization == null
        || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        || tokens.check(authorization.substring(7).trim()) != AccessTokens.Status.VALID) {
      return ApiResponse.json(401, ZoomErrors.body(124, "Invalid access token."));
    }
    if (file(key).isEmpty()) {
      return notFound();
    }
    return new ApiResponse(
        302, "", null, Map.of("Location", origin + FILE_PREFIX + key + "?sig=" + signature(key)));
  }

  ApiResponse file(String key, String rawQuery) {
    String sig = QueryString.parse(rawQuery).get("sig");
    if (sig == null || !sig.equals(signature(key))) {
      return new ApiResponse(403, "Forbidden", "text/plain", Map.of());
    }
    Optional<Served> served = file(key);
    if (served.isEmpty()) {
      return notFound();
    }
    return new ApiResponse(200, served.get().content(), served.get().contentType(), Map.of());
  }

  private record Served(String content, String contentType) {}

  private Optional<Served> file(String key) {
    Optional<String[]> parsed = InstanceContent.parseDownloadKey(key);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    String type = parsed.get()[1];
    return account
        .instance(parsed.get()[0])
        .filter(
            instance ->
                account.recordingFiles(instance).stream().anyMatch(f -> f.fileType().equals(type)))
        .map(
            instance ->
                switch (type) {
                  case "TRANSCRIPT", "CC" ->
                      new Served(account.transcriptVtt(instance), "text/vtt");
                  case "CHAT" -> new Served(chat(instance), "text/plain");
                  case "TIMELINE" -> new Served("{\"timeline\":[]}", "application/json");
                  default -> new Served("simulated media", "application/octet-stream");
                });
  }

  private String chat(SimInstance instance) {
    StringBuilder chat = new StringBuilder();
    for (SimParticipant participant : account.participants(instance)) {
      chat.append("00:01:00\t").append(participant.name()).append(":\tHello everyone\r\n");
      if (chat.length() > 300) {
        break;
      }
    }
    return chat.toString();
  }

  private String signature(String key) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            java.util.Arrays.copyOf(signer.sign(key.getBytes(StandardCharsets.US_ASCII)), 16));
  }

  private static ApiResponse notFound() {
    return ApiResponse.json(404, ZoomErrors.body(3301, "There is no recording for this session."));
  }
}
