package io.zoomdex.zoom.check;

/** What probing one scope's endpoint showed. */
public enum ProbeStatus {
  /** The call succeeded. */
  OK("ok"),
  /** The token lacks the scope, or Zoom answered 4711. */
  MISSING_SCOPE("MISSING SCOPE"),
  /** Nothing in the account to call the endpoint with (e.g. no past meeting). */
  NO_DATA("not probed (no data)"),
  /** Zoom refused for a known, harmless reason (plan without webinars, summary restricted). */
  NOT_AVAILABLE("not available"),
  /** The scope is for webhooks zoomdex does not subscribe to; there is no REST call to probe. */
  WEBHOOK_ONLY("not used by zoomdex"),
  /** The call failed (unreachable, rate limited, unexpected answer). */
  FAILED("FAILED");

  private final String label;

  ProbeStatus(String label) {
    this.label = label;
  }

  /** The text shown in the table. */
  public String label() {
    return label;
  }
}
