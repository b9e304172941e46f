package io.zoomdex.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ZoomQuirksTest {
  private static ZoomSimulator simulator;
  private static SimulatorHttp http;
  private static SimulatedAccount account;

  @BeforeAll
  static void start() throws IOException {
    simulator = ZoomSimulator.start(SimulatorFixtures.settings().users(60).build());
    http = new SimulatorHttp(simulator);
    account = simulator.account();
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  private static SimInstance leadingSlash() {
    return SimulatorFixtures.instance(account, u -> u.startsWith("/"));
  }

  @Test
  void everyDataset_hasUuidsWithLeadingSlashAndDoubleSlash() {
    SimMeeting first = account.meetingsOf(account.user(0)).get(0);
    List<SimInstance> instances = account.instancesOf(first);

    assertThat(instances.get(0).uuid()).startsWith("/");
    assertThat(instances.get(1).uuid()).contains("//");
  }

  @Test
  void pastMeeting_doubleEncodedUuidWithLeadingSlash_works() {
    SimInstance instance = leadingSlash();

    JsonNode body = http.getJson("/past_meetings/" + SimulatorHttp.doubleEncode(instance.uuid()));

    assertThat(body.get("uuid").asText()).isEqualTo(instance.uuid());
    assertThat(body.get("id").asLong()).isEqualTo(instance.meetingId());
  }

  @Test
  void pastMeeting_singleEncodedUuidWithLeadingSlash_answers3001WithSlashGone() {
    SimInstance instance = leadingSlash();

    HttpResponse<String> response =
        http.get("/past_meetings/" + SimulatorHttp.encode(instance.uuid()) + "/participants");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body())
        .isEqualTo(
            "{\"code\":3001,\"message\":\"Meeting does not exist: "
                + instance.uuid().substring(1)
                + ".\"}");
  }

  @Test
  void pastMeeting_singleEncodedUuidWithDoubleSlash_answers3001() {
    SimInstance instance = SimulatorFixtures.instance(account, u -> u.indexOf("//") > 0);

    HttpResponse<String> single =
        http.get("/past_meetings/" + SimulatorHttp.encode(instance.uuid()));
    JsonNode doubled =
        http.getJson("/past_meetings/" + SimulatorHttp.doubleEncode(instance.uuid()));

    assertThat(single.statusCode()).isEqualTo(404);
    assertThat(SimulatorHttp.json(single).get("code").asInt()).isEqualTo(3001);
    assertThat(doubled.get("uuid").asText()).isEqualTo(instance.uuid());
  }

  @Test
  void pastMeeting_plainUuidSingleEncoded_works() {
    SimInstance instance =
        SimulatorFixtures.instance(
            account, u -> !u.startsWith("/") && !u.contains("//") && u.contains("+"));

    JsonNode body = http.getJson("/past_meetings/" + SimulatorHttp.encode(instance.uuid()));

    assertThat(body.get("uuid").asText()).isEqualTo(instance.uuid());
  }

  @Test
  void participants_uuidWithOneInnerSlashSingleEncoded_worksAsZoomDocuments() {
    SimInstance instance =
        SimulatorFixtures.instance(
            account, u -> !u.startsWith("/") && !u.contains("//") && u.indexOf('/') > 0);

    JsonNode details = http.getJson("/past_meetings/" + SimulatorHttp.encode(instance.uuid()));
    HttpResponse<String> participants =
        http.get("/past_meetings/" + SimulatorHttp.encode(instance.uuid()) + "/participants");

    assertThat(details.get("uuid").asText()).isEqualTo(instance.uuid());
    assertThat(participants.statusCode()).isEqualTo(200);
  }

  @Test
  void pastMeeting_numericId_answersLatestInstance() {
    SimMeeting meeting = account.meetingsOf(account.user(0)).get(0);

    JsonNode body = http.getJson("/past_meetings/" + meeting.id());

    assertThat(body.get("uuid").asText()).isEqualTo(account.instancesOf(meeting).get(0).uuid());
    assertThat(body.has("has_meeting_summary")).isTrue();
  }

  @Test
  void pastMeeting_overAYearOld_answers12702_butInstancesListGoesBack15Months() {
    SimInstance old =
        SimulatorFixtures.START.minus(Duration.ofDays(400)).isAfter(SimulatorFixtures.START)
            ? null
            : findInstance(
                i ->
                    i.startTime().isBefore(SimulatorFixtures.START.minus(Duration.ofDays(380)))
                        && i.startTime()
                            .isAfter(SimulatorFixtures.START.minus(Duration.ofDays(440))));

    HttpResponse<String> details =
        http.get("/past_meetings/" + SimulatorHttp.doubleEncode(old.uuid()));
    HttpResponse<String> participants =
        http.get("/past_meetings/" + SimulatorHttp.doubleEncode(old.uuid()) + "/participants");
    JsonNode instances = http.getJson("/past_meetings/" + old.meetingId() + "/instances");

    assertThat(details.statusCode()).isEqualTo(400);
    assertThat(details.body())
        .isEqualTo("{\"code\":12702,\"message\":\"Cannot access a meeting a year ago.\"}");
    assertThat(participants.statusCode()).isEqualTo(400);
    List<String> listed = new ArrayList<>();
    instances.get("meetings").forEach(m -> listed.add(m.get("uuid").asText()));
    assertThat(listed).contains(old.uuid());
  }

  private static SimInstance findInstance(java.util.function.Predicate<SimInstance> test) {
    for (SimUser user : account.users()) {
      for (SimMeeting meeting : account.meetingsOf(user)) {
        for (SimInstance instance : account.instancesOf(meeting)) {
          if (test.test(instance)) {
            return instance;
          }
        }
      }
    }
    throw new AssertionError("no such instance");
  }

  @Test
  void participants_paginateWithTokens_andIncludeGuestsAndRejoins() {
    SimInstance instance =
        findInstance(
            i ->
                !InstanceWindows.overAYearOld(i, SimulatorFixtures.START)
                    && account.participants(i).stream().anyMatch(p -> p.email().isEmpty())
                    && account.participants(i).size() > 3);
    String path = "/past_meetings/" + SimulatorHttp.doubleEncode(instance.uuid()) + "/participants";
    List<JsonNode> rows = new ArrayList<>();
    String token = "";
    int pages = 0;
    do {
      JsonNode page = http.getJson(path + "?page_size=2&next_page_token=" + token);
      page.get("participants").forEach(rows::add);
      token = page.get("next_page_token").asText();
      pages++;
    } while (!token.isEmpty());

    assertThat(rows).hasSize(account.participants(instance).size());
    assertThat(pages).isEqualTo((rows.size() + 1) / 2);
    assertThat(rows).anyMatch(r -> r.get("user_email").asText().isEmpty());
    Set<String> userIds = new HashSet<>();
    rows.forEach(r -> userIds.add(r.get("user_id").asText()));
    assertThat(userIds).hasSize(rows.size());
  }

  @Test
  void someInstance_hasRejoinRowsWithNewUserId() {
    SimInstance instance =
        findInstance(
            i -> {
              List<SimParticipant> rows = account.participants(i);
              return rows.stream().map(SimParticipant::name).distinct().count() < rows.size();
            });

    List<SimParticipant> rows = account.participants(instance);
    assertThat(rows.stream().map(SimParticipant::userId).distinct().count()).isEqualTo(rows.size());
  }

  @Test
  void pageToken_expiresAfter15Minutes() {
    JsonNode first = http.getJson("/users?page_size=3");
    String token = first.get("next_page_token").asText();
    assertThat(token).isNotEmpty();
    assertThat(http.get("/users?page_size=3&next_page_token=" + token).statusCode()).isEqualTo(200);

    simulator.clock().advance(Duration.ofMinutes(15).plusSeconds(1));
    HttpResponse<String> expired = http.get("/users?page_size=3&next_page_token=" + token);

    assertThat(expired.statusCode()).isEqualTo(400);
    assertThat(expired.body())
        .isEqualTo("{\"code\":300,\"message\":\"The next page token is invalid or expired.\"}");
  }

  @Test
  void pageToken_forgedOrFromAnotherListing_isRefused() {
    String token = http.getJson("/users?page_size=3").get("next_page_token").asText();

    assertThat(http.get("/users?status=inactive&next_page_token=" + token).statusCode())
        .isEqualTo(400);
    assertThat(http.get("/users?next_page_token=AAAA" + token.substring(4)).statusCode())
        .isEqualTo(400);
  }

  @Test
  void users_listsEveryActiveUser_andPendingUsersHaveNoId() {
    JsonNode active = http.getJson("/users?page_size=2000");
    JsonNode pending = http.getJson("/users?status=pending&page_size=300");

    long activeCount =
        account.users().stream().filter(u -> u.status() == SimUserStatus.ACTIVE).count();
    assertThat(active.get("total_records").asLong()).isEqualTo(activeCount);
    assertThat(active.get("users")).hasSize((int) activeCount);
    assertThat(active.get("next_page_token").asText()).isEmpty();
    assertThat(pending.get("users")).isNotEmpty();
    pending.get("users").forEach(u -> assertThat(u.has("id")).isFalse());
    pending.get("users").forEach(u -> assertThat(u.get("status").asText()).isEqualTo("pending"));
  }

  @Test
  void user_byIdOrEmail_andUnknown404() {
    SimUser user = account.user(0);

    assertThat(http.getJson("/users/" + user.id()).get("email").asText()).isEqualTo(user.email());
    assertThat(http.getJson("/users/" + user.email()).get("id").asText()).isEqualTo(user.id());
    HttpResponse<String> missing = http.get("/users/nobody@acme-corp.example");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(SimulatorHttp.json(missing).get("code").asInt()).isEqualTo(1001);
  }

  @Test
  void meetings_listTruncatesAgenda_detailHasFullAgendaAndSemicolonAltHosts() {
    SimMeeting longAgenda = null;
    for (SimUser user : account.users()) {
      for (SimMeeting meeting : account.meetingsOf(user)) {
        if (meeting.listed() && meeting.agenda().length() > 250) {
          longAgenda = meeting;
        }
      }
    }
    assertThat(longAgenda).isNotNull();
    SimUser host = account.user(longAgenda.hostIndex());
    JsonNode list = http.getJson("/users/" + host.id() + "/meetings?page_size=300");
    JsonNode item = null;
    for (JsonNode m : list.get("meetings")) {
      if (m.get("id").asLong() == longAgenda.id()) {
        item = m;
      }
    }
    JsonNode detail = http.getJson("/meetings/" + longAgenda.id());
    JsonNode first = http.getJson("/meetings/" + account.meetingsOf(account.user(0)).get(0).id());

    assertThat(item.get("agenda").asText()).hasSize(250);
    assertThat(detail.get("agenda").asText()).isEqualTo(longAgenda.agenda());
    assertThat(first.get("settings").get("alternative_hosts").asText()).contains(";");
  }

  @Test
  void meetingIds_areInt64With10Or11Digits() {
    Set<Integer> lengths = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      account.meetingsOf(account.user(i)).forEach(m -> lengths.add(Long.toString(m.id()).length()));
    }
    assertThat(lengths).isSubsetOf(10, 11);
  }

  @Test
  void instantMeeting_appearsOnlyInRecordings_andItsUuidWorks() {
    SimUser owner = account.user(0);
    SimMeeting instant =
        account.meetingsOf(owner).stream().filter(m -> m.type() == 1).findFirst().orElseThrow();
    SimInstance instance = account.instancesOf(instant).get(0);
    LocalDate day = LocalDate.ofInstant(instance.startTime(), ZoneOffset.UTC);

    JsonNode listed = http.getJson("/users/" + owner.id() + "/meetings?page_size=300");
    JsonNode recordings =
        http.getJson("/users/" + owner.id() + "/recordings?from=" + day + "&to=" + day.plusDays(1));
    HttpResponse<String> details =
        http.get("/past_meetings/" + SimulatorHttp.doubleEncode(instance.uuid()));

    listed
        .get("meetings")
        .forEach(m -> assertThat(m.get("id").asLong()).isNotEqualTo(instant.id()));
    List<String> uuids = new ArrayList<>();
    recordings.get("meetings").forEach(m -> uuids.add(m.get("uuid").asText()));
    assertThat(uuids).contains(instance.uuid());
    assertThat(details.statusCode())
        .isEqualTo(InstanceWindows.overAYearOld(instance, SimulatorFixtures.START) ? 400 : 200);
  }

  @Test
  void recordings_defaultIsToday_andRangeOverAMonthIsRefused() {
    SimUser owner = account.user(0);

    JsonNode defaults = http.getJson("/users/" + owner.id() + "/recordings");
    HttpResponse<String> tooWide =
        http.get("/users/" + owner.id() + "/recordings?from=2026-01-01&to=2026-02-15");

    assertThat(defaults.get("from").asText()).isEqualTo("2026-03-18");
    assertThat(tooWide.statusCode()).isEqualTo(400);
    assertThat(SimulatorHttp.json(tooWide).get("code").asInt()).isEqualTo(300);
  }

  @Test
  void recording_transcriptDownload_needsBearer_andRedirectsToVtt() {
    SimInstance instance = account.instancesOf(account.meetingsOf(account.user(0)).get(0)).get(0);
    LocalDate day = LocalDate.ofInstant(instance.startTime(), ZoneOffset.UTC);
    JsonNode recordings =
        http.getJson("/users/" + account.user(0).id() + "/recordings?from=" + day + "&to=" + day);
    String url = null;
    for (JsonNode meeting : recordings.get("meetings")) {
      for (JsonNode file : meeting.get("recording_files")) {
        if (file.get("file_type").asText().equals("TRANSCRIPT")
            && meeting.get("uuid").asText().equals(instance.uuid())) {
          url = file.get("download_url").asText();
          assertThat(file.get("file_extension").asText()).isEqualTo("VTT");
        }
      }
    }
    assertThat(url).isNotNull();

    HttpResponse<String> anonymous = http.getAbsolute(url, null);
    HttpResponse<String> redirect = http.getAbsolute(url, "Bearer " + http.token());
    String location = redirect.headers().firstValue("Location").orElseThrow();
    HttpResponse<String> file = http.getAbsolute(location, null);

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(redirect.statusCode()).isEqualTo(302);
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.body()).startsWith("WEBVTT").contains(account.user(0).displayName() + ": ");
  }

  @Test
  void summary_onlyWhereHasMeetingSummary() {
    SimInstance with = account.instancesOf(account.meetingsOf(account.user(0)).get(0)).get(0);
    SimInstance without =
        findInstance(
            i -> !i.hasSummary() && !InstanceWindows.overAYearOld(i, SimulatorFixtures.START));

    JsonNode summary =
        http.getJson("/meetings/" + SimulatorHttp.doubleEncode(with.uuid()) + "/meeting_summary");
    HttpResponse<String> none =
        http.get("/meetings/" + SimulatorHttp.doubleEncode(without.uuid()) + "/meeting_summary");

    assertThat(summary.get("summary_content").asText()).contains("## ");
    assertThat(summary.get("meeting_uuid").asText()).isEqualTo(with.uuid());
    assertThat(none.statusCode()).isEqualTo(404);
  }

  @Test
  void restrictedSummary_answers403With2305() {
    SimInstance restricted = findInstance(SimInstance::summaryRestricted);

    HttpResponse<String> response =
        http.get("/meetings/" + SimulatorHttp.doubleEncode(restricted.uuid()) + "/meeting_summary");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(SimulatorHttp.json(response).get("code").asInt()).isEqualTo(2305);
  }

  @Test
  void webinars_unlicensedUser_answers400With200_andAltHostsAreCommaSeparated() {
    SimUser unlicensed =
        account.users().stream()
            .filter(u -> u.hosts() && !u.webinarLicence())
            .findFirst()
            .orElseThrow();
    SimWebinar webinar =
        account.users().stream()
            .flatMap(u -> account.webinarsOf(u).stream())
            .filter(w -> w.alternativeHosts().size() > 1)
            .findFirst()
            .orElseThrow();

    HttpResponse<String> refused = http.get("/users/" + unlicensed.id() + "/webinars");
    JsonNode detail = http.getJson("/webinars/" + webinar.id());

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(SimulatorHttp.json(refused).get("code").asInt()).isEqualTo(200);
    assertThat(detail.get("settings").get("alternative_hosts").asText())
        .isEqualTo(String.join(",", webinar.alternativeHosts()));
  }
}
