package io.zoomdex.e2e;

import io.zoomdex.simulator.SimulatorSettings;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One small random account for the permission property: the simulator's seed picks the users'
 * statuses, guests, external people, alternative hosts (ids or emails), invitees, summary settings,
 * instant meetings and slash-leading UUIDs; the sizes keep a try fast.
 */
record PermissionScenario(
    long seed,
    int users,
    int meetingsPerUser,
    int webinarsPerUser,
    int instancesPerMeeting,
    int participantsPerInstance) {

  static final Instant NOW = Instant.parse("2026-11-20T09:30:00Z");

  /** Every scenario the property draws from. */
  static Arbitrary<PermissionScenario> arbitrary() {
    return Combinators.combine(
            Arbitraries.longs().between(1, 1_000_000_000L),
            Arbitraries.integers().between(2, 9),
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(1, 6))
        .as(PermissionScenario::new);
  }

  /** The simulator settings for this account, anchored at {@link #NOW}. */
  SimulatorSettings settings() {
    return SimulatorSettings.builder()
        .seed(seed)
        .users(users)
        .meetingsPerUser(meetingsPerUser)
        .webinarsPerUser(webinarsPerUser)
        .instancesPerMeeting(instancesPerMeeting)
        .participantsPerInstance(participantsPerInstance)
        .start(NOW)
        .build();
  }
}
