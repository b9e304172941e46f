package io.zoomdex.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {
  private ZoomSimulator simulator;
  private SimulatorHttp http;

  @BeforeEach
  void start() throws IOException {
    simulator = ZoomSimulator.start(SimulatorFixtures.settings().build());
    http = new SimulatorHttp(simulator);
    http.token();
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void rule_answersTheNextNMatchingRequests_thenStops() {
    simulator.faults().add(FaultRule.qpsTooManyRequests("users", 2, 3));

    HttpResponse<String> other = http.get("/users/" + simulator.account().user(0).id());
    HttpResponse<String> first = http.get("/users");
    HttpResponse<String> second = http.get("/users");
    HttpResponse<String> third = http.get("/users");

    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(first.statusCode()).isEqualTo(429);
    assertThat(first.headers().firstValue("Retry-After")).hasValue("3");
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(third.statusCode()).isEqualTo(200);
    assertThat(simulator.faults().pendingRuleAnswers()).isZero();
    assertThat(simulator.requestLog().tooManyRequests()).isEqualTo(2);
  }

  @Test
  void rule_forAnyOperation_canCarryIsoRetryAfterAndCustomBody() {
    simulator
        .faults()
        .add(
            new FaultRule(
                null,
                1,
                429,
                ZoomErrors.DAILY_LIMIT_BODY,
                Map.of("Retry-After", "2026-03-19T00:00:00Z", "X-RateLimit-Type", "Daily-limit")));

    HttpResponse<String> limited = http.get("/users/" + simulator.account().user(0).id());

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.body()).isEqualTo(ZoomErrors.DAILY_LIMIT_BODY);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("2026-03-19T00:00:00Z");
  }

  @Test
  void tokenRule_appliesOnlyToTokenRequests_andCatchAllRulesSkipThem() {
    simulator.faults().add(FaultRule.serverError(null, 1, 503));
    simulator.faults().add(FaultRule.serverError("oauthToken", 1, 500));

    HttpResponse<String> token =
        http.requestToken(
            SimulatorHttp.basic(simulator.clientId(), simulator.clientSecret()),
            "",
            "grant_type=account_credentials&account_id=" + simulator.accountId());
    HttpResponse<String> api = http.get("/users");

    assertThat(token.statusCode()).isEqualTo(500);
    assertThat(api.statusCode()).isEqualTo(503);
    assertThat(http.newToken()).isNotBlank();
  }

  @Test
  void serverErrorRate_one_answers5xxEveryTime() {
    simulator.faults().setServerErrorRate(1.0);

    for (int i = 0; i < 5; i++) {
      assertThat(http.get("/users").statusCode()).isBetween(500, 599);
    }
  }

  @Test
  void serverErrors_areDeterministicUnderTheSeed() throws IOException {
    List<Integer> first = statuses(simulator, http);
    try (ZoomSimulator twin = ZoomSimulator.start(SimulatorFixtures.settings().build())) {
      List<Integer> second = statuses(twin, new SimulatorHttp(twin));

      assertThat(second).isEqualTo(first);
      assertThat(first).contains(200).anyMatch(s -> s >= 500);
    }
  }

  private static List<Integer> statuses(ZoomSimulator target, SimulatorHttp client) {
    client.token();
    target.faults().setServerErrorRate(0.5);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      statuses.add(client.get("/users").statusCode());
    }
    return statuses;
  }

  @Test
  void droppedConnection_failsTheClientMidBody() {
    simulator.faults().setDropConnectionRate(1.0);

    assertThatThrownBy(() -> http.get("/users")).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void malformedBody_isTruncatedJson() {
    simulator.faults().setMalformedBodyRate(1.0);

    HttpResponse<String> response = http.get("/users");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> new ObjectMapper().readTree(response.body()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void clear_removesRulesAndRandomFaults() {
    simulator.faults().setServerErrorRate(1.0);
    simulator.faults().add(FaultRule.serverError(null, 5, 503));

    simulator.faults().clear();

    assertThat(http.get("/users").statusCode()).isEqualTo(200);
  }

  @Test
  void requestLog_countsConcurrentRequestsExactly() throws Exception {
    simulator.requestLog().reset();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        results.add(pool.submit(() -> http.get("/users?page_size=1").statusCode()));
      }
      for (Future<Integer> result : results) {
        assertThat(result.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(simulator.requestLog().calls("users")).isEqualTo(200);
    assertThat(simulator.requestLog().responses(200)).isEqualTo(200);
  }

  @Test
  void requestLog_countsPerOperationLabelAndStatus_andResets() {
    http.get("/users");
    http.get("/users");
    http.get("/users/" + simulator.account().user(0).id());
    http.get("/users/nobody@nowhere.example");

    RequestLog log = simulator.requestLog();
    assertThat(log.calls("users")).isEqualTo(2);
    assertThat(log.calls("user")).isEqualTo(2);
    assertThat(log.calls(RateLabel.MEDIUM)).isEqualTo(2);
    assertThat(log.calls(RateLabel.LIGHT)).isEqualTo(2);
    assertThat(log.responses(404)).isEqualTo(1);
    assertThat(log.calls("oauthToken")).isEqualTo(1);

    log.reset();

    assertThat(log.total()).isZero();
    assertThat(log.callsByOperation()).isEmpty();
  }
}
