package io.zoomdex.bench;

import io.zoomdex.search.SearchRequest;
import java.util.List;

/** The search modes this build offers, for benchmarks that measure each one. */
final class SearchModes {
  private SearchModes() {}

  /** Mode names: only keyword search exists in this build. */
  static List<String> available() {
    return List.of("keyword");
  }

  /** The request in the given mode. */
  static SearchRequest apply(SearchRequest request, String mode) {
    if (!mode.equals("keyword")) {
      throw new IllegalArgumentException("No search mode " + mode + " in this build.");
    }
    return request;
  }
}
