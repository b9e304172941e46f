package io.zoomdex.search.http;

import static io.zoomdex.sink.lucene.SearchFixtures.ALICE;
import static io.zoomdex.sink.lucene.SearchFixtures.BOB;
import static io.zoomdex.sink.lucene.SearchFixtures.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zoomdex.search.auth.ApiTokenStore.CreatedToken;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchServerAuthTest {

  @TempDir Path data;

  private ServerFixture fixture;
  private SearchServer server;
  private HttpTestClient http;

  @BeforeEach
  void setUp() throws Exception {
    fixture = new ServerFixture(data);
  }

  @AfterEach
  void tearDown() throws Exception {
    try (ServerFixture toClose = fixture) {
      if (server != null) {
        server.close();
      }
    }
  }

  private void start(SearchServerSettings settings) {
    server = SearchServer.start(settings);
    http = new HttpTestClient(server.port());
  }

  private static List<String> ids(JsonNode results) {
    List<String> ids = new ArrayList<>();
    results.path("hits").forEach(hit -> ids.add(hit.path("id").asText()));
    return ids;
  }

  @Test
  void healthz_needsNoToken() throws Exception {
    start(fixture.settings());

    HttpTestClient.Reply reply = http.get("/healthz");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("status").asText()).isEqualTo("ok");
  }

  @Test
  void readyz_needsNoToken_andAddsTheReadinessDetails() throws Exception {
    start(fixture.settings().withReadiness(() -> java.util.Map.of("role", "search")));

    HttpTestClient.Reply reply = http.get("/readyz");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("status").asText()).isEqualTo("ready");
    assertThat(reply.json().path("index").asText()).isEqualTo("reachable");
    assertThat(reply.json().path("role").asText()).isEqualTo("search");
  }

  @Test
  void readyz_whenTheIndexCannotBeRead_is503_whileHealthzStays200() throws Exception {
    io.zoomdex.search.SearchService unreachable =
        new io.zoomdex.search.SearchService() {
          @Override
          public io.zoomdex.search.SearchResults search(io.zoomdex.search.SearchRequest request)
              throws io.zoomdex.search.SearchException {
            throw new io.zoomdex.search.SearchException("no node answered", null);
          }

          @Override
          public java.util.Optional<io.zoomdex.search.DocumentView> get(
              String searcher, io.zoomdex.document.DocumentId id)
              throws io.zoomdex.search.SearchException {
            throw new io.zoomdex.search.SearchException("no node answered", null);
          }

          @Override
          public List<io.zoomdex.search.SearchHit> listReadable(
              io.zoomdex.search.SearchRequest request,
              io.zoomdex.document.DocumentId after,
              int max)
              throws io.zoomdex.search.SearchException {
            throw new io.zoomdex.search.SearchException("no node answered", null);
          }

          @Override
          public java.util.OptionalLong documentCount() throws io.zoomdex.search.SearchException {
            throw new io.zoomdex.search.SearchException("no node answered", null);
          }

          @Override
          public void close() {}
        };
    start(SearchServerSettings.of(unreachable, fixture.tokens));

    HttpTestClient.Reply reply = http.get("/readyz");

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.json().path("status").asText()).isEqualTo("unavailable");
    assertThat(reply.json().path("index").asText()).isEqualTo("unreachable");
    assertThat(reply.body()).doesNotContain("no node answered"); // no details for anonymous probes
    assertThat(http.get("/healthz").status()).isEqualTo(200);
  }

  @Test
  void apiEndpoints_withoutToken_are401WithAPlainJsonError() throws Exception {
    start(fixture.settings());

    for (String path :
        List.of(
            "/api/search?q=budget",
            "/api/me",
            "/api/documents?id=meeting:111",
            "/api/documents/meeting:111",
            "/api/runs",
            "/metrics")) {
      HttpTestClient.Reply reply = http.get(path);
      assertThat(reply.status()).as(path).isEqualTo(401);
      assertThat(reply.header("WWW-Authenticate")).as(path).isEqualTo("Bearer");
      assertThat(reply.error()).as(path).contains("token");
    }
  }

  @Test
  void search_withUnknownOrMalformedToken_is401() throws Exception {
    start(fixture.settings());
    String unknown = "zdx_" + "A".repeat(43);

    assertThat(http.getAs(unknown, "/api/search?q=budget").status()).isEqualTo(401);
    assertThat(http.getAs("not-a-token", "/api/search?q=budget").status()).isEqualTo(401);
    assertThat(http.get("/api/search", "Authorization", "Basic YWxpY2U6cHc=").status())
        .isEqualTo(401);
    assertThat(http.get("/api/search", "Authorization", "Bearer " + "x".repeat(5000)).status())
        .isEqualTo(401);
  }

  @Test
  void me_withToken_saysWhoTheCallerIs() throws Exception {
    start(fixture.settings());
    CreatedToken token = fixture.tokens.create(" Alice@Example.com ", false);

    JsonNode me = http.getAs(token.token(), "/api/me").json();

    assertThat(me.path("email").asText()).isEqualTo(ALICE);
    assertThat(me.path("admin").asBoolean()).isFalse();
    assertThat(me.path("via").asText()).isEqualTo("token");
    assertThat(me.path("demo").asBoolean()).isFalse();
  }

  @Test
  void revokedToken_isRefusedOnTheVeryNextRequest() throws Exception {
    start(fixture.settings());
    CreatedToken token = fixture.tokens.create(ALICE, false);
    assertThat(http.getAs(token.token(), "/api/search?q=budget").status()).isEqualTo(200);

    fixture.tokens.revoke(token.id());

    HttpTestClient.Reply reply = http.getAs(token.token(), "/api/search?q=budget");
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.error()).contains("revoked");
  }

  @Test
  void asParameterOrDemoHeader_outsideDemoMode_isRefusedAndNeverImpersonates() throws Exception {
    start(fixture.settings());
    CreatedToken alice = fixture.tokens.create(ALICE, false);

    HttpTestClient.Reply byParam = http.getAs(alice.token(), "/api/search?q=launch&as=" + CAROL);
    HttpTestClient.Reply byHeader =
        http.getAs(alice.token(), "/api/search?q=launch", "X-Zoomdex-Demo-As", CAROL);
    HttpTestClient.Reply withoutToken = http.get("/api/search?q=launch&as=" + CAROL);

    assertThat(byParam.status()).isEqualTo(403);
    assertThat(byParam.error()).contains("does not let callers choose whom to search as");
    assertThat(byHeader.status()).isEqualTo(403);
    assertThat(withoutToken.status()).isEqualTo(403);
    assertThat(byParam.body()).doesNotContain("Product launch");
    assertThat(byHeader.body()).doesNotContain("Product launch");
  }

  @Test
  void demoMode_picksAListedPersonAndRefusesOthers() throws Exception {
    start(fixture.settings().withDemoPeople(List.of(ALICE, "Carol@Example.com")));

    JsonNode demo = http.get("/api/demo").json();
    HttpTestClient.Reply asCarol = http.get("/api/search?q=launch", "X-Zoomdex-Demo-As", CAROL);
    HttpTestClient.Reply asCarolByParam = http.get("/api/search?q=launch&as=CAROL@example.com");
    HttpTestClient.Reply asBob = http.get("/api/search?q=budget", "X-Zoomdex-Demo-As", BOB);
    HttpTestClient.Reply me = http.get("/api/me?as=" + ALICE);

    assertThat(demo.path("enabled").asBoolean()).isTrue();
    assertThat(demo.path("people").toString()).isEqualTo("[\"" + ALICE + "\",\"" + CAROL + "\"]");
    assertThat(asCarol.status()).isEqualTo(200);
    assertThat(ids(asCarol.json())).containsExactly("webinar:222");
    assertThat(ids(asCarolByParam.json())).containsExactly("webinar:222");
    assertThat(asBob.status()).isEqualTo(403);
    assertThat(asBob.error()).contains("not one of the demo people");
    assertThat(me.json().path("via").asText()).isEqualTo("demo");
    assertThat(me.json().path("admin").asBoolean()).isFalse();
  }

  @Test
  void demoInfo_outsideDemoMode_isDisabledWithNoPeople() throws Exception {
    start(fixture.settings());

    JsonNode demo = http.get("/api/demo").json();

    assertThat(demo.path("enabled").asBoolean()).isFalse();
    assertThat(demo.path("people").size()).isZero();
  }

  @Test
  void trustedHeader_fromTheProxyAddress_identifiesTheCaller() throws Exception {
    start(
        fixture
            .settings()
            .withTrustedHeader(
                new TrustedIdentityHeader(
                    "X-Forwarded-Email", InetAddress.getByName("127.0.0.1"))));

    HttpTestClient.Reply reply =
        http.get("/api/search?q=budget", "X-Forwarded-Email", " Bob@Example.com");
    JsonNode me = http.get("/api/me", "X-Forwarded-Email", BOB).json();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(ids(reply.json())).containsExactlyInAnyOrder("meeting:111", "past_meeting:std/1==");
    assertThat(me.path("email").asText()).isEqualTo(BOB);
    assertThat(me.path("via").asText()).isEqualTo("proxy");
    assertThat(me.path("admin").asBoolean()).isFalse();
  }

  @Test
  void trustedHeader_fromAnyOtherAddress_isIgnoredEvenWithForwardedFor() throws Exception {
    start(
        fixture
            .settings()
            .withTrustedHeader(
                new TrustedIdentityHeader(
                    "X-Forwarded-Email", InetAddress.getByName("127.0.0.2"))));

    HttpTestClient.Reply plain = http.get("/api/search?q=budget", "X-Forwarded-Email", BOB);
    HttpTestClient.Reply spoofed =
        http.get(
            "/api/search?q=budget",
            "X-Forwarded-Email",
            BOB,
            "X-Forwarded-For",
            "127.0.0.2",
            "X-Real-IP",
            "127.0.0.2");

    assertThat(plain.status()).isEqualTo(401);
    assertThat(spoofed.status()).isEqualTo(401);
  }

  @Test
  void trustedHeader_isOffByDefault() throws Exception {
    start(fixture.settings());

    HttpTestClient.Reply reply = http.get("/api/search?q=budget", "X-Forwarded-Email", BOB);

    assertThat(reply.status()).isEqualTo(401);
  }

  @Test
  void trustedHeader_withoutAnEmail_is401() throws Exception {
    start(
        fixture
            .settings()
            .withTrustedHeader(
                new TrustedIdentityHeader(
                    "X-Forwarded-Email", InetAddress.getByName("127.0.0.1"))));

    HttpTestClient.Reply reply = http.get("/api/me", "X-Forwarded-Email", "not an email");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.error()).contains("identity header");
  }
}
