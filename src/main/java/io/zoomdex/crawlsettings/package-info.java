/**
 * What a crawl indexes: the kinds of document, "index only transcriptions", hosts, ids and topics
 * to include or exclude, the history window and whether passcodes stay in links ({@link
 * io.zoomdex.crawlsettings.CrawlSettings}). Depends on nothing else in zoomdex, so the
 * configuration, the crawler and the sync state can all share it.
 */
package io.zoomdex.crawlsettings;
