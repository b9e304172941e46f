package io.zoomdex.document;

import java.util.Locale;

/** The six kinds of document the permission contract defines, each with its id prefix. */
public enum DocumentType {
  MEETING,
  WEBINAR,
  PAST_MEETING,
  PAST_WEBINAR,
  SUMMARY,
  TRANSCRIPT;

  /** The id prefix and external name, e.g. {@code past_meeting}. */
  public String prefix() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an external name such as {@code past_meeting}.
   *
   * @throws IllegalArgumentException naming the accepted values when the name is unknown
   */
  public static DocumentType fromPrefix(String prefix) {
    for (DocumentType type : values()) {
      if (type.prefix().equals(prefix)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "Unknown document type '"
            + prefix
            + "'; use one of meeting, webinar, past_meeting, past_webinar, summary, transcript.");
  }
}
