package io.zoomdex.crawlsettings;

import java.util.Locale;

/** A kind of content a crawl may index: the six document types, and Q&amp;A inside past ones. */
public enum CrawlKind {
  MEETING,
  WEBINAR,
  PAST_MEETING,
  PAST_WEBINAR,
  SUMMARY,
  QA,
  TRANSCRIPT;

  /** The name in settings, e.g. {@code past_meeting}. */
  public String settingName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a settings name.
   *
   * @throws CrawlSettingsException naming the accepted values when the name is unknown
   */
  static CrawlKind parse(String name) {
    for (CrawlKind kind : values()) {
      if (kind.settingName().equals(name.strip().toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    throw new CrawlSettingsException(
        "names the unknown kind '"
            + name.strip()
            + "'; use a comma-separated list of meeting, webinar, past_meeting, past_webinar,"
            + " summary, qa, transcript");
  }
}
