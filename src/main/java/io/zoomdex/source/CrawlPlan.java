package io.zoomdex.source;

import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Set;

/**
 * What one crawl covers.
 *
 * <p>A full crawl reads everything. An incremental crawl ({@code changedSince} set) reads every
 * host's listings (Zoom has no "changed since" filter), but reads a series' details and instances
 * only when its listing item differs from the one recorded (see {@link SeriesListing}) or one of
 * its instances may still get a summary; it fetches an instance or transcript only when the index
 * does not hold it yet or its series changed, and lists recordings only from the day before {@code
 * changedSince}. Driven by events ({@link #eventsCoverSeries}), it lists no meetings or webinars.
 *
 * @param since the first day of the recording windows
 * @param today the last day of the recording windows
 * @param usersAlreadyDone users a resumed crawl skips: an interrupted run already indexed them
 * @param changedSince the start of the last complete crawl, for an incremental one; null for full
 * @param known the documents the index holds (used only by an incremental crawl)
 * @param summaryLookBack how long before {@code changedSince} an instance's start may be for an
 *     incremental crawl to check it for a summary written since
 * @param eventsCoverSeries whether webhooks already brought every meeting and webinar change, so
 *     that an incremental crawl lists no meetings or webinars (only recordings and the panelists of
 *     the webinars it knows)
 * @param usersToList users whose listings an event-driven crawl still reads (new users, whose
 *     series no earlier read recorded)
 * @param recordingHosts the hosts whose recordings an event-driven crawl lists (those whose meeting
 *     or webinar ended recently, by their events); every host for any other crawl
 */
public record CrawlPlan(
    LocalDate since,
    LocalDate today,
    Set<String> usersAlreadyDone,
    Instant changedSince,
    KnownDocuments known,
    Duration summaryLookBack,
    boolean eventsCoverSeries,
    Set<String> usersToList,
    Set<String> recordingHosts) {

  /**
   * How long after it started an instance may still get its summary, by default (minutes to hours,
   * in practice; see {@link #summaryLookBack}).
   */
  public static final Duration DEFAULT_SUMMARY_LOOK_BACK = Duration.ofDays(1);

  public CrawlPlan {
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(today, "today");
    usersAlreadyDone = Set.copyOf(usersAlreadyDone);
    known = known == null ? KnownDocuments.NONE : known;
    summaryLookBack = summaryLookBack == null ? DEFAULT_SUMMARY_LOOK_BACK : summaryLookBack;
    if (summaryLookBack.isNegative()) {
      throw new IllegalArgumentException("The summary look-back cannot be negative.");
    }
    eventsCoverSeries = eventsCoverSeries && changedSince != null;
    usersToList = usersToList == null ? Set.of() : Set.copyOf(usersToList);
    recordingHosts = recordingHosts == null ? Set.of() : Set.copyOf(recordingHosts);
    if (since.isAfter(today)) {
      throw new IllegalArgumentException(
          "The first day to crawl (" + since + ") is after today (" + today + ").");
    }
  }

  public CrawlPlan(
      LocalDate since,
      LocalDate today,
      Set<String> usersAlreadyDone,
      Instant changedSince,
      KnownDocuments known) {
    this(since, today, usersAlreadyDone, changedSince, known, null, false, Set.of(), Set.of());
  }

  /** This plan with another summary look-back (see {@link #summaryLookBack}). */
  public CrawlPlan withSummaryLookBack(Duration lookBack) {
    return new CrawlPlan(
        since,
        today,
        usersAlreadyDone,
        changedSince,
        known,
        lookBack,
        eventsCoverSeries,
        usersToList,
        recordingHosts);
  }

  /**
   * This incremental plan, taking meeting and webinar changes from webhooks, except for the users
   * in {@code alsoListing}, whose listings are read (a one-user crawl each); recordings are listed
   * for {@code endedHosts} (and those users) only.
   */
  public CrawlPlan drivenByEvents(Set<String> alsoListing, Set<String> endedHosts) {
    return new CrawlPlan(
        since,
        today,
        usersAlreadyDone,
        changedSince,
        known,
        summaryLookBack,
        true,
        alsoListing,
        endedHosts);
  }

  /** Whether this crawl lists this user's recordings. */
  boolean listsRecordingsOf(String userId) {
    return !seriesFromEvents(userId) || recordingHosts.contains(userId);
  }

  /** Whether this user's series come from events (else from the listings). */
  boolean seriesFromEvents(String userId) {
    return eventsCoverSeries && !usersToList.contains(userId);
  }

  /**
   * Whether a series' listing is as recorded, so that it can be left be (its instances awaiting a
   * summary are checked one by one, see {@link KnownDocuments#awaitingSummary}).
   */
  boolean unchanged(String seriesKey, String listing, String panelists) {
    if (!incremental()) {
      return false;
    }
    return known
        .listing(seriesKey)
        .filter(recorded -> recorded.listing().equals(listing))
        .filter(recorded -> recorded.panelists().equals(panelists == null ? "" : panelists))
        .isPresent();
  }

  /** The first start of an instance that a polling incremental crawl checks for a late summary. */
  Instant summaryWindowStart() {
    return changedSince.minus(summaryLookBack);
  }

  /** A crawl of everything, from scratch. */
  public static CrawlPlan full(LocalDate since, LocalDate today) {
    return new CrawlPlan(since, today, Set.of(), null, KnownDocuments.NONE);
  }

  /** A crawl of what can have changed since the last complete one. */
  public static CrawlPlan incremental(
      LocalDate since, LocalDate today, Instant changedSince, KnownDocuments known) {
    return new CrawlPlan(
        since, today, Set.of(), Objects.requireNonNull(changedSince, "changedSince"), known);
  }

  public boolean incremental() {
    return changedSince != null;
  }

  /** Whether the index lacks this exact series document (always true for a full crawl). */
  boolean changed(Document series) {
    return !incremental() || !known.holds(series);
  }

  /**
   * Whether Zoom is sure to refuse this instance's details as over a year old (12702), so that
   * asking would only spend a call. A day of margin leaves clock differences to Zoom's answer.
   */
  boolean beyondZoomsYear(Instant start) {
    return start != null
        && start.isBefore(
            today.minusYears(1).minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /** The first day whose recordings this crawl lists. */
  LocalDate firstRecordingDay() {
    if (!incremental()) {
      return since;
    }
    LocalDate dayBefore = changedSince.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
    return dayBefore.isAfter(since) ? dayBefore : since;
  }

  /**
   * Whether to fetch an item in full: always in a full crawl; in an incremental one when the index
   * lacks it or its series changed (its readers and agenda come from the series).
   */
  boolean wants(DocumentId id, boolean seriesChanged) {
    return !incremental() || seriesChanged || !known.contains(id);
  }

  /**
   * Whether an indexed instance without a summary started recently enough that Zoom may have
   * written the summary since (AI Companion summaries arrive minutes to hours after the end).
   */
  boolean mayHaveNewSummary(String instanceUuid, Instant start) {
    return incremental()
        && start != null
        && start.isAfter(changedSince.minus(summaryLookBack))
        && !known.contains(new DocumentId(DocumentType.SUMMARY, instanceUuid));
  }
}
