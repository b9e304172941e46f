package io.zoomdex.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zoomdex.config.RateLimits;
import io.zoomdex.config.Secret;
import io.zoomdex.config.ZoomSettings;
import io.zoomdex.document.Document;
import io.zoomdex.document.Readers;
import io.zoomdex.simulator.SimInstance;
import io.zoomdex.simulator.SimMeeting;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.source.DocumentMapper;
import io.zoomdex.source.ReaderRules;
import io.zoomdex.source.SeriesPeople;
import io.zoomdex.source.TranscriptCue;
import io.zoomdex.source.UserDirectory;
import io.zoomdex.source.VttParser;
import io.zoomdex.zoom.ZoomClient;
import io.zoomdex.zoom.ZoomJson;
import io.zoomdex.zoom.model.Meeting;
import io.zoomdex.zoom.model.Participant;
import io.zoomdex.zoom.model.PastMeeting;
import io.zoomdex.zoom.model.PastQa;
import io.zoomdex.zoom.model.UserStatus;
import io.zoomdex.zoom.model.ZoomUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Hot paths of a crawl, on real simulator answers: JSON decoding of a participants page (300 rows)
 * and of a meeting, mapping a past meeting to a document, parsing an hour-long WebVTT transcript
 * and computing an instance's readers. Inputs are fetched once from a simulator started in the
 * setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class HotPathBench {
  private final ObjectMapper mapper = ZoomJson.newMapper();
  private final VttParser vtt = new VttParser();
  private final DocumentMapper documents = new DocumentMapper("https://zoom.us");

  private byte[] participantsPage;
  private byte[] meetingJson;
  private String transcript;
  private PastMeeting pastMeeting;
  private List<Participant> participants;
  private PastQa qa;
  private ReaderRules rules;
  private SeriesPeople people;
  private String agenda;

  @Setup(Level.Trial)
  public void fetchInputs() throws Exception {
    SimulatorSettings settings =
        SimulatorSettings.builder().users(500).participantsPerInstance(300).build();
    try (ZoomSimulator sim = ZoomSimulator.start(settings)) {
      SimMeeting meeting = sim.account().meetingsOf(sim.account().user(0)).get(0);
      SimInstance latest = sim.account().instancesOf(meeting).get(0);
      String token = token(sim);
      // A numeric meeting id names the latest instance, which has a summary and a recording.
      participantsPage =
          get(sim, token, "/past_meetings/" + meeting.id() + "/participants?page_size=300");
      meetingJson = get(sim, token, "/meetings/" + meeting.id());
      transcript = hourLong(sim.account().transcriptVtt(latest));

      ZoomSettings zoom =
          ZoomSettings.defaults(sim.accountId(), sim.clientId(), Secret.of(sim.clientSecret()))
              .withEndpoints(sim.apiBaseUrl(), sim.oauthBaseUrl())
              .withRateLimits(RateLimits.none());
      ZoomClient client = ZoomClient.create(zoom);
      List<ZoomUser> users = new ArrayList<>();
      for (UserStatus status : UserStatus.values()) {
        users.addAll(client.listUsers(status));
      }
      rules = new ReaderRules(new UserDirectory(users));
      Meeting details = client.getMeeting(meeting.id());
      people = rules.meetingPeople(details, users.get(0).id());
      agenda = details.agenda() == null ? "" : details.agenda();
      pastMeeting = client.getPastMeeting(latest.uuid());
      participants = client.listPastMeetingParticipants(latest.uuid());
      qa = client.getPastMeetingQa(latest.uuid());
    }
  }

  /** Decodes a participants page the way the client does: a tree, then each row to a record. */
  @Benchmark
  public List<Participant> decodeParticipantsPage() throws Exception {
    JsonNode root = mapper.readTree(participantsPage);
    List<Participant> rows = new ArrayList<>();
    for (JsonNode item : root.get("participants")) {
      rows.add(mapper.treeToValue(item, Participant.class));
    }
    return rows;
  }

  /** Decodes {@code GET /meetings/{id}} the way the client does. */
  @Benchmark
  public Meeting decodeMeeting() throws Exception {
    return mapper.treeToValue(mapper.readTree(meetingJson), Meeting.class);
  }

  /** Maps a past meeting with its participants and Q&amp;A to a document. */
  @Benchmark
  public Document mapPastMeeting() {
    return documents.pastMeeting(
        pastMeeting, agenda, participants, qa, rules.instance(people, participants));
  }

  /** Parses an hour-long WebVTT transcript (600 cues) into cues. */
  @Benchmark
  public List<TranscriptCue> parseVtt() {
    return vtt.parse(transcript);
  }

  /** The readers of an instance: series people plus every participant, checked and normalised. */
  @Benchmark
  public Readers readersOfInstance() {
    return rules.instance(people, participants);
  }

  /** Sizes of the inputs, printed by the harness beside the scores. */
  public static void main(String[] args) throws Exception {
    HotPathBench bench = new HotPathBench();
    bench.fetchInputs();
    System.out.printf(
        "participants page %d bytes (%d rows), meeting %d bytes, transcript %d bytes (%d cues),"
            + " %d participants, %d readers%n",
        bench.participantsPage.length,
        bench.decodeParticipantsPage().size(),
        bench.meetingJson.length,
        bench.transcript.length(),
        bench.parseVtt().size(),
        bench.participants.size(),
        bench.readersOfInstance().emails().size());
  }

  /**
   * An hour of speech (600 six-second cues) in the simulator's WebVTT form: its few cues, their
   * speaker lines repeated with fresh numbers and times.
   */
  static String hourLong(String simulatorVtt) {
    List<String> lines = new ArrayList<>();
    for (String line : simulatorVtt.split("\n")) {
      if (line.contains(": ")) {
        lines.add(line);
      }
    }
    StringBuilder vtt = new StringBuilder("WEBVTT\n");
    for (int cue = 1; cue <= 600; cue++) {
      long start = 6L * (cue - 1);
      vtt.append('\n')
          .append(cue)
          .append('\n')
          .append(time(start))
          .append(" --> ")
          .append(time(start + 5))
          .append('\n')
          .append(lines.get(cue % lines.size()))
          .append('\n');
    }
    return vtt.toString();
  }

  private static String time(long seconds) {
    return String.format(
        java.util.Locale.ROOT,
        "%02d:%02d:%02d.000",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60);
  }

  private static String token(ZoomSimulator sim) throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (sim.clientId() + ":" + sim.clientSecret()).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    sim.oauthBaseUrl()
                        + "/oauth/token?grant_type=account_credentials&account_id="
                        + sim.accountId()))
            .header("Authorization", "Basic " + basic)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(response.body()).get("access_token").asText();
  }

  private static byte[] get(ZoomSimulator sim, String token, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sim.apiBaseUrl() + path))
            .header("Authorization", "Bearer " + token)
            .build();
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + response.statusCode());
    }
    return response.body();
  }
}
