package io.zoomdex.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zoomdex.crawlsettings.CrawlSettings;
import java.util.Optional;

/**
 * Which crawl settings the index reflects, kept in the sync state: those a crawl last ran with
 * ({@code requested}) and those of the last complete full crawl ({@code in_force}). When they
 * differ, the next crawl is a full one, and only its completion removes what the new settings
 * exclude (by the usual deletion after a complete crawl).
 */
public final class CrawlSettingsState {
  static final String REQUESTED = "requested";
  static final String IN_FORCE = "in_force";

  private static final ObjectMapper JSON = new ObjectMapper();

  private CrawlSettingsState() {}

  /** The settings as one JSON object (see {@link CrawlSettings#describe()}). */
  public static String json(CrawlSettings settings) {
    try {
      return JSON.writeValueAsString(settings.describe());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Strings, numbers and lists always serialize", e);
    }
  }

  /**
   * The JSON of the settings the index reflects (the last complete full crawl's), or empty when no
   * full crawl completed since settings were recorded.
   */
  public static Optional<String> inForceJson(StateStore state) {
    return state.crawlSettingsDescription(IN_FORCE);
  }

  /**
   * Records that a crawl runs with {@code settings}.
   *
   * @return whether they differ from those the last crawl ran with (a resumed crawl then starts
   *     over, since its finished users were read under other settings)
   */
  static boolean requested(StateStore state, CrawlSettings settings) {
    String before = state.crawlSettings(REQUESTED).orElse(CrawlSettings.DEFAULTS.fingerprint());
    state.recordCrawlSettings(REQUESTED, settings.fingerprint(), json(settings));
    return !before.equals(settings.fingerprint());
  }

  /** Records that a complete full crawl made the index reflect {@code settings}. */
  static void inForce(StateStore state, CrawlSettings settings) {
    state.recordCrawlSettings(IN_FORCE, settings.fingerprint(), json(settings));
  }

  /**
   * Whether {@code settings} differ from those of the last complete full crawl (the defaults for an
   * index crawled before settings existed).
   */
  static boolean changedSinceLastFull(StateStore state, CrawlSettings settings) {
    return !state
        .crawlSettings(IN_FORCE)
        .orElse(CrawlSettings.DEFAULTS.fingerprint())
        .equals(settings.fingerprint());
  }

  /**
   * Whether the settings a crawl last ran with are not yet those of a complete full crawl, so that
   * the next crawl must be a full one. An index crawled before settings existed reflects the
   * defaults.
   */
  public static boolean fullCrawlRequired(StateStore state) {
    if (state.lastCompleteRun("full").isEmpty()) {
      return false; // no complete full crawl yet: the next crawl is a full one anyway
    }
    String requested = state.crawlSettings(REQUESTED).orElse(CrawlSettings.DEFAULTS.fingerprint());
    String inForce = state.crawlSettings(IN_FORCE).orElse(CrawlSettings.DEFAULTS.fingerprint());
    return !requested.equals(inForce);
  }
}
