package io.zoomdex.source;

import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.document.Readers;
import io.zoomdex.zoom.model.Meeting;
import io.zoomdex.zoom.model.MeetingSummary;
import io.zoomdex.zoom.model.Participant;
import io.zoomdex.zoom.model.PastInstance;
import io.zoomdex.zoom.model.PastMeeting;
import io.zoomdex.zoom.model.PastQa;
import io.zoomdex.zoom.model.QaAnswer;
import io.zoomdex.zoom.model.QaQuestion;
import io.zoomdex.zoom.model.Recording;
import io.zoomdex.zoom.model.RecordingFile;
import io.zoomdex.zoom.model.SummaryDetail;
import io.zoomdex.zoom.model.Webinar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns Zoom's objects into documents: title, searchable body, link and source ids. Readers are
 * decided by {@link ReaderRules} and passed in; this class only shapes content.
 */
public final class DocumentMapper {
  /** Bumped whenever the shape of a document changes, so that every document is rewritten. */
  // 2: summaries as text, not Markdown; 3: no pwd= in links; 4: Lucene lists by id (search --all)
  public static final int VERSION = 4;

  private final String webBaseUrl;
  private final boolean keepPasscodes;

  /**
   * A mapper that takes passcodes ({@code pwd=}) out of links and text.
   *
   * @param webBaseUrl Zoom's web portal origin (e.g. {@code https://zoom.us}), for links to past
   *     meetings that have no join or play URL
   */
  public DocumentMapper(String webBaseUrl) {
    this(webBaseUrl, false);
  }

  /**
   * @param webBaseUrl as above
   * @param keepPasscodes whether links and text keep their {@code pwd=} passcodes (one-click join
   *     links, which every reader of the document can then use)
   */
  public DocumentMapper(String webBaseUrl, boolean keepPasscodes) {
    this.webBaseUrl =
        webBaseUrl.endsWith("/") ? webBaseUrl.substring(0, webBaseUrl.length() - 1) : webBaseUrl;
    this.keepPasscodes = keepPasscodes;
  }

  /** The document as Zoom gave it, or with its passcodes taken out (the default). */
  private Document shaped(Document document) {
    if (keepPasscodes) {
      return document;
    }
    return new Document(
        document.id(),
        Passcodes.strip(document.title()),
        Passcodes.strip(document.body()),
        document.hostEmail(),
        document.startTime(),
        document.durationMinutes(),
        Passcodes.strip(document.url()),
        document.readers(),
        document.sourceIds());
  }

  /** {@code meeting:{id}} from the meeting's details. */
  public Document meeting(Meeting meeting, Readers readers) {
    return shaped(
        new Document(
            new DocumentId(DocumentType.MEETING, Long.toString(meeting.id())),
            meeting.topic(),
            nonNull(meeting.agenda()),
            meeting.hostEmail(),
            meeting.startTime(),
            Math.max(0, meeting.duration()),
            firstNonBlank(meeting.joinUrl(), meetingPage(meeting.id())),
            readers,
            ids("meeting_id", Long.toString(meeting.id()), "host_id", meeting.hostId())));
  }

  /** {@code webinar:{id}} from the webinar's details and panelists. */
  public Document webinar(Webinar webinar, Collection<String> panelistNames, Readers readers) {
    String body = joinParagraphs(nonNull(webinar.agenda()), labelled("Panelists", panelistNames));
    return shaped(
        new Document(
            new DocumentId(DocumentType.WEBINAR, Long.toString(webinar.id())),
            webinar.topic(),
            body,
            webinar.hostEmail(),
            webinar.startTime(),
            Math.max(0, webinar.duration()),
            firstNonBlank(webinar.joinUrl(), webinarPage(webinar.id())),
            readers,
            ids("webinar_id", Long.toString(webinar.id()), "host_id", webinar.hostId())));
  }

  /**
   * {@code past_meeting:{uuid}}.
   *
   * @param agenda the series' full agenda, or empty when the series is not listed
   */
  public Document pastMeeting(
      PastMeeting instance,
      String agenda,
      List<Participant> participants,
      PastQa qa,
      Readers readers) {
    String body =
        joinParagraphs(
            nonNull(agenda), labelled("Participants", participantNames(participants)), qaText(qa));
    return shaped(
        new Document(
            new DocumentId(DocumentType.PAST_MEETING, instance.uuid()),
            instance.topic(),
            body,
            instance.userEmail(),
            instance.startTime(),
            Math.max(0, instance.duration()),
            meetingPage(instance.id()),
            readers,
            ids(
                "meeting_id",
                Long.toString(instance.id()),
                "uuid",
                instance.uuid(),
                "host_id",
                instance.hostId())));
  }

  /**
   * {@code past_webinar:{uuid}}: the series' details with this instance's attendees and Q&amp;A.
   */
  public Document pastWebinar(
      Webinar series,
      PastInstance instance,
      List<Participant> participants,
      PastQa qa,
      Readers readers) {
    String body =
        joinParagraphs(
            nonNull(series.agenda()),
            labelled("Attendees", participantNames(participants)),
            qaText(qa));
    return shaped(
        new Document(
            new DocumentId(DocumentType.PAST_WEBINAR, instance.uuid()),
            series.topic(),
            body,
            series.hostEmail(),
            instance.startTime(),
            Math.max(0, series.duration()),
            webinarPage(series.id()),
            readers,
            ids(
                "webinar_id",
                Long.toString(series.id()),
                "uuid",
                instance.uuid(),
                "host_id",
                series.hostId())));
  }

  /**
   * {@code summary:{uuid}}: {@code summary_content} as text ({@link SummaryText}), else the
   * deprecated overview form.
   */
  public Document summary(MeetingSummary summary, PastMeeting instance, Readers readers) {
    String body = SummaryText.of(nonNull(summary.summaryContent()));
    if (body.isEmpty()) {
      List<String> parts = new ArrayList<>();
      parts.add(nonNull(summary.summaryOverview()));
      for (SummaryDetail detail : summary.summaryDetails()) {
        parts.add(joinLines(nonNull(detail.label()), nonNull(detail.summary())));
      }
      parts.add(labelledLines("Next steps", summary.nextSteps()));
      body = joinParagraphs(parts.toArray(String[]::new));
    }
    String topic = firstNonBlank(summary.meetingTopic(), instance.topic());
    return shaped(
        new Document(
            new DocumentId(DocumentType.SUMMARY, instance.uuid()),
            firstNonBlank(summary.summaryTitle(), "Summary: " + nonNull(topic)),
            body,
            firstNonBlank(summary.meetingHostEmail(), instance.userEmail()),
            instance.startTime(),
            Math.max(0, instance.duration()),
            firstNonBlank(summary.summaryDocUrl(), meetingPage(instance.id())),
            readers,
            ids(
                "meeting_id",
                Long.toString(instance.id()),
                "uuid",
                instance.uuid(),
                "host_id",
                firstNonBlank(summary.meetingHostId(), instance.hostId()))));
  }

  /**
   * {@code transcript:{uuid}}: the spoken text, one {@code [hh:mm:ss] Speaker: text} line a cue.
   */
  public Document transcript(
      Recording recording,
      RecordingFile file,
      String hostEmail,
      List<TranscriptCue> cues,
      Readers readers) {
    StringBuilder body = new StringBuilder();
    for (TranscriptCue cue : cues) {
      body.append(cue.toLine()).append('\n');
    }
    Instant start = recording.startTime();
    int minutes = Math.max(0, recording.duration());
    if (minutes == 0 && file.recordingStart() != null && file.recordingEnd() != null) {
      minutes = (int) Duration.between(file.recordingStart(), file.recordingEnd()).toMinutes();
    }
    return shaped(
        new Document(
            new DocumentId(DocumentType.TRANSCRIPT, recording.uuid()),
            "Transcript: " + nonNull(recording.topic()),
            body.toString(),
            hostEmail,
            start,
            Math.max(0, minutes),
            firstNonBlank(file.playUrl(), recording.shareUrl(), meetingPage(recording.id())),
            readers,
            ids(
                "meeting_id",
                Long.toString(recording.id()),
                "uuid",
                recording.uuid(),
                "host_id",
                recording.hostId(),
                "recording_file_id",
                file.id())));
  }

  private String meetingPage(long meetingId) {
    return webBaseUrl + "/meeting/" + meetingId;
  }

  private String webinarPage(long webinarId) {
    return webBaseUrl + "/webinar/" + webinarId;
  }

  private static Set<String> participantNames(List<Participant> participants) {
    Set<String> names = new LinkedHashSet<>();
    for (Participant participant : participants) {
      String name = nonNull(participant.name()).strip();
      if (!name.isEmpty()) {
        names.add(name); // a rejoin is a second row for the same person: name them once
      }
    }
    return names;
  }

  private static String qaText(PastQa qa) {
    if (qa == null) {
      return "";
    }
    List<String> lines = new ArrayList<>();
    for (QaQuestion asker : qa.questions()) {
      for (QaAnswer detail : asker.questionDetails()) {
        lines.add("Q (" + nonNull(asker.name()) + "): " + nonNull(detail.question()));
        if (detail.answer() != null && !detail.answer().isBlank()) {
          lines.add("A: " + detail.answer());
        }
      }
    }
    return String.join("\n", lines);
  }

  private static String labelled(String label, Collection<String> items) {
    return items.isEmpty() ? "" : label + ": " + String.join(", ", items);
  }

  private static String labelledLines(String label, Collection<String> items) {
    return items.isEmpty() ? "" : label + ":\n- " + String.join("\n- ", items);
  }

  private static String joinLines(String first, String second) {
    return first.isBlank() ? second : first + "\n" + second;
  }

  private static String joinParagraphs(String... parts) {
    List<String> kept = new ArrayList<>();
    for (String part : parts) {
      if (part != null && !part.isBlank()) {
        kept.add(part.strip());
      }
    }
    return String.join("\n\n", kept);
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return "";
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }

  /** Source ids as pairs; blank values are left out. */
  private static Map<String, String> ids(String... pairs) {
    Map<String, String> ids = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null && !pairs[i + 1].isBlank()) {
        ids.put(pairs[i], pairs[i + 1]);
      }
    }
    return ids;
  }
}
