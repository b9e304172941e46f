package io.zoomdex.search.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.zoomdex.document.DocumentId;
import io.zoomdex.search.BadQueryException;
import io.zoomdex.search.DocumentView;
import io.zoomdex.search.IndexMissingException;
import io.zoomdex.search.SearchException;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SeriesGrouping;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search API and web page over HTTP. Start one with {@link #start(SearchServerSettings)}, ask
 * its {@link #port()}, {@link #close()} it when done. Routes:
 *
 * <ul>
 *   <li>{@code GET /}, {@code /app.js}, {@code /app.css}, {@code /favicon.svg}: the page (public)
 *   <li>{@code GET /healthz}: {@code {"status":"ok"}} while the process runs (public)
 *   <li>{@code GET /readyz}: 200 {@code {"status":"ready",...}} when the index answers, else 503
 *       {@code {"status":"unavailable",...}}; adds the settings' {@link Readiness} details (public)
 *   <li>{@code GET /api/demo}: whether demo mode is on and its people (public)
 *   <li>{@code GET /api/me}: who the caller is
 *   <li>{@code GET /api/search?q=&type=&host=&from=&to=&limit=&offset=}: one page of readable hits
 *   <li>{@code GET /api/documents?id=ID} and {@code GET /api/documents/ID}: one readable document
 *   <li>{@code GET /api/runs?limit=}: the crawl history (admin tokens only)
 *   <li>{@code GET /metrics}: Prometheus text (admin tokens only)
 *   <li>{@code GET /api/admin/explain?id=ID[&as=VALUE]}: a document's readers with the rule that
 *       made each one, its indexing status, and whether VALUE can read it (admin tokens only)
 *   <li>{@code GET /api/admin/whois?value=VALUE}: what identity mapping makes of a value (admin
 *       tokens only)
 *   <li>{@code POST /webhooks/zoom}: Zoom's webhook deliveries, authenticated by their signature;
 *       only when the settings have a {@link WebhookEndpoint}
 *   <li>each {@link TokenServlet} of the settings (e.g. {@code /mcp}), behind the token check
 * </ul>
 *
 * Every other {@code /api} request needs a caller (see {@link CallerResolver}); errors are {@code
 * {"error": "one plain sentence"}}.
 */
public final class SearchServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SearchServer.class);

  private static final String DOCUMENTS_PATH = "/api/documents/";
  private static final int MAX_ID_CHARS = 512;
  private static final int MAX_RUNS = 100;
  private static final String BODY_WRITTEN = "zoomdex.bodyWritten";

  /** What a Prometheus scraper without a (valid) token is told, in Prometheus' own terms. */
  static final String SCRAPER_SIGN_IN =
      "Scraping /metrics needs an admin token: make one with `zoomdex token create --data DIR --user EMAIL --admin`, save"
          + " it in a file, and give Prometheus that file under the scrape job's 'authorization:"
          + " credentials_file:' (type Bearer, the default); see the README's Prometheus section.";

  /** No inline script or style anywhere: the page's code is in app.js, its style in app.css. */
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
          + " connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private final SearchServerSettings settings;
  private final ObjectMapper json = new ObjectMapper();
  private final CallerResolver callers;
  private final ServerMetrics metrics;
  private final StaticPage page;
  private final Javalin app;

  private SearchServer(SearchServerSettings settings) {
    this.settings = settings;
    this.callers =
        new CallerResolver(
            settings.tokens(),
            settings.trustedHeader(),
            settings.demoPeople(),
            settings.userNameClaims());
    this.metrics = new ServerMetrics(settings.search(), settings.runs());
    this.page = StaticPage.load();
    this.app = Javalin.create(this::configure);
  }

  /**
   * Starts serving on the settings' address and port.
   *
   * @throws IllegalStateException when the port cannot be bound (in use, or not allowed)
   */
  public static SearchServer start(SearchServerSettings settings) {
    if (!FreePort.isFree(settings.bindAddress(), settings.port())) {
      throw new IllegalStateException(
          "Could not listen on "
              + settings.bindAddress()
              + ":"
              + settings.port()
              + ": the port is in use (or not allowed); choose another --port (0 picks a free"
              + " one) or stop what is using it.");
    }
    SearchServer server = new SearchServer(settings);
    try {
      server.app.start();
    } catch (RuntimeException e) {
      server.app.stop();
      throw new IllegalStateException(
          "Could not listen on "
              + settings.bindAddress()
              + ":"
              + settings.port()
              + " ("
              + e.getMessage()
              + "); choose another --port or --bind.",
          e);
    }
    return server;
  }

  /** The port actually listened on (the chosen one when the settings said 0). */
  public int port() {
    return app.port();
  }

  /** The page's address, e.g. {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    String host = settings.bindAddress();
    if (host.equals("0.0.0.0") || host.equals("::")) {
      host = SearchServerSettings.LOOPBACK;
    }
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + port() + "/");
  }

  /**
   * How long {@link #close()} lets requests already being answered finish; new connections are
   * refused from its start.
   */
  public static final Duration STOP_GRACE = Duration.ofSeconds(10);

  /**
   * Stops serving, gracefully: stops accepting connections at once, lets requests in flight finish
   * (for at most {@link #STOP_GRACE}), then closes. The search service and token store stay open
   * (their owner closes them).
   */
  @Override
  public void close() {
    try {
      app.stop();
    } catch (RuntimeException e) {
      // Jetty stops anyway; it reports the requests (e.g. an MCP event stream) it had to cut off.
      LOG.warn(
          "Stopped with requests still open after {} s; they were cut off ({})",
          STOP_GRACE.toSeconds(),
          e.getMessage());
    }
  }

  private void configure(JavalinConfig config) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.jetty.host = settings.bindAddress();
    config.jetty.port = settings.port();
    config.jetty.modifyServer(
        server -> {
          // With a stop timeout, Jetty's servlet context shuts down gracefully: connectors close
          // first, requests in flight finish (GracefulStopTest).
          server.setStopTimeout(STOP_GRACE.toMillis());
        });
    config.http.maxRequestSize =
        settings.webhooks() == null ? 16 * 1024 : WebhookEndpoint.MAX_BODY_BYTES + 1L;
    config.requestLogger.http((ctx, millis) -> metrics.responded(ctx.statusCode()));
    config.routes.before(this::securityHeaders);
    for (String path : page.paths()) {
      config.routes.get(path, ctx -> servePage(ctx, path));
    }
    config.routes.get("/healthz", ctx -> send(ctx, 200, Map.of("status", "ok")));
    config.routes.get("/readyz", this::ready);
    config.routes.get("/api/demo", this::demo);
    config.routes.get("/api/me", this::me);
    config.routes.get("/api/search", this::search);
    config.routes.get("/api/documents", ctx -> document(ctx, ctx.queryParam("id")));
    config.routes.get("/api/documents/<id>", ctx -> document(ctx, rawDocumentId(ctx)));
    config.routes.get("/api/runs", this::runs);
    config.routes.get("/metrics", this::metrics);
    config.routes.get("/api/admin/explain", this::explain);
    config.routes.get("/api/admin/whois", this::whois);
    if (settings.webhooks() != null) {
      config.routes.post("/webhooks/zoom", this::webhook);
    }
    // Mounted in Jetty beside Javalin's own servlet: an exact path wins over Javalin's "/*".
    config.jetty.modifyServletContextHandler(
        handler -> {
          for (TokenServlet mounted : settings.servlets()) {
            ServletHolder holder = new ServletHolder(new TokenGuard(callers, mounted.servlet()));
            holder.setAsyncSupported(true);
            handler.addServlet(holder, mounted.path());
          }
        });
    config.routes.exception(ApiError.class, (e, ctx) -> send(ctx, e.status(), error(e)));
    config.routes.exception(
        BadQueryException.class, (e, ctx) -> send(ctx, 400, SearchJson.error(e.getMessage())));
    config.routes.exception(
        IndexMissingException.class,
        (e, ctx) ->
            send(ctx, 503, SearchJson.error("Nothing has been indexed yet; run a crawl first.")));
    config.routes.exception(Exception.class, this::unexpected);
    config.routes.error(404, this::notFound);
    config.routes.error(405, ctx -> fallbackError(ctx, "That method is not allowed here."));
  }

  private void webhook(Context ctx) {
    WebhookEndpoint.Reply reply;
    if (ctx.contentLength() > WebhookEndpoint.MAX_BODY_BYTES) {
      reply = new WebhookEndpoint.Reply(413, "{\"error\":\"The webhook body is too large.\"}");
    } else {
      reply =
          settings
              .webhooks()
              .receive(
                  ctx.header("x-zm-request-timestamp"),
                  ctx.header("x-zm-signature"),
                  ctx.bodyAsBytes());
    }
    ctx.status(reply.status());
    if (!reply.json().isEmpty()) {
      ctx.contentType("application/json").result(reply.json());
    }
  }

  private void securityHeaders(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cache-Control", "no-store");
  }

  private void servePage(Context ctx, String path) {
    StaticPage.Asset asset = page.asset(path).orElseThrow();
    ctx.status(200).contentType(asset.contentType()).result(asset.body());
  }

  private void demo(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("enabled", settings.demoMode());
    body.put("people", settings.demoPeople());
    send(ctx, 200, body);
  }

  private void me(Context ctx) {
    Caller caller = callers.resolve(ctx);
    send(ctx, 200, SearchJson.caller(caller, settings.demoMode()));
  }

  private void search(Context ctx) throws SearchException {
    Caller caller = callers.resolve(ctx);
    long started = System.nanoTime();
    String outcome = "error";
    try {
      SearchRequest request;
      boolean grouped;
      try {
        request = SearchParams.parse(ctx, caller.email());
        grouped = SearchParams.groupBySeries(ctx);
      } catch (ApiError e) {
        outcome = "bad_request";
        throw e;
      }
      Map<String, Object> body =
          grouped
              ? SearchJson.results(request, SeriesGrouping.search(settings.search(), request))
              : SearchJson.results(request, settings.search().search(request));
      outcome = "ok";
      send(ctx, 200, body);
    } finally {
      metrics.searched(Duration.ofNanos(System.nanoTime() - started), outcome);
    }
  }

  private void document(Context ctx, String rawId) throws SearchException {
    Caller caller = callers.resolve(ctx);
    if (rawId == null || rawId.isBlank()) {
      throw ApiError.badRequest("Name the document: /api/documents?id=meeting:123.");
    }
    if (rawId.length() > MAX_ID_CHARS) {
      throw ApiError.badRequest(
          "The document id is longer than " + MAX_ID_CHARS + " characters; check it.");
    }
    DocumentId id;
    try {
      id = DocumentId.parse(rawId);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(
          "A document id looks like 'meeting:123' or 'transcript:UUID'; check the id.");
    }
    Optional<DocumentView> view = settings.search().get(caller.email(), id);
    if (view.isEmpty()) {
      // The same answer for missing and unreadable: existence is not revealed.
      throw ApiError.notFound("No document with that id that you may read.");
    }
    send(ctx, 200, SearchJson.document(view.get()));
  }

  /**
   * The id after {@code /api/documents/}, percent-decoded exactly once from the raw request path:
   * ids hold {@code /}, {@code +} and {@code =}, which the router would split or turn into spaces.
   */
  private static String rawDocumentId(Context ctx) {
    String uri = ctx.req().getRequestURI();
    int at = uri.indexOf(DOCUMENTS_PATH);
    if (at < 0) {
      return null;
    }
    String encoded = uri.substring(at + DOCUMENTS_PATH.length());
    if (encoded.length() > 3 * MAX_ID_CHARS) {
      throw ApiError.badRequest(
          "The document id is longer than " + MAX_ID_CHARS + " characters; check it.");
    }
    return percentDecode(encoded);
  }

  static String percentDecode(String encoded) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        if (i + 2 >= encoded.length()) {
          throw ApiError.badRequest("The document id has a broken %-escape; encode it again.");
        }
        int high = Character.digit(encoded.charAt(i + 1), 16);
        int low = Character.digit(encoded.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          throw ApiError.badRequest("The document id has a broken %-escape; encode it again.");
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else {
        byte[] literal = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(literal, 0, literal.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private void runs(Context ctx) {
    requireAdmin(callers.resolve(ctx));
    int limit = 20;
    String limitText = SearchParams.param(ctx, "limit", 10);
    if (!limitText.isEmpty()) {
      try {
        limit = Integer.parseInt(limitText);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > MAX_RUNS) {
        throw ApiError.badRequest("'limit' must be a whole number from 1 to " + MAX_RUNS + ".");
      }
    }
    List<Object> runs = new ArrayList<>();
    for (CrawlRun run : settings.runs().recentRuns(limit)) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", run.id());
      entry.put("mode", run.mode());
      entry.put("started", run.started().toString());
      entry.put("finished", run.finished() == null ? null : run.finished().toString());
      entry.put("outcome", run.outcome());
      entry.put("report", report(run.reportJson()));
      runs.add(entry);
    }
    send(ctx, 200, Map.of("runs", runs));
  }

  private JsonNode report(String text) {
    if (text == null) {
      return null;
    }
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      return json.getNodeFactory().textNode(text);
    }
  }

  private void explain(Context ctx) throws SearchException {
    // The token alone: 'as' here names whom to explain for, not a demo person to search as.
    requireAdmin(callers.resolveToken(ctx.header("Authorization")));
    AdminInspector inspector = inspector();
    String rawId = ctx.queryParam("id");
    if (rawId == null || rawId.isBlank()) {
      throw ApiError.badRequest("Name the document: /api/admin/explain?id=meeting:123.");
    }
    DocumentId id = parseId(rawId);
    String as = ctx.queryParam("as");
    if (as != null && as.length() > MAX_ID_CHARS) {
      throw ApiError.badRequest(
          "'as' is longer than " + MAX_ID_CHARS + " characters; give an email or a user name.");
    }
    Optional<Map<String, Object>> explained =
        inspector.explain(id, as == null || as.isBlank() ? null : as);
    if (explained.isEmpty()) {
      throw ApiError.notFound("The index has no document " + abbreviate(id.toString()) + ".");
    }
    send(ctx, 200, explained.get());
  }

  private void whois(Context ctx) {
    requireAdmin(callers.resolveToken(ctx.header("Authorization")));
    AdminInspector inspector = inspector();
    String value = ctx.queryParam("value");
    if (value == null || value.isBlank()) {
      throw ApiError.badRequest("Give the value to look up: /api/admin/whois?value=alice.");
    }
    if (value.length() > MAX_ID_CHARS) {
      throw ApiError.badRequest(
          "The value is longer than "
              + MAX_ID_CHARS
              + " characters; give an email or a user name.");
    }
    send(ctx, 200, inspector.whois(value));
  }

  private AdminInspector inspector() {
    if (settings.inspector() == null) {
      throw ApiError.notFound("This server has no index inspector.");
    }
    return settings.inspector();
  }

  private static DocumentId parseId(String rawId) {
    if (rawId.length() > MAX_ID_CHARS) {
      throw ApiError.badRequest(
          "The document id is longer than " + MAX_ID_CHARS + " characters; check it.");
    }
    try {
      return DocumentId.parse(rawId);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(
          "A document id looks like 'meeting:123' or 'transcript:UUID'; check the id.");
    }
  }

  private void metrics(Context ctx) {
    Caller caller;
    try {
      caller = callers.resolve(ctx);
    } catch (ApiError e) {
      throw e.status() == 401 ? ApiError.unauthorized(SCRAPER_SIGN_IN) : e;
    }
    requireAdmin(caller);
    ctx.status(200)
        .contentType("text/plain; version=0.0.4; charset=utf-8")
        .result(metrics.scrape());
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.admin()) {
      throw ApiError.forbidden(
          "Only admin tokens may read this; make one with `zoomdex token create --admin`.");
    }
  }

  private void notFound(Context ctx) {
    fallbackError(ctx, "There is nothing at " + abbreviate(ctx.path()) + ".");
  }

  /** Replaces Javalin's plain-text error body unless a handler of ours already wrote one. */
  private void fallbackError(Context ctx, String message) {
    if (ctx.attribute(BODY_WRITTEN) == null) {
      send(ctx, ctx.statusCode(), SearchJson.error(message));
    }
  }

  private void unexpected(Exception e, Context ctx) {
    if (e instanceof SearchException) {
      LOG.error("Search failed: {}", e.getMessage(), e);
      send(
          ctx,
          500,
          SearchJson.error("The index could not be read; an administrator should check the log."));
      return;
    }
    LOG.error("Request to {} failed", abbreviate(ctx.path()), e);
    send(
        ctx,
        500,
        SearchJson.error(
            "Something went wrong on the server; an administrator should check the log."));
  }

  private static Map<String, Object> error(ApiError e) {
    return SearchJson.error(e.getMessage());
  }

  /**
   * Whether this server can answer searches now: its index must answer a count. For a load
   * balancer's readiness probe, so it says nothing about the index beyond reachable or not.
   */
  private void ready(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    boolean ready;
    try {
      settings.search().documentCount();
      ready = true;
    } catch (SearchException | RuntimeException e) {
      LOG.warn("Not ready: the index did not answer ({})", e.getMessage());
      ready = false;
    }
    body.put("status", ready ? "ready" : "unavailable");
    body.put("index", ready ? "reachable" : "unreachable");
    body.putAll(settings.readiness().details());
    send(ctx, ready ? 200 : 503, body);
  }

  private void send(Context ctx, int status, Object body) {
    if (status == 401) {
      ctx.header("WWW-Authenticate", "Bearer");
    }
    ctx.attribute(BODY_WRITTEN, Boolean.TRUE);
    try {
      ctx.status(status).contentType("application/json").result(json.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Maps of strings and numbers always serialize", e);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 79) + "…";
  }
}
