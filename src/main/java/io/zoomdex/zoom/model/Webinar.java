package io.zoomdex.zoom.model;

import java.time.Instant;

/**
 * A webinar: a list item of {@code GET /users/{id}/webinars} or the full {@code GET
 * /webinars/{id}}.
 */
public record Webinar(
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
    WebinarSettings settings) {

  /** The settings, or empty ones when this is a list item. */
  public WebinarSettings settingsOrEmpty() {
    return settings == null ? new WebinarSettings(null) : settings;
  }
}
