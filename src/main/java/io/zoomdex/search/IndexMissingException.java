package io.zoomdex.search;

import java.nio.file.Path;

/** No index exists where one was expected: nothing has been crawled there yet. */
public class IndexMissingException extends SearchException {

  private static final long serialVersionUID = 1L;

  private final transient Path location;

  public IndexMissingException(Path location) {
    super("No index at " + location + "; run a crawl first.", null);
    this.location = location;
  }

  /**
   * No index where a remote cluster was asked for one.
   *
   * @param message one plain sentence naming where it was looked for and the fix
   */
  public IndexMissingException(String message) {
    super(message, null);
    this.location = null;
  }

  /** Where the index was looked for on disk, or null when it was a remote cluster. */
  public Path location() {
    return location;
  }
}
