package io.zoomdex.identity;

/** The Zoom identities there are: every reader the index lists, and the account's users. */
@FunctionalInterface
public interface KnownIdentities {
  /**
   * Whether {@code principal} is a Zoom identity zoomdex knows.
   *
   * @param principal a lower-cased, trimmed email
   * @return true when a document lists it as a reader or it is a (possibly deactivated) user
   */
  boolean contains(String principal);
}
