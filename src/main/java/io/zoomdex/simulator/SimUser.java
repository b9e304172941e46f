package io.zoomdex.simulator;

import java.time.Instant;

/**
 * A user of the simulated account.
 *
 * @param index position in the account, 0-based (user 0 is the active owner)
 * @param id Zoom user id, or null for a pending user (Zoom sends none)
 * @param email lower-case email address
 * @param firstName first name
 * @param lastName last name
 * @param status active, inactive (deactivated) or pending
 * @param type 1 Basic, 2 Licensed
 * @param webinarLicence whether the user may host webinars
 * @param dept department
 * @param timezone IANA time zone
 * @param pmi personal meeting id
 * @param createdAt when the user was created
 */
public record SimUser(
    int index,
    String id,
    String email,
    String firstName,
    String lastName,
    SimUserStatus status,
    int type,
    boolean webinarLicence,
    String dept,
    String timezone,
    long pmi,
    Instant createdAt) {

  /** "First Last". */
  public String displayName() {
    return firstName + " " + lastName;
  }

  /** Whether the user can host meetings (pending users cannot). */
  public boolean hosts() {
    return status != SimUserStatus.PENDING;
  }

  /**
   * This user with another email, {@code first.{word}{index}@domain} (shaped as every simulated
   * email is, so that it still finds the user); their names stay.
   */
  public SimUser withEmailWord(String word) {
    String newEmail =
        (firstName + "." + word + index + "@" + email.substring(email.indexOf('@') + 1))
            .toLowerCase(java.util.Locale.ROOT);
    return new SimUser(
        index,
        id,
        newEmail,
        firstName,
        lastName,
        status,
        type,
        webinarLicence,
        dept,
        timezone,
        pmi,
        createdAt);
  }

  /** This user with another status (a deactivation or reactivation). */
  public SimUser withStatus(SimUserStatus newStatus) {
    return new SimUser(
        index,
        id,
        email,
        firstName,
        lastName,
        newStatus,
        type,
        webinarLicence,
        dept,
        timezone,
        pmi,
        createdAt);
  }
}
