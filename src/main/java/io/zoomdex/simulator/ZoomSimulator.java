package io.zoomdex.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * A Zoom API simulator on 127.0.0.1: Server-to-Server OAuth, the read endpoints zoomdex uses,
 * Zoom's pagination, UUID encoding, scope, rate-limit and error behaviour, and fault injection.
 * Start it with {@link #start(SimulatorSettings)} and close it when done.
 */
public final class ZoomSimulator implements AutoCloseable {
  private static final String NO_DELAY = "sun.net.httpserver.nodelay";

  private final HttpServer server;
  private final ExecutorService executor;
  private final SimulatorSettings settings;
  private final SimulatedAccount account;
  private final Credentials credentials;
  private final RequestLog requestLog;
  private final Faults faults;
  private final SimulatorClock clock;
  private final AccessTokens tokens;
  private final List<String> grantedScopes;
  private final String origin;
  private final Mutations mutations;
  private final Webhooks webhooks;

  private ZoomSimulator(SimulatorSettings settings, LongSupplier nanoTime) throws IOException {
    this.settings = settings;
    this.clock = new SimulatorClock(settings.start() != null ? settings.start() : Instant.now());
    this.account = new SimulatedAccount(settings, clock.now());
    this.credentials = Credentials.derive(settings.seed(), account.accountId());
    this.requestLog = new RequestLog();
    this.mutations = new Mutations(account, clock);
    this.webhooks = new Webhooks(java.time.Clock.systemUTC());
    mutations.addListener(webhooks);
    this.faults = new Faults(settings.seed(), settings.faults());
    Set<String> scopes = new LinkedHashSet<>(Endpoint.GRANTED_SCOPES);
    scopes.removeAll(settings.missingScopes());
    this.grantedScopes = List.copyOf(scopes);
    // The JDK server writes headers and body apart; with Nagle's algorithm on, each response then
    // waits out the client's delayed ACK (~40 ms). The property is read once per JVM, at the first
    // server, so set it before creating one unless someone chose otherwise.
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
    this.server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 0);
    this.origin = "http://127.0.0.1:" + server.getAddress().getPort();
    Signer signer = new Signer(new SecureRandom());
    this.tokens = new AccessTokens(signer, clock, settings.tokenTtl(), account.accountId());
    PageTokens pageTokens = new PageTokens(signer, clock);
    Map<Endpoint, Handler> handlers = new EnumMap<>(Endpoint.class);
    new UserEndpoints(account, pageTokens).register(handlers);
    new MeetingEndpoints(account, pageTokens).register(handlers);
    new PastMeetingEndpoints(account, pageTokens).register(handlers);
    new RecordingEndpoints(account, pageTokens, origin).register(handlers);
    new WebinarEndpoints(account, pageTokens).register(handlers);
    RateLimiter rateLimiter =
        new RateLimiter(settings.effectiveRates(), nanoTime, clock, settings.retryAfterOnQps());
    ApiGateway gateway =
        new ApiGateway(
            new Router(List.of(Endpoint.values())),
            handlers,
            tokens,
            rateLimiter,
            Set.copyOf(grantedScopes),
            clock);
    OAuthEndpoint oauth = new OAuthEndpoint(credentials, tokens, grantedScopes, origin);
    DownloadEndpoint downloads = new DownloadEndpoint(account, tokens, signer, origin);
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            16,
            r -> {
              Thread t = new Thread(r, "zoom-simulator-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", new HttpDispatcher(oauth, gateway, downloads, faults, requestLog));
  }

  /** Starts a simulator on 127.0.0.1:{@code settings.port()} (0 = any free port). */
  public static ZoomSimulator start(SimulatorSettings settings) throws IOException {
    return start(settings, System::nanoTime);
  }

  /**
   * Starts a simulator whose per-second rate limits follow {@code nanoTime} instead of the real
   * monotonic clock (for tests of rate limiting).
   */
  public static ZoomSimulator start(SimulatorSettings settings, LongSupplier nanoTime)
      throws IOException {
    ZoomSimulator simulator = new ZoomSimulator(settings, nanoTime);
    simulator.server.start();
    return simulator;
  }

  /** The API base, e.g. {@code http://127.0.0.1:PORT/v2} (what ZOOM_API_URL would be). */
  public URI apiBaseUrl() {
    return URI.create(origin + "/v2");
  }

  /** The OAuth base, e.g. {@code http://127.0.0.1:PORT}; the token endpoint is /oauth/token. */
  public URI oauthBaseUrl() {
    return URI.create(origin);
  }

  /** The simulated account id. */
  public String accountId() {
    return credentials.accountId();
  }

  /** The simulated app's client id. */
  public String clientId() {
    return credentials.clientId();
  }

  /** The simulated app's client secret. */
  public String clientSecret() {
    return credentials.clientSecret();
  }

  /** The scopes the app holds (the 17 zoomdex scopes minus {@code missingScopes}). */
  public List<String> grantedScopes() {
    return grantedScopes;
  }

  /** The settings this simulator runs with. */
  public SimulatorSettings settings() {
    return settings;
  }

  /** The generated data, as ground truth. */
  public SimulatedAccount account() {
    return account;
  }

  /** Counters of the requests served. */
  public RequestLog requestLog() {
    return requestLog;
  }

  /** Runtime fault injection. */
  public Faults faults() {
    return faults;
  }

  /** The simulator's "now"; advance it to expire page tokens and access tokens. */
  public SimulatorClock clock() {
    return clock;
  }

  /** Changes to the account (visible through every endpoint and {@link #account()}). */
  public Mutations mutations() {
    return mutations;
  }

  /** The webhook emitter: subscribe endpoints to receive the mutations' Zoom events. */
  public Webhooks webhooks() {
    return webhooks;
  }

  /**
   * Every access token issued so far, oldest first, so a test can check that none of them leaks
   * into logs or output.
   */
  public List<String> issuedAccessTokens() {
    return tokens.issued();
  }

  /** Makes every access token issued so far answer 401/124. */
  public void revokeAllTokens() {
    tokens.revokeAll();
  }

  /**
   * Turns on (or off) Zoom's behaviour before June 2023, when each new token invalidated the
   * previous one; the default is off (today's "multiple access tokens").
   */
  public void setOnlyLatestTokenValid(boolean on) {
    tokens.onlyLatestValid(on);
  }

  @Override
  public void close() {
    webhooks.close();
    server.stop(0);
    executor.shutdownNow();
  }
}
