package io.zoomdex.simulator;

/** Zoom's rate-limit label of an endpoint; the simulated endpoints are all Light or Medium. */
public enum RateLabel {
  LIGHT("Light"),
  MEDIUM("Medium");

  private final String headerValue;

  RateLabel(String headerValue) {
    this.headerValue = headerValue;
  }

  /** The value Zoom sends in {@code X-RateLimit-Category}. */
  public String headerValue() {
    return headerValue;
  }
}
