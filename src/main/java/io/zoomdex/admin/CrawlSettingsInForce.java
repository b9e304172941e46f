package io.zoomdex.admin;

import java.util.Map;

/**
 * The hook through which the admin page shows the crawl settings in force. {@code serve} supplies
 * what it knows (its schedule, summary look-back, first recording day, whether webhooks are on);
 * the crawl settings of the config file (kinds, filters, history window) plug in here too.
 */
@FunctionalInterface
public interface CrawlSettingsInForce {

  /** Nothing known: the page says no settings are shown. */
  CrawlSettingsInForce NONE = Map::of;

  /**
   * The settings as name to plain value (text, number, boolean or a list of text), in the order the
   * page should show them; called on every {@code /api/admin/overview} request.
   *
   * @return the settings; empty when none are known
   */
  Map<String, Object> describe();
}
