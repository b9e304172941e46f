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
 * listing and every series' details (Zoom has no "changed since" filter for them, and they are
 * cheap), but fetches an instance or transcript only when the index does not hold it yet or its
 * series changed, checks recent instances for a summary written later, and lists recordings only
 * from the day before {@code changedSince}.
 *
 * @param since the first day of the recording windows
 * @param today the last day of the recording windows
 * @param usersAlreadyDone users a resumed crawl skips: an interrupted run already indexed them
 * @param changedSince the start of the last complete crawl, for an incremental one; null for full
 * @param known the documents the index holds (used only by an incremental crawl)
 */
public record CrawlPlan(
    LocalDate since,
    LocalDate today,
    Set<String> usersAlreadyDone,
    Instant changedSince,
    KnownDocuments known) {

  /**
   * How long after it started an instance may still get its summary (minutes to hours, in
   * practice).
   */
  static final Duration STILL_CHANGING = Duration.ofDays(1);

  public CrawlPlan {
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(today, "today");
    usersAlreadyDone = Set.copyOf(usersAlreadyDone);
    known = known == null ? KnownDocuments.NONE : known;
    if (since.isAfter(today)) {
      throw new IllegalArgumentException(
          "The first day to crawl (" + since + ") is after today (" + today + ").");
    }
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
        && start.isAfter(changedSince.minus(STILL_CHANGING))
        && !known.contains(new DocumentId(DocumentType.SUMMARY, instanceUuid));
  }
}
