package io.zoomdex.crawlsettings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a crawl indexes. The defaults index everything the permission contract defines, with
 * passcodes taken out of links.
 *
 * @param kinds the kinds of content to index
 * @param meetingsTranscriptsOnly ServiceNow's "index only transcriptions" for meetings: of
 *     meetings, only their transcripts (no meeting, past meeting, summary or Q&amp;A)
 * @param webinarsTranscriptsOnly the same for webinars: no webinar or past webinar documents
 * @param includeHosts when not empty, only these hosts (lower-cased emails) are crawled
 * @param excludeHosts hosts (lower-cased emails) never crawled
 * @param includeIds when not empty, only these meeting or webinar ids are crawled
 * @param excludeIds meeting or webinar ids never crawled
 * @param includeTopics when not empty, only series whose topic matches one of these
 * @param excludeTopics series whose topic matches one of these are never crawled
 * @param historyDays how many days back past instances, summaries and transcripts are indexed; 0
 *     for no window of its own (the crawl's {@code --since} and Zoom's year apply)
 * @param keepPasscodes whether links keep their {@code pwd=} passcode (one-click join links, at the
 *     cost of every reader seeing the passcode)
 */
public record CrawlSettings(
    Set<CrawlKind> kinds,
    boolean meetingsTranscriptsOnly,
    boolean webinarsTranscriptsOnly,
    Set<String> includeHosts,
    Set<String> excludeHosts,
    Set<Long> includeIds,
    Set<Long> excludeIds,
    List<TopicPattern> includeTopics,
    List<TopicPattern> excludeTopics,
    int historyDays,
    boolean keepPasscodes) {

  /** Everything, passcodes out. */
  public static final CrawlSettings DEFAULTS =
      new CrawlSettings(
          EnumSet.allOf(CrawlKind.class),
          false,
          false,
          Set.of(),
          Set.of(),
          Set.of(),
          Set.of(),
          List.of(),
          List.of(),
          0,
          false);

  /** The longest history window, in days (ten years). */
  public static final int MAX_HISTORY_DAYS = 3650;

  /** The setting names, as config file keys take them after {@code crawl.}. */
  public static final List<String> NAMES =
      List.of(
          "kinds",
          "meetings_transcripts_only",
          "webinars_transcripts_only",
          "include_hosts",
          "exclude_hosts",
          "include_ids",
          "exclude_ids",
          "include_topics",
          "exclude_topics",
          "history",
          "keep_passcodes");

  private static final Set<CrawlKind> MEETING_SIDE =
      EnumSet.of(CrawlKind.MEETING, CrawlKind.PAST_MEETING, CrawlKind.SUMMARY);

  public CrawlSettings {
    kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    includeHosts = Set.copyOf(includeHosts);
    excludeHosts = Set.copyOf(excludeHosts);
    includeIds = Set.copyOf(includeIds);
    excludeIds = Set.copyOf(excludeIds);
    includeTopics = List.copyOf(includeTopics);
    excludeTopics = List.copyOf(excludeTopics);
    if (historyDays < 0 || historyDays > MAX_HISTORY_DAYS) {
      throw new CrawlSettingsException(
          "must be a number of days from 1 to " + MAX_HISTORY_DAYS + ", such as 90d");
    }
  }

  /**
   * These settings with {@code name} (one of {@link #NAMES}) set from its text.
   *
   * @throws CrawlSettingsException saying what is wrong with the text and what to write
   * @throws IllegalArgumentException when {@code name} is not a setting (a programming error)
   */
  public CrawlSettings with(String name, String text) {
    String value = text.strip();
    return switch (name) {
      case "kinds" -> copy(kinds(value), null, null, null, null, null, null, null);
      case "meetings_transcripts_only" ->
          copyFlags(bool(value), webinarsTranscriptsOnly, keepPasscodes);
      case "webinars_transcripts_only" ->
          copyFlags(meetingsTranscriptsOnly, bool(value), keepPasscodes);
      case "keep_passcodes" ->
          copyFlags(meetingsTranscriptsOnly, webinarsTranscriptsOnly, bool(value));
      case "include_hosts" -> copy(null, emails(value), null, null, null, null, null, null);
      case "exclude_hosts" -> copy(null, null, emails(value), null, null, null, null, null);
      case "include_ids" -> copy(null, null, null, ids(value), null, null, null, null);
      case "exclude_ids" -> copy(null, null, null, null, ids(value), null, null, null);
      case "include_topics" -> copy(null, null, null, null, null, topics(value), null, null);
      case "exclude_topics" -> copy(null, null, null, null, null, null, topics(value), null);
      case "history" -> copy(null, null, null, null, null, null, null, days(value));
      default -> throw new IllegalArgumentException("not a crawl setting: " + name);
    };
  }

  /**
   * Checks what no single setting can: that something is left to index.
   *
   * @throws CrawlSettingsException naming the settings that exclude everything
   */
  public CrawlSettings validated() {
    if (EnumSet.complementOf(EnumSet.of(CrawlKind.QA)).stream().noneMatch(this::indexes)) {
      throw new CrawlSettingsException(
          "leave nothing to index; keep at least one"
              + " kind (a transcripts-only setting needs the kind transcript)");
    }
    return this;
  }

  /**
   * Whether documents of this kind are indexed; for {@link CrawlKind#QA}, whether the past meetings
   * and webinars that are indexed carry their Q&amp;A (and Zoom is asked for it).
   */
  public boolean indexes(CrawlKind kind) {
    if (!kinds.contains(kind)) {
      return false;
    }
    if (meetingsTranscriptsOnly && MEETING_SIDE.contains(kind)) {
      return false;
    }
    return !(webinarsTranscriptsOnly
        && (kind == CrawlKind.WEBINAR || kind == CrawlKind.PAST_WEBINAR));
  }

  /** Whether a host's meetings, webinars and recordings are crawled at all. */
  public boolean includesHost(String email) {
    String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    return (includeHosts.isEmpty() || includeHosts.contains(normalized))
        && !excludeHosts.contains(normalized);
  }

  /** Whether a meeting or webinar series (and so its instances and transcripts) is crawled. */
  public boolean includesSeries(long id, String topic) {
    if (!includesId(id)) {
      return false;
    }
    if (excludeTopics.stream().anyMatch(p -> p.matches(topic))) {
      return false;
    }
    return includeTopics.isEmpty() || includeTopics.stream().anyMatch(p -> p.matches(topic));
  }

  /** Whether a meeting or webinar id passes the id filters (the topic filters aside). */
  public boolean includesId(long id) {
    return !excludeIds.contains(id) && (includeIds.isEmpty() || includeIds.contains(id));
  }

  /** The first moment whose instances are indexed, when there is a history window. */
  public Optional<Instant> historyStart(LocalDate today) {
    return historyDays == 0
        ? Optional.empty()
        : Optional.of(today.minusDays(historyDays).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /** Whether an instance that started at {@code start} (null: unknown) is in the history window. */
  public boolean withinHistory(Instant start, LocalDate today) {
    return start == null || historyStart(today).map(first -> !start.isBefore(first)).orElse(true);
  }

  /**
   * The settings as a JSON-able map (strings, booleans, numbers, lists), for the admin page and the
   * sync state. Sets are sorted, so equal settings give equal maps.
   */
  public Map<String, Object> describe() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("kinds", kinds.stream().sorted().map(CrawlKind::settingName).toList());
    map.put("meetings_transcripts_only", meetingsTranscriptsOnly);
    map.put("webinars_transcripts_only", webinarsTranscriptsOnly);
    map.put("include_hosts", List.copyOf(new TreeSet<>(includeHosts)));
    map.put("exclude_hosts", List.copyOf(new TreeSet<>(excludeHosts)));
    map.put("include_ids", List.copyOf(new TreeSet<>(includeIds)));
    map.put("exclude_ids", List.copyOf(new TreeSet<>(excludeIds)));
    map.put("include_topics", includeTopics.stream().map(TopicPattern::glob).sorted().toList());
    map.put("exclude_topics", excludeTopics.stream().map(TopicPattern::glob).sorted().toList());
    map.put("history_days", historyDays);
    map.put("keep_passcodes", keepPasscodes);
    return map;
  }

  /**
   * A short digest of {@link #describe()}: equal settings, equal fingerprints. The sync state
   * records it, so that a change makes the next crawl a full one.
   */
  public String fingerprint() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(describe().toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private CrawlSettings copyFlags(boolean meetingsOnly, boolean webinarsOnly, boolean passcodes) {
    return new CrawlSettings(
        kinds,
        meetingsOnly,
        webinarsOnly,
        includeHosts,
        excludeHosts,
        includeIds,
        excludeIds,
        includeTopics,
        excludeTopics,
        historyDays,
        passcodes);
  }

  private CrawlSettings copy(
      Set<CrawlKind> newKinds,
      Set<String> newIncludeHosts,
      Set<String> newExcludeHosts,
      Set<Long> newIncludeIds,
      Set<Long> newExcludeIds,
      List<TopicPattern> newIncludeTopics,
      List<TopicPattern> newExcludeTopics,
      Integer newHistoryDays) {
    return new CrawlSettings(
        newKinds != null ? newKinds : kinds,
        meetingsTranscriptsOnly,
        webinarsTranscriptsOnly,
        newIncludeHosts != null ? newIncludeHosts : includeHosts,
        newExcludeHosts != null ? newExcludeHosts : excludeHosts,
        newIncludeIds != null ? newIncludeIds : includeIds,
        newExcludeIds != null ? newExcludeIds : excludeIds,
        newIncludeTopics != null ? newIncludeTopics : includeTopics,
        newExcludeTopics != null ? newExcludeTopics : excludeTopics,
        newHistoryDays != null ? newHistoryDays : historyDays,
        keepPasscodes);
  }

  private static Set<CrawlKind> kinds(String value) {
    Set<CrawlKind> kinds = EnumSet.noneOf(CrawlKind.class);
    for (String part : parts(value)) {
      kinds.add(CrawlKind.parse(part));
    }
    if (kinds.isEmpty()) {
      throw new CrawlSettingsException(
          "is empty; name at least one of meeting, webinar, past_meeting, past_webinar, summary,"
              + " qa, transcript");
    }
    return kinds;
  }

  private static boolean bool(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new CrawlSettingsException("is '" + value + "' but must be true or false");
    };
  }

  private static Set<String> emails(String value) {
    Set<String> emails = new TreeSet<>();
    for (String part : parts(value)) {
      String email = part.toLowerCase(Locale.ROOT);
      if (!email.matches("[^@\\s]+@[^@\\s]+")) {
        throw new CrawlSettingsException(
            "holds '" + part + "', which is not an email; give comma-separated host emails");
      }
      emails.add(email);
    }
    return emails;
  }

  private static Set<Long> ids(String value) {
    Set<Long> ids = new TreeSet<>();
    for (String part : parts(value)) {
      String digits = part.replace(" ", "");
      if (!digits.matches("[0-9]{1,19}")) {
        throw new CrawlSettingsException(
            "holds '"
                + part
                + "', which is not a meeting or webinar id; give comma-separated numbers such as"
                + " 85012345678");
      }
      try {
        ids.add(Long.parseLong(digits));
      } catch (NumberFormatException e) {
        throw new CrawlSettingsException("holds '" + part + "', which is too long to be an id");
      }
    }
    return ids;
  }

  private static List<TopicPattern> topics(String value) {
    List<TopicPattern> patterns = new ArrayList<>();
    if (value.isEmpty()) {
      return patterns;
    }
    for (String part : value.split(",", -1)) {
      patterns.add(new TopicPattern(part));
    }
    return patterns;
  }

  private static int days(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.matches("[0-9]{1,5}d")) {
      int days = Integer.parseInt(lower.substring(0, lower.length() - 1));
      if (days >= 1 && days <= MAX_HISTORY_DAYS) {
        return days;
      }
    }
    throw new CrawlSettingsException(
        "is '"
            + value
            + "' but must be a number of days from 1d to "
            + MAX_HISTORY_DAYS
            + "d, such as 90d");
  }

  private static List<String> parts(String value) {
    List<String> parts = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      if (!part.isBlank()) {
        parts.add(part.strip());
      }
    }
    return parts;
  }
}
