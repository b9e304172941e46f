package io.zoomdex.embed;

/**
 * An embedding could not be computed. The message is one sentence for an operator: what failed and
 * what to do; it never contains a key or token.
 */
public final class EmbeddingException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  public EmbeddingException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public EmbeddingException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  /** Whether trying again later may help (an endpoint that timed out or answered 429/5xx). */
  public boolean retryable() {
    return retryable;
  }
}
