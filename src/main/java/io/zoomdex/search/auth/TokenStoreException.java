package io.zoomdex.search.auth;

/** The token database could not be opened, read or written; not the caller's fault. */
public class TokenStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message one plain sentence naming the problem and the fix (never a token)
   * @param cause the underlying failure
   */
  public TokenStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
