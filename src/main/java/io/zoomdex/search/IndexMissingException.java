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

  /** Where the index was looked for. */
  public Path location() {
    return location;
  }
}
