package io.zoomdex.bench;

import io.zoomdex.simulator.Endpoint;
import io.zoomdex.simulator.RateLabel;
import io.zoomdex.simulator.SimInstance;
import io.zoomdex.simulator.SimMeeting;
import io.zoomdex.simulator.SimRecordingFile;
import io.zoomdex.simulator.SimUser;
import io.zoomdex.simulator.SimUserStatus;
import io.zoomdex.simulator.SimWebinar;
import io.zoomdex.simulator.SimulatedAccount;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fewest API calls that the shape of Zoom's API allows for reading what a full zoomdex crawl
 * reads, computed from the simulator's ground truth; and the calls of Elastic's Zoom connector
 * algorithm (peer-connectors.md §2.12) on the same account.
 *
 * <p>The bound, per operation:
 *
 * <ul>
 *   <li>{@code users}: one listing per status (active, inactive, pending: Zoom lists one status at
 *       a time), ⌈n/2000⌉ pages each, at least one;
 *   <li>{@code meetings}, {@code webinars}: per user with an id, ⌈n/300⌉ pages, at least one (a
 *       user without a webinar licence still costs the call that says so: nothing in the user
 *       listing tells);
 *   <li>{@code recordingsList}: per user, the fewest windows of at most a month (Zoom's limit,
 *       {@code to ≤ from + 1 month}) covering since..today, ⌈n/300⌉ pages each, at least one;
 *   <li>{@code meeting}: one per listed meeting (the listing lacks alternative hosts and invitees);
 *       {@code pastMeetings}: one per listed meeting (a scheduled meeting may have been started at
 *       any time, so no listed meeting can be skipped);
 *   <li>per listed instance younger than a year (the instance listing carries {@code start_time},
 *       so older ones, which Zoom refuses with 12702, need no call): {@code pastMeetingDetails} 1,
 *       {@code pastMeetingParticipants} ⌈rows/300⌉, {@code listPastMeetingQA} 1 (nothing says
 *       whether Q&amp;A was used), {@code Getameetingsummary} 1 when {@code has_meeting_summary};
 *   <li>instances only the recordings listing reveals (instant and expired meetings), the same four
 *       calls when younger than a year;
 *   <li>per webinar: {@code webinar}, {@code webinarPanelists}, {@code pastWebinars} 1 each; per
 *       listed webinar instance {@code listWebinarParticipants} ⌈rows/300⌉ and {@code
 *       listPastWebinarQA} 1;
 *   <li>transcript downloads (not a labelled API call): one per recording with a transcript.
 * </ul>
 */
final class ApiCallBound {
  static final String DOWNLOADS = "downloadRecording";
  private static final int USERS_PAGE = 2000;
  private static final int PAGE = 300;

  private final SimulatedAccount account;
  private final Instant now;
  private final LocalDate since;
  private final LocalDate today;

  ApiCallBound(SimulatedAccount account, Instant now, LocalDate since) {
    this.account = account;
    this.now = now;
    this.since = since;
    this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
  }

  /** The bound's calls per simulator operationId (downloads under {@link #DOWNLOADS}). */
  Map<String, Long> bound() {
    Map<String, Long> calls = new TreeMap<>();
    Map<SimUserStatus, Integer> byStatus = new EnumMap<>(SimUserStatus.class);
    for (SimUserStatus status : SimUserStatus.values()) {
      byStatus.put(status, 0);
    }
    List<LocalDate[]> windows = boundWindows();
    for (SimUser user : account.users()) {
      byStatus.merge(user.status(), 1, Integer::sum);
      if (user.id() == null) {
        continue;
      }
      List<SimMeeting> meetings = account.meetingsOf(user);
      List<SimMeeting> listed = meetings.stream().filter(SimMeeting::listed).toList();
      add(calls, "meetings", pages(listed.size(), PAGE));
      add(calls, "webinars", pages(account.webinarsOf(user).size(), PAGE));
      for (SimMeeting meeting : listed) {
        add(calls, "meeting", 1);
        add(calls, "pastMeetings", 1);
        for (SimInstance instance : account.instancesOf(meeting)) {
          if (!beyondFifteenMonths(instance)) {
            instanceCalls(calls, instance);
          }
        }
      }
      for (LocalDate[] window : windows) {
        int recorded = 0;
        for (SimMeeting meeting : meetings) {
          for (SimInstance instance : account.instancesOf(meeting)) {
            if (isRecordedIn(instance, window[0], window[1])) {
              recorded++;
              if (!meeting.listed()) {
                instanceCalls(calls, instance);
              }
            }
          }
        }
        add(calls, "recordingsList", pages(recorded, PAGE));
      }
      for (SimMeeting meeting : meetings) {
        for (SimInstance instance : account.instancesOf(meeting)) {
          if (isRecordedIn(instance, since, today) && hasTranscript(instance)) {
            add(calls, DOWNLOADS, 1);
          }
        }
      }
      for (SimWebinar webinar : account.webinarsOf(user)) {
        add(calls, "webinar", 1);
        add(calls, "webinarPanelists", 1);
        add(calls, "pastWebinars", 1);
        for (SimInstance instance : account.instancesOf(webinar)) {
          if (!beyondFifteenMonths(instance)) {
            add(
                calls,
                "listWebinarParticipants",
                pages(account.participants(instance).size(), PAGE));
            add(calls, "listPastWebinarQA", 1);
          }
        }
      }
    }
    for (int count : byStatus.values()) {
      add(calls, "users", pages(count, USERS_PAGE));
    }
    return calls;
  }

  private void instanceCalls(Map<String, Long> calls, SimInstance instance) {
    if (overAYearOld(instance)) {
      return;
    }
    add(calls, "pastMeetingDetails", 1);
    add(calls, "pastMeetingParticipants", pages(account.participants(instance).size(), PAGE));
    add(calls, "listPastMeetingQA", 1);
    if (instance.hasSummary()) {
      add(calls, "Getameetingsummary", 1);
    }
  }

  /**
   * Elastic's algorithm on this account, per term of §2.12: the token, active users in pages of
   * 300, per active user the live, upcoming and previous meeting listings and one recordings
   * listing per month of {@code recording_age}, and per previous meeting its latest instance's
   * details and participant pages. Chat lists (3 per user) are counted apart under {@code chat*}
   * since zoomdex does not read chat.
   */
  Map<String, Long> elastic(int recordingAgeMonths) {
    Map<String, Long> calls = new TreeMap<>();
    add(calls, "oauthToken", 1);
    int active = 0;
    for (SimUser user : account.users()) {
      if (user.status() != SimUserStatus.ACTIVE || user.id() == null) {
        continue;
      }
      active++;
      List<SimMeeting> listed =
          account.meetingsOf(user).stream().filter(SimMeeting::listed).toList();
      List<SimMeeting> previous = listed.stream().filter(this::isPrevious).toList();
      long upcoming =
          listed.stream().filter(m -> m.startTime() == null || m.startTime().isAfter(now)).count();
      add(calls, "meetings", 1 + pages((int) upcoming, PAGE) + pages(previous.size(), PAGE));
      add(calls, "recordingsList", recordingAgeMonths);
      add(calls, "chatLists", 3);
      for (SimMeeting meeting : previous) {
        SimInstance latest = account.instancesOf(meeting).get(0);
        add(calls, "pastMeetingDetails", 1);
        add(calls, "pastMeetingParticipants", pages(account.participants(latest).size(), PAGE));
      }
    }
    add(calls, "users", Math.max(1, (active + PAGE - 1) / PAGE));
    return calls;
  }

  /**
   * Instance documents Elastic's algorithm yields: the latest instance of each previous meeting.
   */
  long elasticInstances() {
    return elastic(0).getOrDefault("pastMeetingDetails", 0L);
  }

  private boolean isPrevious(SimMeeting m) {
    return m.instanceCount() > 0
        && (m.startTime() == null
            || m.type() != 2
            || m.startTime().isAfter(now.minus(Duration.ofDays(183))));
  }

  /** The per-label sums of a per-operation map (operations without a label are left out). */
  static Map<String, Long> byLabel(Map<String, Long> byOperation) {
    Map<String, Long> labels = new TreeMap<>();
    for (Endpoint endpoint : Endpoint.values()) {
      long n = byOperation.getOrDefault(endpoint.operationId(), 0L);
      if (n > 0) {
        labels.merge(endpoint.rateLabel().name(), n, Long::sum);
      }
    }
    return labels;
  }

  /** The label of a simulator operation, or null for tokens and downloads. */
  static RateLabel labelOf(String operationId) {
    for (Endpoint endpoint : Endpoint.values()) {
      if (endpoint.operationId().equals(operationId)) {
        return endpoint.rateLabel();
      }
    }
    return null;
  }

  private List<LocalDate[]> boundWindows() {
    List<LocalDate[]> windows = new ArrayList<>();
    for (LocalDate from = since; !from.isAfter(today); ) {
      LocalDate to = from.plusMonths(1);
      windows.add(new LocalDate[] {from, to.isAfter(today) ? today : to});
      from = to.plusDays(1);
    }
    return windows;
  }

  private boolean isRecordedIn(SimInstance instance, LocalDate from, LocalDate to) {
    LocalDate day = LocalDate.ofInstant(instance.startTime(), ZoneOffset.UTC);
    return instance.recorded()
        && !day.isBefore(from)
        && !day.isAfter(to)
        && instance.endTime().isBefore(now);
  }

  private boolean hasTranscript(SimInstance instance) {
    for (SimRecordingFile file : account.recordingFiles(instance)) {
      if ("TRANSCRIPT".equals(file.fileType())) {
        return true;
      }
    }
    return false;
  }

  private boolean overAYearOld(SimInstance instance) {
    return instance.startTime().isBefore(now.atZone(ZoneOffset.UTC).minusYears(1).toInstant());
  }

  private boolean beyondFifteenMonths(SimInstance instance) {
    return instance.startTime().isBefore(now.atZone(ZoneOffset.UTC).minusMonths(15).toInstant());
  }

  private static int pages(int items, int pageSize) {
    return Math.max(1, (items + pageSize - 1) / pageSize);
  }

  private static void add(Map<String, Long> calls, String operation, long n) {
    calls.merge(operation, n, Long::sum);
  }
}
