package io.zoomdex.cli;

import io.zoomdex.config.ConfigException;
import io.zoomdex.config.Secret;
import io.zoomdex.config.ZoomSettings;
import io.zoomdex.crawlsettings.CrawlSettings;
import io.zoomdex.identity.IdentityConfigException;
import io.zoomdex.inspect.InspectorJson;
import io.zoomdex.lease.LeaseKeeper;
import io.zoomdex.lease.OpenSearchWebhookQueue;
import io.zoomdex.lease.WriterLease;
import io.zoomdex.mcp.McpHttpEndpoint;
import io.zoomdex.search.IndexMissingException;
import io.zoomdex.search.SearchException;
import io.zoomdex.search.SearchService;
import io.zoomdex.search.auth.ApiTokenStore;
import io.zoomdex.search.auth.TokenStoreException;
import io.zoomdex.search.http.Readiness;
import io.zoomdex.search.http.SearchServer;
import io.zoomdex.search.http.SearchServerSettings;
import io.zoomdex.search.http.TrustedIdentityHeader;
import io.zoomdex.shared.StatePublisher;
import io.zoomdex.sink.opensearch.OpenSearchConnection;
import io.zoomdex.sink.opensearch.OpenSearchSettings;
import io.zoomdex.source.CrawlStats;
import io.zoomdex.sync.CrawlScheduler;
import io.zoomdex.sync.StateStore;
import io.zoomdex.sync.StorageException;
import io.zoomdex.webhook.StateStoreWebhookQueue;
import io.zoomdex.webhook.WebhookQueue;
import io.zoomdex.webhook.WebhookReceiver;
import io.zoomdex.webhook.WebhookSignature;
import io.zoomdex.webhook.WebhookWorker;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code zoomdex serve}: the search API and web page over the index in --data, until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the search page and API over DIR/index until stopped (Ctrl-C).",
      "Callers sign in with tokens from `zoomdex token create`; each sees only what they may read.",
      "AI assistants connect to the MCP endpoint /mcp (streamable HTTP) with the same tokens.",
      "With ZOOM_WEBHOOK_SECRET set (or zoom.webhook_secret in --config), also accepts Zoom's"
          + " webhooks at POST /webhooks/zoom and re-reads what they name (needs the Zoom"
          + " credentials, as for crawl).",
      "With --sync-every and/or --full-every, also crawls on that schedule (one crawl at a time;"
          + " the history is kept 30 days and shown by `zoomdex status`)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped",
      "1:internal error",
      "2:bad command line (port in use, bad --trusted-proxy, a --sync-every/--full-every that"
          + " is not like 15m, 2h or 1d, a --since that is not a date like 2026-01-31, a --role"
          + " other than writer or search, or a schedule given to a search replica)",
      "3:no index in --data (or OpenSearch) yet, bad --index/--opensearch-* options, webhooks"
          + " or a schedule without Zoom credentials, or --role search without --index opensearch",
      "8:the index, the sync state or the token database could not be read"
    })
public final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin IndexOptions index = new IndexOptions();

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "zoomdex-data",
      description =
          "The data directory given to `zoomdex crawl` (index, state and tokens; default:"
              + " ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "Port to listen on; 0 for any free port (default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      defaultValue = SearchServerSettings.LOOPBACK,
      description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only).")
  String bind;

  @Option(
      names = "--trusted-header",
      paramLabel = "HEADER",
      description =
          "Believe this header (set by an SSO proxy) as the caller's email; needs"
              + " --trusted-proxy. Off unless given.")
  String trustedHeader;

  @Option(
      names = "--trusted-proxy",
      paramLabel = "ADDR",
      description = "The SSO proxy's IP address: only its requests may use --trusted-header.")
  String trustedProxy;

  @Mixin ZoomOptions zoom = new ZoomOptions();
  @Mixin CrawlSettingsOptions crawlOptions = new CrawlSettingsOptions();
  private CrawlSettings crawlSettings = CrawlSettings.DEFAULTS;

  @Option(
      names = "--sync-every",
      paramLabel = "DURATION",
      description =
          "Run an incremental crawl this often, e.g. 15m or 1h (off unless given; a full crawl"
              + " then also runs every 24h unless --full-every says otherwise).")
  String syncEvery;

  @Option(
      names = "--full-every",
      paramLabel = "DURATION",
      description =
          "Run a full crawl (which also deletes what Zoom no longer has) this often, e.g. 24h or"
              + " 7d (default: 24h with --sync-every, else off).")
  String fullEvery;

  @Option(
      names = "--summary-look-back",
      paramLabel = "DURATION",
      defaultValue = "1d",
      description =
          "How long after a meeting started a polling incremental crawl still checks it for a late"
              + " AI summary (default: ${DEFAULT-VALUE}); see `zoomdex crawl --help`.")
  String summaryLookBack;

  private Duration lookBack;

  @Option(
      names = "--writer-lease",
      paramLabel = "DURATION",
      defaultValue = "15s",
      description =
          "With --index opensearch: how long a writer replica that stopped renewing (crashed,"
              + " cut off) keeps the writer lease before another replica takes over (default:"
              + " ${DEFAULT-VALUE}); see the README's deployment section.")
  String writerLease;

  private Duration leaseTime;

  @Option(
      names = "--role",
      paramLabel = "writer|search",
      defaultValue = "writer",
      description =
          "writer (the default): serves, and with webhooks or a schedule also crawls, campaigning"
              + " for the writer lease on OpenSearch. search (needs --index opensearch): only serves"
              + " search, the page, the API and MCP from OpenSearch; no --data of its own, no"
              + " crawls, no webhooks, never the writer lease.")
  String role;

  @Option(
      names = "--since",
      paramLabel = "YYYY-MM-DD",
      description =
          "First day of cloud recordings for scheduled crawls and webhook re-reads, YYYY-MM-DD"
              + " (UTC), not after today (default: 12 months ago).")
  String since;

  /** How far a webhook's timestamp may be from now, either way, before it counts as a replay. */
  static final Duration WEBHOOK_TOLERANCE = Duration.ofMinutes(5);

  /** How often the scheduler looks whether a crawl is due (and retries one a writer blocked). */
  static final Duration SCHEDULER_TICK = Duration.ofSeconds(30);

  /** How long the webhook worker waits when a crawl holds the lock or a batch failed. */
  static final Duration WEBHOOK_RETRY = Duration.ofSeconds(15);

  /**
   * The longest a stop (Ctrl-C, SIGTERM) may take: requests in flight, then the webhook worker's
   * current batch, then releasing the writer lease.
   */
  static final Duration SHUTDOWN_LIMIT = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  /** Counted down to stop a running server (tests); otherwise the JVM's shutdown stops it. */
  final CountDownLatch stop = new CountDownLatch(1);

  private final Map<String, String> environment;
  private final Clock clock;

  /** Stops a running {@link #call()} as Ctrl-C would (for tests and embedding). */
  public void requestStop() {
    stop.countDown();
  }

  /** The production command: the real environment and the system clock. */
  public ServeCommand() {
    this(System.getenv(), Clock.systemUTC());
  }

  /** A command with an injected environment and clock (for tests). */
  public ServeCommand(Map<String, String> environment, Clock clock) {
    this.environment = Map.copyOf(environment);
    this.clock = clock;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TrustedIdentityHeader trusted;
    CrawlScheduler.Schedule schedule;
    LocalDate firstDay;
    boolean searchOnly;
    try {
      index.embedding.configFile(zoom.configFile);
      index.validate(environment);
      searchOnly = searchRole();
      trusted = trustedHeader();
      schedule = schedule();
      lookBack = Durations.parse("--summary-look-back", summaryLookBack);
      leaseTime = leaseTime(writerLease);
      firstDay = RecordingsSince.firstDay(since, clock);
      crawlSettings = crawlOptions.settings(zoom.configFile);
      if (searchOnly && schedule != null) {
        throw new OptionValueException(
            "A search replica (--role search) never crawls; drop --sync-every and --full-every,"
                + " or run it as --role writer.");
      }
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return ExitCodes.CONFIG;
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return ExitCodes.USAGE;
    }
    // Counted down once everything is closed (the lease released): the JVM's exit waits for it.
    CountDownLatch closed = new CountDownLatch(1);
    // A search replica keeps nothing on disk: an empty directory, removed at stop, stands in for
    // --data where the admin page and the inspector would look for local sync state.
    Path localData = searchOnly ? emptyDirectory() : data;
    try (IndexOptions ownedIndex = index;
        SearchService indexed = index.openSearch(searchOnly ? null : data, environment);
        ApiTokenStore tokens = index.tokens(data, environment);
        Background background = searchOnly ? Background.none() : background(schedule, firstDay)) {
      // Every caller (API, page, MCP) is resolved through identity mapping before searching.
      IdentitySetup identities =
          IdentitySetup.of(
              zoom.configFile,
              indexed,
              localData,
              index.deactivatedUsers(searchOnly ? null : data, environment));
      SearchService search = identities.mappedSearch();
      // Not closed itself: closing it would close the index a second time.
      try (McpHttpEndpoint mcp = new McpHttpEndpoint(search, BuildVersion.get())) {
        SearchServerSettings settings =
            SearchServerSettings.of(search, tokens)
                .withInspector(new InspectorJson(identities.explainer()))
                .withUserNameClaims(identities.resolver().rules().acceptsUserNames())
                .withRuns(index.runs(data, environment))
                .withReadiness(readiness(background))
                .withAddress(bind, port)
                .withTrustedHeader(trusted)
                .withWebhooks(background.receiver)
                .withServlet(mcp.servlet());
        boolean webhooks = background.receiver != null;
        settings =
            ServeAdmin.mount(
                settings,
                localData,
                webhooks,
                ServeAdmin.serveSettings(schedule, lookBack, firstDay, webhooks, crawlSettings),
                zoom,
                environment,
                clock);
        SearchServer server;
        try {
          server = SearchServer.start(settings);
        } catch (IllegalStateException e) {
          err.println(e.getMessage());
          return ExitCodes.USAGE;
        }
        // Ctrl-C or SIGTERM: stop gracefully (finish requests in flight, stop the webhook worker
        // and scheduler, release the writer lease), and let the JVM exit only once that is done
        // or SHUTDOWN_LIMIT passed.
        Thread stopOnExit =
            new Thread(
                () -> {
                  stop.countDown();
                  try {
                    closed.await(SHUTDOWN_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "zoomdex-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try (server) {
          background.start();
          out.println("Serving " + server.uri() + " (Ctrl-C stops)");
          out.println(
              "MCP for AI assistants (streamable HTTP, bearer token): "
                  + server.uri().resolve(McpHttpEndpoint.PATH));
          if (background.receiver != null) {
            out.println("Zoom webhooks: " + server.uri() + "webhooks/zoom");
          }
          if (searchOnly) {
            out.println(
                "Search replica: serves "
                    + index.describe(data)
                    + "; no crawls, no webhooks, never the writer lease");
          }
          if (schedule != null) {
            out.println("Crawls: " + describe(schedule));
          }
          out.flush();
          stop.await();
        } finally {
          removeHook(stopOnExit);
        }
        return ExitCodes.OK;
      }
    } catch (IndexMissingException e) {
      err.println(IndexOptions.missingIndexMessage(e, data));
      return ExitCodes.CONFIG;
    } catch (ConfigException | IdentityConfigException e) {
      err.println(e.getMessage());
      return ExitCodes.CONFIG;
    } catch (SearchException | TokenStoreException | IOException | StorageException e) {
      err.println(e.getMessage());
      return ExitCodes.STORAGE;
    } finally {
      if (searchOnly) {
        TemporaryDirectory.delete(localData);
      }
      closed.countDown();
    }
  }

  /** Whether this is a search replica; checks --role against --index. */
  private boolean searchRole() {
    String chosen = role == null ? "writer" : role.strip().toLowerCase(Locale.ROOT);
    if (!chosen.equals("writer") && !chosen.equals("search")) {
      throw new OptionValueException("--role must be writer or search, not '" + role + "'.");
    }
    if (chosen.equals("search") && !index.isOpenSearch()) {
      throw new ConfigException(
          "--role search serves an index shared in OpenSearch; add --index opensearch and"
              + " --opensearch-url (with the embedded index, run one serve as --role writer).");
    }
    return chosen.equals("search");
  }

  private static Path emptyDirectory() {
    try {
      return Files.createTempDirectory("zoomdex-search-replica");
    } catch (IOException e) {
      throw new StorageException(
          "Could not make a temporary directory (" + e.getMessage() + "); check TMPDIR.", e);
    }
  }

  /** What /readyz reports: the role and, for a writer candidate on OpenSearch, the lease. */
  private Readiness readiness(Background background) {
    boolean searchOnly = "search".equalsIgnoreCase(role == null ? "" : role.strip());
    SharedWriter shared = background.shared;
    return () -> {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("role", searchOnly ? "search" : "writer");
      if (shared != null) {
        details.put("writer_lease", shared.keeper().fence().isPresent() ? "held" : "standby");
      }
      return details;
    };
  }

  /**
   * The webhook receiver and worker and the crawl scheduler, each only when configured; closing
   * stops them (pending webhook events stay recorded for the next start).
   */
  private static final class Background implements AutoCloseable {
    final StateStore state;
    final WebhookReceiver receiver;
    final WebhookWorker worker;
    final CrawlScheduler scheduler;
    final SharedWriter shared;
    private ScheduledExecutorService ticker;
    private ScheduledExecutorService publishing;

    static Background none() {
      return new Background(null, null, null, null, null);
    }

    Background(
        StateStore state,
        WebhookReceiver receiver,
        WebhookWorker worker,
        CrawlScheduler scheduler,
        SharedWriter shared) {
      this.state = state;
      this.receiver = receiver;
      this.worker = worker;
      this.scheduler = scheduler;
      this.shared = shared;
    }

    // tickLoggingFailures never throws, so the scheduled future holds nothing worth reading.
    @SuppressWarnings("FutureReturnValueIgnored")
    void start() {
      if (shared != null) {
        shared.keeper().start();
        publishing =
            Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, "zoomdex-state-publisher");
                  t.setDaemon(true);
                  return t;
                });
        publishing.scheduleWithFixedDelay(
            shared::publishIfWriter, 0, StatePublisher.PERIOD_MILLIS, TimeUnit.MILLISECONDS);
      }
      if (worker != null) {
        worker.start();
      }
      if (scheduler != null) {
        ticker =
            Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, "zoomdex-crawl-scheduler");
                  t.setDaemon(true);
                  return t;
                });
        ticker.scheduleWithFixedDelay(
            scheduler::tickLoggingFailures, 0, SCHEDULER_TICK.toMillis(), TimeUnit.MILLISECONDS);
      }
    }

    @Override
    public void close() {
      if (publishing != null) {
        publishing.shutdownNow();
        try {
          publishing.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (ticker != null) {
        ticker.shutdownNow();
        try {
          ticker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (worker != null) {
        worker.close();
      }
      if (shared != null) {
        shared.close(); // releases the lease: a standby replica takes over at once
      }
      if (state != null) {
        state.close();
      }
    }
  }

  /**
   * An OpenSearch deployment's shared writer state: the connection, the writer lease this replica
   * campaigns for, and the shared webhook queue.
   */
  private record SharedWriter(
      OpenSearchConnection connection,
      LeaseKeeper keeper,
      OpenSearchWebhookQueue queue,
      StatePublisher publisher)
      implements AutoCloseable {

    /** Publishes the local state searchers depend on, while this replica is the writer. */
    void publishIfWriter() {
      if (keeper.fence().isEmpty()) {
        return;
      }
      try {
        publisher.publish();
      } catch (RuntimeException e) {
        LOG.warn("Could not publish the deactivated users and crawl runs: {}", e.getMessage());
      }
    }

    @Override
    public void close() {
      keeper.close();
      try {
        connection.close();
      } catch (IOException e) {
        // Nothing is held on it any more.
      }
    }
  }

  private Background background(CrawlScheduler.Schedule schedule, LocalDate firstDay) {
    Optional<Secret> secret = zoom.webhookSecret(environment);
    if (secret.isEmpty() && schedule == null) {
      return new Background(null, null, null, null, null);
    }
    ZoomSettings settings = zoom.settings(environment);
    AtomicReference<Runnable> wakeWorker = new AtomicReference<>(() -> {});
    SharedWriter shared = index.isOpenSearch() ? sharedWriter(wakeWorker) : null;
    CrawlJob job =
        new CrawlJob(
            settings,
            data,
            clock,
            CrawlJob.DEFAULT_COMMIT_EVERY,
            (dir, fence) -> index.openSink(dir, environment, fence),
            shared == null ? WriterGate.FILE_LOCK : LeaseGates.held(shared.keeper()));
    job.summaryLookBack(lookBack);
    job.crawlSettings(crawlSettings);
    StateStore state = StateStore.open(data);
    WebhookQueue queue = shared == null ? new StateStoreWebhookQueue(state) : shared.queue();
    WebhookReceiver receiver = null;
    WebhookWorker worker = null;
    if (secret.isPresent()) {
      worker =
          new WebhookWorker(
              state,
              queue,
              (targets, deletions) -> job.refetch(targets, deletions, firstDay),
              clock,
              WEBHOOK_RETRY);
      wakeWorker.set(worker::wake);
      receiver =
          new WebhookReceiver(
              new WebhookSignature(secret.get(), clock, WEBHOOK_TOLERANCE),
              state,
              queue,
              clock,
              worker::wake);
    }
    CrawlScheduler scheduler =
        schedule == null
            ? null
            : new CrawlScheduler(
                schedule,
                state,
                clock,
                incremental -> job.run(firstDay, new CrawlStats(), incremental),
                Duration.ofMinutes(5));
    return new Background(state, receiver, worker, scheduler, shared);
  }

  /** The writer lease this replica campaigns for and the webhook queue all replicas share. */
  private SharedWriter sharedWriter(AtomicReference<Runnable> onAcquired) {
    OpenSearchSettings settings = index.openSearchSettings(environment);
    OpenSearchConnection connection = OpenSearchConnection.open(settings);
    WriterLease lease = WriterLease.forThisProcess(connection, settings.alias(), leaseTime, clock);
    LeaseKeeper keeper = new LeaseKeeper(lease, true, () -> onAcquired.get().run());
    return new SharedWriter(
        connection,
        keeper,
        new OpenSearchWebhookQueue(connection, settings.alias(), keeper),
        SharedState.publisher(connection, settings.alias(), data));
  }

  /** The writer lease: seconds are allowed here (2s to 10m), unlike the crawl intervals. */
  private static Duration leaseTime(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    Duration lease =
        v.matches("[0-9]{1,4}s")
            ? Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)))
            : null;
    if (lease == null) {
      try {
        lease = Durations.parse("--writer-lease", v);
      } catch (OptionValueException e) {
        lease = Duration.ZERO;
      }
    }
    if (lease.compareTo(Duration.ofSeconds(2)) < 0 || lease.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new OptionValueException(
          "--writer-lease must be a duration from 2s to 10m, like 15s or 1m, not '" + value + "'.");
    }
    return lease;
  }

  private CrawlScheduler.Schedule schedule() {
    Duration incremental = syncEvery == null ? null : Durations.parse("--sync-every", syncEvery);
    Duration full =
        fullEvery != null
            ? Durations.parse("--full-every", fullEvery)
            : incremental != null ? Duration.ofHours(24) : null;
    return incremental == null && full == null
        ? null
        : new CrawlScheduler.Schedule(incremental, full);
  }

  private static String describe(CrawlScheduler.Schedule schedule) {
    String incremental =
        schedule.incrementalEvery() == null
            ? "no incremental crawls"
            : "incremental every " + Durations.format(schedule.incrementalEvery());
    String full =
        schedule.fullEvery() == null
            ? "no full crawls"
            : "full every " + Durations.format(schedule.fullEvery());
    return incremental + ", " + full;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is what stopped us; nothing to remove.
    }
  }

  private TrustedIdentityHeader trustedHeader() {
    if (trustedHeader == null && trustedProxy == null) {
      return null;
    }
    if (trustedHeader == null || trustedProxy == null) {
      throw new IllegalArgumentException(
          "--trusted-header and --trusted-proxy go together; give both or neither.");
    }
    InetAddress proxy;
    try {
      if (!trustedProxy.matches("[0-9a-fA-F.:]+")) {
        throw new UnknownHostException(trustedProxy);
      }
      proxy = InetAddress.getByName(trustedProxy);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "--trusted-proxy must be an IP address like 10.0.0.5, not '" + trustedProxy + "'.", e);
    }
    return new TrustedIdentityHeader(trustedHeader, proxy);
  }
}
