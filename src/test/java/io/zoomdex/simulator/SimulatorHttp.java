package io.zoomdex.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A small HTTP client for simulator tests: fetches a token and GETs raw API paths. */
final class SimulatorHttp {
  private static final ObjectMapper JSON = new ObjectMapper();

  final ZoomSimulator simulator;
  final HttpClient client = HttpClient.newHttpClient();
  private String token;

  SimulatorHttp(ZoomSimulator simulator) {
    this.simulator = simulator;
  }

  static String basic(String id, String secret) {
    return "Basic "
        + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<String> requestToken(String authorization, String query, String formBody) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(simulator.oauthBaseUrl() + "/oauth/token" + query))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(formBody));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request.build());
  }

  String newToken() {
    HttpResponse<String> response =
        requestToken(
            basic(simulator.clientId(), simulator.clientSecret()),
            "",
            "grant_type=account_credentials&account_id=" + simulator.accountId());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("token request failed: " + response.body());
    }
    return json(response).get("access_token").asText();
  }

  String token() {
    if (token == null) {
      token = newToken();
    }
    return token;
  }

  /** GET of a raw path below /v2 (escapes kept exactly as given) with the cached token. */
  HttpResponse<String> get(String rawPathAndQuery) {
    return getWith(rawPathAndQuery, "Bearer " + token());
  }

  HttpResponse<String> getWith(String rawPathAndQuery, String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(simulator.apiBaseUrl() + rawPathAndQuery)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request.build());
  }

  HttpResponse<String> getAbsolute(String url, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request.build());
  }

  JsonNode getJson(String rawPathAndQuery) {
    HttpResponse<String> response = get(rawPathAndQuery);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET " + rawPathAndQuery + " -> " + response.statusCode() + " " + response.body());
    }
    return json(response);
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Zoom's double encoding of an instance UUID for a path segment. */
  static String doubleEncode(String uuid) {
    return encode(encode(uuid));
  }

  /** A path-segment percent-encoding of every character outside [A-Za-z0-9-_.~]. */
  static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if (Character.isLetterOrDigit(c) && c < 128 || "-_.~".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format(java.util.Locale.ROOT, "%02X", b & 0xFF));
      }
    }
    return out.toString();
  }
}
