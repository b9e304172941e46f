package io.zoomdex.search.http;

import io.zoomdex.admin.AdminOverview;
import io.zoomdex.admin.AdminRoutes;
import io.zoomdex.admin.ConnectionCheckSource;
import io.zoomdex.admin.CrawlSettingsInForce;
import io.zoomdex.cli.StateStoreRunHistory;
import io.zoomdex.identity.IdentityResolver;
import io.zoomdex.identity.IdentityRules;
import io.zoomdex.inspect.DocumentExplainer;
import io.zoomdex.inspect.InspectorJson;
import io.zoomdex.inspect.ItemHistory;
import io.zoomdex.sync.ApiUsage;
import io.zoomdex.sync.ReportJson;
import io.zoomdex.sync.StateStore;
import io.zoomdex.sync.SyncPath;
import io.zoomdex.sync.SyncReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A search server with everything the admin page reads, as {@code serve} wires it: the admin
 * routes, the run history and the inspector over a {@link ServerFixture}, and three finished runs
 * with a validated webhook endpoint in the sync state.
 */
final class AdminPageFixture {

  static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
  static final String ADMIN = "ops@example.com";

  /** Three runs, oldest first: added, updated, deleted, duration (ms), 429s, calls per label. */
  static final long[][] RUNS = {
    {25, 0, 0, 4200, 3},
    {2, 4, 1, 900, 0},
    {0, 1, 6, 2600, 1}
  };

  private AdminPageFixture() {}

  static SearchServerSettings settings(ServerFixture fixture, ConnectionCheckSource check) {
    IdentityResolver resolver =
        new IdentityResolver(
            IdentityRules.LOWER_CASE_ONLY,
            principal -> {
              try {
                return fixture.search.readerNames().contains(principal);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    DocumentExplainer explainer =
        new DocumentExplainer(fixture.search, resolver, Set::of, ItemHistory.NONE);
    CrawlSettingsInForce crawlSettings =
        () -> Map.of("Incremental crawls", "every 15m", "Summary look-back", "1d");
    AdminRoutes routes =
        new AdminRoutes(
            new AdminOverview(fixture.data, true, crawlSettings, Clock.fixed(NOW, ZoneOffset.UTC)),
            check,
            Clock.systemUTC());
    SearchServerSettings settings =
        fixture
            .settings()
            .withRuns(new StateStoreRunHistory(fixture.data))
            .withInspector(new InspectorJson(explainer));
    for (TokenServlet servlet : routes.servlets()) {
      settings = settings.withServlet(servlet);
    }
    return settings;
  }

  /** Records {@link #RUNS}, a recent validation of the webhook endpoint and one given-up event. */
  static void recordHistory(ServerFixture fixture) {
    try (StateStore state = StateStore.open(fixture.data)) {
      Instant started = NOW.minus(Duration.ofDays(3));
      for (long[] run : RUNS) {
        long id = state.beginRun(run[0] > 10 ? "full" : "incremental", started);
        SyncReport report =
            new SyncReport(
                id,
                run[0] > 10 ? "full" : "incremental",
                "complete",
                started,
                Duration.ofMillis(run[3]),
                run[0],
                run[1],
                3,
                run[2],
                Map.of("meeting", run[0]),
                Map.of(),
                0,
                List.of(),
                new ApiUsage(Map.of("LIGHT", 10L + id, "MEDIUM", 2L * id), run[4], run[4]),
                run[0] > 10 ? null : "polling",
                run[0] > 10 ? null : "the webhook endpoint was never validated by Zoom");
        state.finishRun(id, started.plusMillis(run[3]), "complete", ReportJson.write(report));
        started = started.plus(Duration.ofHours(12));
      }
      state.mark(SyncPath.VALIDATED, NOW.minus(Duration.ofHours(1)));
      state.recordWebhookEvent("e1", "meeting.updated", "{}", NOW.minus(Duration.ofHours(2)));
      state.finishWebhookEvents(List.of(1L), "failed", NOW.minus(Duration.ofHours(2)));
    }
  }
}
