package io.zoomdex.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Optional;

/** Reports as JSON, for the run history and {@code --json} output. */
public final class ReportJson {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ReportJson() {}

  /** The report as one line of JSON. */
  public static String write(SyncReport report) {
    try {
      return JSON.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A sync report is always serialisable", e);
    }
  }

  /**
   * Reads a report written by {@link #write}; empty for anything else (a failed run keeps only its
   * one-sentence reason).
   */
  public static Optional<SyncReport> read(String json) {
    if (json == null || !json.startsWith("{")) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(json, SyncReport.class));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
