package io.zoomdex.sync;

import java.nio.file.Path;

/** Another crawl or the webhook worker is writing to the same data directory right now. */
public final class WriterBusyException extends StorageException {
  private static final long serialVersionUID = 1L;

  public WriterBusyException(Path dataDir) {
    super(
        "Another crawl (or `zoomdex serve`'s webhook worker or scheduler) is writing to "
            + dataDir
            + "; wait for it to finish, then try again.",
        null);
  }

  /** Another process holds the writer lease (OpenSearch deployments); the message says which. */
  public WriterBusyException(String message) {
    super(message, null);
  }
}
