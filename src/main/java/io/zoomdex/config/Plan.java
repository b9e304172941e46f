package io.zoomdex.config;

import java.util.Locale;

/**
 * The Zoom account plan, which sets the account-wide rate limits (Zoom's rate-limit page): requests
 * per second per label and, on Free, daily caps.
 */
public enum Plan {
  FREE(4, 2, 1, 6000, 2000, 1000),
  PRO(30, 20, 10, 0, 0, 0),
  BUSINESS(80, 60, 40, 0, 0, 0);

  private final double light;
  private final double medium;
  private final double heavy;
  private final long lightPerDay;
  private final long mediumPerDay;
  private final long heavyPerDay;

  Plan(
      double light,
      double medium,
      double heavy,
      long lightPerDay,
      long mediumPerDay,
      long heavyPerDay) {
    this.light = light;
    this.medium = medium;
    this.heavy = heavy;
    this.lightPerDay = lightPerDay;
    this.mediumPerDay = mediumPerDay;
    this.heavyPerDay = heavyPerDay;
  }

  /** Requests per second Zoom allows the whole account for this label. */
  public double perSecond(RateLabel label) {
    return switch (label) {
      case LIGHT -> light;
      case MEDIUM -> medium;
      case HEAVY -> heavy;
    };
  }

  /** Requests per UTC day Zoom allows for this label, or 0 for no daily cap. */
  public long perDay(RateLabel label) {
    return switch (label) {
      case LIGHT -> lightPerDay;
      case MEDIUM -> mediumPerDay;
      case HEAVY -> heavyPerDay;
    };
  }

  /** Parses {@code free}, {@code pro} or {@code business} (any case). */
  public static Plan parse(String text, String settingName) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "The setting "
              + settingName
              + " is '"
              + text
              + "' but must be free, pro or business (the Zoom plan of the account).",
          e);
    }
  }
}
