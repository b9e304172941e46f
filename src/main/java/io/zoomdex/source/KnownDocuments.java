package io.zoomdex.source;

import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import java.util.List;
import java.util.Optional;

/** What the index already holds, so an incremental crawl can leave it be. */
public interface KnownDocuments {

  /** Nothing is known: everything is fetched. */
  KnownDocuments NONE =
      new KnownDocuments() {
        @Override
        public boolean contains(DocumentId id) {
          return false;
        }

        @Override
        public boolean holds(Document document) {
          return false;
        }
      };

  /** Whether the index holds this document, in any version. */
  boolean contains(DocumentId id);

  /** Whether the index holds exactly this version of the document. */
  boolean holds(Document document);

  /**
   * What the last complete read of a series recorded of its listing (see {@link SeriesListing}), or
   * empty when it was never read in whole.
   */
  default Optional<SeriesListing> listing(String seriesKey) {
    return Optional.empty();
  }

  /** Every series last listed by this user, as recorded (see {@link #listing}). */
  default List<SeriesListing> listingsOf(String userId) {
    return List.of();
  }

  /**
   * Whether Zoom refused this item for a lasting reason (too old, gone, no webinar plan) since the
   * last full crawl: an incremental crawl does not ask again (see {@link CrawlOutput#refused}).
   */
  default boolean refused(String itemKey) {
    return false;
  }

  /**
   * Instances of this meeting indexed without an AI summary that started at or after {@code from}
   * (see {@link CrawlOutput#awaitingSummary}), by UUID.
   */
  default List<String> awaitingSummary(long meetingId, java.time.Instant from) {
    return List.of();
  }

  /**
   * The document as the ledger keeps it (content and reader rules), if it does: a series whose
   * readers alone changed rebuilds its instances from it instead of reading them again.
   */
  default Optional<Document> kept(DocumentId id) {
    return Optional.empty();
  }

  /** The kept documents of a meeting or webinar series, by its number. */
  default List<DocumentId> keptOfSeries(long seriesId) {
    return List.of();
  }
}
