package io.zoomdex.zoom.model;

import java.time.Instant;

/**
 * One ended meeting instance ({@code GET /past_meetings/{uuid}}).
 *
 * @param userEmail the host's email
 * @param duration minutes
 */
public record PastMeeting(
    long id,
    String uuid,
    String hostId,
    String userName,
    String userEmail,
    String topic,
    int type,
    Instant startTime,
    Instant endTime,
    int duration,
    int participantsCount,
    boolean hasMeetingSummary) {}
