package io.zoomdex.sink;

/**
 * The index could not take or keep a change. {@link #retryable()} tells the caller whether trying
 * again later may succeed (a backend briefly unreachable) or not (disk full, corrupt index, another
 * writer holds the lock): a fatal failure needs a person.
 */
public class SinkException extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  /**
   * @param message one plain sentence naming the problem and the fix
   * @param retryable whether trying again later may succeed
   * @param cause the underlying failure, or null
   */
  public SinkException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /** Whether trying again later may succeed without anyone stepping in. */
  public boolean retryable() {
    return retryable;
  }
}
