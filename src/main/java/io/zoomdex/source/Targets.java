package io.zoomdex.source;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What webhooks named for re-reading: meeting and webinar series by id, and ended meeting
 * instances. Empty sets mean nothing of that kind.
 *
 * @param transcriptsStale meetings and webinars (also in {@code meetings} or {@code webinars})
 *     whose topic, host or alternative hosts changed, which their transcripts carry (title,
 *     readers), so those are re-read too
 */
public record Targets(
    Set<Long> meetings, Set<Long> transcriptsStale, Set<Long> webinars, List<Instance> instances) {
  public Targets {
    meetings = Set.copyOf(meetings);
    transcriptsStale = Set.copyOf(transcriptsStale);
    webinars = Set.copyOf(webinars);
    instances = List.copyOf(instances);
  }

  /** An ended instance of a meeting, by Zoom's instance UUID (exactly as Zoom sent it). */
  public record Instance(long meetingId, String uuid) {
    public Instance {
      Objects.requireNonNull(uuid, "uuid");
      if (uuid.isBlank()) {
        throw new IllegalArgumentException("An instance UUID must not be blank.");
      }
    }
  }

  public boolean isEmpty() {
    return meetings.isEmpty() && webinars.isEmpty() && instances.isEmpty();
  }
}
