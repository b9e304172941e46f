package io.zoomdex.search;

/** The index could not be read (missing, corrupt, or an I/O failure); not the searcher's fault. */
public class SearchException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * @param message one plain sentence naming the problem and the fix
   * @param cause the underlying failure, or null
   */
  public SearchException(String message, Throwable cause) {
    super(message, cause);
  }
}
