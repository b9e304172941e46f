package io.zoomdex.search.http;

import static io.zoomdex.sink.lucene.SearchFixtures.ALICE;
import static io.zoomdex.sink.lucene.SearchFixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zoomdex.search.auth.ApiTokenStore.CreatedToken;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@link TokenServlet} mounted beside Javalin's routes, behind the bearer-token check. */
class TokenServletTest {

  @TempDir Path data;

  private ServerFixture fixture;
  private SearchServer server;
  private HttpTestClient http;

  /** Answers with the email of the caller the check put on the request; counts its calls. */
  private static final class WhoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    final transient AtomicInteger calls = new AtomicInteger();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      calls.incrementAndGet();
      response.setStatus(200);
      response.getWriter().print(TokenServlet.caller(request).map(Caller::email).orElse("?"));
    }
  }

  private final WhoServlet who = new WhoServlet();

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
    server = SearchServer.start(settings.withServlet(new TokenServlet("/who", who)));
    http = new HttpTestClient(server.port());
  }

  @Test
  void withAToken_theServletRunsAsTheTokensPerson_besideTheApi() throws Exception {
    start(fixture.settings());
    String token = fixture.tokens.create(ALICE, false).token();

    HttpTestClient.Reply reply = http.getAs(token, "/who");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo(ALICE);
    assertThat(http.get("/healthz").status()).isEqualTo(200);
    assertThat(http.getAs(token, "/api/me").json().path("email").asText()).isEqualTo(ALICE);
  }

  @Test
  void withoutAValidToken_401BeforeTheServletRuns() throws Exception {
    start(fixture.settings());
    CreatedToken revoked = fixture.tokens.create(BOB, false);
    fixture.tokens.revoke(revoked.id());

    for (HttpTestClient.Reply reply :
        List.of(
            http.get("/who"),
            http.get("/who", "Authorization", "Basic Ym9iOnNlY3JldA=="),
            http.getAs("zdx_" + "B".repeat(43), "/who"),
            http.getAs(revoked.token(), "/who"))) {
      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
      assertThat(reply.error()).isNotBlank();
    }
    assertThat(who.calls.get()).isZero();
  }

  @Test
  void theDemoPickerAndTheProxyHeader_doNotIdentifyACallerHere() throws Exception {
    start(
        fixture
            .settings()
            .withDemoPeople(List.of(ALICE))
            .withTrustedHeader(
                new TrustedIdentityHeader(
                    "X-Forwarded-Email", java.net.InetAddress.getByName("127.0.0.1"))));

    HttpTestClient.Reply picked = http.get("/who?as=" + ALICE, "X-Zoomdex-Demo-As", ALICE);
    HttpTestClient.Reply proxied = http.get("/who", "X-Forwarded-Email", ALICE);

    assertThat(picked.status()).isEqualTo(401);
    assertThat(proxied.status()).isEqualTo(401);
    assertThat(who.calls.get()).isZero();
  }

  @Test
  void aServletPath_isOneLowerCaseSegment() {
    assertThatThrownBy(() -> new TokenServlet("/api/*", who))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TokenServlet("mcp", who))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
