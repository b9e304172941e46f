package io.zoomdex.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches a GET path (relative to {@code /v2}) to an {@link Endpoint}, working on the raw path the
 * way Zoom's router does: decode once, split on {@code /}, ignore empty segments, then decode each
 * parameter again if it still holds escapes.
 */
final class Router {
  /** A matched endpoint and its path parameters, fully decoded. */
  record Match(Endpoint endpoint, Map<String, String> parameters) {}

  private final List<Endpoint> endpoints;

  Router(List<Endpoint> endpoints) {
    this.endpoints = List.copyOf(endpoints);
  }

  /** The segments of a raw path after Zoom's single decode, empty segments dropped. */
  static List<String> segments(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String segment : PathDecoding.decodeOnce(rawPath).split("/", -1)) {
      if (!segment.isEmpty()) {
        segments.add(segment);
      }
    }
    return segments;
  }

  /** The endpoint whose template fits the segments, if any. */
  Optional<Match> match(List<String> segments) {
    for (Endpoint endpoint : endpoints) {
      String[] template = endpoint.pathTemplate().substring(1).split("/");
      if (template.length != segments.size()) {
        continue;
      }
      Map<String, String> parameters = new HashMap<>();
      boolean fits = true;
      for (int i = 0; i < template.length && fits; i++) {
        String part = template[i];
        if (part.startsWith("{")) {
          parameters.put(
              part.substring(1, part.length() - 1), PathDecoding.parameter(segments.get(i)));
        } else {
          fits = part.equals(segments.get(i));
        }
      }
      if (fits) {
        return Optional.of(new Match(endpoint, parameters));
      }
    }
    return Optional.empty();
  }
}
