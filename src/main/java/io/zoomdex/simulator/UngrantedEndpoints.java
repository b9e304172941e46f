package io.zoomdex.simulator;

import java.util.List;
import java.util.Optional;

/**
 * Real Zoom GET endpoints near ours whose scopes the zoomdex app is not granted: the simulator
 * answers them 400/4711 naming their scopes, as Zoom does for an app without them.
 */
final class UngrantedEndpoints {
  /** A path template and the scopes Zoom asks for. */
  record Route(String template, List<String> scopes) {}

  static final List<Route> ROUTES =
      List.of(
          new Route(
              "/meetings/meeting_summaries",
              List.of("meeting:read:list_summaries", "meeting:read:list_summaries:admin")),
          new Route(
              "/meetings/{meetingId}/recordings",
              List.of(
                  "cloud_recording:read:list_recording_files",
                  "cloud_recording:read:list_recording_files:admin")),
          new Route(
              "/meetings/{meetingId}/transcript",
              List.of(
                  "cloud_recording:read:meeting_transcript",
                  "cloud_recording:read:meeting_transcript:admin")),
          new Route(
              "/report/meetings/{meetingId}/participants",
              List.of("report:read:list_meeting_participants:admin")));

  private UngrantedEndpoints() {}

  /** The ungranted route the segments name, if any. */
  static Optional<Route> match(List<String> segments) {
    for (Route route : ROUTES) {
      String[] template = route.template().substring(1).split("/");
      if (template.length != segments.size()) {
        continue;
      }
      boolean fits = true;
      for (int i = 0; i < template.length && fits; i++) {
        fits = template[i].startsWith("{") || template[i].equals(segments.get(i));
      }
      if (fits) {
        return Optional.of(route);
      }
    }
    return Optional.empty();
  }
}
