package io.zoomdex.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side: takes the raw request (undecoded path), sends it to the token endpoint, the API
 * gateway or the download endpoint, applies faults, logs the answer and writes it.
 */
final class HttpDispatcher implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(HttpDispatcher.class);
  static final String TOKEN_OPERATION = "oauthToken";
  static final String DOWNLOAD_OPERATION = "downloadRecording";

  private final OAuthEndpoint oauth;
  private final ApiGateway api;
  private final DownloadEndpoint downloads;
  private final Faults faults;
  private final RequestLog log;

  HttpDispatcher(
      OAuthEndpoint oauth,
      ApiGateway api,
      DownloadEndpoint downloads,
      Faults faults,
      RequestLog log) {
    this.oauth = oauth;
    this.api = api;
    this.downloads = downloads;
    this.faults = faults;
    this.log = log;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String rawPath = exchange.getRequestURI().getRawPath();
      String rawQuery = exchange.getRequestURI().getRawQuery();
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      String method = exchange.getRequestMethod();
      String body = readBody(exchange.getRequestBody());
      if (rawPath.equals("/oauth/token")) {
        Faults.Decision decision = faults.decideForToken();
        ApiResponse response =
            decision.kind() == Faults.Kind.RULE
                ? ruleAnswer(decision.rule())
                : oauth.handle(method, authorization, rawQuery, body);
        log.record(TOKEN_OPERATION, null, response.status());
        send(exchange, response, Faults.Kind.NONE);
      } else if (rawPath.startsWith(DownloadEndpoint.DOWNLOAD_PREFIX)) {
        String key = rawPath.substring(DownloadEndpoint.DOWNLOAD_PREFIX.length());
        withFaults(
            exchange,
            DOWNLOAD_OPERATION,
            null,
            () -> downloads.download(key, rawQuery, authorization));
      } else if (rawPath.startsWith(DownloadEndpoint.FILE_PREFIX)) {
        String key = rawPath.substring(DownloadEndpoint.FILE_PREFIX.length());
        send(exchange, downloads.file(key, rawQuery), Faults.Kind.NONE);
      } else if (rawPath.startsWith("/v2/")) {
        String apiPath = rawPath.substring(3);
        Optional<Router.Match> match = api.route(apiPath);
        String operation = match.map(m -> m.endpoint().operationId()).orElse("unknown");
        RateLabel label = match.map(m -> m.endpoint().rateLabel()).orElse(null);
        log.recordPath(apiPath);
        withFaults(
            exchange,
            operation,
            label,
            () -> api.handle(method, apiPath, rawQuery, authorization, match.orElse(null)));
      } else {
        send(exchange, ApiResponse.json(404, ZoomErrors.body(404, "Not Found.")), Faults.Kind.NONE);
      }
    } catch (IOException clientGone) {
      LOG.debug("A client went away mid-answer: {}", clientGone.toString());
    }
  }

  private interface Answer {
    ApiResponse get();
  }

  private void withFaults(HttpExchange exchange, String operation, RateLabel label, Answer answer)
      throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    boolean continuation = query != null && query.matches("(.*&)?next_page_token=[^&]+.*");
    Faults.Decision decision = faults.decide(operation, continuation);
    if (!decision.latency().isZero()) {
      try {
        Thread.sleep(decision.latency().toMillis());
      } catch (InterruptedException stopping) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    ApiResponse response =
        switch (decision.kind()) {
          case RULE -> ruleAnswer(decision.rule());
          case SERVER_ERROR -> {
            int status = faults.serverErrorStatus();
            yield ApiResponse.json(status, ZoomErrors.body(status, "Internal Server Error."));
          }
          default -> answer.get();
        };
    log.record(operation, label, response.status());
    send(exchange, response, decision.kind());
  }

  private static ApiResponse ruleAnswer(FaultRule rule) {
    return new ApiResponse(
        rule.status(),
        rule.body(),
        rule.body().isEmpty() ? null : "application/json;charset=UTF-8",
        rule.headers());
  }

  private static void send(HttpExchange exchange, ApiResponse response, Faults.Kind fault)
      throws IOException {
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    if (response.contentType() != null) {
      exchange.getResponseHeaders().set("Content-Type", response.contentType());
    }
    for (Map.Entry<String, String> header : response.headers().entrySet()) {
      exchange.getResponseHeaders().set(header.getKey(), header.getValue());
    }
    if (fault == Faults.Kind.MALFORMED_BODY && bytes.length > 1) {
      bytes = java.util.Arrays.copyOf(bytes, bytes.length / 2);
    }
    if (bytes.length == 0) {
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    exchange.sendResponseHeaders(response.status(), bytes.length);
    OutputStream out = exchange.getResponseBody();
    if (fault == Faults.Kind.DROP_CONNECTION) {
      // Headers promise the whole body; half of it arrives, then the connection closes.
      out.write(bytes, 0, bytes.length / 2);
      out.flush();
      throw new IOException("fault injection: connection dropped mid-body");
    }
    out.write(bytes);
  }

  private static String readBody(InputStream in) throws IOException {
    return new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
  }
}
