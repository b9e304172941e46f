package io.zoomdex.zoom;

import io.zoomdex.config.RateLabel;

/**
 * The one table of the Zoom endpoints the client calls: operation id (as in Zoom's OpenAPI), rate
 * limit label (the spec's {@code Rate Limit Label}), the field holding list items and the largest
 * {@code page_size} the spec allows (0 when the endpoint is not paginated).
 */
enum Endpoint {
  USERS("users", RateLabel.MEDIUM, "users", 2000),
  USER("user", RateLabel.LIGHT, null, 0),
  MEETINGS("meetings", RateLabel.MEDIUM, "meetings", 300),
  MEETING("meeting", RateLabel.LIGHT, null, 0),
  PAST_MEETING_INSTANCES("pastMeetings", RateLabel.MEDIUM, "meetings", 0),
  PAST_MEETING("pastMeetingDetails", RateLabel.LIGHT, null, 0),
  PAST_MEETING_PARTICIPANTS("pastMeetingParticipants", RateLabel.MEDIUM, "participants", 300),
  PAST_MEETING_QA("listPastMeetingQA", RateLabel.MEDIUM, null, 0),
  MEETING_SUMMARY("Getameetingsummary", RateLabel.LIGHT, null, 0),
  RECORDINGS("recordingsList", RateLabel.MEDIUM, "meetings", 300),
  WEBINARS("webinars", RateLabel.MEDIUM, "webinars", 300),
  WEBINAR("webinar", RateLabel.LIGHT, null, 0),
  PANELISTS("webinarPanelists", RateLabel.MEDIUM, "panelists", 0),
  PAST_WEBINAR_INSTANCES("pastWebinars", RateLabel.LIGHT, "webinars", 0),
  PAST_WEBINAR_PARTICIPANTS("listWebinarParticipants", RateLabel.MEDIUM, "participants", 300),
  PAST_WEBINAR_QA("listPastWebinarQA", RateLabel.MEDIUM, null, 0),
  /** A recording file download: not a REST call, so it is not paced by the API's labels. */
  RECORDING_DOWNLOAD("recordingDownload", RateLabel.LIGHT, null, 0);

  private final String operationId;
  private final RateLabel label;
  private final String itemsField;
  private final int maxPageSize;

  Endpoint(String operationId, RateLabel label, String itemsField, int maxPageSize) {
    this.operationId = operationId;
    this.label = label;
    this.itemsField = itemsField;
    this.maxPageSize = maxPageSize;
  }

  String operationId() {
    return operationId;
  }

  RateLabel label() {
    return label;
  }

  /** The JSON array holding the items, for listings. */
  String itemsField() {
    return itemsField;
  }

  /** The largest page size, or 0 when the endpoint returns everything at once. */
  int maxPageSize() {
    return maxPageSize;
  }

  boolean paced() {
    return this != RECORDING_DOWNLOAD;
  }
}
