package io.zoomdex.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuthTokenTest {
  private ZoomSimulator simulator;
  private SimulatorHttp http;

  @BeforeEach
  void start() throws IOException {
    simulator =
        ZoomSimulator.start(
            SimulatorFixtures.settings()
                .tokenTtl(Duration.ofSeconds(3599))
                .missingScopes(Set.of("meeting:read:summary:admin"))
                .build());
    http = new SimulatorHttp(simulator);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  private String basic() {
    return SimulatorHttp.basic(simulator.clientId(), simulator.clientSecret());
  }

  @Test
  void token_formBody_returnsZoomFields() {
    HttpResponse<String> response =
        http.requestToken(
            basic(), "", "grant_type=account_credentials&account_id=" + simulator.accountId());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = SimulatorHttp.json(response);
    assertThat(body.get("token_type").asText()).isEqualTo("bearer");
    assertThat(body.get("expires_in").asInt()).isEqualTo(3599);
    assertThat(body.get("api_url").asText()).isEqualTo(simulator.oauthBaseUrl().toString());
    assertThat(body.get("access_token").asText()).isNotBlank();
    assertThat(body.has("refresh_token")).isFalse();
    assertThat(body.get("scope").asText().split(" "))
        .hasSize(16)
        .contains("user:read:list_users:admin")
        .doesNotContain("meeting:read:summary:admin");
  }

  @Test
  void token_queryParameters_areAccepted() {
    HttpResponse<String> response =
        http.requestToken(
            basic(), "?grant_type=account_credentials&account_id=" + simulator.accountId(), "");

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void token_wrongSecret_answersInvalidClient() {
    HttpResponse<String> response =
        http.requestToken(
            SimulatorHttp.basic(simulator.clientId(), "wrong"),
            "",
            "grant_type=account_credentials&account_id=" + simulator.accountId());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            "{\"reason\":\"Invalid client_id or client_secret\",\"error\":\"invalid_client\"}");
  }

  @Test
  void token_wrongGrantType_answersUnsupportedGrantType() {
    HttpResponse<String> response =
        http.requestToken(
            basic(), "", "grant_type=client_credentials&account_id=" + simulator.accountId());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SimulatorHttp.json(response).get("error").asText())
        .isEqualTo("unsupported_grant_type");
  }

  @Test
  void token_wrongAccount_answersOAuthError() {
    HttpResponse<String> response =
        http.requestToken(basic(), "", "grant_type=account_credentials&account_id=nope");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SimulatorHttp.json(response).get("error").asText()).isEqualTo("invalid_request");
  }

  @Test
  void multipleTokens_allStayValid() {
    String first = http.newToken();
    String second = http.newToken();

    assertThat(first).isNotEqualTo(second);
    assertThat(http.getWith("/users/me@nowhere.example", "Bearer " + first).statusCode())
        .isEqualTo(404);
    assertThat(http.getWith("/users", "Bearer " + first).statusCode()).isEqualTo(200);
    assertThat(http.getWith("/users", "Bearer " + second).statusCode()).isEqualTo(200);
  }

  @Test
  void token_afterTtl_answers401Expired() {
    String token = http.newToken();
    simulator.clock().advance(Duration.ofSeconds(3600));

    HttpResponse<String> response = http.getWith("/users", "Bearer " + token);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body())
        .isEqualTo("{\"code\":124,\"message\":\"Access token is expired.\"}");
  }

  @Test
  void revokeAllTokens_makesIssuedTokensInvalid_butNewOnesWork() {
    String token = http.newToken();
    simulator.revokeAllTokens();

    HttpResponse<String> response = http.getWith("/users", "Bearer " + token);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"code\":124,\"message\":\"Invalid access token.\"}");
    assertThat(http.getWith("/users", "Bearer " + http.newToken()).statusCode()).isEqualTo(200);
  }

  @Test
  void unknownOrMissingToken_answers401() {
    assertThat(http.getWith("/users", "Bearer not-a-token").statusCode()).isEqualTo(401);
    HttpResponse<String> missing = http.getWith("/users", null);
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(SimulatorHttp.json(missing).get("code").asInt()).isEqualTo(124);
  }

  @Test
  void tokenInQueryString_isRefused() {
    HttpResponse<String> response = http.getWith("/users?access_token=" + http.newToken(), null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(SimulatorHttp.json(response).get("message").asText())
        .contains("not supported as query parameter string");
  }

  @Test
  void missingScope_answers4711NamingTheEndpointScopes() {
    SimInstance instance = SimulatorFixtures.instance(simulator.account(), u -> true);

    HttpResponse<String> response =
        http.get("/meetings/" + SimulatorHttp.doubleEncode(instance.uuid()) + "/meeting_summary");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            "{\"code\":4711,\"message\":\"Invalid access token, does not contain"
                + " scopes:[meeting:read:summary, meeting:read:summary:admin].\"}");
  }

  @Test
  void ungrantedEndpoint_answers4711() {
    HttpResponse<String> response = http.get("/meetings/8123456789/recordings");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SimulatorHttp.json(response).get("code").asInt()).isEqualTo(4711);
  }
}
