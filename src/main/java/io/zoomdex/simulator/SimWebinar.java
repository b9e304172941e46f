package io.zoomdex.simulator;

import java.time.Instant;
import java.util.List;

/**
 * A webinar of the simulated account.
 *
 * @param id numeric webinar id
 * @param hostIndex index of the host user
 * @param slot the webinar's number among its host's webinars
 * @param type 5 webinar, 6 recurring without fixed time, 9 recurring fixed time
 * @param topic topic
 * @param agenda full agenda
 * @param startTime next or last scheduled start
 * @param durationMinutes scheduled duration
 * @param timezone IANA time zone
 * @param createdAt creation time
 * @param alternativeHosts emails of the alternative hosts
 * @param panelists panelists
 * @param instanceCount number of past instances (newest first)
 */
public record SimWebinar(
    long id,
    int hostIndex,
    int slot,
    int type,
    String topic,
    String agenda,
    Instant startTime,
    int durationMinutes,
    String timezone,
    Instant createdAt,
    List<String> alternativeHosts,
    List<SimPanelist> panelists,
    int instanceCount) {
  public SimWebinar {
    alternativeHosts = List.copyOf(alternativeHosts);
    panelists = List.copyOf(panelists);
  }

  /** The comma-separated {@code settings.alternative_hosts} value Zoom sends for webinars. */
  public String alternativeHostsField() {
    return String.join(",", alternativeHosts);
  }
}
