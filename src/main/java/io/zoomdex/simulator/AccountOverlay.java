package io.zoomdex.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The changes applied on top of the derived account, kept in memory. Its size grows with the number
 * of changes, never with the account: only what was created, edited or deleted is stored. Reads may
 * run on server threads while a test mutates, so every collection is concurrent and {@link
 * #version()} moves after each change (caches of derived counts key on it).
 */
final class AccountOverlay {
  /** Created meetings take slots from here up (after the instant meetings' 800..802). */
  static final int FIRST_CREATED_MEETING_SLOT = 900;

  static final int MAX_CREATED_USERS = 4096;

  private final NavigableMap<Integer, SimUser> createdUsers = new ConcurrentSkipListMap<>();
  private final Map<Integer, SimUserStatus> statusOverrides = new ConcurrentHashMap<>();
  private final Map<Integer, String> emailOverrides = new ConcurrentHashMap<>();
  private final NavigableSet<Integer> deletedUsers = new ConcurrentSkipListSet<>();
  private final Map<Integer, NavigableMap<Integer, SimMeeting>> createdMeetings =
      new ConcurrentHashMap<>();
  private final Map<Long, SimMeeting> editedMeetings = new ConcurrentHashMap<>();
  private final Set<Long> deletedMeetings = ConcurrentHashMap.newKeySet();
  private final Map<Long, List<SimInstance>> addedInstances = new ConcurrentHashMap<>();
  private final Set<String> laterSummaries = ConcurrentHashMap.newKeySet();
  private final Map<String, ScriptedContent> scripted = new ConcurrentHashMap<>();
  private final Map<Long, SimWebinar> editedWebinars = new ConcurrentHashMap<>();
  private final Set<Long> deletedWebinars = ConcurrentHashMap.newKeySet();
  private final AtomicLong version = new AtomicLong();

  long version() {
    return version.get();
  }

  private void changed() {
    version.incrementAndGet();
  }

  // ---- users

  Optional<SimUser> createdUser(int index) {
    return Optional.ofNullable(createdUsers.get(index));
  }

  int createdUserCount() {
    return createdUsers.size();
  }

  void addUser(SimUser user) {
    createdUsers.put(user.index(), user);
    changed();
  }

  Optional<SimUserStatus> statusOverride(int index) {
    return Optional.ofNullable(statusOverrides.get(index));
  }

  void setStatus(int index, SimUserStatus status) {
    statusOverrides.put(index, status);
    changed();
  }

  /** The word an email change put in the user's email (see {@link SimUser#withEmailWord}). */
  Optional<String> emailOverride(int index) {
    return Optional.ofNullable(emailOverrides.get(index));
  }

  void setEmailWord(int index, String word) {
    emailOverrides.put(index, word);
    changed();
  }

  boolean userDeleted(int index) {
    return deletedUsers.contains(index);
  }

  /** Deleted user indices in ascending order. */
  NavigableSet<Integer> deletedUsers() {
    return deletedUsers;
  }

  void deleteUser(int index) {
    deletedUsers.add(index);
    changed();
  }

  // ---- meetings

  /** The meetings created for this host, by slot. */
  NavigableMap<Integer, SimMeeting> createdMeetings(int host) {
    return createdMeetings.getOrDefault(host, new ConcurrentSkipListMap<>());
  }

  synchronized void putCreatedMeeting(SimMeeting meeting) {
    createdMeetings
        .computeIfAbsent(meeting.hostIndex(), h -> new ConcurrentSkipListMap<>())
        .put(meeting.slot(), meeting);
    changed();
  }

  boolean isCreatedMeeting(int host, int slot) {
    return slot >= FIRST_CREATED_MEETING_SLOT && createdMeetings(host).containsKey(slot);
  }

  Optional<SimMeeting> editedMeeting(long id) {
    return Optional.ofNullable(editedMeetings.get(id));
  }

  void putEditedMeeting(SimMeeting meeting) {
    editedMeetings.put(meeting.id(), meeting);
    changed();
  }

  boolean meetingDeleted(long id) {
    return deletedMeetings.contains(id);
  }

  void deleteMeeting(long id) {
    deletedMeetings.add(id);
    changed();
  }

  // ---- instances

  /** Instances added to the meeting, oldest first (their numbers ascend). */
  List<SimInstance> addedInstances(long meetingId) {
    return addedInstances.getOrDefault(meetingId, List.of());
  }

  synchronized void addInstance(SimInstance instance) {
    List<SimInstance> list = new ArrayList<>(addedInstances(instance.meetingId()));
    list.add(instance);
    addedInstances.put(instance.meetingId(), List.copyOf(list));
    changed();
  }

  boolean summaryAddedLater(String uuid) {
    return laterSummaries.contains(uuid);
  }

  void addSummary(String uuid) {
    laterSummaries.add(uuid);
    changed();
  }

  /** The given content of the instance with this UUID, when it was added with one. */
  Optional<ScriptedContent> scripted(String uuid) {
    return scripted.isEmpty() ? Optional.empty() : Optional.ofNullable(scripted.get(uuid));
  }

  void putScripted(String uuid, ScriptedContent content) {
    scripted.put(uuid, content);
    changed();
  }

  // ---- webinars

  Optional<SimWebinar> editedWebinar(long id) {
    return Optional.ofNullable(editedWebinars.get(id));
  }

  void putEditedWebinar(SimWebinar webinar) {
    editedWebinars.put(webinar.id(), webinar);
    changed();
  }

  boolean webinarDeleted(long id) {
    return deletedWebinars.contains(id);
  }

  void deleteWebinar(long id) {
    deletedWebinars.add(id);
    changed();
  }
}
