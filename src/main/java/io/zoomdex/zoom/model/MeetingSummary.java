package io.zoomdex.zoom.model;

import java.time.Instant;
import java.util.List;

/**
 * An AI Companion meeting summary ({@code GET /meetings/{uuid}/meeting_summary}). {@code
 * summaryContent} is the current Markdown field; the overview, details and next steps are the
 * deprecated form still sent by Zoom and used when the content is absent.
 */
public record MeetingSummary(
    String meetingHostId,
    String meetingHostEmail,
    String meetingUuid,
    long meetingId,
    String meetingTopic,
    Instant meetingStartTime,
    Instant meetingEndTime,
    String summaryTitle,
    String summaryContent,
    String summaryOverview,
    List<SummaryDetail> summaryDetails,
    List<String> nextSteps,
    String summaryDocUrl) {

  public MeetingSummary {
    summaryDetails = summaryDetails == null ? List.of() : List.copyOf(summaryDetails);
    nextSteps = nextSteps == null ? List.of() : List.copyOf(nextSteps);
  }
}
