package io.zoomdex.simulator;

/** Answers one API request of one endpoint. */
@FunctionalInterface
interface Handler {
  /**
   * Called after authentication, rate limiting and the scope check passed.
   *
   * @throws ZoomApiError for any answer that is one of Zoom's errors
   */
  ApiResponse handle(ApiRequest request);
}
