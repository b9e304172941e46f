package io.zoomdex.sync;

/** The index or the sync state could not be read or written; the message says what to do. */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
