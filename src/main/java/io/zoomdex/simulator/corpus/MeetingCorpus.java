package io.zoomdex.simulator.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The hand-written meetings, read once from the classpath ({@code bench/relevance/meetings} is
 * packaged under {@value #RESOURCE_DIR}; its {@code index.txt} lists the files) and checked as they
 * are read, so a broken file fails at the first use with its name and the problem.
 */
public final class MeetingCorpus {
  static final String RESOURCE_DIR = "/io/zoomdex/simulator/corpus/meetings/";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<CorpusMeeting> meetings;
  private final Map<String, CorpusMeeting> byId;

  private MeetingCorpus(List<CorpusMeeting> meetings) {
    this.meetings = List.copyOf(meetings);
    this.byId =
        meetings.stream()
            .collect(Collectors.toUnmodifiableMap(CorpusMeeting::id, Function.identity()));
  }

  /** The meetings packaged with zoomdex, read on first use. */
  public static MeetingCorpus builtIn() {
    return Holder.BUILT_IN;
  }

  private static final class Holder {
    static final MeetingCorpus BUILT_IN = readBuiltIn();
  }

  /** Every meeting, in the order of the index. */
  public List<CorpusMeeting> meetings() {
    return meetings;
  }

  /** Number of meetings. */
  public int size() {
    return meetings.size();
  }

  /** The meeting at {@code index} (0-based, in index order). */
  public CorpusMeeting get(int index) {
    return meetings.get(index);
  }

  /** The meeting with this id. */
  public CorpusMeeting byId(String id) {
    CorpusMeeting meeting = byId.get(id);
    if (meeting == null) {
      throw new IllegalArgumentException("No corpus meeting named " + id + ".");
    }
    return meeting;
  }

  private static MeetingCorpus readBuiltIn() {
    List<CorpusMeeting> meetings = new ArrayList<>();
    for (String line : resource("index.txt").split("\n", -1)) {
      String file = line.strip();
      if (!file.isEmpty() && !file.startsWith("#")) {
        meetings.add(parse(file, resource(file)));
      }
    }
    if (meetings.isEmpty()) {
      throw new IllegalStateException("The meeting corpus index lists no meetings.");
    }
    return new MeetingCorpus(meetings);
  }

  private static String resource(String name) {
    try (InputStream in = MeetingCorpus.class.getResourceAsStream(RESOURCE_DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("The meeting corpus file " + name + " is not packaged.");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses one meeting file; {@code file} names it in errors and must be its id plus .json. */
  static CorpusMeeting parse(String file, String json) {
    try {
      JsonNode root = JSON.readTree(json);
      String id = text(root, "id");
      if (!file.equals(id + ".json")) {
        throw new IllegalArgumentException("its id is " + id + " but the file is named " + file);
      }
      JsonNode summary = root.path("summary");
      List<CorpusSummary.Detail> details = new ArrayList<>();
      for (JsonNode detail : array(summary, "details")) {
        details.add(new CorpusSummary.Detail(text(detail, "label"), text(detail, "summary")));
      }
      List<CorpusSummary.NextStep> steps = new ArrayList<>();
      for (JsonNode step : array(summary, "nextSteps")) {
        steps.add(new CorpusSummary.NextStep(text(step, "owner"), text(step, "action")));
      }
      List<Cue> cues = new ArrayList<>();
      int previous = -1;
      for (JsonNode cue : array(root, "transcript")) {
        int start = seconds(text(cue, "start"));
        if (start <= previous) {
          throw new IllegalArgumentException("cue times must increase, " + text(cue, "start"));
        }
        previous = start;
        cues.add(new Cue(start, text(cue, "speaker"), text(cue, "text")));
      }
      List<String> agenda = new ArrayList<>();
      array(root, "agenda").forEach(item -> agenda.add(item.asText()));
      List<String> alternativeHosts = new ArrayList<>();
      root.path("alternativeHosts").forEach(item -> alternativeHosts.add(item.asText()));
      return new CorpusMeeting(
          id,
          text(root, "department"),
          root.path("confidential").asBoolean(false),
          text(root, "topic"),
          Instant.parse(text(root, "date")),
          text(root, "host"),
          alternativeHosts,
          agenda,
          new CorpusSummary(text(summary, "overview"), details, steps),
          cues);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "The meeting corpus file " + file + " is not valid: " + e.getMessage() + ".", e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException("the field " + field + " is missing or blank");
    }
    return value.asText().strip();
  }

  private static JsonNode array(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isArray() || value.isEmpty()) {
      throw new IllegalArgumentException("the field " + field + " must be a non-empty list");
    }
    return value;
  }

  private static int seconds(String time) {
    String[] parts = time.split(":", -1);
    if (parts.length != 3) {
      throw new DateTimeParseException("a cue time must be HH:MM:SS", time, 0);
    }
    return Integer.parseInt(parts[0]) * 3600
        + Integer.parseInt(parts[1]) * 60
        + Integer.parseInt(parts[2]);
  }
}
