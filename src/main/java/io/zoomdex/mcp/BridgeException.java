package io.zoomdex.mcp;

/**
 * The stdio bridge could not talk to serve: {@link #reason()} says why, the message says it in one
 * sentence with the fix, never with the token in it.
 */
public final class BridgeException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why serve could not be used. */
  public enum Reason {
    /** Nothing answered at the address, or it did not speak MCP. */
    UNREACHABLE,
    /** serve answered 401: the token is unknown or revoked. */
    TOKEN_REFUSED
  }

  private final Reason reason;

  BridgeException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
