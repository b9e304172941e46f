package io.zoomdex.simulator;

import io.zoomdex.simulator.corpus.CorpusMeeting;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The generated Zoom account, readable in-process as ground truth. Nothing is stored: every user,
 * meeting, instance and participant is derived from the seed when asked for, so a 10,000-user
 * account costs no memory. Lookups by id decode the indices from the id ({@link IdCodec}).
 *
 * <p>An {@link AccountOverlay} of mutations (created, changed or deleted users, meetings,
 * instances, summaries and webinars; see {@link Mutations}) sits on top of the derived values:
 * every accessor goes through one method per entity kind, which applies it.
 */
public final class SimulatedAccount {
  static final String DOMAIN = "acme-corp.example";
  static final int FIRST_INSTANT_SLOT = 800;
  private static final int MAX_INSTANCES = 8000;

  private final SimulatorSettings settings;
  private final long seed;
  private final IdCodec ids;
  private final Instant anchor;
  private final InstanceContent content;
  private final AccountOverlay overlay = new AccountOverlay();

  SimulatedAccount(SimulatorSettings settings, Instant anchor) {
    this.settings = settings;
    this.seed = settings.seed();
    this.ids = new IdCodec(seed, settings.users() + AccountOverlay.MAX_CREATED_USERS);
    this.anchor = anchor.truncatedTo(ChronoUnit.DAYS);
    this.content = new InstanceContent(this, seed);
  }

  IdCodec ids() {
    return ids;
  }

  AccountOverlay overlay() {
    return overlay;
  }

  /** The day (00:00 UTC) all generated times are relative to. */
  public Instant anchor() {
    return anchor;
  }

  /** The account id. */
  public String accountId() {
    return "acct" + ids.userId(0).substring(4, 22);
  }

  // ---------------------------------------------------------------- users

  /** Number of existing users, pending and created ones included, deleted ones not. */
  public int userCount() {
    return indexLimit() - overlay.deletedUsers().size();
  }

  long seed() {
    return seed;
  }

  int settingsMeetingsPerUser() {
    return settings.meetingsPerUser();
  }

  /** The generated users' count; derived data picks people among these only, so it is stable. */
  int baseUserCount() {
    return settings.users();
  }

  /** One past the highest user index in use (created users follow the generated ones). */
  int indexLimit() {
    return settings.users() + overlay.createdUserCount();
  }

  /** Whether user {@code index} exists now (it was generated or created, and not deleted). */
  public boolean userExists(int index) {
    return index >= 0 && index < indexLimit() && !overlay.userDeleted(index);
  }

  /** All existing users in index order, derived lazily (deleted users are skipped). */
  public List<SimUser> users() {
    return new AbstractList<>() {
      @Override
      public SimUser get(int position) {
        int index = position;
        for (int deleted : overlay.deletedUsers()) {
          if (deleted > index) {
            break;
          }
          index++;
        }
        return user(index);
      }

      @Override
      public int size() {
        return userCount();
      }
    };
  }

  /**
   * User {@code index} (0-based); user 0 is always an active, webinar-licensed owner. A deleted
   * user is still returned here (past participant rows keep naming them): check {@link
   * #userExists(int)}.
   */
  public SimUser user(int index) {
    if (index >= settings.users() && index < indexLimit()) {
      SimUser created = overlay.createdUser(index).orElseThrow();
      return renamed(overlay.statusOverride(index).map(created::withStatus).orElse(created));
    }
    if (index < 0 || index >= settings.users()) {
      throw new IndexOutOfBoundsException("No user " + index + ".");
    }
    SimUser derived = derivedUser(index);
    return renamed(overlay.statusOverride(index).map(derived::withStatus).orElse(derived));
  }

  /** The user with the email an email change gave them, if any. */
  private SimUser renamed(SimUser user) {
    return overlay.emailOverride(user.index()).map(user::withEmailWord).orElse(user);
  }

  private SimUser derivedUser(int index) {
    SplittableRandom r = Hashes.random(seed, 10, index);
    String first = Vocabulary.pick(r, Vocabulary.FIRST_NAMES);
    String last = Vocabulary.pick(r, Vocabulary.LAST_NAMES);
    double roll = r.nextDouble();
    SimUserStatus status =
        index == 0
            ? SimUserStatus.ACTIVE
            : roll < 0.08
                ? SimUserStatus.INACTIVE
                : roll < 0.13 ? SimUserStatus.PENDING : SimUserStatus.ACTIVE;
    int type = status == SimUserStatus.PENDING || r.nextDouble() < 0.15 ? 1 : 2;
    if (index == 0) {
      type = 2;
    }
    boolean webinar = index == 0 || (type == 2 && r.nextDouble() < 0.3);
    String email = (first + "." + last + index + "@" + DOMAIN).toLowerCase(Locale.ROOT);
    return new SimUser(
        index,
        status == SimUserStatus.PENDING ? null : ids.userId(index),
        email,
        first,
        last,
        status,
        type,
        webinar,
        Vocabulary.pick(r, Vocabulary.DEPARTMENTS),
        Vocabulary.pick(r, Vocabulary.TIMEZONES),
        3_000_000_000L + Math.floorMod(Hashes.of(seed, 12, index), 6_999_999_999L),
        anchor.minus(Duration.ofDays(500 + r.nextInt(1500))).plusSeconds(r.nextInt(86_400)));
  }

  /** The user with this Zoom id or (case-insensitive) email; pending users only by email. */
  public Optional<SimUser> userByIdOrEmail(String idOrEmail) {
    if (idOrEmail == null) {
      return Optional.empty();
    }
    int at = idOrEmail.indexOf('@');
    if (at < 0) {
      return ids.userIndexOfId(idOrEmail)
          .filter(this::userExists)
          .map(this::user)
          .filter(u -> u.id() != null);
    }
    int digits = at;
    while (digits > 0 && Character.isDigit(idOrEmail.charAt(digits - 1))) {
      digits--;
    }
    if (digits == at || at - digits > 7) {
      return Optional.empty();
    }
    int index = Integer.parseInt(idOrEmail.substring(digits, at));
    if (!userExists(index)) {
      return Optional.empty();
    }
    SimUser user = user(index);
    return user.email().equalsIgnoreCase(idOrEmail) ? Optional.of(user) : Optional.empty();
  }

  // ---------------------------------------------------------------- meetings

  /**
   * Every meeting the user hosts: scheduled and recurring ones (listed unless expired), then
   * instant ones (never listed, found through recordings). Empty for pending users.
   */
  public List<SimMeeting> meetingsOf(SimUser host) {
    return meetingsOf(host, false);
  }

  /**
   * The user's meetings; with {@code includeDeleted} also the deleted ones, whose past instances
   * and cloud recordings outlive them.
   */
  List<SimMeeting> meetingsOf(SimUser host, boolean includeDeleted) {
    List<SimMeeting> meetings = new ArrayList<>();
    if (!userExists(host.index()) || !host.hosts()) {
      return meetings;
    }
    boolean generated = host.index() < settings.users();
    for (int slot = 0; generated && slot < settings.meetingsPerUser(); slot++) {
      meetings.add(meeting(host.index(), slot));
    }
    meetings.addAll(
        overlay.createdMeetings(host.index()).keySet().stream()
            .map(slot -> meeting(host.index(), slot))
            .toList());
    int instants = generated ? instantCount(host.index()) : 0;
    for (int i = 0; i < instants; i++) {
      meetings.add(meeting(host.index(), FIRST_INSTANT_SLOT + i));
    }
    if (!includeDeleted) {
      meetings.removeIf(m -> overlay.meetingDeleted(m.id()));
    }
    return meetings;
  }

  private int instantCount(int host) {
    return host == 0 ? 1 : Math.floorMod(Hashes.of(seed, 21, host), 3);
  }

  /** The meeting with this numeric id, if it exists (deleted meetings do not). */
  public Optional<SimMeeting> meeting(long meetingId) {
    return ids.meetingKey(meetingId)
        .filter(k -> !k.webinar())
        .filter(k -> meetingRecordExists(k.hostIndex(), k.slot()))
        .filter(k -> !overlay.meetingDeleted(meetingId))
        .map(k -> meeting(k.hostIndex(), k.slot()));
  }

  /** Whether the meeting exists or existed: its past instances outlive its deletion. */
  private boolean meetingRecordExists(int host, int slot) {
    if (!userExists(host) || !user(host).hosts()) {
      return false;
    }
    if (overlay.isCreatedMeeting(host, slot)) {
      return true;
    }
    if (host >= settings.users()) {
      return false;
    }
    if (slot < FIRST_INSTANT_SLOT) {
      return slot < settings.meetingsPerUser();
    }
    return slot - FIRST_INSTANT_SLOT < instantCount(host);
  }

  /**
   * The meeting in slot {@code slot} of {@code host} as it is now: created or edited through the
   * overlay, or derived; its instance count includes added instances.
   */
  SimMeeting meeting(int host, int slot) {
    long id = ids.meetingNumber(false, host, slot);
    int added = overlay.addedInstances(id).size();
    SimMeeting current =
        overlay
            .editedMeeting(id)
            .or(() -> Optional.ofNullable(overlay.createdMeetings(host).get(slot)))
            .orElseGet(() -> derivedMeeting(host, slot));
    return current.withInstanceCount(baseInstanceCount(host, slot) + added);
  }

  /** Instances the seed generates for the meeting (added ones not counted). */
  private int baseInstanceCount(int host, int slot) {
    return overlay.isCreatedMeeting(host, slot) ? 0 : derivedMeeting(host, slot).instanceCount();
  }

  private SimMeeting derivedMeeting(int host, int slot) {
    SimUser hostUser = user(host);
    SplittableRandom r = Hashes.random(seed, 20, host, slot);
    long id = ids.meetingNumber(false, host, slot);
    if (slot >= FIRST_INSTANT_SLOT) {
      int daysAgo = 1 + r.nextInt(450);
      Instant start = anchor.minus(Duration.ofDays(daysAgo)).plusSeconds(r.nextInt(80_000));
      return new SimMeeting(
          id,
          host,
          slot,
          1,
          hostUser.displayName() + "'s Zoom Meeting",
          "",
          start,
          30 + r.nextInt(60),
          hostUser.timezone(),
          start,
          List.of(),
          List.of(),
          null,
          false,
          1);
    }
    double kind = r.nextDouble();
    int type = host == 0 && slot == 0 ? 8 : kind < 0.35 ? 8 : kind < 0.5 ? 3 : 2;
    CorpusMeeting subject = CorpusContent.subject(seed, false, host, slot);
    String topic = type != 2 ? CorpusContent.seriesTopic(r, subject) : subject.topic();
    String agenda = CorpusContent.agenda(r, subject);
    int duration = 15 * (2 + r.nextInt(4));
    int secondOfDay = 3600 * (7 + r.nextInt(10)) + 1800 * r.nextInt(2);
    Instant start;
    int instances;
    boolean listed = true;
    Instant created;
    if (type == 2) {
      double when = r.nextDouble();
      if (when < 0.4) {
        start = anchor.plus(Duration.ofDays(1 + r.nextInt(60))).plusSeconds(secondOfDay);
        instances = 0;
      } else if (when < 0.8) {
        start = anchor.minus(Duration.ofDays(1 + r.nextInt(25))).plusSeconds(secondOfDay);
        instances = 1;
      } else {
        start = anchor.minus(Duration.ofDays(31 + r.nextInt(400))).plusSeconds(secondOfDay);
        instances = 1;
        listed = false;
      }
      created = start.minus(Duration.ofDays(1 + r.nextInt(20)));
    } else {
      int mean = settings.instancesPerMeeting();
      instances = mean == 0 ? 0 : Math.max(1, mean / 2 + r.nextInt(mean + 1));
      if (host == 0 && slot == 0) {
        instances = Math.max(instances, 3);
      }
      instances = Math.min(instances, MAX_INSTANCES);
      start =
          type == 3
              ? null
              : anchor.plus(Duration.ofDays(1 + r.nextInt(7))).plusSeconds(secondOfDay);
      created = anchor.minus(Duration.ofDays(470 + r.nextInt(100)));
    }
    List<String> altHosts = new ArrayList<>();
    int altCount = host == 0 && slot == 0 ? 2 : r.nextInt(3);
    Set<Integer> chosen = new HashSet<>();
    for (int tries = 0; chosen.size() < altCount && tries < 4 * altCount; tries++) {
      SimUser alt = user(r.nextInt(settings.users()));
      if (alt.hosts() && alt.index() != host && chosen.add(alt.index())) {
        // Zoom accepts and returns both forms; the first one is always an email.
        altHosts.add(chosen.size() == 1 || r.nextBoolean() ? alt.email() : alt.id());
      }
    }
    List<SimInvitee> invitees = new ArrayList<>();
    int inviteeCount = r.nextInt(5);
    for (int i = 0; i < inviteeCount; i++) {
      if (r.nextDouble() < 0.7) {
        invitees.add(new SimInvitee(user(r.nextInt(settings.users())).email(), true));
      } else {
        invitees.add(new SimInvitee(externalEmail(r), false));
      }
    }
    double who = r.nextDouble();
    Integer whoWillReceive = who < 0.2 ? null : 1 + r.nextInt(4);
    return new SimMeeting(
        id,
        host,
        slot,
        type,
        topic,
        agenda,
        start,
        duration,
        hostUser.timezone(),
        created,
        altHosts,
        invitees,
        whoWillReceive,
        listed,
        instances);
  }

  static String externalEmail(SplittableRandom r) {
    return (Vocabulary.pick(r, Vocabulary.FIRST_NAMES)
            + "."
            + Vocabulary.pick(r, Vocabulary.LAST_NAMES)
            + "@"
            + Vocabulary.pick(r, Vocabulary.EXTERNAL_DOMAINS))
        .toLowerCase(Locale.ROOT);
  }

  // ---------------------------------------------------------------- webinars

  /** The user's webinars; empty for users without a webinar licence. */
  public List<SimWebinar> webinarsOf(SimUser host) {
    return webinarsOf(host, false);
  }

  /**
   * The user's webinars; with {@code includeDeleted} also the deleted ones, whose cloud recordings
   * outlive them.
   */
  List<SimWebinar> webinarsOf(SimUser host, boolean includeDeleted) {
    List<SimWebinar> webinars = new ArrayList<>();
    if (!webinarHostExists(host.index())) {
      return webinars;
    }
    for (int slot = 0; slot < settings.webinarsPerUser(); slot++) {
      SimWebinar webinar = webinar(host.index(), slot);
      if (includeDeleted || !overlay.webinarDeleted(webinar.id())) {
        webinars.add(webinar);
      }
    }
    return webinars;
  }

  private boolean webinarHostExists(int host) {
    return host < settings.users()
        && userExists(host)
        && user(host).hosts()
        && user(host).webinarLicence();
  }

  /** The webinar with this numeric id, if it exists (deleted webinars do not). */
  public Optional<SimWebinar> webinar(long webinarId) {
    return ids.meetingKey(webinarId)
        .filter(IdCodec.MeetingKey::webinar)
        .filter(k -> k.slot() < settings.webinarsPerUser())
        .filter(k -> webinarHostExists(k.hostIndex()))
        .filter(k -> !overlay.webinarDeleted(webinarId))
        .map(k -> webinar(k.hostIndex(), k.slot()));
  }

  /** The webinar as it is now (edited through the overlay, or derived). */
  SimWebinar webinar(int host, int slot) {
    return overlay
        .editedWebinar(ids.meetingNumber(true, host, slot))
        .orElseGet(() -> derivedWebinar(host, slot));
  }

  private SimWebinar derivedWebinar(int host, int slot) {
    SimUser hostUser = user(host);
    SplittableRandom r = Hashes.random(seed, 30, host, slot);
    Vocabulary.Webinar webinarSubject = Vocabulary.pick(r, Vocabulary.WEBINARS);
    int type = r.nextDouble() < 0.7 ? 5 : 9;
    int instances = type == 5 ? (r.nextBoolean() ? 1 : 0) : 2 + r.nextInt(3);
    int secondOfDay = 3600 * (8 + r.nextInt(8));
    Instant start = anchor.plus(Duration.ofDays(3 + r.nextInt(40))).plusSeconds(secondOfDay);
    List<String> altHosts = new ArrayList<>();
    int altCount = r.nextInt(3);
    for (int tries = 0; altHosts.size() < altCount && tries < 4 * altCount; tries++) {
      SimUser alt = user(r.nextInt(settings.users()));
      if (alt.hosts() && alt.index() != host && !altHosts.contains(alt.email())) {
        altHosts.add(alt.email());
      }
    }
    List<SimPanelist> panelists = new ArrayList<>();
    int panelistCount = 1 + r.nextInt(4);
    for (int i = 0; i < panelistCount; i++) {
      String panelistId = ids.userId(0).substring(0, 4) + Long.toHexString(r.nextLong());
      if (r.nextDouble() < 0.6) {
        SimUser internal = user(r.nextInt(settings.users()));
        panelists.add(new SimPanelist(panelistId, internal.displayName(), internal.email()));
      } else {
        String email = externalEmail(r);
        panelists.add(new SimPanelist(panelistId, nameFromEmail(email), email));
      }
    }
    return new SimWebinar(
        ids.meetingNumber(true, host, slot),
        host,
        slot,
        type,
        webinarSubject.topic(),
        webinarSubject.agenda(),
        start,
        60,
        hostUser.timezone(),
        anchor.minus(Duration.ofDays(420 + r.nextInt(30))),
        altHosts,
        panelists,
        instances);
  }

  static String nameFromEmail(String email) {
    String local = email.substring(0, email.indexOf('@'));
    StringBuilder name = new StringBuilder();
    for (String part : local.split("\\.", -1)) {
      if (!part.isEmpty()) {
        if (name.length() > 0) {
          name.append(' ');
        }
        name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return name.toString();
  }

  // ---------------------------------------------------------------- instances

  /**
   * Every past instance of the meeting, newest first (including ones too old for Zoom): added
   * instances, latest first, then the generated ones.
   */
  public List<SimInstance> instancesOf(SimMeeting meeting) {
    List<SimInstance> instances = new ArrayList<>(meeting.instanceCount());
    List<SimInstance> added = overlay.addedInstances(meeting.id());
    for (int i = added.size() - 1; i >= 0; i--) {
      instances.add(withLaterSummary(added.get(i)));
    }
    int base = baseInstanceCount(meeting.hostIndex(), meeting.slot());
    for (int n = 0; n < base; n++) {
      instances.add(
          instance(new IdCodec.InstanceKey(false, meeting.hostIndex(), meeting.slot(), n)));
    }
    return instances;
  }

  /** The share of webinar instances with a cloud recording (and so a transcript). */
  private static final double WEBINAR_RECORDED = 0.3;

  /** Every past instance of the webinar, newest first. */
  public List<SimInstance> instancesOf(SimWebinar webinar) {
    List<SimInstance> instances = new ArrayList<>(webinar.instanceCount());
    for (int n = 0; n < webinar.instanceCount(); n++) {
      instances.add(
          instance(new IdCodec.InstanceKey(true, webinar.hostIndex(), webinar.slot(), n)));
    }
    return instances;
  }

  /** The instance with this UUID (exactly as Zoom returns it), if it exists. */
  public Optional<SimInstance> instance(String uuid) {
    return ids.instanceKey(uuid).filter(this::instanceExists).map(this::instance);
  }

  private boolean instanceExists(IdCodec.InstanceKey key) {
    if (key.webinar()) {
      return key.slot() < settings.webinarsPerUser()
          && webinarHostExists(key.hostIndex())
          && key.number() < webinar(key.hostIndex(), key.slot()).instanceCount();
    }
    return meetingRecordExists(key.hostIndex(), key.slot())
        && key.number() < meeting(key.hostIndex(), key.slot()).instanceCount();
  }

  /** The instance as it is now: added through the overlay, or derived; with later summaries. */
  SimInstance instance(IdCodec.InstanceKey key) {
    if (!key.webinar()) {
      int base = baseInstanceCount(key.hostIndex(), key.slot());
      if (key.number() >= base) {
        long id = ids.meetingNumber(false, key.hostIndex(), key.slot());
        return withLaterSummary(overlay.addedInstances(id).get(key.number() - base));
      }
    }
    return withLaterSummary(derivedInstance(key));
  }

  private SimInstance withLaterSummary(SimInstance instance) {
    return overlay.summaryAddedLater(instance.uuid()) ? instance.withSummary() : instance;
  }

  private SimInstance derivedInstance(IdCodec.InstanceKey key) {
    SplittableRandom r =
        Hashes.random(seed, 40, key.webinar() ? 1 : 0, key.hostIndex(), key.slot(), key.number());
    Instant start;
    int plannedMinutes;
    long meetingId;
    boolean instant = false;
    if (key.webinar()) {
      SimWebinar webinar = derivedWebinar(key.hostIndex(), key.slot());
      meetingId = webinar.id();
      plannedMinutes = webinar.durationMinutes();
      long spacingDays = 400L / Math.max(1, webinar.instanceCount());
      start =
          anchor
              .minus(Duration.ofDays(2 + spacingDays * key.number() + r.nextInt(3)))
              .plusSeconds(3600L * (9 + r.nextInt(8)));
    } else {
      SimMeeting meeting = derivedMeeting(key.hostIndex(), key.slot());
      meetingId = meeting.id();
      plannedMinutes = meeting.durationMinutes();
      instant = meeting.type() == 1;
      if (meeting.type() == 1 || meeting.type() == 2) {
        start = meeting.startTime();
      } else {
        // Recurring: spread over the last ~15 months, newest yesterday; some are too old.
        long spacingMinutes = 455L * 24 * 60 / Math.max(1, meeting.instanceCount());
        start =
            anchor
                .minus(Duration.ofDays(1))
                .minus(Duration.ofMinutes(spacingMinutes * key.number()))
                .plusSeconds(3600L * (8 + r.nextInt(9)))
                .truncatedTo(ChronoUnit.MINUTES);
      }
    }
    Instant end = start.plus(Duration.ofMinutes(Math.max(5, plannedMinutes - 10 + r.nextInt(20))));
    int mean = settings.participantsPerInstance();
    int participants = Math.max(2, mean / 2 + r.nextInt(mean + 1));
    boolean hasSummary = !key.webinar() && r.nextDouble() < 0.35;
    boolean restricted = hasSummary && r.nextDouble() < 0.1;
    // A webinar's draw comes last: adding it left every other field as it was.
    boolean recorded =
        key.webinar() ? r.nextDouble() < WEBINAR_RECORDED : instant || r.nextDouble() < 0.3;
    if (!key.webinar() && key.hostIndex() == 0 && key.slot() == 0 && key.number() == 0) {
      hasSummary = true;
      restricted = false;
      recorded = true;
    }
    return new SimInstance(
        ids.instanceUuid(key),
        meetingId,
        key.webinar(),
        key.hostIndex(),
        key.slot(),
        key.number(),
        start,
        end,
        participants,
        hasSummary,
        restricted,
        recorded);
  }

  // ---------------------------------------------------------------- instance content

  /** Participant rows of the instance, rejoins included, in join order. */
  public List<SimParticipant> participants(SimInstance instance) {
    return content.participants(instance);
  }

  /** Q&A questions of the instance (often none). */
  public List<SimQuestion> questions(SimInstance instance) {
    return content.questions(instance);
  }

  /** The AI Companion summary, present exactly when {@code has_meeting_summary} is true. */
  public Optional<SimSummary> summary(SimInstance instance) {
    return instance.hasSummary() ? Optional.of(content.summary(instance)) : Optional.empty();
  }

  /** The cloud recording files of the instance; empty when it was not recorded. */
  public List<SimRecordingFile> recordingFiles(SimInstance instance) {
    return instance.recorded() ? content.recordingFiles(instance) : List.of();
  }

  /** The WebVTT transcript of a recorded instance. */
  public String transcriptVtt(SimInstance instance) {
    return content.transcriptVtt(instance);
  }

  /** The topic of the meeting or webinar the instance belongs to. */
  public String topicOf(SimInstance instance) {
    return instance.webinar()
        ? webinar(instance.hostIndex(), instance.slot()).topic()
        : meeting(instance.hostIndex(), instance.slot()).topic();
  }

  /** The type of the meeting or webinar the instance belongs to. */
  public int typeOf(SimInstance instance) {
    return instance.webinar()
        ? webinar(instance.hostIndex(), instance.slot()).type()
        : meeting(instance.hostIndex(), instance.slot()).type();
  }
}
