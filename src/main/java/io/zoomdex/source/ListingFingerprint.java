package io.zoomdex.source;

import io.zoomdex.zoom.model.Meeting;
import io.zoomdex.zoom.model.Panelist;
import io.zoomdex.zoom.model.Webinar;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * Fingerprints of what a listing shows of a series. A listing item's {@code uuid} is that of the
 * series' next instance, so it changes when an instance ends; its topic, times and (truncated)
 * agenda change with an edit. What the listing does not show (alternative hosts, invitees, the
 * summary setting) a polling incremental cannot see: webhooks or the next full crawl bring it.
 */
final class ListingFingerprint {
  private ListingFingerprint() {}

  static String of(Meeting item) {
    return hash(
        List.of(
            "meeting",
            Long.toString(item.id()),
            text(item.uuid()),
            text(item.hostId()),
            text(item.topic()),
            Integer.toString(item.type()),
            String.valueOf(item.startTime()),
            Integer.toString(item.duration()),
            text(item.timezone()),
            text(item.agenda()),
            text(item.joinUrl())));
  }

  static String of(Webinar item) {
    return hash(
        List.of(
            "webinar",
            Long.toString(item.id()),
            text(item.uuid()),
            text(item.hostId()),
            text(item.topic()),
            Integer.toString(item.type()),
            String.valueOf(item.startTime()),
            Integer.toString(item.duration()),
            text(item.timezone()),
            text(item.agenda()),
            text(item.joinUrl())));
  }

  static String ofPanelists(Collection<Panelist> panelists) {
    List<String> rows = new ArrayList<>();
    for (Panelist p : panelists) {
      rows.add(text(p.id()) + "\u0001" + text(p.email()) + "\u0001" + text(p.name()));
    }
    rows.sort(null);
    rows.add(0, "panelists");
    return hash(rows);
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  /** Length-prefixed fields, so that no two different lists hash the same bytes. */
  private static String hash(List<String> fields) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String field : fields) {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
