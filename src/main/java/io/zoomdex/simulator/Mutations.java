package io.zoomdex.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zoomdex.simulator.corpus.CorpusMeeting;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Changes to the simulated account, applied on top of the derived data and visible at once through
 * every endpoint and through {@link SimulatedAccount}. Each change is appended to an ordered {@link
 * #changeLog()} and handed to the webhook emitter. Memory grows with the number of changes only.
 *
 * <p>What a deletion keeps, following Zoom: a deleted meeting leaves listings and answers 404/3001
 * on {@code GET /meetings/{id}} and {@code GET /past_meetings/{id}/instances}, but its ended
 * instances stay reachable by UUID (details, participants, summary) and its cloud recordings stay
 * in the host's recordings (Zoom keeps recordings and summaries of deleted meetings). A deleted
 * user answers 404/1001 and leaves every user listing, and with them go their meetings, webinars,
 * instances and recordings (Zoom deletes a user's data unless it is transferred); participant rows
 * in other people's meetings still name them.
 */
public final class Mutations {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z'-]{0,39}");

  /** Receives every change with its webhook payload (before the mutation method returns). */
  interface ChangeListener {
    /** Called once per change, on the mutating thread; must not block. */
    void changed(ChangeEvent change, ObjectNode payload);
  }

  private final SimulatedAccount account;
  private final AccountOverlay overlay;
  private final SimulatorClock clock;
  private final WebhookPayloads payloads;
  private final List<ChangeEvent> log = new ArrayList<>();
  private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();

  Mutations(SimulatedAccount account, SimulatorClock clock) {
    this.account = account;
    this.overlay = account.overlay();
    this.clock = clock;
    this.payloads = new WebhookPayloads(account);
  }

  void addListener(ChangeListener listener) {
    listeners.add(listener);
  }

  /** Every change so far, oldest first (a copy). */
  public synchronized List<ChangeEvent> changeLog() {
    return List.copyOf(log);
  }

  /** The changes with a sequence above {@code sequence}, oldest first; empty when none. */
  public synchronized List<ChangeEvent> changesSince(long sequence) {
    return log.stream().filter(c -> c.sequence() > sequence).toList();
  }

  private synchronized ChangeEvent record(
      String event,
      String userId,
      long meetingId,
      String instanceUuid,
      List<String> fields,
      ObjectNode payload) {
    ChangeEvent change =
        new ChangeEvent(
            log.size() + 1L, event, clock.now(), userId, meetingId, instanceUuid, fields);
    log.add(change);
    listeners.forEach(l -> l.changed(change, payload));
    return change;
  }

  // ---------------------------------------------------------------- meetings

  private SimMeeting requireMeeting(long meetingId) {
    return account
        .meeting(meetingId)
        .filter(m -> m.type() != 1)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "No scheduled meeting " + meetingId + " exists; pass a listed meeting's id."));
  }

  private SimUser requireUser(String userIdOrEmail) {
    return account
        .userByIdOrEmail(userIdOrEmail)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "No user " + userIdOrEmail + " exists; pass an existing user's id or email."));
  }

  /**
   * Schedules a new meeting (type 2) for the host; it is listed, answers {@code GET /meetings/{id}}
   * and raises {@code meeting.created}.
   *
   * @throws IllegalArgumentException when the host does not exist, is pending, already has 100
   *     created meetings, or the topic is blank
   */
  public synchronized SimMeeting createMeeting(
      String hostIdOrEmail, String topic, String agenda, Instant start, int durationMinutes) {
    SimUser host = requireUser(hostIdOrEmail);
    if (!host.hosts()) {
      throw new IllegalArgumentException(
          "User " + hostIdOrEmail + " is pending and cannot host; pick an active user.");
    }
    if (topic == null || topic.isBlank() || durationMinutes < 1) {
      throw new IllegalArgumentException("A new meeting needs a topic and a positive duration.");
    }
    int slot =
        AccountOverlay.FIRST_CREATED_MEETING_SLOT + overlay.createdMeetings(host.index()).size();
    if (slot >= IdCodec.SLOTS_PER_USER) {
      throw new IllegalArgumentException(
          "User " + hostIdOrEmail + " already has 100 created meetings; pick another host.");
    }
    Instant now = clock.now();
    SimMeeting meeting =
        new SimMeeting(
            account.ids().meetingNumber(false, host.index(), slot),
            host.index(),
            slot,
            2,
            topic,
            agenda == null ? "" : agenda,
            start,
            durationMinutes,
            host.timezone(),
            now,
            List.of(),
            List.of(),
            1,
            true,
            0);
    overlay.putCreatedMeeting(meeting);
    record(
        "meeting.created",
        host.id(),
        meeting.id(),
        null,
        List.of(),
        payloads.meetingCreated(meeting));
    return account.meeting(meeting.id()).orElseThrow();
  }

  /**
   * Changes a meeting's topic, agenda, alternative hosts, invitees or summary recipients; raises
   * {@code meeting.updated} with the changed fields and their old values.
   *
   * @throws IllegalArgumentException when the meeting does not exist (or is deleted or instant), or
   *     {@code changes} changes nothing
   */
  public synchronized SimMeeting updateMeeting(long meetingId, MeetingChanges changes) {
    SimMeeting before = requireMeeting(meetingId);
    if (changes.fieldNames().isEmpty()) {
      throw new IllegalArgumentException("The meeting update changes nothing; set a field.");
    }
    SimMeeting after = before.with(changes);
    if (overlay.isCreatedMeeting(before.hostIndex(), before.slot())) {
      overlay.putCreatedMeeting(after);
    } else {
      overlay.putEditedMeeting(after);
    }
    record(
        "meeting.updated",
        account.user(before.hostIndex()).id(),
        meetingId,
        null,
        changes.fieldNames(),
        payloads.meetingUpdated(before, after, changes, clock.now()));
    return account.meeting(meetingId).orElseThrow();
  }

  /**
   * Deletes a meeting (see the class comment for what stays reachable); raises {@code
   * meeting.deleted}.
   *
   * @throws IllegalArgumentException when the meeting does not exist or is already deleted
   */
  public synchronized void deleteMeeting(long meetingId) {
    SimMeeting meeting = requireMeeting(meetingId);
    ObjectNode payload = payloads.meetingDeleted(meeting);
    overlay.deleteMeeting(meetingId);
    record(
        "meeting.deleted",
        account.user(meeting.hostIndex()).id(),
        meetingId,
        null,
        List.of(),
        payload);
  }

  // ---------------------------------------------------------------- instances

  /**
   * Adds an ended instance to the meeting: it becomes the meeting's newest instance in {@code
   * /past_meetings/{id}/instances} and the numeric-id past-meeting endpoints, gets derived
   * participants (the host first), Q&A, and, as asked, a summary and a recording with transcript
   * listed on its day. Its UUID is the one the meeting showed as current. Raises {@code
   * meeting.ended}, and {@code meeting.summary_completed} when it has a summary.
   *
   * @throws IllegalArgumentException when the meeting does not exist, the instance has not ended by
   *     the simulator clock's now, or the meeting has no room for more instances
   */
  public synchronized SimInstance addInstance(long meetingId, NewInstance spec) {
    return addInstance(meetingId, spec, null);
  }

  /**
   * Adds an ended instance as {@link #addInstance(long, NewInstance)} does, but with the given
   * participants, summary and transcript instead of derived ones (and no Q&A).
   *
   * @throws IllegalArgumentException as {@link #addInstance(long, NewInstance)}, or when the
   *     participant count of {@code spec} is not the number of participants in {@code content}, or
   *     one of them is not an existing user
   */
  public synchronized SimInstance addInstance(
      long meetingId, NewInstance spec, ScriptedContent content) {
    SimMeeting meeting = requireMeeting(meetingId);
    if (content != null) {
      if (content.participantEmails().size() != spec.participants()) {
        throw new IllegalArgumentException(
            "The instance has "
                + spec.participants()
                + " participants but its content names "
                + content.participantEmails().size()
                + "; make them agree.");
      }
      content.participantEmails().forEach(this::requireUser);
    }
    if (spec.end().isAfter(clock.now())) {
      throw new IllegalArgumentException(
          "The new instance ends after the simulator's now; start it earlier.");
    }
    int number = meeting.instanceCount();
    if (number > 8191) {
      throw new IllegalArgumentException(
          "Meeting " + meetingId + " has no room for more instances; pick another meeting.");
    }
    SimInstance instance =
        new SimInstance(
            account
                .ids()
                .instanceUuid(
                    new IdCodec.InstanceKey(false, meeting.hostIndex(), meeting.slot(), number)),
            meetingId,
            false,
            meeting.hostIndex(),
            meeting.slot(),
            number,
            spec.start(),
            spec.end(),
            spec.participants(),
            spec.withSummary(),
            false,
            spec.recorded());
    if (content != null) {
      overlay.putScripted(instance.uuid(), content);
    }
    overlay.addInstance(instance);
    String hostId = account.user(meeting.hostIndex()).id();
    record(
        "meeting.ended",
        hostId,
        meetingId,
        instance.uuid(),
        List.of(),
        payloads.meetingEnded(instance));
    if (instance.hasSummary()) {
      record(
          "meeting.summary_completed",
          hostId,
          meetingId,
          instance.uuid(),
          List.of(),
          payloads.summaryCompleted(instance, account.summary(instance).orElseThrow()));
    }
    return instance;
  }

  /**
   * Makes the AI Companion summary of an ended meeting instance appear ({@code has_meeting_summary}
   * turns true, the summary endpoint answers); raises {@code meeting.summary_completed}.
   *
   * @throws IllegalArgumentException when there is no such meeting instance or it already has a
   *     summary
   */
  public synchronized SimInstance addSummary(String instanceUuid) {
    SimInstance instance =
        account
            .instance(instanceUuid)
            .filter(i -> !i.webinar())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "No meeting instance " + instanceUuid + " exists; pass an ended one."));
    if (instance.hasSummary()) {
      throw new IllegalArgumentException(
          "Instance " + instanceUuid + " already has a summary; pick one without.");
    }
    overlay.addSummary(instanceUuid);
    SimInstance now = account.instance(instanceUuid).orElseThrow();
    record(
        "meeting.summary_completed",
        account.user(now.hostIndex()).id(),
        now.meetingId(),
        now.uuid(),
        List.of(),
        payloads.summaryCompleted(now, account.summary(now).orElseThrow()));
    return now;
  }

  // ---------------------------------------------------------------- webinars

  private SimWebinar requireWebinar(long webinarId) {
    return account
        .webinar(webinarId)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "No webinar " + webinarId + " exists; pass a listed webinar's id."));
  }

  /**
   * Changes a webinar's topic and/or agenda (null keeps it); raises {@code webinar.updated}.
   *
   * @throws IllegalArgumentException when the webinar does not exist or nothing changes
   */
  public synchronized SimWebinar updateWebinar(long webinarId, String topic, String agenda) {
    SimWebinar before = requireWebinar(webinarId);
    SimWebinar after =
        new SimWebinar(
            before.id(),
            before.hostIndex(),
            before.slot(),
            before.type(),
            topic != null ? topic : before.topic(),
            agenda != null ? agenda : before.agenda(),
            before.startTime(),
            before.durationMinutes(),
            before.timezone(),
            before.createdAt(),
            before.alternativeHosts(),
            before.panelists(),
            before.instanceCount());
    if (after.equals(before) || after.topic().isBlank()) {
      throw new IllegalArgumentException(
          "The webinar update changes nothing; set a new topic or agenda.");
    }
    overlay.putEditedWebinar(after);
    List<String> fields = new ArrayList<>();
    if (!after.topic().equals(before.topic())) {
      fields.add("topic");
    }
    if (!after.agenda().equals(before.agenda())) {
      fields.add("agenda");
    }
    record(
        "webinar.updated",
        account.user(before.hostIndex()).id(),
        webinarId,
        null,
        fields,
        payloads.webinarUpdated(before, after, clock.now()));
    return after;
  }

  /**
   * Replaces a webinar's panelists. Zoom raises no event the 17 scopes receive for this, so none is
   * recorded: a crawl finds it only by polling the panelists.
   *
   * @throws IllegalArgumentException when the webinar does not exist or the panelists are as they
   *     were
   */
  public synchronized SimWebinar setWebinarPanelists(long webinarId, List<SimPanelist> panelists) {
    SimWebinar before = requireWebinar(webinarId);
    if (before.panelists().equals(panelists)) {
      throw new IllegalArgumentException("The panelists are as they were; pass a changed list.");
    }
    SimWebinar after =
        new SimWebinar(
            before.id(),
            before.hostIndex(),
            before.slot(),
            before.type(),
            before.topic(),
            before.agenda(),
            before.startTime(),
            before.durationMinutes(),
            before.timezone(),
            before.createdAt(),
            before.alternativeHosts(),
            panelists,
            before.instanceCount());
    overlay.putEditedWebinar(after);
    return after;
  }

  /**
   * Deletes a webinar: it leaves the listing and answers 404/3001; its past instances stay
   * reachable by UUID. Raises {@code webinar.deleted}.
   *
   * @throws IllegalArgumentException when the webinar does not exist
   */
  public synchronized void deleteWebinar(long webinarId) {
    SimWebinar webinar = requireWebinar(webinarId);
    ObjectNode payload = payloads.webinarDeleted(webinar);
    overlay.deleteWebinar(webinarId);
    record(
        "webinar.deleted",
        account.user(webinar.hostIndex()).id(),
        webinarId,
        null,
        List.of(),
        payload);
  }

  // ---------------------------------------------------------------- users

  /**
   * Deactivates a user: status {@code inactive} in details and listings (they move from {@code
   * status=active} to {@code status=inactive}); their meetings stay. Raises {@code
   * user.deactivated}.
   *
   * @throws IllegalArgumentException when the user does not exist or is not active
   */
  public synchronized SimUser deactivateUser(String userIdOrEmail) {
    return setStatus(
        userIdOrEmail, SimUserStatus.ACTIVE, SimUserStatus.INACTIVE, "user.deactivated");
  }

  /**
   * Reactivates an inactive user; raises {@code user.activated}.
   *
   * @throws IllegalArgumentException when the user does not exist or is not inactive
   */
  public synchronized SimUser activateUser(String userIdOrEmail) {
    return setStatus(userIdOrEmail, SimUserStatus.INACTIVE, SimUserStatus.ACTIVE, "user.activated");
  }

  private SimUser setStatus(
      String userIdOrEmail, SimUserStatus from, SimUserStatus to, String event) {
    SimUser user = requireUser(userIdOrEmail);
    if (user.status() != from) {
      throw new IllegalArgumentException(
          "User "
              + userIdOrEmail
              + " is "
              + user.status().zoomValue()
              + ", not "
              + from.zoomValue()
              + ".");
    }
    if (user.index() == 0) {
      throw new IllegalArgumentException(
          "The account owner cannot change status; pick another user.");
    }
    overlay.setStatus(user.index(), to);
    SimUser changed = account.user(user.index());
    record(event, changed.id(), 0, null, List.of("status"), payloads.userChanged(changed));
    return changed;
  }

  /**
   * Changes a user's email to {@code first.{word}{index}@domain}; their names stay. Every listing,
   * meeting setting and participant row names the new email from now on, as in Zoom. Raises {@code
   * user.updated} with the changed field and its previous value ({@code old_object}).
   *
   * @throws IllegalArgumentException when the user does not exist or is pending, or the word is not
   *     a plain word of letters
   */
  public synchronized SimUser changeEmail(String userIdOrEmail, String word) {
    if (!NAME.matcher(word).matches()) {
      throw new IllegalArgumentException("The new email's word must be a plain word of letters.");
    }
    SimUser user = requireUser(userIdOrEmail);
    if (user.id() == null) {
      throw new IllegalArgumentException("User " + userIdOrEmail + " is pending; pick another.");
    }
    overlay.setEmailWord(user.index(), word);
    SimUser renamed = account.user(user.index());
    record(
        "user.updated",
        renamed.id(),
        0,
        null,
        List.of("email"),
        payloads.userUpdated(user, renamed));
    return renamed;
  }

  /**
   * Deletes a user (see the class comment); raises {@code user.deleted}.
   *
   * @throws IllegalArgumentException when the user does not exist, is pending or is the owner
   */
  public synchronized void deleteUser(String userIdOrEmail) {
    SimUser user = requireUser(userIdOrEmail);
    if (user.index() == 0 || user.id() == null) {
      throw new IllegalArgumentException(
          "User " + userIdOrEmail + " is the owner or pending and cannot be deleted here.");
    }
    ObjectNode payload = payloads.userChanged(user);
    overlay.deleteUser(user.index());
    record("user.deleted", user.id(), 0, null, List.of(), payload);
  }

  /**
   * Creates an active user (Zoom's {@code autoCreate}) with no meetings yet; raises {@code
   * user.created}.
   *
   * @param type 1 Basic or 2 Licensed
   * @throws IllegalArgumentException when a name is not a plain word or the type is not 1 or 2, or
   *     4096 users were already created
   */
  public synchronized SimUser createUser(String firstName, String lastName, int type) {
    if (!NAME.matcher(firstName).matches() || !NAME.matcher(lastName).matches()) {
      throw new IllegalArgumentException("A new user's names must be plain words of letters.");
    }
    if (type != 1 && type != 2) {
      throw new IllegalArgumentException("A new user's type must be 1 (Basic) or 2 (Licensed).");
    }
    if (overlay.createdUserCount() >= AccountOverlay.MAX_CREATED_USERS) {
      throw new IllegalArgumentException("The simulator holds at most 4096 created users.");
    }
    int index = account.indexLimit();
    SplittableRandom r = Hashes.random(account.seed(), 13, index);
    SimUser user =
        new SimUser(
            index,
            account.ids().userId(index),
            (firstName + "." + lastName + index + "@" + SimulatedAccount.DOMAIN)
                .toLowerCase(Locale.ROOT),
            firstName,
            lastName,
            SimUserStatus.ACTIVE,
            type,
            false,
            Vocabulary.pick(r, Vocabulary.DEPARTMENTS),
            Vocabulary.pick(r, Vocabulary.TIMEZONES),
            3_000_000_000L + Math.floorMod(r.nextLong(), 6_999_999_999L),
            clock.now());
    overlay.addUser(user);
    record("user.created", user.id(), 0, null, List.of(), payloads.userCreated(user));
    return user;
  }

  // ---------------------------------------------------------------- mixes

  /**
   * Applies a deterministic mix of changes touching about {@code fraction} of the account's
   * meetings and users: updated meetings (40%), new ended instances (30%), later summaries (10%),
   * new meetings (10%), deleted meetings (5%), renamed webinars (5%), and of the users about half
   * the fraction deactivated, a quarter deleted and a quarter created. At least one updated
   * meeting, new instance, new summary, deleted meeting and deactivated user each, when the account
   * has candidates. The same account, clock and arguments give the same changes.
   *
   * @param fraction between 0 (exclusive) and 0.5
   * @param seed the seed of the choices
   * @throws IllegalArgumentException when {@code fraction} is out of range
   */
  public synchronized ChangeSet changeFraction(double fraction, long seed) {
    if (!(fraction > 0 && fraction <= 0.5)) {
      throw new IllegalArgumentException("The change fraction must be above 0 and at most 0.5.");
    }
    SplittableRandom r = new SplittableRandom(seed);
    long firstSequence = changeLog().size();
    int users = account.baseUserCount();
    int perUser = account.settingsMeetingsPerUser();
    int meetingChanges = (int) Math.max(1, Math.round(fraction * users * Math.max(1, perUser)));
    int updates = atLeastOne(meetingChanges * 0.4);
    int instances = atLeastOne(meetingChanges * 0.3);
    int summaries = atLeastOne(meetingChanges * 0.1);
    int creations = atLeastOne(meetingChanges * 0.1);
    int deletions = atLeastOne(meetingChanges * 0.05);
    int webinarUpdates = (int) Math.round(meetingChanges * 0.05);
    int deactivations = atLeastOne(fraction * users * 0.5);
    int userDeletions = (int) Math.round(fraction * users * 0.25);
    int userCreations = (int) Math.round(fraction * users * 0.25);

    Set<Long> touched = new HashSet<>();
    List<Long> updated = new ArrayList<>();
    for (int i = 0; i < updates; i++) {
      pickMeeting(r, touched, false)
          .ifPresent(
              m -> {
                updateMeeting(
                    m.id(),
                    MeetingChanges.none()
                        .withTopic(m.topic() + " (rev " + (1 + r.nextInt(9)) + ")")
                        .withAgenda(
                            CorpusContent.agenda(
                                r,
                                CorpusContent.subject(
                                    account.seed(), false, m.hostIndex(), m.slot()))));
                updated.add(m.id());
              });
    }
    List<String> newInstances = new ArrayList<>();
    Instant now = clock.now();
    for (int i = 0; i < instances; i++) {
      pickMeeting(r, touched, true)
          .ifPresent(
              m -> {
                Duration length = Duration.ofMinutes(20 + r.nextInt(50));
                Instant start = now.minus(length).minus(Duration.ofMinutes(5 + r.nextInt(600)));
                SimInstance added =
                    addInstance(
                        m.id(),
                        new NewInstance(
                            start.truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                            length,
                            3 + r.nextInt(6),
                            r.nextBoolean(),
                            r.nextDouble() < 0.4));
                newInstances.add(added.uuid());
              });
    }
    List<String> newSummaries = new ArrayList<>();
    for (int i = 0; i < summaries; i++) {
      pickInstanceWithoutSummary(r, touched)
          .ifPresent(uuid -> newSummaries.add(addSummary(uuid).uuid()));
    }
    List<Long> created = new ArrayList<>();
    for (int i = 0; i < creations; i++) {
      pickHost(r)
          .ifPresent(
              host -> {
                CorpusMeeting subject =
                    CorpusContent.corpus().get(r.nextInt(CorpusContent.corpus().size()));
                created.add(
                    createMeeting(
                            host.id(),
                            subject.topic(),
                            CorpusContent.agenda(r, subject),
                            now.plus(Duration.ofDays(1 + r.nextInt(20)))
                                .truncatedTo(java.time.temporal.ChronoUnit.HOURS),
                            30)
                        .id());
              });
    }
    List<Long> deleted = new ArrayList<>();
    for (int i = 0; i < deletions; i++) {
      pickMeeting(r, touched, false)
          .ifPresent(
              m -> {
                deleteMeeting(m.id());
                deleted.add(m.id());
              });
    }
    List<Long> webinars = new ArrayList<>();
    for (int i = 0; i < webinarUpdates; i++) {
      pickWebinar(r, touched)
          .ifPresent(w -> webinars.add(updateWebinar(w.id(), w.topic() + " (updated)", null).id()));
    }
    Set<Integer> touchedUsers = new HashSet<>();
    List<String> deactivated = new ArrayList<>();
    for (int i = 0; i < deactivations; i++) {
      pickActiveUser(r, touchedUsers).ifPresent(u -> deactivated.add(deactivateUser(u.id()).id()));
    }
    // A deleted host would take the meetings changed above with them; keep those hosts.
    Set<Integer> keep = new HashSet<>(touchedUsers);
    for (ChangeEvent change : changesSince(firstSequence)) {
      if (change.userId() != null) {
        account.userByIdOrEmail(change.userId()).ifPresent(u -> keep.add(u.index()));
      }
    }
    List<String> deletedUsers = new ArrayList<>();
    for (int i = 0; i < userDeletions; i++) {
      pickActiveUser(r, keep)
          .ifPresent(
              u -> {
                deleteUser(u.id());
                deletedUsers.add(u.id());
              });
    }
    List<String> createdUsers = new ArrayList<>();
    for (int i = 0; i < userCreations; i++) {
      createdUsers.add(
          createUser(
                  Vocabulary.pick(r, Vocabulary.FIRST_NAMES),
                  Vocabulary.pick(r, Vocabulary.LAST_NAMES),
                  2)
              .id());
    }
    return new ChangeSet(
        updated,
        created,
        deleted,
        newInstances,
        newSummaries,
        webinars,
        deactivated,
        deletedUsers,
        createdUsers,
        changesSince(firstSequence));
  }

  private static int atLeastOne(double amount) {
    return (int) Math.max(1, Math.round(amount));
  }

  private static final int TRIES = 200;

  private Optional<SimUser> pickHost(SplittableRandom r) {
    for (int t = 0; t < TRIES; t++) {
      int index = 1 + r.nextInt(Math.max(1, account.baseUserCount() - 1));
      if (account.userExists(index)) {
        SimUser user = account.user(index);
        if (user.status() == SimUserStatus.ACTIVE) {
          return Optional.of(user);
        }
      }
    }
    return Optional.empty();
  }

  private Optional<SimUser> pickActiveUser(SplittableRandom r, Set<Integer> touched) {
    for (int t = 0; t < TRIES; t++) {
      Optional<SimUser> user = pickHost(r);
      if (user.isPresent() && touched.add(user.get().index())) {
        return user;
      }
    }
    return Optional.empty();
  }

  /** A listed, not yet touched meeting; recurring with room for instances when asked. */
  private Optional<SimMeeting> pickMeeting(
      SplittableRandom r, Set<Long> touched, boolean recurring) {
    int perUser = account.settingsMeetingsPerUser();
    if (perUser == 0) {
      return Optional.empty();
    }
    for (int t = 0; t < TRIES; t++) {
      Optional<SimUser> host = pickHost(r);
      if (host.isEmpty()) {
        return Optional.empty();
      }
      SimMeeting meeting = account.meeting(host.get().index(), r.nextInt(perUser));
      boolean fits =
          meeting.listed()
              && account.meeting(meeting.id()).isPresent()
              && (!recurring || (meeting.type() != 2 && meeting.instanceCount() < 8000));
      if (fits && touched.add(meeting.id())) {
        return Optional.of(meeting);
      }
    }
    return Optional.empty();
  }

  private Optional<String> pickInstanceWithoutSummary(SplittableRandom r, Set<Long> touched) {
    Instant yearAgo = clock.now().minus(Duration.ofDays(300));
    for (int t = 0; t < TRIES; t++) {
      Optional<SimMeeting> meeting = pickMeeting(r, touched, false);
      if (meeting.isEmpty()) {
        return Optional.empty();
      }
      Optional<SimInstance> candidate =
          account.instancesOf(meeting.get()).stream()
              .limit(5)
              .filter(i -> !i.hasSummary() && i.startTime().isAfter(yearAgo))
              .findFirst();
      if (candidate.isPresent()) {
        return Optional.of(candidate.get().uuid());
      }
    }
    return Optional.empty();
  }

  private Optional<SimWebinar> pickWebinar(SplittableRandom r, Set<Long> touched) {
    for (int t = 0; t < TRIES; t++) {
      Optional<SimUser> host = pickHost(r);
      if (host.isEmpty()) {
        return Optional.empty();
      }
      Optional<SimWebinar> webinar =
          account.webinarsOf(host.get()).stream()
              .filter(w -> !touched.contains(w.id()))
              .findFirst();
      if (webinar.isPresent()) {
        touched.add(webinar.get().id());
        return webinar;
      }
    }
    return Optional.empty();
  }
}
