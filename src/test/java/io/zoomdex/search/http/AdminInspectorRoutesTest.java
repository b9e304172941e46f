package io.zoomdex.search.http;

import static io.zoomdex.sink.lucene.SearchFixtures.ALICE;
import static io.zoomdex.sink.lucene.SearchFixtures.BOB;
import static io.zoomdex.sink.lucene.SearchFixtures.BUDGET_MEETING;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zoomdex.identity.IdentityResolver;
import io.zoomdex.identity.IdentityRules;
import io.zoomdex.inspect.DocumentExplainer;
import io.zoomdex.inspect.InspectorJson;
import io.zoomdex.inspect.ItemHistory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin inspector routes: their contract with the admin page, and who may call them. */
class AdminInspectorRoutesTest {

  @TempDir Path data;

  private ServerFixture fixture;
  private SearchServer server;
  private HttpTestClient http;
  private String admin;
  private String alice;

  @BeforeEach
  void setUp() throws Exception {
    fixture = new ServerFixture(data);
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
    server = SearchServer.start(fixture.settings().withInspector(new InspectorJson(explainer)));
    http = new HttpTestClient(server.port());
    admin = fixture.tokens.create("ops@example.com", true).token();
    alice = fixture.tokens.create(ALICE, false).token();
  }

  @AfterEach
  void tearDown() throws Exception {
    try (ServerFixture toClose = fixture) {
      server.close();
    }
  }

  @Test
  void explainAndWhois_withoutToken_are401_andForANonAdmin_are403() throws Exception {
    for (String path :
        List.of("/api/admin/explain?id=meeting:111", "/api/admin/whois?value=alice")) {
      assertThat(http.get(path).status()).as(path).isEqualTo(401);
      HttpTestClient.Reply reply = http.getAs(alice, path);
      assertThat(reply.status()).as(path).isEqualTo(403);
      assertThat(reply.error()).as(path).contains("admin");
    }
  }

  @Test
  void explain_listsEveryReader_whoeverTheAdminIs() throws Exception {
    JsonNode body = http.getAs(admin, "/api/admin/explain?id=" + BUDGET_MEETING).json();

    assertThat(body.path("id").asText()).isEqualTo(BUDGET_MEETING.toString());
    assertThat(body.path("type").asText()).isEqualTo("meeting");
    assertThat(body.path("title").asText()).isNotBlank();
    List<String> readers = new ArrayList<>();
    body.path("readers").forEach(r -> readers.add(r.path("email").asText()));
    assertThat(readers).containsExactly(ALICE, BOB);
    assertThat(body.path("readers").get(0).path("rules").isArray()).isTrue();
    assertThat(body.path("indexed").asText()).isNotBlank();
    assertThat(body.path("last_error").isNull()).isTrue();
    assertThat(body.path("as").isNull()).isTrue();
  }

  @Test
  void explainAs_decidesForAReader_andForAStranger() throws Exception {
    JsonNode bob =
        http.getAs(admin, "/api/admin/explain?id=" + BUDGET_MEETING + "&as=Bob@Example.com")
            .json()
            .path("as");
    assertThat(bob.path("value").asText()).isEqualTo("Bob@Example.com");
    assertThat(bob.path("identity").asText()).isEqualTo(BOB);
    assertThat(bob.path("decision").asText()).isEqualTo("can read");

    JsonNode stranger =
        http.getAs(admin, "/api/admin/explain?id=" + BUDGET_MEETING + "&as=eve@nowhere.example")
            .json()
            .path("as");
    assertThat(stranger.path("identity").isNull()).isTrue();
    assertThat(stranger.path("decision").asText()).isEqualTo("cannot read");
    assertThat(stranger.path("reason").asText()).contains("no Zoom identity");
  }

  @Test
  void explain_unknownId_is404WithAPlainMessage_andABadId_is400() throws Exception {
    HttpTestClient.Reply missing = http.getAs(admin, "/api/admin/explain?id=meeting:404404");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.error()).isEqualTo("The index has no document meeting:404404.");

    HttpTestClient.Reply bad = http.getAs(admin, "/api/admin/explain?id=nonsense");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(http.getAs(admin, "/api/admin/explain").status()).isEqualTo(400);
  }

  @Test
  void whois_saysMatchOrNoMatch_withTheRule() throws Exception {
    JsonNode match = http.getAs(admin, "/api/admin/whois?value=%20ALICE@example.com").json();
    assertThat(match.path("result").asText()).isEqualTo("match");
    assertThat(match.path("identity").asText()).isEqualTo(ALICE);
    assertThat(match.path("candidates").get(0).asText()).isEqualTo(ALICE);
    assertThat(match.path("rule").asText()).containsIgnoringCase("lower-casing");

    JsonNode none = http.getAs(admin, "/api/admin/whois?value=alice").json();
    assertThat(none.path("result").asText()).isEqualTo("no match");
    assertThat(none.path("identity").isNull()).isTrue();
    assertThat(none.path("candidates").size()).isZero();
    assertThat(none.path("rule").asText()).isNotBlank();
  }
}
