package io.zoomdex.cli;

import io.zoomdex.admin.AdminOverview;
import io.zoomdex.admin.AdminRoutes;
import io.zoomdex.admin.ConnectionCheckSource;
import io.zoomdex.admin.CrawlSettingsInForce;
import io.zoomdex.config.ConfigException;
import io.zoomdex.config.ZoomSettings;
import io.zoomdex.crawlsettings.CrawlSettings;
import io.zoomdex.search.http.SearchServerSettings;
import io.zoomdex.search.http.TokenServlet;
import io.zoomdex.sync.CrawlScheduler;
import io.zoomdex.zoom.ZoomClient;
import io.zoomdex.zoom.check.ConnectionCheck;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Wires the admin page's routes into {@code serve}: its data directory, schedule and Zoom. */
final class ServeAdmin {

  private ServeAdmin() {}

  /** {@code settings} with the admin routes mounted. */
  static SearchServerSettings mount(
      SearchServerSettings settings,
      Path data,
      boolean webhooks,
      CrawlSettingsInForce crawlSettings,
      ZoomOptions zoom,
      Map<String, String> environment,
      Clock clock) {
    AdminRoutes routes =
        new AdminRoutes(
            new AdminOverview(data, webhooks, crawlSettings, clock),
            connectionCheck(zoom, environment, clock),
            clock);
    SearchServerSettings mounted = settings;
    for (TokenServlet servlet : routes.servlets()) {
      mounted = mounted.withServlet(servlet);
    }
    return mounted;
  }

  /**
   * What serve decides about crawling: its schedule and windows, then the crawl settings of the
   * config file and flags under their config names ({@code crawl.kinds}, ...).
   */
  static CrawlSettingsInForce serveSettings(
      CrawlScheduler.Schedule schedule,
      Duration summaryLookBack,
      LocalDate firstDay,
      boolean webhooks,
      CrawlSettings crawl) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put(
        "Incremental crawls",
        schedule == null || schedule.incrementalEvery() == null
            ? "not scheduled by this server"
            : "every " + Durations.format(schedule.incrementalEvery()));
    settings.put(
        "Full crawls",
        schedule == null || schedule.fullEvery() == null
            ? "not scheduled by this server"
            : "every " + Durations.format(schedule.fullEvery()));
    settings.put("Summary look-back", Durations.format(summaryLookBack));
    settings.put("Cloud recordings since", firstDay.toString());
    settings.put("Webhooks", webhooks ? "received at /webhooks/zoom" : "off");
    crawl.describe().forEach((name, value) -> settings.put("crawl." + name, value));
    Map<String, Object> ordered = Collections.unmodifiableMap(settings);
    return () -> ordered;
  }

  private static ConnectionCheckSource connectionCheck(
      ZoomOptions zoom, Map<String, String> environment, Clock clock) {
    ZoomSettings zoomSettings;
    try {
      zoomSettings = zoom.settings(environment);
    } catch (ConfigException e) {
      return ConnectionCheckSource.unavailable(
          "This server has no Zoom credentials, so it cannot check the connection: "
              + e.getMessage());
    }
    return ConnectionCheckSource.of(
        () -> new ConnectionCheck(ZoomClient.create(zoomSettings), clock).run());
  }
}
