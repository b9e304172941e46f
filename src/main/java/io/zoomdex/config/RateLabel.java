package io.zoomdex.config;

/** Zoom's rate-limit label of an endpoint; each label has its own per-second budget. */
public enum RateLabel {
  LIGHT,
  MEDIUM,
  HEAVY
}
