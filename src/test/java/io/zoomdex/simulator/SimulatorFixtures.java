package io.zoomdex.simulator;

import java.time.Instant;

/** Shared settings for simulator tests: a fixed start time so the data is the same every run. */
final class SimulatorFixtures {
  static final Instant START = Instant.parse("2026-03-18T10:15:30Z");

  private SimulatorFixtures() {}

  static SimulatorSettings.Builder settings() {
    return SimulatorSettings.builder().seed(7).start(START);
  }

  /** The first instance of user 0's meeting 0 whose UUID matches, for UUID quirk tests. */
  static SimInstance instance(SimulatedAccount account, java.util.function.Predicate<String> uuid) {
    for (SimUser user : account.users()) {
      for (SimMeeting meeting : account.meetingsOf(user)) {
        for (SimInstance instance : account.instancesOf(meeting)) {
          if (uuid.test(instance.uuid())
              && !instance.startTime().isBefore(START.minusSeconds(86_400L * 300))) {
            return instance;
          }
        }
      }
    }
    throw new AssertionError("no instance matches");
  }
}
