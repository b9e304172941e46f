package io.zoomdex.zoom.model;

/** One entry of a meeting's {@code settings.meeting_invitees}. */
public record MeetingInvitee(String email, Boolean internalUser) {}
