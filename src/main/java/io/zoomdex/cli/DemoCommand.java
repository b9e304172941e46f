package io.zoomdex.cli;

import io.zoomdex.config.Plan;
import io.zoomdex.config.RateLimits;
import io.zoomdex.config.Secret;
import io.zoomdex.config.ZoomSettings;
import io.zoomdex.embed.EmbedderSettings;
import io.zoomdex.embed.EmbeddingException;
import io.zoomdex.passage.PassageVectors;
import io.zoomdex.search.DeactivatedSearchers;
import io.zoomdex.search.SearchException;
import io.zoomdex.search.SearchHit;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchResults;
import io.zoomdex.search.SearchService;
import io.zoomdex.search.SeriesGrouping;
import io.zoomdex.search.auth.ApiTokenStore;
import io.zoomdex.search.http.SearchServer;
import io.zoomdex.search.http.SearchServerSettings;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.sink.lucene.LuceneIndexSink;
import io.zoomdex.sink.lucene.LuceneSearchService;
import io.zoomdex.source.CrawlStats;
import io.zoomdex.sync.StorageException;
import io.zoomdex.sync.SyncReport;
import io.zoomdex.zoom.ZoomException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code zoomdex demo}: the whole product in one command, on a simulated Zoom account: start the
 * simulator, crawl it into a fresh index, and show that the same search gives each person only what
 * is theirs.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts a simulated Zoom account, crawls it into a fresh embedded index and searches it as"
          + " different people.",
      "Then serves the web page with a person picker (demo mode only) when run from a terminal;"
          + " --serve or --no-serve choose explicitly."
    })
public final class DemoCommand implements Callable<Integer> {
  private static final List<String> QUERIES =
      List.of("budget", "roadmap", "launch", "customer", "security", "hiring");

  @Spec CommandSpec spec;

  @Option(
      names = "--users",
      defaultValue = "25",
      description = "Users in the simulated account (default: ${DEFAULT-VALUE}).")
  int users;

  @Option(
      names = "--seed",
      defaultValue = "7",
      description = "Seed of the generated account (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Where to put the index (default: a new temporary directory).")
  Path data;

  @Option(
      names = "--serve",
      negatable = true,
      description =
          "Serve the web page with a person picker afterwards (default: only on a terminal, so"
              + " that scripts end).")
  Boolean serve;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description =
          "Port of the web page with --serve (default: ${DEFAULT-VALUE}, or a free port when it"
              + " is in use; a port given here is used or refused, exit 2; 0 = any).")
  int port;

  /** Counted down to stop a running --serve (tests); otherwise Ctrl-C stops it. */
  final CountDownLatch stop = new CountDownLatch(1);

  /** Counted down when the demo has cleaned up, so that Ctrl-C waits for its temporary index. */
  private final CountDownLatch finished = new CountDownLatch(1);

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dataDir = data != null ? data : Files.createTempDirectory("zoomdex-demo-");
    try {
      return run(out, err, dataDir);
    } finally {
      if (data == null) {
        // A temporary index is the demo's alone: leave nothing behind in /tmp.
        TemporaryDirectory.delete(dataDir);
      }
      finished.countDown();
    }
  }

  private int run(PrintWriter out, PrintWriter err, Path dataDir)
      throws IOException, InterruptedException {
    SimulatorSettings account =
        SimulatorSettings.builder()
            .seed(seed)
            .users(users)
            .plan(io.zoomdex.simulator.Plan.BUSINESS)
            .build();
    try (ZoomSimulator simulator = ZoomSimulator.start(account);
        // The real model, whatever the environment says: the demo shows search by meaning.
        PassageVectors vectors =
            new PassageVectors(
                EmbedderSettings.defaults().open(), EmbedderSettings.defaultThreads(), 256)) {
      out.printf(
          Locale.ROOT,
          "1. Started a simulated Zoom account with %d users at %s (Business-plan rate limits).%n",
          users,
          simulator.apiBaseUrl());
      out.printf(Locale.ROOT, "2. Crawling it into %s ...%n", dataDir);
      out.flush();
      SyncReport report = crawl(simulator, dataDir, err, vectors);
      out.println(ReportText.format(report));
      try (SearchService search =
          new DeactivatedSearchers(
              LuceneSearchService.openReadOnly(dataDir.resolve("index"), vectors.embedder()),
              new StateStoreDeactivatedUsers(dataDir, Clock.systemUTC()))) {
        List<DemoPeople.Person> people = new DemoPeople(simulator.account(), search).pick();
        showSearches(out, search, people);
        new MeaningDemo(search).show(out, people.get(0).email());
        printNextSteps(out, data, people.get(0).email());
        if (serve != null ? serve : System.console() != null) {
          serve(out, search, dataDir, people.stream().map(DemoPeople.Person::email).toList());
        }
      }
      return report.complete() ? ExitCodes.OK : ExitCodes.PARTIAL;
    } catch (ZoomException e) {
      err.println(e.getMessage());
      return CrawlCommand.exitCodeOf(e);
    } catch (StorageException | SearchException e) {
      err.println(e.getMessage());
      return ExitCodes.STORAGE;
    } catch (OptionValueException portTaken) {
      err.println(portTaken.getMessage());
      return ExitCodes.USAGE;
    } catch (EmbeddingException e) {
      err.println(e.getMessage());
      return ExitCodes.CONFIG;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static SyncReport crawl(
      ZoomSimulator simulator, Path dataDir, PrintWriter err, PassageVectors vectors) {
    ZoomSettings settings =
        ZoomSettings.defaults(
                simulator.accountId(), simulator.clientId(), Secret.of(simulator.clientSecret()))
            .withEndpoints(simulator.apiBaseUrl(), simulator.oauthBaseUrl())
            .withRateLimits(RateLimits.forPlan(Plan.BUSINESS, ZoomSettings.DEFAULT_RATE_SHARE));
    Clock clock = Clock.systemUTC();
    CrawlStats stats = new CrawlStats();
    try (CrawlProgress progress = CrawlProgress.start(stats, err)) {
      LocalDate since = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusMonths(12);
      return new CrawlJob(
              settings,
              dataDir,
              clock,
              CrawlJob.DEFAULT_COMMIT_EVERY,
              (dir, fence) -> LuceneIndexSink.open(dir.resolve("index"), vectors))
          .run(since, stats, false);
    }
  }

  /** The same query as each person: the results differ because each sees only their own. */
  private static void showSearches(
      PrintWriter out, SearchService search, List<DemoPeople.Person> people)
      throws SearchException {
    String query = mostTellingQuery(search, people.stream().map(DemoPeople.Person::email).toList());
    out.printf(Locale.ROOT, "%n3. The same search, \"%s\", as different people:%n", query);
    for (DemoPeople.Person person : people) {
      SeriesGrouping.Grouped grouped =
          SeriesGrouping.search(search, SearchRequest.of(person.email(), query).withPage(3, 0));
      SearchResults results = grouped.results();
      SearchResults all = search.search(SearchRequest.of(person.email(), "").withPage(1, 0));
      out.printf(
          Locale.ROOT,
          "%n   as %s, %s (may read %s in all): %s%n",
          person.email(),
          person.role(),
          counted(all, "document"),
          counted(results, "result"));
      for (SearchHit hit : results.hits()) {
        out.printf(
            Locale.ROOT,
            "     - [%s] %s%n       %s%n",
            hit.id().type().prefix(),
            hit.title(),
            hit.snippets().isEmpty() ? "" : hit.snippets().get(0).marked("*", "*"));
        int more = grouped.moreOf(hit).size();
        if (more > 0) {
          out.printf(Locale.ROOT, "       + %d more from this series%n", more);
        }
      }
    }
    out.flush();
  }

  /** "1 document", "30 documents", "more than 1000 documents". */
  static String counted(SearchResults results, String noun) {
    return results.totalText() + " " + noun + (results.total() == 1 ? "" : "s");
  }

  /** The candidate query whose result counts differ most between the people. */
  private static String mostTellingQuery(SearchService search, List<String> people)
      throws SearchException {
    String best = QUERIES.get(0);
    long bestSpread = -1;
    for (String query : QUERIES) {
      long min = Long.MAX_VALUE;
      long max = 0;
      for (String person : people.subList(0, 2)) {
        long total = search.search(SearchRequest.of(person, query).withPage(1, 0)).total();
        min = Math.min(min, total);
        max = Math.max(max, total);
      }
      if (min > 0 && max - min > bestSpread) {
        best = query;
        bestSpread = max - min;
      }
    }
    return best;
  }

  private static void printNextSteps(PrintWriter out, Path keptData, String person) {
    String search =
        keptData == null
            ? String.format(
                Locale.ROOT,
                "   ./zoomdex demo --data demo-data   (keeps the index; this run's was temporary)%n"
                    + "   ./zoomdex search --data demo-data --as %s \"quarterly budget\"%n"
                    + "   ./zoomdex search --data demo-data --as %1$s --mode semantic"
                    + " \"who is packing boxes for a different workplace?\"%n",
                person)
            : String.format(
                Locale.ROOT,
                "   ./zoomdex search --data %s --as %s \"quarterly budget\"%n"
                    + "   ./zoomdex search --data %1$s --as %2$s --mode semantic"
                    + " \"who is packing boxes for a different workplace?\"%n",
                keptData,
                person);
    out.printf(
        Locale.ROOT,
        "%n5. Try it yourself:%n"
            + search.replace("%", "%%")
            + "   ./zoomdex demo --serve   (the web page with a person picker)%n"
            + "%nAgainst your own Zoom account (a Server-to-Server OAuth app with the 17 read-only"
            + " scopes):%n"
            + "   export ZOOM_ACCOUNT_ID=... ZOOM_CLIENT_ID=... ZOOM_CLIENT_SECRET=...%n"
            + "   ./zoomdex check                       (names every missing scope)%n"
            + "   ./zoomdex crawl --data zoomdex-data   (--plan free|pro|business)%n"
            + "   ./zoomdex token create --data zoomdex-data --user you@company.com%n"
            + "   ./zoomdex serve --data zoomdex-data --sync-every 15m  (webhooks: ZOOM_WEBHOOK_SECRET)%n");
    out.flush();
  }

  private void serve(PrintWriter out, SearchService search, Path dataDir, List<String> people)
      throws InterruptedException {
    try (ApiTokenStore tokens = ApiTokenStore.open(dataDir, Clock.systemUTC());
        SearchServer server = startServer(out, search, tokens, dataDir, people)) {
      // Ctrl-C: stop serving, and let the JVM exit once the temporary index is deleted (or 5 s).
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    stop.countDown();
                    try {
                      finished.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  },
                  "zoomdex-demo-stop"));
      out.printf(
          Locale.ROOT,
          "%n6. Serving the web page at %s (demo mode: pick a person; Ctrl-C stops)%n",
          server.uri());
      out.flush();
      stop.await();
    }
  }

  /**
   * Serves on the chosen port. When the default port is taken (another demo, say) it moves to a
   * free one and says so; a port given with --port is kept or refused, never silently changed.
   *
   * @throws OptionValueException when a --port given explicitly is taken
   */
  private SearchServer startServer(
      PrintWriter out,
      SearchService search,
      ApiTokenStore tokens,
      Path dataDir,
      List<String> people) {
    SearchServerSettings settings =
        SearchServerSettings.of(search, tokens)
            .withRuns(new StateStoreRunHistory(dataDir))
            .withDemoPeople(people);
    try {
      return SearchServer.start(settings.withAddress(SearchServerSettings.LOOPBACK, port));
    } catch (IllegalStateException portTaken) {
      if (spec.commandLine().getParseResult().hasMatchedOption("--port")) {
        throw new OptionValueException(portTaken.getMessage());
      }
      out.printf(Locale.ROOT, "%nPort %d is in use; serving on a free port instead.%n", port);
      return SearchServer.start(settings.withAddress(SearchServerSettings.LOOPBACK, 0));
    }
  }
}
