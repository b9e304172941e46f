package io.zoomdex.search.http;

import static io.zoomdex.sink.lucene.SearchFixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zoomdex.admin.ConnectionCheckSource;
import io.zoomdex.config.RateLimits;
import io.zoomdex.config.Secret;
import io.zoomdex.config.ZoomSettings;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.zoom.RequiredScopes;
import io.zoomdex.zoom.ZoomClient;
import io.zoomdex.zoom.check.ConnectionCheck;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin page's JSON routes and the page shell: who may read them, and what they say. */
class AdminRoutesTest {

  private static final List<String> ADMIN_ROUTES =
      List.of("/api/admin/overview", "/api/admin/check");

  @TempDir Path data;

  private ServerFixture fixture;
  private SearchServer server;
  private HttpTestClient http;
  private String admin;
  private String alice;

  private void start(ConnectionCheckSource check) throws Exception {
    fixture = new ServerFixture(data);
    server = SearchServer.start(AdminPageFixture.settings(fixture, check));
    http = new HttpTestClient(server.port());
    admin = fixture.tokens.create(AdminPageFixture.ADMIN, true).token();
    alice = fixture.tokens.create(ALICE, false).token();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (fixture != null) {
      try (ServerFixture toClose = fixture) {
        server.close();
      }
    }
  }

  private static ConnectionCheckSource noZoom() {
    return ConnectionCheckSource.unavailable("This server has no Zoom credentials.");
  }

  @Test
  void adminRoutes_withoutToken_are401_andForANonAdminToken_are403WithoutData() throws Exception {
    start(noZoom());
    AdminPageFixture.recordHistory(fixture);
    for (String path : ADMIN_ROUTES) {
      HttpTestClient.Reply anonymous = http.get(path);
      assertThat(anonymous.status()).as(path).isEqualTo(401);
      assertThat(anonymous.error()).as(path).contains("Bearer");

      HttpTestClient.Reply nonAdmin = http.getAs(alice, path);
      assertThat(nonAdmin.status()).as(path).isEqualTo(403);
      assertThat(nonAdmin.error()).as(path).contains("admin tokens only", "--admin");
      assertThat(nonAdmin.json().size()).as(path + ": only the error").isEqualTo(1);
      assertThat(nonAdmin.body()).doesNotContain("webhook", "settings", "scope");
    }
  }

  @Test
  void overview_forAnAdmin_showsDocumentsWebhookHealthAndSettings() throws Exception {
    start(noZoom());
    AdminPageFixture.recordHistory(fixture);

    HttpTestClient.Reply reply = http.getAs(admin, "/api/admin/overview");

    assertThat(reply.status()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.path("crawled").asBoolean()).isTrue();
    JsonNode webhooks = body.path("webhooks");
    assertThat(webhooks.path("enabled").asBoolean()).isTrue();
    // Validated an hour ago, but one event was given up: the receiver needs attention.
    assertThat(webhooks.path("status").asText()).isEqualTo("attention");
    assertThat(webhooks.path("reason").asText()).contains("1 event(s) were given up");
    assertThat(webhooks.path("given_up_7d").asLong()).isEqualTo(1);
    assertThat(webhooks.path("validated").asText()).isEqualTo("2024-06-01T11:00:00Z");
    assertThat(webhooks.path("last_incremental_path").asText()).isEqualTo("polling");
    assertThat(body.path("settings").path("Incremental crawls").asText()).isEqualTo("every 15m");
  }

  @Test
  void overview_beforeAnyCrawl_saysSoWithoutCreatingState() throws Exception {
    start(noZoom());

    JsonNode body = http.getAs(admin, "/api/admin/overview").json();

    assertThat(body.path("crawled").asBoolean()).isFalse();
    assertThat(body.path("webhooks").path("status").asText()).isEqualTo("attention");
    assertThat(body.path("webhooks").path("reason").asText()).contains("never validated");
    assertThat(data.resolve("state.db")).doesNotExist();
  }

  @Test
  void check_withoutZoomCredentials_saysWhyInsteadOfFailing() throws Exception {
    start(noZoom());

    JsonNode body = http.getAs(admin, "/api/admin/check").json();

    assertThat(body.path("available").asBoolean()).isFalse();
    assertThat(body.path("message").asText()).isEqualTo("This server has no Zoom credentials.");
    assertThat(body.path("rows")).isEmpty();
  }

  @Test
  void check_againstTheSimulator_listsEveryScopeWithItsFix() throws Exception {
    Set<String> missing = Set.of(RequiredScopes.MEETING_SUMMARY);
    try (ZoomSimulator simulator =
        ZoomSimulator.start(
            SimulatorSettings.builder().users(5).missingScopes(missing).port(0).build())) {
      ZoomSettings zoom =
          ZoomSettings.defaults(
                  simulator.accountId(), simulator.clientId(), Secret.of(simulator.clientSecret()))
              .withEndpoints(simulator.apiBaseUrl(), simulator.oauthBaseUrl())
              .withRateLimits(RateLimits.none());
      start(
          ConnectionCheckSource.of(
              () ->
                  new ConnectionCheck(
                          new ZoomClient(
                              zoom, ZoomClient.newHttpClient(zoom), Clock.systemUTC(), d -> {}),
                          Clock.systemUTC())
                      .run()));

      JsonNode body = http.getAs(admin, "/api/admin/check").json();

      assertThat(body.path("available").asBoolean()).isTrue();
      assertThat(body.path("outcome").asText()).isEqualTo("missing_scope");
      assertThat(body.path("message").asText()).contains(RequiredScopes.MEETING_SUMMARY);
      List<String> scopes = new ArrayList<>();
      for (JsonNode row : body.path("rows")) {
        scopes.add(row.path("scope").asText());
        if (row.path("scope").asText().equals(RequiredScopes.MEETING_SUMMARY)) {
          assertThat(row.path("status").asText()).isEqualTo("missing_scope");
          assertThat(row.path("fix").asText()).isNotBlank();
        }
      }
      assertThat(scopes).hasSize(17).doesNotHaveDuplicates().contains(RequiredScopes.LIST_USERS);
    }
  }

  @Test
  void adminPage_isAShellWithoutData_servedToAnyone() throws Exception {
    start(noZoom());
    AdminPageFixture.recordHistory(fixture);

    HttpTestClient.Reply page = http.get("/admin");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.body())
        .contains("/admin.js")
        .doesNotContain(AdminPageFixture.ADMIN, ALICE, "every 15m", "polling");
    assertThat(http.get("/admin.js").status()).isEqualTo(200);
    assertThat(http.get("/admin.css").status()).isEqualTo(200);
  }

  @Test
  void metrics_withoutToken_tellsAScraperHowToGiveOne() throws Exception {
    start(noZoom());

    HttpTestClient.Reply reply = http.get("/metrics");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(reply.error())
        .contains("token create", "--admin", "credentials_file", "authorization");
    assertThat(http.getAs(admin, "/metrics").status()).isEqualTo(200);
    assertThat(http.getAs(alice, "/metrics").status()).isEqualTo(403);
  }
}
