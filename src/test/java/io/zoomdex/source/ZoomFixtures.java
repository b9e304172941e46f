package io.zoomdex.source;

import io.zoomdex.zoom.model.Meeting;
import io.zoomdex.zoom.model.MeetingInvitee;
import io.zoomdex.zoom.model.MeetingSettings;
import io.zoomdex.zoom.model.Participant;
import io.zoomdex.zoom.model.PastMeeting;
import io.zoomdex.zoom.model.Recording;
import io.zoomdex.zoom.model.RecordingFile;
import io.zoomdex.zoom.model.Webinar;
import io.zoomdex.zoom.model.WebinarSettings;
import io.zoomdex.zoom.model.ZoomUser;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Small builders for Zoom objects in tests, with only the fields a test cares about. */
public final class ZoomFixtures {
  public static final Instant START = Instant.parse("2026-10-05T15:00:00Z");

  private ZoomFixtures() {}

  public static ZoomUser user(String id, String email, String status) {
    return new ZoomUser(id, email, "First", "Last", email, 2, status);
  }

  public static Meeting meeting(
      long id,
      String hostId,
      String hostEmail,
      String alternativeHosts,
      Integer who,
      String... invitees) {
    List<MeetingInvitee> list =
        Arrays.stream(invitees).map(e -> new MeetingInvitee(e, null)).toList();
    return new Meeting(
        id,
        "series-" + id,
        hostId,
        hostEmail,
        "Roadmap review " + id,
        8,
        START,
        60,
        "UTC",
        "Full agenda of meeting " + id,
        "https://zoom.example/j/" + id,
        new MeetingSettings(alternativeHosts, list, who));
  }

  public static Webinar webinar(long id, String hostId, String hostEmail, String alternativeHosts) {
    return new Webinar(
        id,
        "webinar-" + id,
        hostId,
        hostEmail,
        "Launch webinar " + id,
        5,
        START,
        45,
        "UTC",
        "Webinar agenda " + id,
        "https://zoom.example/w/" + id,
        new WebinarSettings(alternativeHosts));
  }

  public static PastMeeting pastMeeting(
      long id, String uuid, String hostEmail, boolean hasSummary) {
    return new PastMeeting(
        id,
        uuid,
        "host-id",
        "Host",
        hostEmail,
        "Instance of " + id,
        8,
        START,
        START,
        30,
        3,
        hasSummary);
  }

  public static Participant participant(String name, String email) {
    return new Participant("", "p-" + name, name, email, START, START, 60, null);
  }

  public static Recording recordingWithTranscript(long id, String uuid, String hostId, String url) {
    RecordingFile transcript =
        new RecordingFile(
            "file-" + uuid,
            uuid,
            START,
            START,
            "TRANSCRIPT",
            "VTT",
            100,
            "https://zoom.example/rec/play",
            url,
            "completed",
            "audio_transcript");
    RecordingFile video =
        new RecordingFile(
            "video-" + uuid,
            uuid,
            START,
            START,
            "MP4",
            "MP4",
            1000,
            "https://zoom.example/rec/play",
            url + ".mp4",
            "completed",
            "active_speaker");
    return new Recording(
        uuid, id, hostId, "Recorded " + id, 1, START, 30, null, List.of(video, transcript));
  }
}
