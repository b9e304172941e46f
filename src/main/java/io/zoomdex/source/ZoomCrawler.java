package io.zoomdex.source;

import static io.zoomdex.document.DocumentType.PAST_MEETING;
import static io.zoomdex.document.DocumentType.PAST_WEBINAR;
import static io.zoomdex.document.DocumentType.TRANSCRIPT;

import io.zoomdex.crawlsettings.CrawlKind;
import io.zoomdex.crawlsettings.CrawlSettings;
import io.zoomdex.document.Change;
import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.document.Readers;
import io.zoomdex.zoom.ZoomApi;
import io.zoomdex.zoom.ZoomException;
import io.zoomdex.zoom.model.Meeting;
import io.zoomdex.zoom.model.Panelist;
import io.zoomdex.zoom.model.Participant;
import io.zoomdex.zoom.model.PastInstance;
import io.zoomdex.zoom.model.PastMeeting;
import io.zoomdex.zoom.model.PastQa;
import io.zoomdex.zoom.model.Recording;
import io.zoomdex.zoom.model.RecordingFile;
import io.zoomdex.zoom.model.UserStatus;
import io.zoomdex.zoom.model.Webinar;
import io.zoomdex.zoom.model.ZoomUser;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A full crawl of a Zoom account: what to call, in what order, and what each item becomes.
 *
 * <p>Users are the unit of work and run in parallel. For each user: scheduled meetings (details,
 * every ended instance with participants, Q&amp;A and summary), webinars (details, panelists, every
 * instance), then recordings month by month, where instances no listing revealed (instant or
 * expired meetings) become documents too, and transcripts are downloaded. Zoom's known refusals are
 * counted and skipped; any other failure is recorded and makes the crawl incomplete, never silently
 * shorter. A missing scope or refused credentials stop the whole crawl.
 */
public final class ZoomCrawler {
  private static final Logger log = LoggerFactory.getLogger(ZoomCrawler.class);

  private final ZoomApi zoom;
  private final DocumentMapper mapper;
  private final VttParser vtt = new VttParser();
  private final int threads;
  private final CrawlSettings settings;

  /**
   * @param threads how many users are crawled at once (the client bounds requests in flight)
   */
  public ZoomCrawler(ZoomApi zoom, DocumentMapper mapper, int threads) {
    this(zoom, mapper, threads, CrawlSettings.DEFAULTS);
  }

  /**
   * A crawler that indexes only what {@code settings} include, and does not call Zoom for what they
   * exclude where a listing already tells.
   *
   * @param threads how many users are crawled at once (the client bounds requests in flight)
   */
  public ZoomCrawler(ZoomApi zoom, DocumentMapper mapper, int threads, CrawlSettings settings) {
    this.zoom = zoom;
    this.mapper = mapper;
    this.threads = Math.max(1, threads);
    this.settings = settings;
  }

  /** The crawl settings in force. */
  public CrawlSettings settings() {
    return settings;
  }

  /**
   * Crawls everything the plan covers and hands each document to {@code output}.
   *
   * @param stats where progress and outcome are counted; {@link CrawlStats#complete()} tells
   *     whether the crawl saw everything
   * @throws ZoomException when the crawl cannot go on at all (credentials, a missing scope, or the
   *     user listing itself failing)
   * @throws RuntimeException whatever {@code output} threw: a crawl stops when its output fails
   */
  public void crawl(CrawlPlan plan, CrawlOutput output, CrawlStats stats) {
    crawl(directory(), plan, output, stats);
  }

  /**
   * Lists every user (active, deactivated, pending): who is who, and whom to crawl.
   *
   * @throws ZoomException when a user listing fails: without it no reader set can be trusted
   */
  public UserDirectory directory() {
    List<ZoomUser> users = new ArrayList<>();
    for (UserStatus status : UserStatus.values()) {
      users.addAll(zoom.listUsers(status));
    }
    return new UserDirectory(users);
  }

  /** Crawls with a directory listed beforehand (see {@link #directory()}). */
  public void crawl(UserDirectory directory, CrawlPlan plan, CrawlOutput output, CrawlStats stats) {
    // An excluded host costs no call at all; their documents leave at the next complete full crawl.
    List<ZoomUser> hosts =
        directory.hosts().stream().filter(u -> settings.includesHost(u.email())).toList();
    stats.usersFound(hosts.size());
    AtomicReference<RuntimeException> fatal = new AtomicReference<>();
    Run run = new Run(new ReaderRules(directory), output, stats, fatal, plan);
    try (TaskGroup tasks = new TaskGroup(threads, run::failure)) {
      run.tasks = tasks;
      for (ZoomUser user : hosts) {
        if (plan.usersAlreadyDone().contains(user.id())) {
          stats.userDone();
        } else {
          UserWork work = new UserWork(user.id());
          run.submit(work, () -> run.user(work));
        }
      }
      tasks.awaitAll();
    }
    if (fatal.get() != null) {
      throw fatal.get();
    }
  }

  /**
   * Re-reads only what webhooks named, as a crawl with {@code plan} would: each meeting series
   * (details, then its instances as the plan wants them, and when its topic or hosts changed, its
   * transcripts), each webinar series, and each ended meeting instance (details, participants,
   * Q&amp;A, summary). Meetings not scheduled (instant, type 1) are not indexed, as the listing
   * would not show them.
   *
   * @param seriesListed whether the index holds {@code meeting:{id}}: an instance of a meeting no
   *     listing shows gets the readers of an unlisted instance, as in a full crawl
   * @throws ZoomException as {@link #crawl}
   * @throws RuntimeException whatever {@code output} threw
   */
  public void crawlTargets(
      UserDirectory directory,
      CrawlPlan plan,
      Targets targets,
      java.util.function.LongPredicate seriesListed,
      CrawlOutput output,
      CrawlStats stats) {
    AtomicReference<RuntimeException> fatal = new AtomicReference<>();
    Run run = new Run(new ReaderRules(directory), output, stats, fatal, plan);
    try (TaskGroup tasks = new TaskGroup(threads, run::failure)) {
      run.tasks = tasks;
      for (long meetingId : targets.meetings()) {
        UserWork work = new UserWork("meeting " + meetingId);
        boolean transcriptsStale = targets.transcriptsStale().contains(meetingId);
        run.submit(work, () -> run.meetingTarget(work, meetingId, transcriptsStale));
      }
      for (long webinarId : targets.webinars()) {
        UserWork work = new UserWork("webinar " + webinarId);
        boolean transcriptsStale = targets.transcriptsStale().contains(webinarId);
        run.submit(work, () -> run.webinarTarget(work, webinarId, transcriptsStale));
      }
      for (Targets.Instance instance : targets.instances()) {
        UserWork work = new UserWork("instance " + instance.uuid());
        run.submit(
            work,
            () ->
                run.section(
                    work,
                    () ->
                        run.instanceTarget(
                            work, instance, seriesListed.test(instance.meetingId()))));
      }
      tasks.awaitAll();
    }
    if (fatal.get() != null) {
      throw fatal.get();
    }
  }

  /** The state of one crawl, shared by its tasks. */
  private final class Run {
    private final ReaderRules rules;
    private final CrawlOutput output;
    private final CrawlStats stats;
    private final AtomicReference<RuntimeException> fatal;
    private final CrawlPlan plan;
    private TaskGroup tasks;

    /**
     * Listed series the settings exclude by topic, so that their recordings are not taken for an
     * unlisted meeting's (whose topic a recording may spell differently).
     */
    private final Set<Long> excludedSeries = ConcurrentHashMap.newKeySet();

    Run(
        ReaderRules rules,
        CrawlOutput output,
        CrawlStats stats,
        AtomicReference<RuntimeException> fatal,
        CrawlPlan plan) {
      this.rules = rules;
      this.output = output;
      this.stats = stats;
      this.fatal = fatal;
      this.plan = plan;
    }

    void user(UserWork work) {
      String userId = work.userId;
      // Series of this user by meeting or webinar number, and the instances their listings showed,
      // so that the recordings listing can tell unlisted instances apart; and the series an
      // incremental crawl left be because their listing was as recorded (true for webinars).
      Map<Long, Series> series = new ConcurrentHashMap<>();
      Set<String> listedInstances = ConcurrentHashMap.newKeySet();
      Map<Long, SeriesListing> leftBe = new ConcurrentHashMap<>();
      if (plan.seriesFromEvents(userId)) {
        for (SeriesListing recorded : plan.known().listingsOf(userId)) {
          if (recorded.webinar()) {
            section(work, () -> knownWebinar(work, recorded, series, listedInstances, leftBe));
          } else {
            leftBe.put(recorded.seriesId(), recorded);
          }
        }
      } else {
        if (needsMeetings()) {
          section(
              work,
              () ->
                  call(work, "meetings of user " + userId, () -> zoom.listScheduledMeetings(userId))
                      .ifPresent(
                          ms ->
                              ms.forEach(
                                  m ->
                                      listedMeeting(
                                          work, m, userId, series, listedInstances, leftBe))));
        }
        if (needsWebinars()) {
          section(
              work,
              () ->
                  remembered(
                          work,
                          "webinars:" + userId,
                          "webinars of user " + userId,
                          () -> zoom.listWebinars(userId))
                      .ifPresent(
                          ws ->
                              ws.forEach(
                                  w ->
                                      section(
                                          work,
                                          () ->
                                              listedWebinar(
                                                  work,
                                                  w,
                                                  userId,
                                                  series,
                                                  listedInstances,
                                                  leftBe)))));
        }
      }
      if (!plan.listsRecordingsOf(userId) || !needsRecordings()) {
        return; // no meeting or webinar of theirs ended lately: no new recording can be theirs
      }
      LocalDate today = plan.today();
      for (LocalDate from = firstRecordingDay(); !from.isAfter(today); from = from.plusMonths(1)) {
        LocalDate windowStart = from;
        LocalDate windowEnd = min(from.plusMonths(1).minusDays(1), today);
        String what = "recordings of user " + userId + " from " + from + " to " + windowEnd;
        section(
            work,
            () ->
                call(work, what, () -> zoom.listRecordings(userId, windowStart, windowEnd))
                    .ifPresent(
                        recordings ->
                            recordings.forEach(
                                r -> recording(work, r, userId, series, listedInstances, leftBe))));
      }
    }

    /** Whether any kind needs the meetings listing (transcripts take their readers from it). */
    private boolean needsMeetings() {
      return settings.indexes(CrawlKind.MEETING)
          || settings.indexes(CrawlKind.PAST_MEETING)
          || settings.indexes(CrawlKind.SUMMARY)
          || settings.indexes(CrawlKind.TRANSCRIPT);
    }

    /** Webinar transcripts take their readers from the webinar's details too. */
    private boolean needsWebinars() {
      return settings.indexes(CrawlKind.WEBINAR)
          || settings.indexes(CrawlKind.PAST_WEBINAR)
          || settings.indexes(CrawlKind.TRANSCRIPT);
    }

    /** Recordings reveal transcripts, and instances (with summaries) no listing shows. */
    private boolean needsRecordings() {
      return settings.indexes(CrawlKind.TRANSCRIPT)
          || settings.indexes(CrawlKind.PAST_MEETING)
          || settings.indexes(CrawlKind.SUMMARY);
    }

    /** The plan's first recording day, or the history window's when that is later. */
    private LocalDate firstRecordingDay() {
      LocalDate first = plan.firstRecordingDay();
      return settings
          .historyStart(plan.today())
          .map(start -> start.atZone(java.time.ZoneOffset.UTC).toLocalDate())
          .filter(day -> day.isAfter(first))
          .orElse(first);
    }

    /** A listed meeting: left be when its listing is as recorded, else read in whole. */
    private void listedMeeting(
        UserWork work,
        Meeting item,
        String userId,
        Map<Long, Series> series,
        Set<String> listedInstances,
        Map<Long, SeriesListing> leftBe) {
      if (!settings.includesSeries(item.id(), item.topic())) {
        excludedSeries.add(item.id());
        return; // excluded by id or topic: not even its details are read
      }
      String key = SeriesListing.meetingKey(item.id());
      String listing = ListingFingerprint.of(item);
      // Without meeting documents, the recorded listing alone says the series is as last read.
      if (plan.unchanged(key, listing, "")
          && (!settings.indexes(CrawlKind.MEETING)
              || plan.known().contains(id(DocumentType.MEETING, Long.toString(item.id()))))) {
        SeriesListing left = new SeriesListing(key, userId, listing, "", null);
        leftBe.put(item.id(), left);
        for (String uuid : plan.known().awaitingSummary(item.id(), plan.summaryWindowStart())) {
          submit(work, () -> section(work, () -> lateSummary(work, left, uuid, userId)));
        }
        return;
      }
      boolean indexedBefore =
          plan.incremental()
              && plan.known().contains(id(DocumentType.MEETING, Long.toString(item.id())));
      Optional<Meeting> details =
          meeting(work, item.id(), userId, series, listedInstances, listing);
      if (indexedBefore && details.isPresent() && series.get(item.id()).changed()) {
        // An edited series: its transcripts take their title and readers from it; the windows
        // before this crawl's own recording windows are listed for them.
        transcriptsOf(
            work,
            item.id(),
            userId,
            series,
            listedInstances,
            plan.firstRecordingDay().minusDays(1));
      }
    }

    /**
     * An instance of a series left be that had no summary: one call says whether it has one now;
     * only then are its series' people and the instance read.
     */
    private void lateSummary(UserWork work, SeriesListing series, String uuid, String userId) {
      Optional<PastMeeting> found =
          remembered(
              work,
              "past_meeting:" + uuid,
              "past meeting " + uuid,
              () -> zoom.getPastMeeting(uuid));
      if (found.isEmpty() || !found.get().hasMeetingSummary()) {
        return;
      }
      seriesPeople(work, series, userId)
          .ifPresent(people -> pastMeeting(work, uuid, people.people(), people.agenda(), false));
    }

    /** A listed webinar: its panelists are always polled (no event reports them). */
    private void listedWebinar(
        UserWork work,
        Webinar item,
        String userId,
        Map<Long, Series> series,
        Set<String> listedInstances,
        Map<Long, SeriesListing> leftBe) {
      if (!settings.includesSeries(item.id(), item.topic())) {
        excludedSeries.add(item.id());
        return;
      }
      List<Panelist> panelists =
          call(work, "panelists of webinar " + item.id(), () -> zoom.listPanelists(item.id()))
              .orElse(List.of());
      String key = SeriesListing.webinarKey(item.id());
      String listing = ListingFingerprint.of(item);
      String panelistPrint = ListingFingerprint.ofPanelists(panelists);
      if (plan.unchanged(key, listing, panelistPrint)
          && (!settings.indexes(CrawlKind.WEBINAR)
              || plan.known().contains(id(DocumentType.WEBINAR, Long.toString(item.id()))))) {
        leftBe.put(item.id(), new SeriesListing(key, userId, listing, panelistPrint, null));
        return;
      }
      webinar(work, item.id(), userId, series, listedInstances, panelists, listing);
    }

    /**
     * A webinar an event-driven crawl knows from the last read: webhooks report its edits, but not
     * its panelists, so those are polled and the webinar is read again when they changed.
     */
    private void knownWebinar(
        UserWork work,
        SeriesListing recorded,
        Map<Long, Series> series,
        Set<String> listedInstances,
        Map<Long, SeriesListing> leftBe) {
      long webinarId = recorded.seriesId();
      if (!settings.includesId(webinarId)) {
        return; // its topic was checked when it was last read in whole, under these settings
      }
      Optional<List<Panelist>> panelists =
          call(work, "panelists of webinar " + webinarId, () -> zoom.listPanelists(webinarId));
      if (panelists.isEmpty()) {
        return; // refused: the webinar is gone, which its event or the next full crawl handles
      }
      if (ListingFingerprint.ofPanelists(panelists.get()).equals(recorded.panelists())) {
        leftBe.put(webinarId, recorded);
        return;
      }
      webinar(
          work,
          webinarId,
          recorded.userId(),
          series,
          listedInstances,
          panelists.get(),
          recorded.listing());
    }

    /**
     * A meeting a webhook named; when its hosts changed (and so its document did), its transcripts
     * follow.
     */
    void meetingTarget(UserWork work, long meetingId, boolean transcriptsStale) {
      Map<Long, Series> series = new ConcurrentHashMap<>();
      Set<String> listedInstances = ConcurrentHashMap.newKeySet();
      section(
          work,
          () -> {
            Optional<Meeting> details =
                meeting(work, meetingId, null, series, listedInstances, null);
            if (transcriptsStale
                && details.isPresent()
                && series.get(meetingId).changed()
                && plan.incremental()
                && !transcriptsRebuiltLocally(meetingId, series.get(meetingId))) {
              transcriptsOf(
                  work, meetingId, details.get().hostId(), series, listedInstances, plan.today());
            }
          });
    }

    /**
     * A webinar a webhook named; when its topic or hosts changed, so did its recordings'
     * transcripts, which follow.
     */
    void webinarTarget(UserWork work, long webinarId, boolean transcriptsStale) {
      Map<Long, Series> series = new ConcurrentHashMap<>();
      Set<String> listedInstances = ConcurrentHashMap.newKeySet();
      section(
          work,
          () -> {
            Optional<Webinar> details =
                webinar(work, webinarId, null, series, listedInstances, null, null);
            if (transcriptsStale
                && details.isPresent()
                && series.get(webinarId).changed()
                && plan.incremental()
                && !transcriptsRebuiltLocally(webinarId, series.get(webinarId))) {
              transcriptsOf(
                  work, webinarId, details.get().hostId(), series, listedInstances, plan.today());
            }
          });
    }

    /**
     * Whether a changed series document differs from the one the ledger keeps in its readers only
     * (same title and text): then its instances, summaries and transcripts keep their content and
     * only their readers follow, which the ledger can compute without asking Zoom.
     */
    private boolean onlyReadersChanged(Document series) {
      return plan.incremental()
          && plan.known()
              .kept(series.id())
              .filter(kept -> kept.title().equals(series.title()))
              .filter(kept -> kept.body().equals(series.body()))
              .isPresent();
    }

    /**
     * Rebuilds an instance the ledger keeps (and its summary) with the series' new people; its
     * participants are those its kept reader rules name. False when the ledger does not keep it.
     */
    private boolean rebuiltLocally(DocumentId instanceId, SeriesPeople people) {
      Optional<Document> kept = plan.known().kept(instanceId);
      if (kept.isEmpty()) {
        return false;
      }
      List<Participant> attendees = participantsOf(kept.get());
      emit(withReaders(kept.get(), rules.instance(people, attendees)));
      if (instanceId.type() == PAST_MEETING) {
        plan.known()
            .kept(id(DocumentType.SUMMARY, instanceId.key()))
            .ifPresent(summary -> emit(withReaders(summary, rules.summary(people, attendees))));
      }
      return true;
    }

    /**
     * Rebuilds the transcripts the ledger keeps for a series whose readers alone changed; false
     * when its content changed too or the ledger keeps none.
     */
    private boolean transcriptsRebuiltLocally(long seriesId, Series read) {
      if (!read.readersOnly()) {
        return false;
      }
      SeriesPeople people = read.people();
      List<Document> transcripts =
          plan.known().keptOfSeries(seriesId).stream()
              .filter(id -> id.type() == DocumentType.TRANSCRIPT)
              .map(plan.known()::kept)
              .flatMap(Optional::stream)
              .toList();
      transcripts.forEach(t -> emit(withReaders(t, rules.transcript(people))));
      return !transcripts.isEmpty();
    }

    /** Re-reads the transcripts of one series, whose readers come from it. */
    private void transcriptsOf(
        UserWork work,
        long meetingId,
        String hostId,
        Map<Long, Series> series,
        Set<String> listedInstances,
        LocalDate lastDay) {
      if (hostId == null || hostId.isBlank()) {
        return;
      }
      for (LocalDate from = plan.since(); !from.isAfter(lastDay); from = from.plusMonths(1)) {
        LocalDate windowStart = from;
        LocalDate windowEnd = min(from.plusMonths(1).minusDays(1), lastDay);
        call(
                work,
                "recordings of user " + hostId + " from " + from + " to " + windowEnd,
                () -> zoom.listRecordings(hostId, windowStart, windowEnd))
            .ifPresent(
                recordings ->
                    recordings.stream()
                        .filter(r -> r.id() == meetingId)
                        .forEach(
                            r -> recording(work, r, hostId, series, listedInstances, Map.of())));
      }
    }

    /** An ended meeting instance a webhook named (meeting.ended, a summary completed). */
    void instanceTarget(UserWork work, Targets.Instance instance, boolean listed) {
      SeriesPeople people = null;
      String agenda = "";
      if (listed) {
        Optional<Meeting> details =
            call(
                work,
                "meeting " + instance.meetingId(),
                () -> zoom.getMeeting(instance.meetingId()));
        if (details.isPresent()
            && !settings.includesSeries(details.get().id(), details.get().topic())) {
          return;
        }
        if (details.isPresent()) {
          people = rules.meetingPeople(details.get(), details.get().hostId());
          agenda = nonNull(details.get().agenda());
        }
      }
      pastMeeting(work, instance.uuid(), people, agenda, false);
    }

    /** Runs one part of a user's crawl; a failed item ends that part only. */
    private void section(UserWork work, Runnable part) {
      try {
        part.run();
      } catch (ItemFailed e) {
        // Already recorded; the other parts of this user still run.
      }
    }

    /**
     * Indexes a listed meeting and its instances.
     *
     * @param userId the user whose listing showed it, or null for the meeting's own host
     * @param listing the fingerprint of its listing item, recorded once it is read in whole; null
     *     when no listing showed it
     * @return the meeting's details, or empty when Zoom has no such meeting
     */
    private Optional<Meeting> meeting(
        UserWork work,
        long meetingId,
        String userId,
        Map<Long, Series> series,
        Set<String> listedInstances,
        String listing) {
      Optional<Meeting> details =
          call(work, "meeting " + meetingId, () -> zoom.getMeeting(meetingId));
      if (details.isEmpty() || (userId == null && details.get().type() == INSTANT)) {
        return Optional.empty();
      }
      Meeting meeting = details.get();
      if (!settings.includesSeries(meeting.id(), meeting.topic())
          || (userId == null && !settings.includesHost(meeting.hostEmail()))) {
        return Optional.empty(); // a webhook named a meeting the settings exclude
      }
      SeriesPeople people = rules.meetingPeople(meeting, userId);
      Document document = mapper.meeting(meeting, rules.series(people));
      boolean changed = plan.changed(document);
      boolean readersOnly = changed && onlyReadersChanged(document);
      series.put(meeting.id(), new Series(people, nonNull(meeting.agenda()), changed, readersOnly));
      if (settings.indexes(CrawlKind.MEETING)) {
        emit(document);
      }
      if (!settings.indexes(CrawlKind.PAST_MEETING) && !settings.indexes(CrawlKind.SUMMARY)) {
        return details; // its people serve its transcripts; no instance is indexed
      }
      call(
              work,
              "instances of meeting " + meeting.id(),
              () -> zoom.listPastMeetingInstances(meeting.id()))
          .ifPresent(
              instances -> {
                String agenda = nonNull(meeting.agenda());
                recordRead(userId, SeriesListing.meetingKey(meeting.id()), listing, "", instances);
                for (PastInstance instance : instances) {
                  String uuid = instance.uuid();
                  if (!listedInstances.add(uuid)) {
                    continue;
                  }
                  if (!settings.withinHistory(instance.startTime(), plan.today())) {
                    continue; // before the history window: not asked for
                  }
                  if (plan.beyondZoomsYear(instance.startTime())) {
                    stats.skipped(
                        TOO_OLD_LABEL); // the listing's start time says Zoom would refuse it
                  } else if (readersOnly && rebuiltLocally(id(PAST_MEETING, uuid), people)) {
                    if (plan.mayHaveNewSummary(uuid, instance.startTime())) {
                      submit(work, () -> pastMeeting(work, uuid, people, agenda, true));
                    }
                  } else if (plan.wants(id(PAST_MEETING, uuid), changed)) {
                    submit(work, () -> pastMeeting(work, uuid, people, agenda, false));
                  } else if (plan.mayHaveNewSummary(uuid, instance.startTime())) {
                    submit(work, () -> pastMeeting(work, uuid, people, agenda, true));
                  }
                }
              });
      return details;
    }

    /**
     * Indexes a webinar and its instances.
     *
     * @param knownPanelists its panelists when already read, else null
     * @param listing as for {@link #meeting}
     * @return the webinar's details, or empty when Zoom has no such webinar
     */
    private Optional<Webinar> webinar(
        UserWork work,
        long webinarId,
        String userId,
        Map<Long, Series> series,
        Set<String> listedInstances,
        List<Panelist> knownPanelists,
        String listing) {
      Optional<Webinar> details =
          call(work, "webinar " + webinarId, () -> zoom.getWebinar(webinarId));
      if (details.isEmpty()) {
        return details;
      }
      Webinar webinar = details.get();
      if (!settings.includesSeries(webinar.id(), webinar.topic())
          || (userId == null && !settings.includesHost(webinar.hostEmail()))) {
        return Optional.empty(); // a webhook named a webinar the settings exclude
      }
      List<Panelist> panelists =
          knownPanelists != null
              ? knownPanelists
              : call(
                      work,
                      "panelists of webinar " + webinar.id(),
                      () -> zoom.listPanelists(webinar.id()))
                  .orElse(List.of());
      SeriesPeople people = rules.webinarPeople(webinar, userId, panelists);
      List<String> names = panelists.stream().map(Panelist::name).toList();
      Document document = mapper.webinar(webinar, names, rules.series(people));
      boolean changed = plan.changed(document);
      boolean readersOnly = changed && onlyReadersChanged(document);
      series.put(webinar.id(), new Series(people, nonNull(webinar.agenda()), changed, readersOnly));
      if (settings.indexes(CrawlKind.WEBINAR)) {
        emit(document);
      }
      if (!settings.indexes(CrawlKind.PAST_WEBINAR)) {
        return details;
      }
      call(
              work,
              "instances of webinar " + webinar.id(),
              () -> zoom.listPastWebinarInstances(webinar.id()))
          .ifPresent(
              instances -> {
                recordRead(
                    userId,
                    SeriesListing.webinarKey(webinar.id()),
                    listing,
                    ListingFingerprint.ofPanelists(panelists),
                    instances);
                for (PastInstance instance : instances) {
                  if (listedInstances.add(instance.uuid())
                      && settings.withinHistory(instance.startTime(), plan.today())
                      && !(readersOnly && rebuiltLocally(id(PAST_WEBINAR, instance.uuid()), people))
                      && plan.wants(id(PAST_WEBINAR, instance.uuid()), changed)) {
                    submit(work, () -> pastWebinar(work, webinar, instance, people));
                  }
                }
              });
      return details;
    }

    /**
     * Indexes an ended meeting instance with its participants, Q&amp;A and summary.
     *
     * @param onlyIfSummaryAppeared read no further than the details unless a summary now exists (an
     *     incremental crawl's check of an instance it already holds)
     */
    private void pastMeeting(
        UserWork work,
        String uuid,
        SeriesPeople listedPeople,
        String agenda,
        boolean onlyIfSummaryAppeared) {
      Optional<PastMeeting> found =
          remembered(
              work,
              "past_meeting:" + uuid,
              "past meeting " + uuid,
              () -> zoom.getPastMeeting(uuid));
      if (found.isEmpty() || (onlyIfSummaryAppeared && !found.get().hasMeetingSummary())) {
        return; // too old or gone (no document), or nothing new
      }
      PastMeeting instance = found.get();
      boolean excluded =
          listedPeople == null
              ? !settings.includesSeries(instance.id(), instance.topic())
              : !settings.includesId(instance.id());
      if (excluded || !settings.withinHistory(instance.startTime(), plan.today())) {
        return; // an unlisted or webhook-named instance the settings exclude
      }
      if (!instance.hasMeetingSummary()) {
        output.awaitingSummary(instance.id(), uuid, instance.startTime());
      }
      SeriesPeople people =
          listedPeople != null
              ? listedPeople
              : rules.unlistedPeople(instance.userEmail(), instance.hostId());
      Optional<List<Participant>> participants =
          call(work, "participants of " + uuid, () -> zoom.listPastMeetingParticipants(uuid));
      boolean indexed = settings.indexes(CrawlKind.PAST_MEETING);
      Optional<PastQa> qa =
          indexed && settings.indexes(CrawlKind.QA)
              ? call(work, "Q&A of " + uuid, () -> zoom.getPastMeetingQa(uuid))
              : Optional.empty();
      List<Participant> attendees = participants.orElse(List.of());
      if (indexed) {
        emit(
            mapper.pastMeeting(
                instance, agenda, attendees, qa.orElse(null), rules.instance(people, attendees)));
      }
      if (instance.hasMeetingSummary() && settings.indexes(CrawlKind.SUMMARY)) {
        call(work, "summary of " + uuid, () -> zoom.getMeetingSummary(uuid))
            .ifPresent(
                summary ->
                    emit(mapper.summary(summary, instance, rules.summary(people, attendees))));
      }
    }

    private void pastWebinar(
        UserWork work, Webinar webinar, PastInstance instance, SeriesPeople people) {
      String uuid = instance.uuid();
      Optional<List<Participant>> participants =
          call(work, "attendees of " + uuid, () -> zoom.listPastWebinarParticipants(uuid));
      Optional<PastQa> qa =
          settings.indexes(CrawlKind.QA)
              ? call(work, "Q&A of " + uuid, () -> zoom.getPastWebinarQa(uuid))
              : Optional.empty();
      List<Participant> attendees = participants.orElse(List.of());
      emit(
          mapper.pastWebinar(
              webinar, instance, attendees, qa.orElse(null), rules.instance(people, attendees)));
    }

    /** The people of a series left be, from its details (and a webinar's panelists). */
    private Optional<Series> seriesPeople(UserWork work, SeriesListing left, String userId) {
      long seriesId = left.seriesId();
      if (left.webinar()) {
        Optional<Webinar> webinar =
            call(work, "webinar " + seriesId, () -> zoom.getWebinar(seriesId));
        if (webinar.isEmpty()) {
          return Optional.empty();
        }
        List<Panelist> panelists =
            call(work, "panelists of webinar " + seriesId, () -> zoom.listPanelists(seriesId))
                .orElse(List.of());
        return Optional.of(
            new Series(
                rules.webinarPeople(webinar.get(), userId, panelists),
                nonNull(webinar.get().agenda()),
                false));
      }
      return call(work, "meeting " + seriesId, () -> zoom.getMeeting(seriesId))
          .map(
              meeting ->
                  new Series(
                      rules.meetingPeople(meeting, userId), nonNull(meeting.agenda()), false));
    }

    /** Records a series read in whole from its listing, with its newest instance's start. */
    private void recordRead(
        String userId, String key, String listing, String panelists, List<PastInstance> instances) {
      if (listing == null || userId == null) {
        return;
      }
      Instant newest =
          instances.stream()
              .map(PastInstance::startTime)
              .filter(java.util.Objects::nonNull)
              .max(Instant::compareTo)
              .orElse(null);
      output.seriesRead(userId, new SeriesListing(key, userId, listing, panelists, newest));
    }

    private void recording(
        UserWork work,
        Recording recording,
        String userId,
        Map<Long, Series> series,
        Set<String> listedInstances,
        Map<Long, SeriesListing> leftBe) {
      boolean listed = series.containsKey(recording.id()) || leftBe.containsKey(recording.id());
      boolean included =
          listed
              ? settings.includesId(recording.id())
              : !excludedSeries.contains(recording.id())
                  && settings.includesSeries(recording.id(), recording.topic());
      if (!included || !settings.withinHistory(recording.startTime(), plan.today())) {
        return; // excluded by id, topic or history window: neither instance nor transcript
      }
      SeriesListing left = leftBe.get(recording.id());
      if (left != null
          && !series.containsKey(recording.id())
          && settings.indexes(CrawlKind.TRANSCRIPT)
          && newTranscript(recording)) {
        // A new transcript of a series left be: its readers come from the series' people, so
        // read its details (not its instances, which are as indexed).
        leftBe.remove(recording.id());
        seriesPeople(work, left, userId).ifPresent(people -> series.put(recording.id(), people));
      }
      if (leftBe.containsKey(recording.id())) {
        return; // its series is as indexed, and so is this recording's transcript
      }
      Series known = series.get(recording.id());
      if (known == null
          && (settings.indexes(CrawlKind.PAST_MEETING) || settings.indexes(CrawlKind.SUMMARY))
          && !isWebinar(recording) // a webinar's instance is never read as a past meeting
          && listedInstances.add(recording.uuid())
          && !plan.beyondZoomsYear(recording.startTime())
          && plan.wants(id(PAST_MEETING, recording.uuid()), false)) {
        submit(work, () -> pastMeeting(work, recording.uuid(), null, "", false));
      }
      SeriesPeople people =
          known != null ? known.people() : rules.unlistedPeople(null, recording.hostId());
      if (people.host().isEmpty()) {
        people = rules.unlistedPeople(null, userId);
      }
      SeriesPeople transcriptPeople = people;
      if (!settings.indexes(CrawlKind.TRANSCRIPT)) {
        return;
      }
      recording.recordingFiles().stream()
          .filter(RecordingFile::isTranscript)
          .filter(file -> file.downloadUrl() != null && !file.downloadUrl().isBlank())
          .filter(
              file ->
                  plan.wants(id(TRANSCRIPT, recording.uuid()), known != null && known.changed()))
          .findFirst()
          .ifPresent(
              file -> submit(work, () -> transcript(work, recording, file, transcriptPeople)));
    }

    private boolean newTranscript(Recording recording) {
      return recording.recordingFiles().stream()
              .anyMatch(
                  file ->
                      file.isTranscript()
                          && file.downloadUrl() != null
                          && !file.downloadUrl().isBlank())
          && !plan.known().contains(id(TRANSCRIPT, recording.uuid()));
    }

    private void transcript(
        UserWork work, Recording recording, RecordingFile file, SeriesPeople people) {
      call(work, "transcript of " + recording.uuid(), () -> zoom.downloadText(file.downloadUrl()))
          .ifPresent(
              text -> {
                Readers readers = rules.transcript(people);
                emit(mapper.transcript(recording, file, people.host(), vtt.parse(text), readers));
              });
    }

    /**
     * Runs a task of this user's on the pool. The user is finished when their last task ends; only
     * a user without failures is reported, so that a checkpoint never skips a user who is missing
     * something.
     */
    void submit(UserWork work, Runnable task) {
      work.pending.incrementAndGet();
      tasks.submit(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              work.failed = true;
              throw e;
            } finally {
              if (work.pending.decrementAndGet() == 0) {
                stats.userDone();
                if (!work.failed && fatal.get() == null) {
                  output.userFinished(work.userId);
                }
              }
            }
          });
    }

    private void emit(Document document) {
      try {
        output.accept(new Change.Upsert(document));
      } catch (RuntimeException e) {
        fatal.compareAndSet(null, e); // the index cannot take documents: stop the crawl
        throw new ItemFailed();
      }
      stats.documentEmitted(document.type());
    }

    /**
     * Makes one call. A known refusal is counted and gives empty. Any other error is recorded
     * (fatal ones stop the crawl, the rest make it incomplete) and ends the current item with
     * {@link ItemFailed}, so that nothing is written from a partial read.
     */
    private <T> Optional<T> call(UserWork work, String what, Supplier<T> request) {
      if (fatal.get() != null) {
        work.failed = true;
        throw new ItemFailed();
      }
      try {
        return Optional.ofNullable(request.get());
      } catch (ZoomException e) {
        if (e.isKnownRefusal()) {
          stats.skipped(refusalLabel(e));
          return Optional.empty();
        }
        work.failed = true;
        if (e.reason() == ZoomException.Reason.MISSING_SCOPE
            || e.reason() == ZoomException.Reason.BAD_CREDENTIALS) {
          fatal.compareAndSet(null, e);
        } else {
          log.warn("Could not read {}: {}", what, e.getMessage());
          stats.failed(what + ": " + e.getMessage());
        }
        throw new ItemFailed();
      }
    }

    /**
     * As {@link #call}, for an item whose lasting refusal (too old, gone, no webinar plan) is
     * remembered until the next full crawl: an incremental crawl does not ask for it again.
     */
    private <T> Optional<T> remembered(
        UserWork work, String key, String what, Supplier<T> request) {
      if (plan.incremental() && plan.known().refused(key)) {
        stats.skipped(REMEMBERED_LABEL);
        return Optional.empty();
      }
      try {
        return Optional.ofNullable(request.get());
      } catch (ZoomException e) {
        if (e.isKnownRefusal() && LASTING.contains(e.reason())) {
          stats.skipped(refusalLabel(e));
          output.refused(key);
          return Optional.empty();
        }
        return call(
            work,
            what,
            () -> {
              throw e;
            });
      }
    }

    void failure(RuntimeException e) {
      if (e instanceof ItemFailed) {
        return; // recorded where it happened
      }
      log.error("Unexpected failure in the crawl", e);
      stats.failed("unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** Zoom's type of an instant meeting, which no scheduled-meetings listing shows. */
  private static final int INSTANT = 1;

  /** The recordings listing's types of a webinar's recording (the rest are meetings'). */
  private static final Set<Integer> WEBINAR_TYPES = Set.of(5, 6, 9);

  private static boolean isWebinar(Recording recording) {
    return WEBINAR_TYPES.contains(recording.type());
  }

  private static final String TOO_OLD_LABEL =
      "over a year old, which Zoom no longer serves (Zoom code 12702)";

  private static final String REMEMBERED_LABEL = "refused before, not asked again";

  /** Refusals that stay true until something changes in Zoom (not a summary's restriction). */
  private static final Set<ZoomException.Reason> LASTING =
      Set.of(
          ZoomException.Reason.TOO_OLD,
          ZoomException.Reason.NOT_FOUND,
          ZoomException.Reason.NO_PERMISSION);

  private static String refusalLabel(ZoomException e) {
    return switch (e.reason()) {
      case NOT_FOUND -> "gone from Zoom: deleted or not found (Zoom code " + e.zoomCode() + ")";
      case TOO_OLD -> TOO_OLD_LABEL;
      case NO_PERMISSION -> "not allowed by the account's plan or permissions (Zoom code 200)";
      case SUMMARY_RESTRICTED ->
          "summary restricted by the account's settings, or in the trash (Zoom code 2305)";
      default -> e.reason().name();
    };
  }

  /** The participants a kept instance's reader rules name (withheld ones too). */
  private static List<Participant> participantsOf(Document kept) {
    List<Participant> participants = new ArrayList<>();
    java.util.function.BiConsumer<String, List<String>> add =
        (email, named) -> {
          if (named.contains(ReaderRules.RULE_PARTICIPANT)) {
            participants.add(new Participant(null, null, null, email, null, null, 0, null));
          }
        };
    kept.readers().rules().forEach(add);
    kept.readers().withheld().forEach(add);
    return participants;
  }

  /** A kept document with new readers, its content as kept. */
  private static Document withReaders(Document kept, Readers readers) {
    return new Document(
        kept.id(),
        kept.title(),
        kept.body(),
        kept.hostEmail(),
        kept.startTime(),
        kept.durationMinutes(),
        kept.url(),
        readers,
        kept.sourceIds());
  }

  private static DocumentId id(DocumentType type, String key) {
    return new DocumentId(type, key);
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }

  /** One user's share of the crawl: their tasks still running, and whether any failed. */
  private static final class UserWork {
    final String userId;
    final AtomicInteger pending = new AtomicInteger();
    volatile boolean failed;

    UserWork(String userId) {
      this.userId = userId;
    }
  }

  /** Ends the current item after a failed call; the failure is already recorded. */
  private static final class ItemFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ItemFailed() {
      super(null, null, false, false);
    }
  }

  /** What a listed meeting or webinar contributes to its instances and recordings. */
  /**
   * @param readersOnly whether only its readers changed (see {@code onlyReadersChanged})
   */
  private record Series(SeriesPeople people, String agenda, boolean changed, boolean readersOnly) {
    Series(SeriesPeople people, String agenda, boolean changed) {
      this(people, agenda, changed, false);
    }
  }
}
