package io.zoomdex.search.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for tests against a server on 127.0.0.1. */
final class HttpTestClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  HttpTestClient(int port) {
    this.base = URI.create("http://127.0.0.1:" + port);
  }

  /**
   * GETs a path (with its query string, already encoded) with the given header name/value pairs.
   */
  Reply get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(10));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> response =
        client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(response);
  }

  /** GETs with {@code Authorization: Bearer token} and any further header pairs. */
  Reply getAs(String token, String pathAndQuery, String... headers)
      throws IOException, InterruptedException {
    String[] all = new String[headers.length + 2];
    all[0] = "Authorization";
    all[1] = "Bearer " + token;
    System.arraycopy(headers, 0, all, 2, headers.length);
    return get(pathAndQuery, all);
  }

  /** One response. */
  record Reply(HttpResponse<String> response) {
    int status() {
      return response.statusCode();
    }

    String body() {
      return response.body();
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    JsonNode json() throws IOException {
      return JSON.readTree(response.body());
    }

    /** The {@code error} sentence of an error body. */
    String error() throws IOException {
      return json().path("error").asText();
    }
  }
}
