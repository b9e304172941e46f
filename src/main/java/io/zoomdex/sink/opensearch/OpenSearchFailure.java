package io.zoomdex.sink.opensearch;

/**
 * The cluster answered but refused a request. Runtime so the admin helpers stay simple; the sink
 * and search service turn it into their checked exceptions at their boundary.
 */
public final class OpenSearchFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  /**
   * @param message one plain sentence naming the problem
   * @param retryable whether trying again later may succeed (429, 5xx)
   */
  public OpenSearchFailure(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
