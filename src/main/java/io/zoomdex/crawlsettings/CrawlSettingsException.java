package io.zoomdex.crawlsettings;

/**
 * A crawl setting's value is malformed. The message is the end of a sentence that starts with the
 * setting's name ("--kinds ..." or "crawl.kinds in FILE, line 3, ..."), saying what is wrong and
 * what to write instead.
 */
public final class CrawlSettingsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  CrawlSettingsException(String problem) {
    super(problem);
  }
}
