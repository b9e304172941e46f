package io.zoomdex.search.http;

import java.util.Map;

/**
 * What a server adds to its {@code GET /readyz} answer beyond whether its index can be searched,
 * e.g. its role and whether it holds the writer lease. Reported, never required: a replica that
 * does not hold the lease still serves searches.
 */
@FunctionalInterface
public interface Readiness {

  /** Nothing beyond the index check. */
  Readiness NONE = Map::of;

  /**
   * Called on every {@code /readyz} request (a load balancer's probe), so it must be cheap and must
   * not block on the network.
   *
   * @return fields to add to the answer, e.g. {@code role} and {@code writer_lease}; empty for none
   */
  Map<String, Object> details();
}
