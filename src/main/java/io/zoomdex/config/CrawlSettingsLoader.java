package io.zoomdex.config;

import io.zoomdex.crawlsettings.CrawlSettings;
import io.zoomdex.crawlsettings.CrawlSettingsException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * Reads the {@code crawl.*} keys of a {@code --config} file into {@link CrawlSettings}; a bad value
 * is a {@link ConfigException} naming the key, the file and its line.
 */
public final class CrawlSettingsLoader {
  /** The prefix of every crawl setting in a config file. */
  public static final String PREFIX = "crawl.";

  private CrawlSettingsLoader() {}

  /** Every {@code crawl.*} key a config file may hold. */
  static List<String> fileKeys() {
    return CrawlSettings.NAMES.stream().map(name -> PREFIX + name).toList();
  }

  /**
   * The crawl settings of {@code configFile}, over the defaults; the defaults when it is null.
   *
   * @throws ConfigException when the file cannot be read, or a {@code crawl.*} key is unknown or
   *     has a bad value
   */
  public static CrawlSettings fromFile(Path configFile) {
    if (configFile == null) {
      return CrawlSettings.DEFAULTS;
    }
    ConfigFile file = ConfigFile.read(configFile);
    Properties properties = file.properties();
    CrawlSettings settings = CrawlSettings.DEFAULTS;
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith(PREFIX) && !fileKeys().contains(key)) {
        throw new ConfigException(
            where(file, configFile, key)
                + " is not a crawl setting; the crawl keys are "
                + String.join(", ", fileKeys())
                + ".");
      }
    }
    for (String name : CrawlSettings.NAMES) {
      String value = properties.getProperty(PREFIX + name);
      if (value == null) {
        continue;
      }
      try {
        settings = settings.with(name, value);
      } catch (CrawlSettingsException e) {
        throw new ConfigException(
            where(file, configFile, PREFIX + name) + " " + e.getMessage() + ".", e);
      }
    }
    try {
      return settings.validated();
    } catch (CrawlSettingsException e) {
      throw new ConfigException(
          "The crawl settings in " + configFile + " " + e.getMessage() + ".", e);
    }
  }

  private static String where(ConfigFile file, Path path, String key) {
    return "The setting "
        + key
        + " in "
        + path
        + file.lineOf(key).map(line -> ", line " + line + ",").orElse("");
  }
}
