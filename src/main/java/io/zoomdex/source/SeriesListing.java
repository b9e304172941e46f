package io.zoomdex.source;

import java.time.Instant;
import java.util.Objects;

/**
 * What zoomdex last saw of a meeting or webinar series in its host's listing, recorded once the
 * series and all its instances were read without a failure: an incremental crawl that sees the same
 * listing again knows that nothing the listing shows has changed, and leaves the series be.
 *
 * @param key {@code meeting:{id}} or {@code webinar:{id}}
 * @param userId the host whose listing showed it
 * @param listing the fingerprint of the listing item (see {@link ListingFingerprint})
 * @param panelists the fingerprint of a webinar's panelists; empty for meetings
 * @param newestInstance the start of the newest ended instance, or null when it has none: a recent
 *     one may still get its AI summary
 */
public record SeriesListing(
    String key, String userId, String listing, String panelists, Instant newestInstance) {

  public SeriesListing {
    Objects.requireNonNull(key, "key");
    userId = userId == null ? "" : userId;
    Objects.requireNonNull(listing, "listing");
    panelists = panelists == null ? "" : panelists;
  }

  /** The key of a meeting series. */
  public static String meetingKey(long id) {
    return "meeting:" + id;
  }

  /** The key of a webinar series. */
  public static String webinarKey(long id) {
    return "webinar:" + id;
  }

  /** Whether this is a webinar's record. */
  public boolean webinar() {
    return key.startsWith("webinar:");
  }

  /** The meeting or webinar number. */
  public long seriesId() {
    return Long.parseLong(key.substring(key.indexOf(':') + 1));
  }
}
