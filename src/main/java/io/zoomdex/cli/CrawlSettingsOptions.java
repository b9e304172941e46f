package io.zoomdex.cli;

import io.zoomdex.config.CrawlSettingsLoader;
import io.zoomdex.crawlsettings.CrawlSettings;
import io.zoomdex.crawlsettings.CrawlSettingsException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The crawl settings as flags, a picocli {@code @Mixin} of crawl and serve. Flags win over the
 * {@code crawl.*} keys of the {@code --config} file; a bad flag is a bad command line (exit 2), a
 * bad file value bad configuration (exit 3).
 */
public final class CrawlSettingsOptions {
  @Option(
      names = "--kinds",
      paramLabel = "LIST",
      description =
          "What to index, comma-separated: meeting, webinar, past_meeting, past_webinar, summary,"
              + " qa, transcript (default: all; crawl.kinds).")
  String kinds;

  @Option(
      names = "--meetings-transcripts-only",
      paramLabel = "true|false",
      description =
          "Index only the transcripts of meetings: no meeting, past meeting or summary documents"
              + " (crawl.meetings_transcripts_only).")
  String meetingsTranscriptsOnly;

  @Option(
      names = "--webinars-transcripts-only",
      paramLabel = "true|false",
      description =
          "Index only the transcripts of webinars: no webinar or past webinar documents"
              + " (crawl.webinars_transcripts_only).")
  String webinarsTranscriptsOnly;

  @Option(
      names = "--include-hosts",
      paramLabel = "EMAILS",
      description = "Crawl only these hosts, comma-separated emails (crawl.include_hosts).")
  String includeHosts;

  @Option(
      names = "--exclude-hosts",
      paramLabel = "EMAILS",
      description = "Never crawl these hosts, comma-separated emails (crawl.exclude_hosts).")
  String excludeHosts;

  @Option(
      names = "--include-ids",
      paramLabel = "IDS",
      description = "Crawl only these meeting or webinar ids, comma-separated (crawl.include_ids).")
  String includeIds;

  @Option(
      names = "--exclude-ids",
      paramLabel = "IDS",
      description =
          "Never crawl these meeting or webinar ids, comma-separated (crawl.exclude_ids).")
  String excludeIds;

  @Option(
      names = "--include-topics",
      paramLabel = "GLOBS",
      description =
          "Crawl only series whose whole topic matches one of these comma-separated globs (* any"
              + " text, ? one character, case-insensitive; crawl.include_topics).")
  String includeTopics;

  @Option(
      names = "--exclude-topics",
      paramLabel = "GLOBS",
      description =
          "Never crawl series whose topic matches one of these globs (crawl.exclude_topics).")
  String excludeTopics;

  @Option(
      names = "--history",
      paramLabel = "DAYS",
      description =
          "Index past instances, summaries and transcripts of the last N days only, e.g. 90d"
              + " (crawl.history; default: no window beyond --since).")
  String history;

  @Option(
      names = "--keep-passcodes",
      paramLabel = "true|false",
      description =
          "Keep pwd= passcodes in stored links (one-click join links; every reader then sees the"
              + " passcode) (crawl.keep_passcodes; default: false).")
  String keepPasscodes;

  /**
   * The settings in force: the config file's {@code crawl.*} keys, then these flags.
   *
   * @param configFile the {@code --config} file, or null
   * @throws OptionValueException when a flag's value is bad, or the flags leave nothing to index
   * @throws io.zoomdex.config.ConfigException when the file's crawl settings are bad
   */
  public CrawlSettings settings(Path configFile) {
    Map<String, String> flags = flags();
    for (Map.Entry<String, String> flag : flags.entrySet()) {
      try {
        CrawlSettings.DEFAULTS.with(flag.getKey(), flag.getValue());
      } catch (CrawlSettingsException e) {
        throw new OptionValueException(flagName(flag.getKey()) + " " + e.getMessage() + ".");
      }
    }
    CrawlSettings settings = CrawlSettingsLoader.fromFile(configFile);
    for (Map.Entry<String, String> flag : flags.entrySet()) {
      settings = settings.with(flag.getKey(), flag.getValue());
    }
    try {
      return settings.validated();
    } catch (CrawlSettingsException e) {
      throw new OptionValueException("The crawl settings " + e.getMessage() + ".");
    }
  }

  private Map<String, String> flags() {
    Map<String, String> flags = new LinkedHashMap<>();
    put(flags, "kinds", kinds);
    put(flags, "meetings_transcripts_only", meetingsTranscriptsOnly);
    put(flags, "webinars_transcripts_only", webinarsTranscriptsOnly);
    put(flags, "include_hosts", includeHosts);
    put(flags, "exclude_hosts", excludeHosts);
    put(flags, "include_ids", includeIds);
    put(flags, "exclude_ids", excludeIds);
    put(flags, "include_topics", includeTopics);
    put(flags, "exclude_topics", excludeTopics);
    put(flags, "history", history);
    put(flags, "keep_passcodes", keepPasscodes);
    return flags;
  }

  private static void put(Map<String, String> flags, String name, String value) {
    if (value != null) {
      flags.put(name, value);
    }
  }

  private static String flagName(String setting) {
    return "--" + setting.replace('_', '-');
  }
}
