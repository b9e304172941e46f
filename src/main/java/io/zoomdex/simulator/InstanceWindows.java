package io.zoomdex.simulator;

import java.time.Instant;
import java.time.ZoneOffset;

/** Zoom's age limits on past data: 1 year for details and participants, 15 months otherwise. */
final class InstanceWindows {
  private InstanceWindows() {}

  /** Whether Zoom answers 12702 "Cannot access a meeting a year ago." for this instance. */
  static boolean overAYearOld(SimInstance instance, Instant now) {
    return instance.startTime().isBefore(now.atZone(ZoneOffset.UTC).minusYears(1).toInstant());
  }

  /** Whether the instance is beyond the 15 months Zoom keeps instance lists and Q&A. */
  static boolean beyondFifteenMonths(SimInstance instance, Instant now) {
    return instance.startTime().isBefore(now.atZone(ZoneOffset.UTC).minusMonths(15).toInstant());
  }

  static ZoomApiError yearOld() {
    return new ZoomApiError(400, 12702, "Cannot access a meeting a year ago.");
  }
}
