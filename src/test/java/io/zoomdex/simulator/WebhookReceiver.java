package io.zoomdex.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A tiny Zoom webhook endpoint for tests on 127.0.0.1 (port 0): verifies every signature with its
 * own HMAC code, answers URL validation (correctly, or wrongly when told), and answers events with
 * 500 for the first {@code failuresBeforeSuccess} posts.
 */
final class WebhookReceiver implements AutoCloseable {
  /** A received event and whether its signature verified. */
  record Received(String body, JsonNode json, boolean signatureValid) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final String secret;
  private final List<Received> events = new ArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private volatile boolean answerValidationWrongly;

  WebhookReceiver(String secret) throws IOException {
    this.secret = secret;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/webhooks/zoom", this::handle);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/zoom");
  }

  void failNext(int posts) {
    failuresLeft.set(posts);
  }

  void answerValidationWrongly() {
    answerValidationWrongly = true;
  }

  synchronized List<Received> events() {
    return List.copyOf(events);
  }

  static String hmac(String key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String timestamp = exchange.getRequestHeaders().getFirst("x-zm-request-timestamp");
    String signature = exchange.getRequestHeaders().getFirst("x-zm-signature");
    boolean valid =
        timestamp != null
            && signature != null
            && signature.equals("v0=" + hmac(secret, "v0:" + timestamp + ":" + body));
    JsonNode json = JSON.readTree(body);
    if ("endpoint.url_validation".equals(json.path("event").asText())) {
      String plain = json.at("/payload/plainToken").asText();
      String encrypted = answerValidationWrongly ? "0000" : hmac(secret, plain);
      respond(
          exchange,
          valid ? 200 : 401,
          "{\"plainToken\":\"" + plain + "\",\"encryptedToken\":\"" + encrypted + "\"}");
      return;
    }
    synchronized (this) {
      events.add(new Received(body, json, valid));
    }
    int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
    respond(exchange, valid ? status : 401, "");
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
