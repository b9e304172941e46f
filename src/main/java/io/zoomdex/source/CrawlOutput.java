package io.zoomdex.source;

import io.zoomdex.document.Change;

/** Where a crawl sends what it finds. Both methods are called from several threads. */
public interface CrawlOutput {

  /**
   * Takes one document change. Throwing stops the whole crawl (the index cannot take documents).
   */
  void accept(Change change);

  /**
   * Says that every item of this user was read without failure and every document of theirs has
   * already been passed to {@link #accept}: a checkpoint may record the user as done once those
   * documents are durable. Never called for a user with a failure.
   */
  default void userFinished(String userId) {}

  /**
   * Says that a series and everything of it were read as {@code listing} describes. The record must
   * only become durable with the user's checkpoint ({@link #userFinished}): a user with a failure
   * keeps the listing recorded before, so that the next incremental crawl reads it again.
   */
  default void seriesRead(String userId, SeriesListing listing) {}

  /**
   * Says that Zoom refused an item for a lasting reason (12702 too old, 3001 gone, 200 no webinar
   * plan), so that incremental crawls until the next full one need not ask again.
   */
  default void refused(String itemKey) {}

  /**
   * Says that an ended meeting instance was indexed without an AI summary: a polling incremental
   * crawl checks it again, while it started within the summary look-back, without re-reading its
   * series.
   */
  default void awaitingSummary(long meetingId, String instanceUuid, java.time.Instant start) {}
}
