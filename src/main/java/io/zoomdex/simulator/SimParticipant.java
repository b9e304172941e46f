package io.zoomdex.simulator;

import java.time.Instant;

/**
 * One participant row of an instance (a rejoin is a separate row with a new {@code user_id}).
 *
 * @param id Zoom user id when signed in to the account, else empty
 * @param userId per-meeting participant id
 * @param name display name
 * @param email email, empty for guests
 * @param joinTime join time
 * @param leaveTime leave time
 * @param internalUser whether the participant is a user of the account
 */
public record SimParticipant(
    String id,
    String userId,
    String name,
    String email,
    Instant joinTime,
    Instant leaveTime,
    boolean internalUser) {

  /** Seconds in the meeting for this row. */
  public int durationSeconds() {
    return (int) java.time.Duration.between(joinTime, leaveTime).toSeconds();
  }
}
