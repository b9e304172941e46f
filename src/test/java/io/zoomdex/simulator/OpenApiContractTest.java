package io.zoomdex.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validates the simulator's answers against Zoom's own OpenAPI documents (read from the directory
 * in system property {@code zoom.openapi.dir}), and checks that the scopes and rate labels
 * hard-coded in {@link Endpoint} match the documents.
 */
class OpenApiContractTest {
  private static final String USERS_SPEC = "users-api.openapi.json";
  private static final String MEETINGS_SPEC = "meetings-api.openapi.json";

  /**
   * Validation messages where Zoom's spec and Zoom's real payloads disagree; the simulator follows
   * real Zoom (zoom-api.md). Each entry: operationId, then a regular expression of the message.
   */
  private static final Map<String, List<String>> KNOWN_SPEC_DIFFERENCES =
      Map.of(
          // Real recording payloads send "type" as an integer; the spec says a string enum
          // (zoom-api.md §1, §8.8).
          "recordingsList",
          List.of(
              "\\[Path '/meetings/\\d+/type'\\] Instance value \\(\\d+\\) not found in enum.*",
              "\\[Path '/meetings/\\d+/type'\\] Instance type \\(integer\\) does not match any"
                  + " allowed primitive type \\(allowed: \\[\"string\"\\]\\)",
              // Real recording payloads carry share_url (zoom-api.md §1); the spec omits it.
              "\\[Path '/meetings/\\d+'\\] Object instance has properties which are not allowed"
                  + " by the schema: \\[\"share_url\"\\]",
              // TIMELINE files are real (zoom-api.md §6) but missing from the spec's enum.
              "\\[Path '/meetings/\\d+/recording_files/\\d+/file_type'\\] Instance value"
                  + " \\(\"TIMELINE\"\\) not found in enum.*"),
          // Guests outside the account have an empty user_email (zoom-api.md §1, §8.7); the
          // webinar spec declares format "email", which "" does not satisfy.
          "listWebinarParticipants",
          List.of(
              "\\[Path '/participants/\\d+/user_email'\\] String \"\" is not a valid email"
                  + " address"));

  /** Enough variety per endpoint while keeping the (slow) validator's run short. */
  private static final int MAX_CALLS_PER_ENDPOINT = 6;

  private static Path specDir;
  private static OpenApiInteractionValidator usersValidator;
  private static OpenApiInteractionValidator meetingsValidator;
  private static ZoomSimulator simulator;
  private static SimulatorHttp http;

  @BeforeAll
  static void load() throws IOException {
    String dir = System.getProperty("zoom.openapi.dir");
    specDir = dir == null ? null : Path.of(dir);
    boolean present =
        specDir != null
            && Files.isRegularFile(specDir.resolve(USERS_SPEC))
            && Files.isRegularFile(specDir.resolve(MEETINGS_SPEC));
    String missing =
        "Zoom's OpenAPI documents were not found in '"
            + dir
            + "' (system property zoom.openapi.dir); the contract test cannot run.";
    if (System.getenv("CI") != null) {
      assertThat(present).as(missing).isTrue();
    }
    Assumptions.assumeTrue(present, missing);
    usersValidator = validator(specDir.resolve(USERS_SPEC));
    meetingsValidator = validator(specDir.resolve(MEETINGS_SPEC));
    simulator =
        ZoomSimulator.start(SimulatorFixtures.settings().users(40).webinarsPerUser(2).build());
    http = new SimulatorHttp(simulator);
  }

  private static OpenApiInteractionValidator validator(Path spec) {
    // Resolving allOf into one schema keeps the validator from judging each part alone (which
    // would flag every property of the other parts as not allowed).
    return OpenApiInteractionValidator.createForSpecificationUrl(spec.toUri().toString())
        .withResolveCombinators(true)
        .build();
  }

  @AfterAll
  static void stop() {
    if (simulator != null) {
      simulator.close();
    }
  }

  // ------------------------------------------------------------ scopes and labels

  @Test
  void endpointTable_scopesAndRateLabels_matchTheSpec() throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode users = json.readTree(specDir.resolve(USERS_SPEC).toFile());
    JsonNode meetings = json.readTree(specDir.resolve(MEETINGS_SPEC).toFile());
    Pattern label = Pattern.compile("Rate Limit Label\\]\\([^)]*\\):\\*\\*\\s*`([A-Z]+)`");
    for (Endpoint endpoint : Endpoint.values()) {
      JsonNode operation = users.path("paths").path(endpoint.pathTemplate()).path("get");
      if (operation.isMissingNode()) {
        operation = meetings.path("paths").path(endpoint.pathTemplate()).path("get");
      }
      assertThat(operation.isMissingNode()).as(endpoint.pathTemplate()).isFalse();
      assertThat(operation.path("operationId").asText()).isEqualTo(endpoint.operationId());
      List<String> scopes = new ArrayList<>();
      operation.path("x-extensions").path("x-granular-scopes").forEach(s -> scopes.add(s.asText()));
      assertThat(endpoint.scopes()).as(endpoint.operationId()).isEqualTo(scopes);
      Matcher matcher = label.matcher(operation.path("description").asText());
      assertThat(matcher.find()).as(endpoint.operationId()).isTrue();
      assertThat(endpoint.rateLabel().name())
          .as(endpoint.operationId())
          .isEqualTo(matcher.group(1));
      assertThat(endpoint.scopes()).anyMatch(Endpoint.GRANTED_SCOPES::contains);
    }
  }

  // ------------------------------------------------------------ responses

  @Test
  void everyEndpoint_answersMatchTheSpec() {
    SimulatedAccount account = simulator.account();
    Map<String, Endpoint> calls = new LinkedHashMap<>();
    SimUser owner = account.user(0);
    SimMeeting recurring = account.meetingsOf(owner).get(0);
    SimInstance recent = account.instancesOf(recurring).get(0);
    LocalDate day = LocalDate.ofInstant(recent.startTime(), ZoneOffset.UTC);
    calls.put("/users?page_size=5", Endpoint.USERS);
    calls.put("/users?status=pending&page_size=300", Endpoint.USERS);
    calls.put("/users?status=inactive&page_size=300", Endpoint.USERS);
    calls.put("/users/" + owner.id(), Endpoint.USER);
    calls.put("/users/" + owner.email(), Endpoint.USER);
    calls.put("/past_meetings/" + recurring.id() + "/instances", Endpoint.PAST_MEETING_INSTANCES);
    calls.put(
        "/users/" + owner.id() + "/recordings?from=" + day.minusDays(20) + "&to=" + day,
        Endpoint.RECORDINGS);
    calls.put(
        "/users/" + owner.id() + "/recordings?from=" + day + "&to=" + day, Endpoint.RECORDINGS);
    for (SimUser user : account.users()) {
      if (user.hosts()) {
        calls.put("/users/" + user.id() + "/meetings?page_size=300", Endpoint.MEETINGS);
        LocalDate today = LocalDate.ofInstant(SimulatorFixtures.START, ZoneOffset.UTC);
        calls.put(
            "/users/" + user.id() + "/recordings?from=" + today.minusMonths(1) + "&to=" + today,
            Endpoint.RECORDINGS);
        for (SimMeeting meeting : account.meetingsOf(user)) {
          if (meeting.type() != 1) {
            calls.put("/meetings/" + meeting.id(), Endpoint.MEETING);
          }
          for (SimInstance instance : account.instancesOf(meeting)) {
            if (!InstanceWindows.overAYearOld(instance, SimulatorFixtures.START)
                && instance.number() < 3) {
              String id = SimulatorHttp.doubleEncode(instance.uuid());
              calls.put("/past_meetings/" + id, Endpoint.PAST_MEETING);
              calls.put(
                  "/past_meetings/" + id + "/participants", Endpoint.PAST_MEETING_PARTICIPANTS);
              calls.put("/past_meetings/" + id + "/qa", Endpoint.PAST_MEETING_QA);
              if (instance.hasSummary() && !instance.summaryRestricted()) {
                calls.put("/meetings/" + id + "/meeting_summary", Endpoint.MEETING_SUMMARY);
              }
            }
          }
        }
      }
      if (user.hosts() && user.webinarLicence()) {
        calls.put("/users/" + user.id() + "/webinars", Endpoint.WEBINARS);
        for (SimWebinar webinar : account.webinarsOf(user)) {
          calls.put("/webinars/" + webinar.id(), Endpoint.WEBINAR);
          calls.put("/webinars/" + webinar.id() + "/panelists", Endpoint.WEBINAR_PANELISTS);
          calls.put(
              "/past_webinars/" + webinar.id() + "/instances", Endpoint.PAST_WEBINAR_INSTANCES);
          for (SimInstance instance : account.instancesOf(webinar)) {
            String id = SimulatorHttp.doubleEncode(instance.uuid());
            calls.put("/past_webinars/" + id + "/participants", Endpoint.PAST_WEBINAR_PARTICIPANTS);
            calls.put("/past_webinars/" + id + "/qa", Endpoint.PAST_WEBINAR_QA);
          }
        }
      }
    }
    List<String> problems = new ArrayList<>();
    Map<Endpoint, Integer> validated = new LinkedHashMap<>();
    for (Map.Entry<String, Endpoint> call : calls.entrySet()) {
      if (validated.getOrDefault(call.getValue(), 0) >= MAX_CALLS_PER_ENDPOINT) {
        continue;
      }
      HttpResponse<String> response = http.get(call.getKey());
      assertThat(response.statusCode()).as(call.getKey() + " " + response.body()).isEqualTo(200);
      problems.addAll(validate(call.getValue(), call.getKey(), response.body()));
      validated.merge(call.getValue(), 1, Integer::sum);
    }
    assertThat(validated.keySet()).containsExactlyInAnyOrder(Endpoint.values());
    assertThat(problems).isEmpty();
  }

  @Test
  void mutatedAccount_answersMatchTheSpec() throws IOException {
    try (ZoomSimulator mutated =
        ZoomSimulator.start(SimulatorFixtures.settings().users(40).webinarsPerUser(2).build())) {
      SimulatorHttp client = new SimulatorHttp(mutated);
      SimulatedAccount account = mutated.account();
      Mutations mutations = mutated.mutations();
      SimUser owner = account.user(0);
      SimMeeting recurring = account.meetingsOf(owner).get(0);
      mutations.updateMeeting(
          recurring.id(),
          MeetingChanges.none()
              .withTopic("Renamed")
              .withAlternativeHosts(List.of(account.user(1).email()))
              .withInvitees(List.of(new SimInvitee("x@partner.example", false)))
              .withWhoWillReceiveSummary(4));
      SimInstance added =
          mutations.addInstance(
              recurring.id(),
              new NewInstance(
                  SimulatorFixtures.START.minusSeconds(7200),
                  java.time.Duration.ofMinutes(45),
                  5,
                  true,
                  true));
      SimMeeting created =
          mutations.createMeeting(
              owner.id(), "New", "Agenda.", SimulatorFixtures.START.plusSeconds(86_400), 30);
      SimUser newcomer = mutations.createUser("Ada", "Lovelace", 2);
      ChangeSet changes = mutations.changeFraction(0.1, 3);
      String uuid = SimulatorHttp.doubleEncode(added.uuid());
      LocalDate day = LocalDate.ofInstant(added.startTime(), ZoneOffset.UTC);
      Map<String, Endpoint> calls = new LinkedHashMap<>();
      calls.put("/meetings/" + recurring.id(), Endpoint.MEETING);
      calls.put("/meetings/" + created.id(), Endpoint.MEETING);
      calls.put("/users/" + owner.id() + "/meetings?page_size=300", Endpoint.MEETINGS);
      calls.put("/past_meetings/" + recurring.id() + "/instances", Endpoint.PAST_MEETING_INSTANCES);
      calls.put("/past_meetings/" + uuid, Endpoint.PAST_MEETING);
      calls.put("/past_meetings/" + uuid + "/participants", Endpoint.PAST_MEETING_PARTICIPANTS);
      calls.put("/meetings/" + uuid + "/meeting_summary", Endpoint.MEETING_SUMMARY);
      calls.put(
          "/users/" + owner.id() + "/recordings?from=" + day + "&to=" + day, Endpoint.RECORDINGS);
      calls.put("/users/" + newcomer.id(), Endpoint.USER);
      calls.put("/users?page_size=300", Endpoint.USERS);
      calls.put("/users?status=inactive&page_size=300", Endpoint.USERS);
      for (String summarized : changes.newSummaries()) {
        calls.put(
            "/meetings/" + SimulatorHttp.doubleEncode(summarized) + "/meeting_summary",
            Endpoint.MEETING_SUMMARY);
      }
      for (long webinarId : changes.updatedWebinars()) {
        calls.put("/webinars/" + webinarId, Endpoint.WEBINAR);
      }
      List<String> problems = new ArrayList<>();
      for (Map.Entry<String, Endpoint> call : calls.entrySet()) {
        HttpResponse<String> response = client.get(call.getKey());
        assertThat(response.statusCode()).as(call.getKey() + " " + response.body()).isEqualTo(200);
        problems.addAll(validate(call.getValue(), call.getKey(), response.body()));
      }
      assertThat(problems).isEmpty();
    }
  }

  private static List<String> validate(Endpoint endpoint, String pathAndQuery, String body) {
    String path =
        pathAndQuery.contains("?")
            ? pathAndQuery.substring(0, pathAndQuery.indexOf('?'))
            : pathAndQuery;
    OpenApiInteractionValidator validator =
        endpoint == Endpoint.USERS || endpoint == Endpoint.USER
            ? usersValidator
            : meetingsValidator;
    SimpleRequest.Builder request =
        SimpleRequest.Builder.get("/v2" + path).withHeader("Authorization", "Bearer token");
    if (pathAndQuery.contains("?")) {
      for (String pair : pathAndQuery.substring(pathAndQuery.indexOf('?') + 1).split("&", -1)) {
        String[] nameValue = pair.split("=", 2);
        request.withQueryParam(nameValue[0], nameValue.length > 1 ? nameValue[1] : "");
      }
    }
    ValidationReport report =
        validator.validate(
            request.build(),
            SimpleResponse.Builder.ok().withContentType("application/json").withBody(body).build());
    List<String> problems = new ArrayList<>();
    List<String> allowed = KNOWN_SPEC_DIFFERENCES.getOrDefault(endpoint.operationId(), List.of());
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() != ValidationReport.Level.ERROR) {
        continue;
      }
      String text =
          message.getMessage()
              + (message.getNestedMessages().isEmpty()
                  ? ""
                  : " "
                      + message.getNestedMessages().stream()
                          .map(ValidationReport.Message::getMessage)
                          .toList());
      if (allowed.stream().noneMatch(text::matches)) {
        problems.add(
            endpoint.operationId() + " " + pathAndQuery + ": " + message.getKey() + " " + text);
      }
    }
    return problems;
  }
}
