package io.zoomdex.identity;

/** What identity mapping made of a value, in the words of ServiceNow's Test button. */
public enum Outcome {
  /** Exactly one Zoom identity. */
  MATCH("match"),
  /** No Zoom identity: the value sees nothing. */
  NO_MATCH("no match"),
  /** Two or more Zoom identities: fails closed, the value sees nothing. */
  AMBIGUOUS("ambiguous");

  private final String label;

  Outcome(String label) {
    this.label = label;
  }

  /** The lower-case words of the API ({@code match}, {@code no match}, {@code ambiguous}). */
  public String label() {
    return label;
  }

  /** The capitalised words of the CLI ({@code Match}, {@code No match}, {@code Ambiguous}). */
  public String title() {
    return Character.toUpperCase(label.charAt(0)) + label.substring(1);
  }
}
