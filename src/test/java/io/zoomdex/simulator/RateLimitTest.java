package io.zoomdex.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitTest {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  private ZoomSimulator start(SimulatorSettings settings) throws IOException {
    return ZoomSimulator.start(settings, nanos::get);
  }

  @Test
  void overTheLightRate_answers429WithZoomHeaders_andRecoversAfterASecond() throws IOException {
    try (ZoomSimulator simulator =
        start(SimulatorFixtures.settings().rates(new RateLimits(2, 0, 1, 0)).build())) {
      SimulatorHttp http = new SimulatorHttp(simulator);
      String user = "/users/" + simulator.account().user(0).id();

      HttpResponse<String> first = http.get(user);
      HttpResponse<String> second = http.get(user);
      HttpResponse<String> third = http.get(user);
      nanos.addAndGet(1_000_000_000L);
      HttpResponse<String> later = http.get(user);

      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.headers().firstValue("X-RateLimit-Category")).hasValue("Light");
      assertThat(first.headers().firstValue("X-RateLimit-Remaining")).hasValue("1");
      assertThat(second.statusCode()).isEqualTo(200);
      assertThat(third.statusCode()).isEqualTo(429);
      assertThat(third.body())
          .isEqualTo(
              "{\"code\":429,\"message\":\"You have reached the maximum per-second rate limit for"
                  + " this API. Try again later.\"}");
      assertThat(third.headers().firstValue("X-RateLimit-Type")).hasValue("QPS");
      assertThat(third.headers().firstValue("X-RateLimit-Limit")).hasValue("2");
      assertThat(third.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
      assertThat(third.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(later.statusCode()).isEqualTo(200);
      assertThat(simulator.requestLog().tooManyRequests()).isEqualTo(1);
    }
  }

  @Test
  void labels_haveSeparateBuckets() throws IOException {
    try (ZoomSimulator simulator =
        start(SimulatorFixtures.settings().rates(new RateLimits(1, 0, 1, 0)).build())) {
      SimulatorHttp http = new SimulatorHttp(simulator);

      assertThat(http.get("/users/" + simulator.account().user(0).id()).statusCode())
          .isEqualTo(200);
      HttpResponse<String> medium = http.get("/users");

      assertThat(medium.statusCode()).isEqualTo(200);
      assertThat(medium.headers().firstValue("X-RateLimit-Category")).hasValue("Medium");
      assertThat(http.get("/users").statusCode()).isEqualTo(429);
    }
  }

  @Test
  void qpsRetryAfter_canBeSwitchedOff() throws IOException {
    try (ZoomSimulator simulator =
        start(
            SimulatorFixtures.settings()
                .rates(new RateLimits(1, 0, 1, 0))
                .retryAfterOnQps(false)
                .build())) {
      SimulatorHttp http = new SimulatorHttp(simulator);
      http.get("/users");

      HttpResponse<String> limited = http.get("/users");

      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).isEmpty();
    }
  }

  @Test
  void dailyCap_answers429WithIsoRetryAfter_andResetsAtMidnightUtc() throws IOException {
    try (ZoomSimulator simulator =
        start(SimulatorFixtures.settings().rates(new RateLimits(0, 0, 0, 3)).build())) {
      SimulatorHttp http = new SimulatorHttp(simulator);
      for (int i = 0; i < 3; i++) {
        assertThat(http.get("/users").statusCode()).isEqualTo(200);
      }

      HttpResponse<String> capped = http.get("/users");
      simulator.clock().advance(Duration.ofHours(14));
      HttpResponse<String> nextDay = http.getWith("/users", "Bearer " + http.newToken());

      assertThat(capped.statusCode()).isEqualTo(429);
      assertThat(capped.body()).contains("maximum daily rate limit");
      assertThat(capped.headers().firstValue("X-RateLimit-Type")).hasValue("Daily-limit");
      assertThat(capped.headers().firstValue("Retry-After")).hasValue("2026-03-19T00:00:00Z");
      assertThat(nextDay.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void freePlan_capsMediumAt2000PerDay_andLightAt6000() {
    SimulatorClock clock = new SimulatorClock(SimulatorFixtures.START);
    RateLimiter limiter = new RateLimiter(Plan.FREE.limits(), nanos::get, clock, true);
    int medium = 0;
    int light = 0;
    for (int i = 0; i < 7000; i++) {
      nanos.addAndGet(1_000_000_000L); // a second apart: the per-second limit never bites
      if (limiter.acquire(RateLabel.MEDIUM).allowed()) {
        medium++;
      }
      if (limiter.acquire(RateLabel.LIGHT).allowed()) {
        light++;
      }
    }

    assertThat(medium).isEqualTo(2000);
    assertThat(light).isEqualTo(6000);
  }

  @Test
  void freePlan_perSecondLimitsAre4And2() {
    SimulatorClock clock = new SimulatorClock(SimulatorFixtures.START);
    RateLimiter limiter = new RateLimiter(Plan.FREE.limits(), nanos::get, clock, true);
    int light = 0;
    int medium = 0;
    for (int i = 0; i < 10; i++) {
      light += limiter.acquire(RateLabel.LIGHT).allowed() ? 1 : 0;
      medium += limiter.acquire(RateLabel.MEDIUM).allowed() ? 1 : 0;
    }

    assertThat(light).isEqualTo(4);
    assertThat(medium).isEqualTo(2);
  }

  @Test
  void unlimitedPlan_neverLimits_andSendsNoHeaders() throws IOException {
    try (ZoomSimulator simulator = start(SimulatorFixtures.settings().build())) {
      SimulatorHttp http = new SimulatorHttp(simulator);
      HttpResponse<String> last = null;
      for (int i = 0; i < 50; i++) {
        last = http.get("/users");
        assertThat(last.statusCode()).isEqualTo(200);
      }
      assertThat(last.headers().firstValue("X-RateLimit-Category")).isEmpty();
    }
  }
}
