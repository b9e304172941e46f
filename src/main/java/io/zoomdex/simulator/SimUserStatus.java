package io.zoomdex.simulator;

/** A simulated user's Zoom {@code status}. */
public enum SimUserStatus {
  ACTIVE,
  INACTIVE,
  PENDING;

  /** The lower-case value Zoom sends. */
  public String zoomValue() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
