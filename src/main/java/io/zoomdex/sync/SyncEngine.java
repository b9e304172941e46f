package io.zoomdex.sync;

import io.zoomdex.document.Change;
import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.document.Readers;
import io.zoomdex.sink.IndexSink;
import io.zoomdex.sink.SinkException;
import io.zoomdex.source.CrawlOutput;
import io.zoomdex.source.CrawlPlan;
import io.zoomdex.source.CrawlStats;
import io.zoomdex.source.KnownDocuments;
import io.zoomdex.source.SeriesListing;
import io.zoomdex.source.Targets;
import io.zoomdex.source.UserDirectory;
import io.zoomdex.source.ZoomCrawler;
import io.zoomdex.zoom.ZoomException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a full crawl into the index: drops unchanged documents (by the ledger), writes the rest,
 * commits the index before the ledger records it, and, only after a crawl proven complete, deletes
 * the documents the crawl no longer saw. A partial crawl deletes nothing.
 *
 * <p>Each commit also checkpoints the users whose documents are all in: a run that died (killed,
 * power lost) is resumed by the next full crawl, which skips those users and keeps the same run, so
 * its deletions compare against everything the run saw before and after the interruption.
 */
public final class SyncEngine {
  private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);
  private static final String FULL = "full";
  private static final String INCREMENTAL = "incremental";
  private static final String ABANDONED = "abandoned";

  /** An interrupted full run younger than this is resumed; an older one starts over. */
  private static final Duration RESUMABLE_FOR = Duration.ofHours(24);

  /**
   * How long after a meeting or webinar ended a webhook-driven crawl keeps listing its host's
   * recordings: Zoom processes a recording and its transcript minutes to hours after the end.
   */
  static final Duration RECORDING_DELAY = Duration.ofHours(24);

  /** How many deletions go into one commit. */
  private static final int DELETE_BATCH = 1_000;

  private final ZoomCrawler crawler;
  private final IndexSink sink;
  private final StateStore state;
  private final Clock clock;
  private final int batchSize;
  private final Supplier<ApiUsage> apiUsage;
  private volatile Duration summaryLookBack = CrawlPlan.DEFAULT_SUMMARY_LOOK_BACK;

  /**
   * @param batchSize how many changed or unchanged documents are committed together; a crash loses
   *     at most this much work (idempotent upserts make redoing it safe)
   * @param apiUsage reads what the run cost in Zoom API calls, for its report
   */
  public SyncEngine(
      ZoomCrawler crawler,
      IndexSink sink,
      StateStore state,
      Clock clock,
      int batchSize,
      Supplier<ApiUsage> apiUsage) {
    this.crawler = crawler;
    this.sink = sink;
    this.state = state;
    this.clock = clock;
    this.batchSize = Math.max(1, batchSize);
    this.apiUsage = apiUsage;
  }

  /**
   * Sets how far before the last complete crawl an instance's start may lie for a polling
   * incremental crawl to check it for a late AI summary (see {@link CrawlPlan#summaryLookBack}).
   *
   * @return this engine
   */
  public SyncEngine summaryLookBack(Duration lookBack) {
    if (lookBack.isNegative()) {
      throw new IllegalArgumentException("The summary look-back cannot be negative.");
    }
    this.summaryLookBack = lookBack;
    return this;
  }

  /**
   * Crawls everything with recordings from {@code since} to today.
   *
   * @param stats counted while the crawl runs, so a caller can show progress
   * @throws ZoomException when the crawl cannot go on (credentials, a missing scope); the run is
   *     recorded as failed and the index keeps everything committed before
   * @throws StorageException when the index or state cannot be written
   * @throws IllegalArgumentException when {@code since} is after today; no run is recorded
   */
  public SyncReport fullCrawl(LocalDate since, CrawlStats stats) {
    return fullCrawl(crawler.directory(), since, stats);
  }

  private SyncReport fullCrawl(UserDirectory directory, LocalDate since, CrawlStats stats) {
    Instant started = clock.instant();
    Optional<StateStore.RunRecord> interrupted = state.unfinishedRun(FULL);
    boolean settingsChanged = CrawlSettingsState.requested(state, crawler.settings());
    boolean resume =
        !settingsChanged
            && interrupted.isPresent()
            && interrupted.get().started().isAfter(started.minus(RESUMABLE_FOR));
    Set<String> usersDone = resume ? state.finishedUsers(interrupted.get().id()) : Set.of();
    // The plan is checked (e.g. a first day after today) before the history records a run, so
    // a crawl refused up front leaves no run behind that looks unfinished.
    CrawlPlan plan = new CrawlPlan(since, today(), usersDone, null, KnownDocuments.NONE);
    long runId;
    if (resume) {
      runId = interrupted.get().id();
      log.info("Resuming interrupted run {}: {} users already indexed", runId, usersDone.size());
    } else {
      interrupted.ifPresent(old -> abandon(old, started));
      runId = state.beginRun(FULL, started);
    }
    if (usersDone.isEmpty()) {
      state.clearRefusals(); // a full crawl asks everything again, and remembers anew
    }
    return run(FULL, runId, started, directory, plan, stats, null);
  }

  /**
   * Crawls only what can have changed since the last complete crawl (see {@link CrawlPlan}): new
   * instances, summaries and transcripts, and every series' current details. Deletes nothing:
   * documents gone from Zoom leave at the next full crawl. With no complete crawl yet, this is a
   * full crawl.
   *
   * @throws ZoomException as {@link #fullCrawl}
   * @throws StorageException as {@link #fullCrawl}
   */
  public SyncReport incrementalCrawl(LocalDate since, CrawlStats stats) {
    Optional<StateStore.RunRecord> last = state.lastCompleteRun();
    if (last.isEmpty()) {
      log.info("No complete crawl yet: running a full one instead of an incremental one");
      return fullCrawl(since, stats);
    }
    UserDirectory directory = crawler.directory();
    if (CrawlSettingsState.changedSinceLastFull(state, crawler.settings())) {
      log.info("The crawl settings changed: running a full crawl, which removes what they exclude");
      return fullCrawl(directory, since, stats);
    }
    if (state.fullCrawlRequested()) {
      log.info("A webhook asked for a full crawl (a user was created, changed or reactivated)");
      return fullCrawl(directory, since, stats);
    }
    List<StateStore.ReaderChange> reactivated =
        state.deactivatedUsers().stream()
            .filter(e -> directory.isInternal(e) && !directory.deactivated().contains(e))
            .sorted()
            .map(e -> new StateStore.ReaderChange(0, StateStore.REACTIVATED, e, ""))
            .toList();
    if (!reactivated.isEmpty()) {
      // Polling found them: the documents that name them get them back from the ledger, and
      // the listings walk finds what they host.
      log.info("{} user(s) were reactivated: giving them their documents back", reactivated.size());
      state.requestReaderChanges(reactivated);
      state.removeDeactivatedUsers(
          reactivated.stream().map(StateStore.ReaderChange::email).toList());
    }
    Instant started = clock.instant();
    KnownDocuments known = new LedgerDocuments();
    Instant lastFull =
        state.lastCompleteRun(FULL).map(StateStore.RunRecord::started).orElse(Instant.EPOCH);
    SyncPath path = SyncPath.choose(state, started, last.get().started(), lastFull);
    log.info("Incremental crawl by {}: {}", path.name(), path.reason());
    CrawlPlan plan =
        CrawlPlan.incremental(since, today(), last.get().started(), known)
            .withSummaryLookBack(summaryLookBack);
    Set<String> newUsers = state.requestedUserCrawls();
    if (path.events()) {
      plan = plan.drivenByEvents(newUsers, state.hostsEndedSince(started.minus(RECORDING_DELAY)));
    }
    // The plan is built before the history records a run, as for a full crawl.
    state.unfinishedRun(INCREMENTAL).ifPresent(old -> abandon(old, started));
    long runId = state.beginRun(INCREMENTAL, started);
    SyncReport report = run(INCREMENTAL, runId, started, directory, plan, stats, path);
    if (report.complete()) {
      state.userCrawlsDone(newUsers);
    }
    return report;
  }

  private SyncReport run(
      String mode,
      long runId,
      Instant started,
      UserDirectory directory,
      CrawlPlan plan,
      CrawlStats stats,
      SyncPath path) {
    // Deactivated users lose access now, before any document is rewritten without them. Users
    // the account no longer lists (deleted, disassociated) stay blocked: documents may still
    // name them.
    Set<String> blocked = new HashSet<>(directory.deactivated());
    Set<String> before = state.deactivatedUsers();
    before.stream().filter(e -> !directory.isInternal(e)).forEach(blocked::add);
    state.requestReaderChanges(
        blocked.stream()
            .filter(e -> !before.contains(e))
            .sorted()
            .map(e -> new StateStore.ReaderChange(0, StateStore.DEACTIVATED, e, ""))
            .toList());
    state.recordDeactivatedUsers(blocked);
    // The documents naming them, and those of reactivated or renamed people, are rebuilt from
    // the ledger: the crawl then leaves them be unless Zoom changed them.
    applyReaderChanges();
    Batch batch = new Batch(runId, true);
    try {
      crawler.crawl(directory, plan, batch, stats);
      batch.flush();
    } catch (RuntimeException e) {
      // Whatever stopped the crawl (Zoom, storage, a bug), the history says it ended and why.
      batch.flushQuietly();
      state.finishRun(runId, clock.instant(), SyncReport.FAILED, failureReason(e));
      throw e;
    }
    boolean deletes = stats.complete() && !plan.incremental();
    long deleted = deletes ? deleteUnseen(runId) : 0;
    String outcome = stats.complete() ? SyncReport.COMPLETE : SyncReport.PARTIAL;
    SyncReport report =
        new SyncReport(
            runId,
            mode,
            outcome,
            started,
            Duration.between(started, clock.instant()),
            batch.added(),
            batch.updated(),
            batch.unchanged(),
            deleted,
            byType(stats),
            stats.skipped(),
            stats.failureCount(),
            stats.failures(),
            apiUsage.get(),
            path == null ? mode : path.name(),
            path == null ? "" : path.reason());
    state.finishRun(runId, clock.instant(), outcome, ReportJson.write(report));
    if (deletes) {
      state.fullCrawlDone();
      CrawlSettingsState.inForce(state, crawler.settings());
    }
    return report;
  }

  private static String failureReason(RuntimeException e) {
    if (e instanceof ZoomException || e instanceof StorageException) {
      return e.getMessage();
    }
    return "stopped by an internal error" + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /**
   * Re-reads what webhooks named and deletes what they said is gone, through the same ledger as a
   * crawl: unchanged documents are not rewritten, the index is committed before the ledger. Reads
   * instances and summaries as an incremental crawl would (new ones, and all of a series whose
   * readers changed). Records no run: the crawl history stays the crawls' (an incremental crawl
   * starts where the last complete crawl started), and the documents count as seen by the newest
   * run, so that a resumed full crawl does not delete them.
   *
   * @param deletions documents to remove from the index (deleted meetings and webinars)
   * @return how many documents were written, left unchanged and deleted
   * @throws ZoomException when Zoom refuses the credentials or a scope
   * @throws StorageException when the index or state cannot be written
   */
  public TargetedReport refetch(
      Targets targets, Set<DocumentId> deletions, LocalDate since, CrawlStats stats) {
    long runId = state.latestRunId();
    long rebuilt = applyReaderChanges();
    if (!targets.isEmpty()) {
      Instant changedSince =
          state.lastCompleteRun().map(StateStore.RunRecord::started).orElse(clock.instant());
      KnownDocuments known = new LedgerDocuments();
      CrawlPlan plan = CrawlPlan.incremental(since, today(), changedSince, known);
      Batch batch = new Batch(runId, false);
      try {
        crawler.crawlTargets(
            crawler.directory(),
            plan,
            targets,
            meetingId -> known.contains(new DocumentId(DocumentType.MEETING, "" + meetingId)),
            batch,
            stats);
      } catch (RuntimeException e) {
        batch.flushQuietly();
        throw e;
      }
      batch.flush();
      return new TargetedReport(
          rebuilt + batch.added() + batch.updated(),
          batch.unchanged(),
          delete(deletions),
          stats.failures());
    }
    return new TargetedReport(rebuilt, 0, delete(deletions), stats.failures());
  }

  /**
   * Applies the reader changes webhooks or polling recorded (email changes, reactivations,
   * deactivations) to the documents the ledger keeps, without asking Zoom: each document naming the
   * person is rebuilt with its readers changed and written again. When the ledger holds documents
   * it does not keep (indexed by an older zoomdex), a full crawl is asked for instead.
   *
   * @return how many documents were rewritten
   */
  long applyReaderChanges() {
    List<StateStore.ReaderChange> changes = state.pendingReaderChanges();
    if (changes.isEmpty()) {
      return 0;
    }
    long last = changes.get(changes.size() - 1).sequence();
    if (state.documentsNotKept() > 0) {
      log.info(
          "Readers changed, but the ledger does not keep every document yet: the next crawl is"
              + " a full one");
      state.requestFullCrawl();
      state.readerChangesApplied(last);
      return 0;
    }
    long rewritten = 0;
    for (StateStore.ReaderChange change : changes) {
      // A rewrite keeps the run that last saw the document: it is no sighting, and a full crawl
      // still deletes what Zoom no longer has. Each change reads what the previous one wrote.
      Map<Long, Map<DocumentId, String>> versions = new HashMap<>();
      Map<Long, List<Document>> documents = new HashMap<>();
      for (DocumentId id : state.keptNaming(change.email())) {
        Optional<Document> kept = state.kept(id);
        if (kept.isEmpty()) {
          continue;
        }
        Document document = rebuilt(kept.get(), change);
        String version = DocumentVersion.of(document);
        if (version.equals(state.version(id).orElse(null))) {
          continue;
        }
        try {
          sink.apply(new Change.Upsert(document));
        } catch (SinkException e) {
          throw new StorageException(e.getMessage(), e);
        }
        long lastRun = state.lastRunOf(id).orElse(0L);
        versions.computeIfAbsent(lastRun, r -> new HashMap<>()).put(id, version);
        documents.computeIfAbsent(lastRun, r -> new ArrayList<>()).add(document);
        rewritten++;
      }
      try {
        sink.commit();
      } catch (SinkException e) {
        throw new StorageException(e.getMessage(), e);
      }
      versions.forEach(
          (lastRun, written) ->
              state.recordBatch(
                  lastRun, written, List.of(), List.of(), List.of(), documents.get(lastRun)));
    }
    state.readerChangesApplied(last);
    log.info(
        "{} reader change(s) applied from the ledger: {} documents rewritten",
        changes.size(),
        rewritten);
    return rewritten;
  }

  private static Document rebuilt(Document kept, StateStore.ReaderChange change) {
    Readers readers = kept.readers();
    String host = kept.hostEmail();
    switch (change.kind()) {
      case StateStore.EMAIL_CHANGED -> {
        readers = readers.renaming(change.email(), change.newEmail());
        host = host.equals(change.email()) ? change.newEmail() : host;
      }
      case StateStore.REACTIVATED -> readers = readers.restoring(change.email());
      case StateStore.DEACTIVATED -> readers = readers.without(Set.of(change.email()));
      default -> throw new IllegalStateException("Unknown reader change " + change.kind());
    }
    return new Document(
        kept.id(),
        kept.title(),
        kept.body(),
        host,
        kept.startTime(),
        kept.durationMinutes(),
        kept.url(),
        readers,
        kept.sourceIds());
  }

  /** What {@link #refetch} did. */
  public record TargetedReport(long written, long unchanged, long deleted, List<String> failures) {
    public TargetedReport {
      failures = List.copyOf(failures);
    }
  }

  private long delete(Set<DocumentId> ids) {
    List<DocumentId> held = ids.stream().filter(id -> state.version(id).isPresent()).toList();
    if (held.isEmpty()) {
      return 0;
    }
    try {
      for (DocumentId id : held) {
        sink.apply(new Change.Delete(id));
      }
      sink.commit();
    } catch (SinkException e) {
      throw new StorageException(e.getMessage(), e);
    }
    state.forget(held);
    return held.size();
  }

  /** What the ledger says the index holds. */
  private final class LedgerDocuments implements KnownDocuments {
    @Override
    public boolean contains(DocumentId id) {
      return state.version(id).isPresent();
    }

    @Override
    public boolean holds(Document document) {
      return state.version(document.id()).map(DocumentVersion.of(document)::equals).orElse(false);
    }

    @Override
    public Optional<SeriesListing> listing(String seriesKey) {
      return state.listing(seriesKey);
    }

    @Override
    public List<SeriesListing> listingsOf(String userId) {
      return state.listingsOf(userId);
    }

    @Override
    public boolean refused(String itemKey) {
      return state.refused(itemKey);
    }

    @Override
    public List<String> awaitingSummary(long meetingId, Instant from) {
      return state.awaitingSummary(meetingId, from);
    }

    @Override
    public Optional<Document> kept(DocumentId id) {
      return state.kept(id);
    }

    @Override
    public List<DocumentId> keptOfSeries(long seriesId) {
      return state.keptOfSeries(seriesId);
    }
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  private void abandon(StateStore.RunRecord run, Instant now) {
    state.finishRun(run.id(), now, ABANDONED, "Interrupted, and not resumed.");
  }

  private long deleteUnseen(long runId) {
    long deleted = 0;
    for (List<DocumentId> gone = state.notSeenIn(runId, DELETE_BATCH);
        !gone.isEmpty();
        gone = state.notSeenIn(runId, DELETE_BATCH)) {
      try {
        for (DocumentId id : gone) {
          sink.apply(new Change.Delete(id));
        }
        sink.commit();
      } catch (SinkException e) {
        throw new StorageException(e.getMessage(), e);
      }
      state.forget(gone);
      deleted += gone.size();
    }
    return deleted;
  }

  private static Map<String, Long> byType(CrawlStats stats) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (DocumentType type : DocumentType.values()) {
      counts.put(type.prefix(), stats.documents(type));
    }
    return counts;
  }

  /** The documents of a run not yet committed; called from the crawl's threads. */
  private final class Batch implements CrawlOutput {
    private final long runId;
    private final boolean checkpoints;
    private final Map<DocumentId, String> written = new HashMap<>();
    private final Map<DocumentId, Document> writtenDocuments = new HashMap<>();
    private final List<DocumentId> seenUnchanged = new ArrayList<>();
    private final List<String> finishedUsers = new ArrayList<>();
    private final Map<String, List<SeriesListing>> listingsByUser = new HashMap<>();
    private final List<SeriesListing> listings = new ArrayList<>();
    private long added;
    private long updated;
    private long unchanged;

    /**
     * @param checkpoints whether finished users are recorded as the run's checkpoint (not for the
     *     targeted re-reads, whose units of work are not users)
     */
    Batch(long runId, boolean checkpoints) {
      this.runId = runId;
      this.checkpoints = checkpoints;
    }

    @Override
    public synchronized void accept(Change change) {
      if (!(change instanceof Change.Upsert upsert)) {
        throw new IllegalArgumentException("A crawl only produces upserts: " + change.id());
      }
      Document document = upsert.document();
      String version = DocumentVersion.of(document);
      String previous = written.get(document.id());
      if (previous == null) {
        previous = state.version(document.id()).orElse(null);
      }
      if (version.equals(previous)) {
        unchanged++;
        seenUnchanged.add(document.id());
      } else {
        try {
          sink.apply(change);
        } catch (SinkException e) {
          throw new StorageException(e.getMessage(), e);
        }
        if (previous == null) {
          added++;
        } else {
          updated++;
        }
        written.put(document.id(), version);
        writtenDocuments.put(document.id(), document);
      }
      if (written.size() + seenUnchanged.size() >= batchSize) {
        flush();
      }
    }

    synchronized long added() {
      return added;
    }

    synchronized long updated() {
      return updated;
    }

    synchronized long unchanged() {
      return unchanged;
    }

    /** A user's documents are all in this batch or earlier ones: checkpoint them with it. */
    @Override
    public synchronized void userFinished(String userId) {
      if (checkpoints) {
        finishedUsers.add(userId);
      }
      List<SeriesListing> read = listingsByUser.remove(userId);
      if (read != null) {
        listings.addAll(read);
      }
    }

    @Override
    public void refused(String itemKey) {
      state.recordRefusal(itemKey);
    }

    @Override
    public void awaitingSummary(long meetingId, String instanceUuid, Instant start) {
      if (start != null) {
        state.awaitSummary(meetingId, instanceUuid, start);
      }
    }

    /** Held until the user finishes without a failure, then recorded with the checkpoint. */
    @Override
    public synchronized void seriesRead(String userId, SeriesListing listing) {
      listingsByUser.computeIfAbsent(userId, u -> new ArrayList<>()).add(listing);
    }

    /** Commits the index, then records in the ledger what it durably holds. */
    synchronized void flush() {
      try {
        sink.commit();
      } catch (SinkException e) {
        throw new StorageException(e.getMessage(), e);
      }
      state.recordBatch(
          runId, written, seenUnchanged, finishedUsers, listings, writtenDocuments.values());
      listings.clear();
      written.clear();
      writtenDocuments.clear();
      seenUnchanged.clear();
      finishedUsers.clear();
    }

    /** Keeps what was crawled before a fatal error, if the index can still take it. */
    synchronized void flushQuietly() {
      try {
        flush();
      } catch (StorageException e) {
        // The original failure is the one to report; the index keeps its last commit.
      }
    }
  }
}
