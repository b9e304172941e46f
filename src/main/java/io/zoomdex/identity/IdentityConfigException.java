package io.zoomdex.identity;

/** A mapping rule or mapping file that cannot be used; the message is one plain sentence. */
public final class IdentityConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IdentityConfigException(String message) {
    super(message);
  }

  public IdentityConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
