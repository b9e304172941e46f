package io.zoomdex.zoom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zoomdex.config.RateLimits;
import io.zoomdex.config.Secret;
import io.zoomdex.config.ZoomSettings;
import io.zoomdex.simulator.FaultRule;
import io.zoomdex.simulator.SimInstance;
import io.zoomdex.simulator.SimMeeting;
import io.zoomdex.simulator.SimUser;
import io.zoomdex.simulator.SimUserStatus;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.zoom.model.UserStatus;
import io.zoomdex.zoom.model.ZoomUser;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against the Zoom simulator on 127.0.0.1. */
class ZoomClientSimulatorTest {
  private ZoomSimulator simulator;
  private final FakeTime time = new FakeTime(Instant.parse("2026-03-02T10:00:00Z"));

  @AfterEach
  void stop() {
    if (simulator != null) {
      simulator.close();
    }
  }

  private ZoomSimulator start(SimulatorSettings.Builder builder) throws Exception {
    simulator = ZoomSimulator.start(builder.port(0).build());
    return simulator;
  }

  private ZoomSettings settings() {
    return ZoomSettings.defaults(
            simulator.accountId(), simulator.clientId(), Secret.of(simulator.clientSecret()))
        .withEndpoints(simulator.apiBaseUrl(), simulator.oauthBaseUrl())
        .withRateLimits(RateLimits.none());
  }

  private ZoomClient client(ZoomSettings settings, Sleeper sleeper) {
    return new ZoomClient(settings, ZoomClient.newHttpClient(settings), time, sleeper);
  }

  private long activeUsers() {
    return simulator.account().users().stream()
        .filter(u -> u.status() == SimUserStatus.ACTIVE)
        .count();
  }

  @Test
  void listUsers_returnsEveryActiveUserOfTheAccount() throws Exception {
    start(SimulatorSettings.builder().users(40));
    var users = client(settings(), time).listUsers(UserStatus.ACTIVE);
    assertThat(users).hasSize((int) activeUsers());
    assertThat(users.stream().map(ZoomUser::id).distinct()).hasSize(users.size());
  }

  @Test
  void listUsers_pageTokenExpiresMidListing_restartsAndReturnsEveryUserOnce() throws Exception {
    start(SimulatorSettings.builder().users(2500));
    AtomicBoolean expired = new AtomicBoolean();
    // The pacer sleeps before the second page: let 16 simulated minutes pass there, once.
    Sleeper slowCrawl =
        duration -> {
          time.sleep(duration);
          if (expired.compareAndSet(false, true)) {
            simulator.clock().advance(Duration.ofMinutes(16));
          }
        };
    ZoomClient client =
        client(settings().withRateLimits(RateLimits.explicit(100, 100, 100)), slowCrawl);
    var users = client.listUsers(UserStatus.ACTIVE);
    assertThat(expired).isTrue();
    assertThat(client.stats().listingRestarts()).isEqualTo(1);
    assertThat(users).hasSize((int) activeUsers());
    assertThat(users.stream().map(ZoomUser::id).distinct()).hasSize(users.size());
  }

  @Test
  void uuidBeginningWithSlashOrHoldingDoubleSlash_isFetched() throws Exception {
    start(SimulatorSettings.builder().users(30).meetingsPerUser(4).instancesPerMeeting(6));
    Optional<SimInstance> awkward = Optional.empty();
    for (SimUser user : simulator.account().users()) {
      for (SimMeeting meeting : simulator.account().meetingsOf(user)) {
        awkward =
            simulator.account().instancesOf(meeting).stream()
                .filter(i -> PathSegments.needsDoubleEncoding(i.uuid()))
                .findFirst();
        if (awkward.isPresent()) {
          break;
        }
      }
      if (awkward.isPresent()) {
        break;
      }
    }
    assertThat(awkward).as("the simulator makes awkward UUIDs").isPresent();
    String uuid = awkward.get().uuid();
    assertThat(client(settings(), time).getPastMeeting(uuid).uuid()).isEqualTo(uuid);
  }

  @Test
  void revokedTokens_renewOnceAndTheCallSucceeds() throws Exception {
    start(SimulatorSettings.builder().users(5));
    ZoomClient client = client(settings(), time);
    client.listUsers(UserStatus.ACTIVE);
    simulator.revokeAllTokens();
    assertThat(client.listUsers(UserStatus.ACTIVE)).hasSize((int) activeUsers());
    assertThat(client.stats().tokenRequests()).isEqualTo(2);
  }

  @Test
  void rateLimited_bothRetryAfterForms_areWaitedOut() throws Exception {
    start(SimulatorSettings.builder().users(5));
    ZoomClient client = client(settings(), time);
    simulator.faults().add(FaultRule.qpsTooManyRequests("users", 2, 3));
    simulator
        .faults()
        .add(
            new FaultRule(
                "users",
                1,
                429,
                "{\"code\":429,\"message\":\"You have reached the maximum daily rate limit for this API.\"}",
                Map.of("Retry-After", time.instant().plusSeconds(90).toString())));
    assertThat(client.listUsers(UserStatus.ACTIVE)).hasSize((int) activeUsers());
    assertThat(client.stats().rateLimited()).isEqualTo(3);
    assertThat(time.totalSlept()).isGreaterThanOrEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void serverErrors_withinBudgetRecover_beyondBudgetFailUnavailable() throws Exception {
    start(SimulatorSettings.builder().users(5));
    ZoomClient client = client(settings(), time);
    simulator.faults().add(FaultRule.serverError("users", 4, 503));
    assertThat(client.listUsers(UserStatus.ACTIVE)).hasSize((int) activeUsers());
    simulator.faults().add(FaultRule.serverError("users", 10, 500));
    assertThatThrownBy(() -> client.listUsers(UserStatus.ACTIVE))
        .isInstanceOfSatisfying(
            ZoomException.class,
            e -> assertThat(e.reason()).isEqualTo(ZoomException.Reason.UNAVAILABLE));
  }

  @Test
  void missingScope_fromTheSimulator_isTyped() throws Exception {
    start(
        SimulatorSettings.builder()
            .users(5)
            .missingScopes(java.util.Set.of(RequiredScopes.LIST_USERS)));
    assertThatThrownBy(() -> client(settings(), time).listUsers(UserStatus.ACTIVE))
        .isInstanceOfSatisfying(
            ZoomException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ZoomException.Reason.MISSING_SCOPE);
              assertThat(e.missingScopes()).contains(RequiredScopes.LIST_USERS);
            });
  }
}
