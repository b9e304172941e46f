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

  /**
   * The endpoint whose template fits the segments, if any. A template whose segments fit one to one
   * wins; otherwise its parameter may span several segments, because Zoom's documented rule makes a
   * UUID with a single {@code /} in the middle work single-encoded (only a leading {@code /} or a
   * {@code //} needs double encoding: those are the slashes the collapsed path loses). Longer
   * templates are tried first, so a suffix such as {@code /participants} is never swallowed.
   */
  Optional<Match> match(List<String> segments) {
    Optional<Match> exact = matchEach(segments, false);
    return exact.isPresent() ? exact : matchEach(segments, true);
  }

  private Optional<Match> matchEach(List<String> segments, boolean spanning) {
    return endpoints.stream()
        .sorted((a, b) -> Integer.compare(parts(b).length, parts(a).length))
        .map(endpoint -> matchOne(endpoint, segments, spanning))
        .flatMap(Optional::stream)
        .findFirst();
  }

  private static Optional<Match> matchOne(
      Endpoint endpoint, List<String> segments, boolean spanning) {
    String[] template = parts(endpoint);
    int extra = segments.size() - template.length;
    if (extra < 0 || (extra > 0 && !(spanning && takesInstanceUuid(endpoint)))) {
      return Optional.empty();
    }
    Map<String, String> parameters = new HashMap<>();
    int segment = 0;
    for (String part : template) {
      if (part.startsWith("{")) {
        String value = String.join("/", segments.subList(segment, segment + 1 + extra));
        parameters.put(part.substring(1, part.length() - 1), PathDecoding.parameter(value));
        segment += 1 + extra;
        extra = 0;
      } else if (part.equals(segments.get(segment))) {
        segment++;
      } else {
        return Optional.empty();
      }
    }
    return extra == 0 ? Optional.of(new Match(endpoint, parameters)) : Optional.empty();
  }

  /** Endpoints whose parameter may be an instance UUID (the others take numeric ids or users). */
  private static boolean takesInstanceUuid(Endpoint endpoint) {
    String path = endpoint.pathTemplate();
    return path.startsWith("/past_") || path.endsWith("/meeting_summary");
  }

  private static String[] parts(Endpoint endpoint) {
    return endpoint.pathTemplate().substring(1).split("/", -1);
  }
}
