package io.zoomdex.bench;

import io.zoomdex.search.SearchMode;
import io.zoomdex.search.SearchRequest;
import java.util.Arrays;
import java.util.List;

/** The search modes this build offers, for benchmarks that measure each one. */
final class SearchModes {
  private SearchModes() {}

  /** Mode names, e.g. keyword, semantic, hybrid. */
  static List<String> available() {
    return Arrays.stream(SearchMode.values()).map(SearchMode::label).toList();
  }

  /** The request in the given mode. */
  static SearchRequest apply(SearchRequest request, String mode) {
    return request.withMode(SearchMode.parse(mode));
  }
}
