package io.zoomdex.search.http;

import static io.zoomdex.sink.lucene.SearchFixtures.ALICE;
import static io.zoomdex.sink.lucene.SearchFixtures.BUDGET_MEETING;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zoomdex.identity.IdentityResolver;
import io.zoomdex.identity.IdentityRules;
import io.zoomdex.identity.MappedSearchers;
import io.zoomdex.identity.MappingFile;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identity mapping on the HTTP API: an SSO header holding a user name, and a token whose owner is
 * an alias address, search as the one Zoom identity they map to; an ambiguous or unknown caller
 * sees nothing.
 */
class MappedCallersTest {
  @TempDir Path data;

  private ServerFixture fixture;
  private SearchServer server;
  private HttpTestClient http;

  @BeforeEach
  void setUp() throws Exception {
    fixture = new ServerFixture(data);
    // example.com is also known as example.org; bob@example.org is a second, different person.
    IdentityRules rules =
        new IdentityRules(
            List.of(Set.of("example.com", "example.org")),
            List.of("example.com"),
            MappingFile.none());
    Set<String> known = new HashSet<>(fixture.search.readerNames());
    known.add("bob@example.org");
    MappedSearchers search =
        new MappedSearchers(fixture.search, new IdentityResolver(rules, known::contains));
    server =
        SearchServer.start(
            new SearchServerSettings(
                    search,
                    fixture.tokens,
                    RunHistory.NONE,
                    SearchServerSettings.LOOPBACK,
                    0,
                    null,
                    List.of(),
                    null,
                    List.of(),
                    null,
                    false,
                    Readiness.NONE)
                .withTrustedHeader(
                    new TrustedIdentityHeader(
                        "X-Forwarded-User", InetAddress.getByName("127.0.0.1")))
                .withUserNameClaims(rules.acceptsUserNames()));
    http = new HttpTestClient(server.port());
  }

  @AfterEach
  void tearDown() throws Exception {
    try (ServerFixture toClose = fixture) {
      server.close();
    }
  }

  private static List<String> ids(JsonNode results) {
    List<String> ids = new ArrayList<>();
    results.path("hits").forEach(hit -> ids.add(hit.path("id").asText()));
    return ids;
  }

  private List<String> asAlice() throws Exception {
    String token = fixture.tokens.create(ALICE, false).token();
    return ids(http.getAs(token, "/api/search?q=&group=none&limit=100").json());
  }

  @Test
  void ssoUserNameClaim_searchesAsItsZoomIdentity() throws Exception {
    HttpTestClient.Reply reply =
        http.get("/api/search?q=&group=none&limit=100", "X-Forwarded-User", "Alice");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(ids(reply.json())).isNotEmpty().containsExactlyInAnyOrderElementsOf(asAlice());
    assertThat(
            http.get("/api/documents?id=" + BUDGET_MEETING, "X-Forwarded-User", "alice").status())
        .isEqualTo(200);
  }

  @Test
  void tokenOwnedByAnAliasAddress_searchesAsItsZoomIdentity() throws Exception {
    String token = fixture.tokens.create("alice@example.org", false).token();

    assertThat(ids(http.getAs(token, "/api/search?q=&group=none&limit=100").json()))
        .isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(asAlice());
  }

  @Test
  void ambiguousCaller_seesNothing_evenWhatListsItsOwnEmail() throws Exception {
    String token = fixture.tokens.create("bob@example.com", false).token();

    JsonNode results = http.getAs(token, "/api/search?q=&group=none&limit=100").json();

    assertThat(results.path("total").asLong()).isZero();
    assertThat(http.getAs(token, "/api/documents?id=" + BUDGET_MEETING).status()).isEqualTo(404);
  }

  @Test
  void unknownUserName_seesNothing() throws Exception {
    JsonNode results =
        http.get("/api/search?q=&group=none&limit=100", "X-Forwarded-User", "mallory").json();

    assertThat(results.path("total").asLong()).isZero();
  }

  @Test
  void userNameClaims_areRefused_whenNoRuleCanMapThem() throws Exception {
    server.close();
    server =
        SearchServer.start(
            fixture
                .settings()
                .withTrustedHeader(
                    new TrustedIdentityHeader(
                        "X-Forwarded-User", InetAddress.getByName("127.0.0.1"))));
    http = new HttpTestClient(server.port());

    assertThat(http.get("/api/me", "X-Forwarded-User", "alice").status()).isEqualTo(401);
  }
}
