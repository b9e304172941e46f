package io.zoomdex.zoom.model;

import java.time.Instant;

/**
 * A scheduled meeting: a list item of {@code GET /users/{id}/meetings} (agenda cut to 250
 * characters, no settings) or the full {@code GET /meetings/{id}}.
 *
 * @param type 1 instant, 2 scheduled, 3 recurring without fixed time, 8 recurring fixed time
 */
public record Meeting(
    long id,
    String uuid,
    String hostId,
    String hostEmail,
    String topic,
    int type,
    Instant startTime,
    int duration,
    String timezone,
    String agenda,
    String joinUrl,
    MeetingSettings settings) {

  /** The settings, or empty ones when this is a list item. */
  public MeetingSettings settingsOrEmpty() {
    return settings == null ? new MeetingSettings(null, null, null) : settings;
  }
}
