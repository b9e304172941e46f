package io.zoomdex.inspect;

import java.util.Objects;

/**
 * A document's indexing status.
 *
 * @param indexed one plain sentence: which crawl last wrote or confirmed the document, and when
 * @param lastError the last recorded crawl failure that names the item (a run, its date and the
 *     failure word for word), or null when there is none since it was last indexed
 */
public record ItemStatus(String indexed, String lastError) {
  public ItemStatus {
    Objects.requireNonNull(indexed, "indexed");
  }
}
