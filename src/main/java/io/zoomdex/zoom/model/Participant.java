package io.zoomdex.zoom.model;

import java.time.Instant;

/**
 * One row of a past meeting's or webinar's participants. A rejoin is a separate row; {@code
 * userEmail} is empty for guests and most people outside the account.
 *
 * @param id the Zoom user id when signed in, else empty
 * @param userId the per-meeting participant id
 * @param duration seconds
 */
public record Participant(
    String id,
    String userId,
    String name,
    String userEmail,
    Instant joinTime,
    Instant leaveTime,
    int duration,
    Boolean internalUser) {}
