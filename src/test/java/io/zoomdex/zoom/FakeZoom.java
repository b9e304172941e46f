package io.zoomdex.zoom;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small Zoom stand-in on 127.0.0.1:0 serving canned answers: an OAuth token endpoint and API
 * routes keyed by raw path, with scripted one-off faults served first.
 */
final class FakeZoom implements AutoCloseable {
  static final String ACCOUNT = "acct-1";
  static final String CLIENT_ID = "client-1";
  static final String SECRET = "s3cr3t-value-XYZ";

  record Request(
      String method, String rawPath, String rawQuery, String authorization, String body) {
    String query(String name) {
      if (rawQuery == null) {
        return null;
      }
      for (String pair : rawQuery.split("&")) {
        String[] kv = pair.split("=", 2);
        if (kv[0].equals(name)) {
          return kv.length == 2 ? kv[1] : "";
        }
      }
      return null;
    }
  }

  record Reply(int status, String body, Map<String, String> headers, boolean drop) {
    static Reply json(int status, String body) {
      return new Reply(status, body, Map.of(), false);
    }

    static Reply ok(String body) {
      return json(200, body);
    }

    static Reply dropped() {
      return new Reply(0, "", Map.of(), true);
    }

    Reply withHeader(String name, String value) {
      Map<String, String> copy = new java.util.HashMap<>(headers);
      copy.put(name, value);
      return new Reply(status, body, copy, drop);
    }
  }

  private final HttpServer server;
  final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  final Deque<Reply> faults = new ConcurrentLinkedDeque<>();
  final Map<String, Function<Request, Reply>> routes = new ConcurrentHashMap<>();
  final AtomicInteger tokenRequests = new AtomicInteger();
  final Set<String> validTokens = ConcurrentHashMap.newKeySet();
  volatile String scope = String.join(" ", RequiredScopes.ALL);
  volatile long expiresIn = 3599;
  volatile String apiUrlInToken;
  volatile Reply tokenReply;

  FakeZoom() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/oauth/token", this::token);
    server.createContext("/", this::api);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  URI apiUrl() {
    return URI.create(baseUrl() + "/v2");
  }

  void route(String rawPath, Function<Request, Reply> handler) {
    routes.put(rawPath, handler);
  }

  void route(String rawPath, String json) {
    routes.put(rawPath, r -> Reply.ok(json));
  }

  void revokeAllTokens() {
    validTokens.clear();
  }

  List<Request> apiRequests() {
    synchronized (requests) {
      return requests.stream().filter(r -> !r.rawPath().startsWith("/oauth")).toList();
    }
  }

  private void token(HttpExchange exchange) throws IOException {
    Request request = record(exchange);
    tokenRequests.incrementAndGet();
    if (tokenReply != null) {
      send(exchange, tokenReply);
      return;
    }
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
    if (!expected.equals(request.authorization())
        || !request.body().contains("grant_type=account_credentials")
        || !request.body().contains("account_id=" + ACCOUNT)) {
      send(
          exchange,
          Reply.json(
              400,
              "{\"reason\":\"Invalid client_id or client_secret\",\"error\":\"invalid_client\"}"));
      return;
    }
    String token = "tok-" + tokenRequests.get() + "-eyJhbGciOiJIUzUxMiJ9";
    validTokens.add(token);
    String apiUrl = apiUrlInToken == null ? "" : ",\"api_url\":\"" + apiUrlInToken + "\"";
    send(
        exchange,
        Reply.ok(
            "{\"access_token\":\""
                + token
                + "\",\"token_type\":\"bearer\",\"expires_in\":"
                + expiresIn
                + ",\"scope\":\""
                + scope
                + "\""
                + apiUrl
                + "}"));
  }

  private void api(HttpExchange exchange) throws IOException {
    Request request = record(exchange);
    String auth = request.authorization();
    if (auth == null || !auth.startsWith("Bearer ") || !validTokens.contains(auth.substring(7))) {
      send(exchange, Reply.json(401, "{\"code\":124,\"message\":\"Invalid access token.\"}"));
      return;
    }
    Reply fault = faults.poll();
    if (fault != null) {
      send(exchange, fault);
      return;
    }
    Function<Request, Reply> handler = routes.get(request.rawPath());
    send(
        exchange,
        handler == null
            ? Reply.json(404, "{\"code\":3001,\"message\":\"Meeting does not exist.\"}")
            : handler.apply(request));
  }

  private Request record(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Request request =
        new Request(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath(),
            exchange.getRequestURI().getRawQuery(),
            exchange.getRequestHeaders().getFirst("Authorization"),
            body);
    requests.add(request);
    return request;
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    if (reply.drop()) {
      // Promise a long body, send a few bytes and hang up: the client sees a dropped connection.
      exchange.sendResponseHeaders(200, 1000);
      try {
        exchange.getResponseBody().write("{\"us".getBytes(StandardCharsets.UTF_8));
        exchange.getResponseBody().close();
      } catch (IOException expected) {
        // the server complains about the short body; that is the point
      }
      exchange.close();
      return;
    }
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
