package io.zoomdex.inspect;

import io.zoomdex.document.Document;

/** What the sync state knows about one indexed document: when it was indexed, its last error. */
public interface ItemHistory {
  /**
   * The indexing status of a document the index holds.
   *
   * @return never null; {@link ItemStatus#lastError()} is null when no recorded crawl failure names
   *     the item since it was last indexed
   */
  ItemStatus statusOf(Document document);

  /** No sync state (an index filled by other means): nothing is known. */
  ItemHistory NONE =
      document ->
          new ItemStatus(
              "In the index; there is no sync state here to say when it was indexed.", null);
}
