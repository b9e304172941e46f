package io.zoomdex.zoom.model;

import java.util.Locale;

/** The {@code status} filter of {@code GET /users}. */
public enum UserStatus {
  ACTIVE,
  INACTIVE,
  PENDING;

  /** The query-parameter value Zoom expects. */
  public String queryValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
