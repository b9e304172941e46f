package io.zoomdex.source;

import io.zoomdex.zoom.ZoomApi;
import io.zoomdex.zoom.ZoomException;
import io.zoomdex.zoom.model.Meeting;
import io.zoomdex.zoom.model.MeetingSummary;
import io.zoomdex.zoom.model.Panelist;
import io.zoomdex.zoom.model.Participant;
import io.zoomdex.zoom.model.PastInstance;
import io.zoomdex.zoom.model.PastMeeting;
import io.zoomdex.zoom.model.PastQa;
import io.zoomdex.zoom.model.Recording;
import io.zoomdex.zoom.model.UserStatus;
import io.zoomdex.zoom.model.Webinar;
import io.zoomdex.zoom.model.ZoomUser;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory Zoom account for crawl tests: fill the maps, optionally make a call fail by its key
 * (e.g. {@code "participants:uuid"}), and read how often each call was made.
 */
public final class FakeZoomApi implements ZoomApi {
  public final List<ZoomUser> users = new ArrayList<>();
  public final Map<String, List<Meeting>> meetingsByUser = new HashMap<>();
  public final Map<Long, Meeting> meetings = new HashMap<>();
  public final Map<Long, List<PastInstance>> meetingInstances = new HashMap<>();
  public final Map<String, PastMeeting> pastMeetings = new HashMap<>();
  public final Map<String, List<Participant>> participants = new HashMap<>();
  public final Map<String, PastQa> qa = new HashMap<>();
  public final Map<String, MeetingSummary> summaries = new HashMap<>();
  public final Map<String, List<Recording>> recordingsByUser = new HashMap<>();
  public final Map<String, List<Webinar>> webinarsByUser = new HashMap<>();
  public final Map<Long, Webinar> webinars = new HashMap<>();
  public final Map<Long, List<Panelist>> panelists = new HashMap<>();
  public final Map<Long, List<PastInstance>> webinarInstances = new HashMap<>();
  public final Map<String, String> downloads = new HashMap<>();
  public final Map<String, ZoomException> failures = new ConcurrentHashMap<>();
  public final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  private <T> T answer(String key, T value) {
    calls
        .computeIfAbsent(key.substring(0, key.indexOf(':')), k -> new AtomicInteger())
        .incrementAndGet();
    ZoomException failure = failures.get(key);
    if (failure != null) {
      throw failure;
    }
    if (value == null) {
      throw new ZoomException(ZoomException.Reason.NOT_FOUND, 404, 3001, "Not found: " + key);
    }
    return value;
  }

  public int calls(String method) {
    AtomicInteger count = calls.get(method);
    return count == null ? 0 : count.get();
  }

  @Override
  public List<ZoomUser> listUsers(UserStatus status) {
    return answer(
        "users:" + status,
        users.stream().filter(u -> u.status().equalsIgnoreCase(status.queryValue())).toList());
  }

  @Override
  public List<Meeting> listScheduledMeetings(String userId) {
    return answer("meetings:" + userId, meetingsByUser.getOrDefault(userId, List.of()));
  }

  @Override
  public Meeting getMeeting(long meetingId) {
    return answer("meeting:" + meetingId, meetings.get(meetingId));
  }

  @Override
  public List<PastInstance> listPastMeetingInstances(long meetingId) {
    return answer("instances:" + meetingId, meetingInstances.getOrDefault(meetingId, List.of()));
  }

  @Override
  public PastMeeting getPastMeeting(String instanceUuid) {
    return answer("pastMeeting:" + instanceUuid, pastMeetings.get(instanceUuid));
  }

  @Override
  public List<Participant> listPastMeetingParticipants(String instanceUuid) {
    return answer(
        "participants:" + instanceUuid, participants.getOrDefault(instanceUuid, List.of()));
  }

  @Override
  public PastQa getPastMeetingQa(String instanceUuid) {
    return answer(
        "qa:" + instanceUuid, qa.getOrDefault(instanceUuid, new PastQa(null, instanceUuid, null)));
  }

  @Override
  public MeetingSummary getMeetingSummary(String instanceUuid) {
    return answer("summary:" + instanceUuid, summaries.get(instanceUuid));
  }

  @Override
  public List<Recording> listRecordings(String userId, LocalDate from, LocalDate to) {
    List<Recording> inWindow =
        recordingsByUser.getOrDefault(userId, List.of()).stream()
            .filter(
                r -> {
                  LocalDate day = r.startTime().atZone(ZoneOffset.UTC).toLocalDate();
                  return !day.isBefore(from) && !day.isAfter(to);
                })
            .toList();
    return answer("recordings:" + userId + ":" + from, inWindow);
  }

  @Override
  public List<Webinar> listWebinars(String userId) {
    return answer("webinars:" + userId, webinarsByUser.getOrDefault(userId, List.of()));
  }

  @Override
  public Webinar getWebinar(long webinarId) {
    return answer("webinar:" + webinarId, webinars.get(webinarId));
  }

  @Override
  public List<Panelist> listPanelists(long webinarId) {
    return answer("panelists:" + webinarId, panelists.getOrDefault(webinarId, List.of()));
  }

  @Override
  public List<PastInstance> listPastWebinarInstances(long webinarId) {
    return answer(
        "webinarInstances:" + webinarId, webinarInstances.getOrDefault(webinarId, List.of()));
  }

  @Override
  public List<Participant> listPastWebinarParticipants(String instanceUuid) {
    return answer(
        "webinarParticipants:" + instanceUuid, participants.getOrDefault(instanceUuid, List.of()));
  }

  @Override
  public PastQa getPastWebinarQa(String instanceUuid) {
    return answer(
        "webinarQa:" + instanceUuid,
        qa.getOrDefault(instanceUuid, new PastQa(null, instanceUuid, null)));
  }

  @Override
  public String downloadText(String downloadUrl) {
    return answer("download:" + downloadUrl, downloads.get(downloadUrl));
  }
}
