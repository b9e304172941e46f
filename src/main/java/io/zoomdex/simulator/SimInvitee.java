package io.zoomdex.simulator;

/**
 * An entry of a meeting's {@code settings.meeting_invitees}.
 *
 * @param email the invitee's email
 * @param internalUser whether the email belongs to a user of the account
 */
public record SimInvitee(String email, boolean internalUser) {}
