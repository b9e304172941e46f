package io.zoomdex.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zoomdex.cli.ServeCommand;
import io.zoomdex.search.auth.ApiTokenStore;
import io.zoomdex.simulator.MeetingChanges;
import io.zoomdex.simulator.NewInstance;
import io.zoomdex.simulator.SimInstance;
import io.zoomdex.simulator.SimMeeting;
import io.zoomdex.simulator.SimUser;
import io.zoomdex.simulator.SimUserStatus;
import io.zoomdex.simulator.SimWebinar;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.Webhooks;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.sync.StateStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * `zoomdex serve` with a webhook secret, subscribed to the simulator's emitter: changes in Zoom
 * reach the index through webhooks alone, as a fresh full crawl of the changed account would have
 * them, and a deactivated user loses access without any crawl.
 */
class WebhookSyncTest {
  private static final String SECRET = "webhook-secret-token";
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final Clock CLOCK = Clock.systemUTC();
  private static final LocalDate SINCE = LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusMonths(6);
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path data;
  @TempDir Path reference;

  private ZoomSimulator simulator;
  private ServeCommand serve;
  private CompletableFuture<Integer> exit;
  private final HttpClient http = HttpClient.newHttpClient();

  /** Standard output that opens a latch once the webhook URL line has been flushed. */
  private static final class WebhookLine extends StringWriter {
    final CountDownLatch printed = new CountDownLatch(1);

    @Override
    public void flush() {
      if (toString().contains("Zoom webhooks: ")) {
        printed.countDown();
      }
    }
  }

  private URI startServe() throws Exception {
    Map<String, String> env = new HashMap<>(SimulatorCrawls.environment(simulator));
    env.put("ZOOM_WEBHOOK_SECRET", SECRET);
    serve = new ServeCommand(env, CLOCK);
    CommandLine cli = new CommandLine(serve);
    WebhookLine out = new WebhookLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    exit =
        CompletableFuture.supplyAsync(
            () ->
                cli.execute(
                    "--data",
                    data.toString(),
                    "--port",
                    "0",
                    "--rates",
                    "unlimited",
                    "--since",
                    SINCE.toString(),
                    // The test's own crawls (SimulatorCrawls) write no vectors.
                    "--embedding-model",
                    "none"));
    assertThat(out.printed.await(30, TimeUnit.SECONDS)).as("serve started").isTrue();
    Matcher url = Pattern.compile("Zoom webhooks: (\\S+)").matcher(out.toString());
    assertThat(url.find()).isTrue();
    lastWebhookUri = URI.create(url.group(1));
    return lastWebhookUri;
  }

  @AfterEach
  void stop() throws Exception {
    if (serve != null) {
      serve.requestStop();
      assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    }
    if (simulator != null) {
      simulator.close();
    }
  }

  private Webhooks subscribe(URI endpoint) {
    Webhooks webhooks = simulator.webhooks();
    webhooks.useTiming(Webhooks.Timing.scaled(1e-4));
    webhooks.subscribe(endpoint, SECRET);
    return webhooks;
  }

  /** Waits until every event raised since {@code firstChange} was delivered and processed. */
  private void awaitProcessed(Webhooks webhooks, int firstChange) throws Exception {
    int events = simulator.mutations().changeLog().size() - firstChange;
    assertThat(
            webhooks.awaitDeliveries(
                log ->
                    log.stream()
                            .filter(d -> d.outcome() == Webhooks.Outcome.DELIVERED)
                            .map(Webhooks.Delivery::eventId)
                            .distinct()
                            .count()
                        >= events,
                WAIT))
        .as("all %d events delivered", events)
        .isTrue();
    awaitTrue(
        () -> {
          try (StateStore state = StateStore.open(data)) {
            return state.pendingWebhookEvents(1).isEmpty();
          }
        },
        "webhook events processed");
  }

  private static void awaitTrue(BooleanSupplier condition, String what) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private SimMeeting listedMeetingWithInstances(SimUser host, int skip) {
    return simulator.account().meetingsOf(host).stream()
        .filter(SimMeeting::listed)
        .filter(m -> m.instanceCount() > 0)
        .skip(skip)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void meetingChanges_arriveThroughWebhooks_asAFreshFullCrawlWouldIndexThem() throws Exception {
    simulator =
        ZoomSimulator.start(SimulatorSettings.builder().seed(41).users(12).start(NOW).build());
    SimUser host = simulator.account().user(0);
    SimUser colleague = simulator.account().user(1);
    SimMeeting doomed =
        simulator
            .mutations()
            .createMeeting(
                host.email(), "Old planning", "Obsolete", NOW.plus(Duration.ofDays(2)), 30);
    SimMeeting renamed = listedMeetingWithInstances(host, 0);
    SimMeeting widened = listedMeetingWithInstances(host, 1);
    SimInstance waiting =
        simulator
            .mutations()
            .addInstance(
                renamed.id(),
                new NewInstance(
                    NOW.minus(Duration.ofHours(3)), Duration.ofMinutes(30), 3, false, false));
    SimulatorCrawls.crawl(simulator, data, CLOCK, SINCE, false);
    Webhooks webhooks = subscribe(startServe());
    int firstChange = simulator.mutations().changeLog().size();

    simulator
        .mutations()
        .updateMeeting(
            renamed.id(),
            MeetingChanges.none().withTopic("Quarterly zanzibar review").withAgenda("Zanzibar"));
    List<String> hosts = new java.util.ArrayList<>(widened.alternativeHosts());
    hosts.add(colleague.email());
    simulator
        .mutations()
        .updateMeeting(widened.id(), MeetingChanges.none().withAlternativeHosts(hosts));
    simulator.mutations().deleteMeeting(doomed.id());
    SimInstance ended =
        simulator
            .mutations()
            .addInstance(
                renamed.id(),
                new NewInstance(
                    NOW.minus(Duration.ofHours(1)), Duration.ofMinutes(40), 4, true, false));
    simulator.mutations().addSummary(waiting.uuid());
    SimMeeting created =
        simulator
            .mutations()
            .createMeeting(
                host.email(), "Vendor onboarding", "Contracts", NOW.plus(Duration.ofDays(3)), 30);
    awaitProcessed(webhooks, firstChange);

    SimulatorCrawls.crawl(simulator, reference, CLOCK, SINCE, false);
    Map<String, String> viaWebhooks = SimulatorCrawls.ledger(data);
    assertThat(viaWebhooks)
        .containsKeys(
            "meeting:" + created.id(),
            "past_meeting:" + ended.uuid(),
            "summary:" + ended.uuid(),
            "summary:" + waiting.uuid())
        .doesNotContainKey("meeting:" + doomed.id());
    assertThat(differences(viaWebhooks, SimulatorCrawls.ledger(reference))).isEmpty();
    assertThat(searchTotal(host.email(), "zanzibar")).isPositive();
    assertThat(searchTotal(colleague.email(), "")).isGreaterThan(0);
  }

  @Test
  void webhookDrivenIncremental_walksNoSeries_findsUnannouncedRecordings_andNewUsers()
      throws Exception {
    simulator =
        ZoomSimulator.start(SimulatorSettings.builder().seed(44).users(12).start(NOW).build());
    SimUser host = simulator.account().user(0);
    SimMeeting renamed = listedMeetingWithInstances(host, 0);
    SimMeeting widened = listedMeetingWithInstances(host, 1);
    SimMeeting recorded = listedMeetingWithInstances(host, 2);
    SimulatorCrawls.crawl(simulator, data, CLOCK, SINCE, false);
    Webhooks webhooks = subscribe(startServe());
    int firstChange = simulator.mutations().changeLog().size();

    simulator
        .mutations()
        .updateMeeting(renamed.id(), MeetingChanges.none().withTopic("Okapi planning"));
    List<String> hosts = new java.util.ArrayList<>(widened.alternativeHosts());
    hosts.add(simulator.account().user(1).email());
    simulator
        .mutations()
        .updateMeeting(widened.id(), MeetingChanges.none().withAlternativeHosts(hosts));
    // meeting.ended announces the instance; nothing announces its recording's transcript.
    SimInstance ended =
        simulator
            .mutations()
            .addInstance(
                recorded.id(),
                new NewInstance(
                    NOW.minus(Duration.ofHours(1)), Duration.ofMinutes(40), 4, true, true));
    SimUser newcomer = simulator.mutations().createUser("Nia", "Newcomer", 2);
    SimMeeting newcomersMeeting =
        simulator
            .mutations()
            .createMeeting(
                newcomer.email(), "Welcome call", "Intro", NOW.plus(Duration.ofDays(1)), 30);
    awaitProcessed(webhooks, firstChange);
    serve.requestStop();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    serve = null;

    simulator.requestLog().reset();
    io.zoomdex.sync.SyncReport update = SimulatorCrawls.crawl(simulator, data, CLOCK, SINCE, true);
    Map<String, Long> calls = simulator.requestLog().callsByOperation();
    SimulatorCrawls.crawl(simulator, reference, CLOCK, SINCE, false);

    assertThat(update.mode()).isEqualTo("incremental");
    assertThat(update.path()).isEqualTo("webhooks");
    assertThat(update.complete()).isTrue();
    // No series walk: only the new user's one-user crawl lists meetings and webinars and reads
    // the one meeting they have; the new transcript's series gives its readers (its details);
    // no other series' details, no other instance list.
    assertThat(calls.getOrDefault("meetings", 0L)).isEqualTo(1);
    assertThat(calls.getOrDefault("webinars", 0L)).isEqualTo(1);
    assertThat(calls.getOrDefault("meeting", 0L)).isEqualTo(2);
    assertThat(calls.getOrDefault("pastMeetings", 0L)).isEqualTo(1);
    assertThat(calls.getOrDefault("pastWebinars", 0L)).isZero();
    assertThat(calls.getOrDefault("recordingsList", 0L)).isPositive();
    Map<String, String> viaWebhooks = SimulatorCrawls.ledger(data);
    assertThat(viaWebhooks)
        .containsKeys(
            "past_meeting:" + ended.uuid(),
            "transcript:" + ended.uuid(),
            "meeting:" + newcomersMeeting.id());
    assertThat(differences(viaWebhooks, SimulatorCrawls.ledger(reference))).isEmpty();
    try (StateStore state = StateStore.open(data)) {
      assertThat(state.fullCrawlRequested()).isFalse();
      assertThat(state.requestedUserCrawls()).isEmpty();
    }
  }

  @Test
  void panelistChange_announcedByNoEvent_isFoundByTheWebhookDrivenIncremental() throws Exception {
    simulator =
        ZoomSimulator.start(SimulatorSettings.builder().seed(47).users(12).start(NOW).build());
    SimWebinar webinar =
        simulator.account().users().stream()
            .filter(user -> user.id() != null)
            .flatMap(user -> simulator.account().webinarsOf(user).stream())
            .findFirst()
            .orElseThrow();
    SimUser newcomer =
        simulator.account().users().stream()
            .filter(u -> u.id() != null && u.status() == SimUserStatus.ACTIVE)
            .filter(u -> u.index() != webinar.hostIndex())
            .filter(u -> webinar.panelists().stream().noneMatch(p -> p.email().equals(u.email())))
            .filter(u -> !webinar.alternativeHosts().contains(u.email()))
            .findFirst()
            .orElseThrow();
    SimMeeting renamed = listedMeetingWithInstances(simulator.account().user(0), 0);
    SimulatorCrawls.crawl(simulator, data, CLOCK, SINCE, false);
    Webhooks webhooks = subscribe(startServe());
    int firstChange = simulator.mutations().changeLog().size();

    List<io.zoomdex.simulator.SimPanelist> panelists =
        new java.util.ArrayList<>(webinar.panelists());
    panelists.add(
        new io.zoomdex.simulator.SimPanelist(
            "pnl-newcomer", newcomer.firstName(), newcomer.email()));
    simulator.mutations().setWebinarPanelists(webinar.id(), panelists);
    simulator.mutations().updateMeeting(renamed.id(), MeetingChanges.none().withTopic("Ibis sync"));
    assertThat(simulator.mutations().changeLog()).hasSize(firstChange + 1);
    awaitProcessed(webhooks, firstChange);
    serve.requestStop();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    serve = null;

    simulator.requestLog().reset();
    io.zoomdex.sync.SyncReport update = SimulatorCrawls.crawl(simulator, data, CLOCK, SINCE, true);
    long panelistCalls = simulator.requestLog().calls("webinarPanelists");
    long webinarCalls = simulator.requestLog().calls("webinar");
    SimulatorCrawls.crawl(simulator, reference, CLOCK, SINCE, false);

    assertThat(update.path()).isEqualTo("webhooks");
    assertThat(update.complete()).isTrue();
    assertThat(panelistCalls).isPositive();
    assertThat(webinarCalls).as("only the changed webinar is read again").isEqualTo(1);
    String key = "webinar:" + webinar.id();
    Map<String, String> viaWebhooks = SimulatorCrawls.ledger(data);
    assertThat(viaWebhooks.get(key)).isEqualTo(SimulatorCrawls.ledger(reference).get(key));
    assertThat(differences(viaWebhooks, SimulatorCrawls.ledger(reference))).isEmpty();
  }

  @Test
  void webinarChanges_arriveThroughWebhooks_asAFreshFullCrawlWouldIndexThem() throws Exception {
    simulator =
        ZoomSimulator.start(SimulatorSettings.builder().seed(43).users(12).start(NOW).build());
    List<SimWebinar> webinars =
        simulator.account().users().stream()
            .filter(user -> user.id() != null)
            .flatMap(user -> simulator.account().webinarsOf(user).stream())
            .limit(2)
            .toList();
    assertThat(webinars).as("the account has two webinars").hasSize(2);
    SimWebinar renamed = webinars.get(0);
    SimWebinar doomed = webinars.get(1);
    SimulatorCrawls.crawl(simulator, data, CLOCK, SINCE, false);
    assertThat(SimulatorCrawls.ledger(data)).containsKey("webinar:" + doomed.id());
    Webhooks webhooks = subscribe(startServe());
    int firstChange = simulator.mutations().changeLog().size();

    simulator.mutations().updateWebinar(renamed.id(), "Quokka launch webinar", "Quokka agenda");
    simulator.mutations().deleteWebinar(doomed.id());
    awaitProcessed(webhooks, firstChange);

    SimulatorCrawls.crawl(simulator, reference, CLOCK, SINCE, false);
    Map<String, String> viaWebhooks = SimulatorCrawls.ledger(data);
    assertThat(viaWebhooks).doesNotContainKey("webinar:" + doomed.id());
    // Zoom keeps a deleted webinar's past instances, so they stay until the next full crawl
    // deletes what it no longer lists (as for meetings, README "Webhooks and schedules").
    java.util.Set<String> keptPastInstances =
        simulator.account().instancesOf(doomed).stream()
            .map(instance -> "past_webinar:" + instance.uuid())
            .filter(viaWebhooks::containsKey)
            .collect(java.util.stream.Collectors.toSet());
    assertThat(differences(viaWebhooks, SimulatorCrawls.ledger(reference)))
        .isEqualTo(keptPastInstances);
    String host = simulator.account().user(renamed.hostIndex()).email();
    assertThat(searchTotal(host, "quokka")).isPositive();
  }

  @Test
  void deactivatedUser_seesNothingAtOnce_withoutACrawl() throws Exception {
    simulator =
        ZoomSimulator.start(SimulatorSettings.builder().seed(42).users(10).start(NOW).build());
    SimulatorCrawls.crawl(simulator, data, CLOCK, SINCE, false);
    SimUser leaving =
        simulator.account().users().stream()
            .filter(u -> u.index() > 0 && u.id() != null && u.status() == SimUserStatus.ACTIVE)
            .filter(u -> !simulator.account().meetingsOf(u).isEmpty())
            .findFirst()
            .orElseThrow();
    Webhooks webhooks = subscribe(startServe());
    assertThat(searchTotal(leaving.email(), "")).isPositive();
    int firstChange = simulator.mutations().changeLog().size();

    simulator.mutations().deactivateUser(leaving.id());
    awaitProcessed(webhooks, firstChange);

    awaitTrue(() -> searchTotal(leaving.email(), "") == 0, "deactivated user sees nothing");
    try (StateStore state = StateStore.open(data)) {
      assertThat(state.deactivatedUsers())
          .contains(leaving.email().toLowerCase(java.util.Locale.ROOT));
      assertThat(state.recentRuns(10)).hasSize(1); // no crawl ran
    }
  }

  @Test
  void redeliveredAndDuplicatedEvents_areProcessedOnce() throws Exception {
    simulator =
        ZoomSimulator.start(SimulatorSettings.builder().seed(43).users(6).start(NOW).build());
    SimulatorCrawls.crawl(simulator, data, CLOCK, SINCE, false);
    Webhooks webhooks = subscribe(startServe());
    webhooks.setDuplicateDeliveries(true);
    SimMeeting meeting = listedMeetingWithInstances(simulator.account().user(0), 0);
    int firstChange = simulator.mutations().changeLog().size();

    simulator
        .mutations()
        .updateMeeting(meeting.id(), MeetingChanges.none().withAgenda("Twice told tale"));
    awaitProcessed(webhooks, firstChange);
    webhooks.setDuplicateDeliveries(false);
    webhooks.redeliver("evt-" + simulator.mutations().changeLog().get(firstChange).sequence());
    assertThat(
            webhooks.awaitDeliveries(
                log ->
                    log.stream().filter(d -> d.outcome() == Webhooks.Outcome.DELIVERED).count()
                        >= 3,
                WAIT))
        .isTrue();

    try (StateStore state = StateStore.open(data)) {
      assertThat(state.webhookEventCounts()).isEqualTo(Map.of("done", 1L));
    }
  }

  @Test
  void reactivationAndEmailChange_needNoFullCrawl_readersComeFromTheLedger() throws Exception {
    simulator =
        ZoomSimulator.start(SimulatorSettings.builder().seed(45).users(12).start(NOW).build());
    List<SimUser> hosts =
        simulator.account().users().stream()
            .filter(u -> u.index() > 0 && u.id() != null && u.status() == SimUserStatus.ACTIVE)
            .filter(u -> !simulator.account().meetingsOf(u).isEmpty())
            .limit(2)
            .toList();
    SimUser returning = hosts.get(0);
    SimUser renamed = hosts.get(1);
    SimulatorCrawls.crawl(simulator, data, CLOCK, SINCE, false);
    Webhooks webhooks = subscribe(startServe());
    long returningSees = searchTotal(returning.email(), "");
    long renamedSees = searchTotal(renamed.email(), "");
    assertThat(returningSees).isPositive();
    assertThat(renamedSees).isPositive();
    int firstChange = simulator.mutations().changeLog().size();

    simulator.mutations().deactivateUser(returning.id());
    awaitProcessed(webhooks, firstChange);
    assertThat(searchTotal(returning.email(), "")).isZero();
    int secondChange = simulator.mutations().changeLog().size();
    simulator.requestLog().reset();
    simulator.mutations().activateUser(returning.id());
    SimUser after = simulator.mutations().changeEmail(renamed.id(), "marsh");
    awaitProcessed(webhooks, secondChange);

    try (StateStore state = StateStore.open(data)) {
      assertThat(state.documentsNotKept()).isZero();
      assertThat(state.pendingReaderChanges()).isEmpty();
      assertThat(state.keptNaming(after.email())).isNotEmpty();
    }
    // Applied from the ledger alone: no call to Zoom, every document back or re-mapped.
    assertThat(simulator.requestLog().total()).isZero();
    assertThat(after.email()).isNotEqualTo(renamed.email());
    assertThat(searchTotal(returning.email(), "")).isEqualTo(returningSees);
    // Serve learns a new identity from the index within its refresh (30 s).
    awaitTrue(
        () -> searchTotal(after.email(), "") == renamedSees, "the new email sees what the old did");
    assertThat(searchTotal(renamed.email(), "")).isZero();
    try (StateStore state = StateStore.open(data)) {
      assertThat(state.fullCrawlRequested()).isFalse();
      assertThat(state.requestedUserCrawls()).containsExactly(returning.id());
      assertThat(state.keptNaming(renamed.email())).isEmpty();
    }
    serve.requestStop();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    serve = null;

    simulator.requestLog().reset();
    io.zoomdex.sync.SyncReport update = SimulatorCrawls.crawl(simulator, data, CLOCK, SINCE, true);
    long meetingListings = simulator.requestLog().calls("meetings");
    SimulatorCrawls.crawl(simulator, reference, CLOCK, SINCE, false);

    assertThat(update.mode()).isEqualTo("incremental");
    assertThat(update.path()).isEqualTo("webhooks");
    assertThat(update.complete()).isTrue();
    assertThat(meetingListings).as("the reactivated user's one-user crawl").isEqualTo(1);
    assertThat(differences(SimulatorCrawls.ledger(data), SimulatorCrawls.ledger(reference)))
        .isEmpty();
  }

  @Test
  void alternativeHostAdded_rebuildsTheSeriesInstancesFromTheLedger_withoutReadingThem()
      throws Exception {
    simulator =
        ZoomSimulator.start(SimulatorSettings.builder().seed(46).users(12).start(NOW).build());
    SimUser host = simulator.account().user(0);
    SimMeeting widened = listedMeetingWithInstances(host, 0);
    SimulatorCrawls.crawl(simulator, data, CLOCK, SINCE, false);
    List<io.zoomdex.document.DocumentId> instances;
    SimUser colleague;
    try (StateStore state = StateStore.open(data)) {
      List<io.zoomdex.document.DocumentId> series = state.keptOfSeries(widened.id());
      instances =
          series.stream()
              .filter(id -> id.type() == io.zoomdex.document.DocumentType.PAST_MEETING)
              .toList();
      // Someone who reads nothing of the series yet (but something elsewhere, so is known).
      colleague =
          simulator.account().users().stream()
              .filter(u -> u.index() > 0 && u.id() != null && u.status() == SimUserStatus.ACTIVE)
              .filter(u -> !state.keptNaming(u.email()).isEmpty())
              .filter(
                  u -> series.stream().noneMatch(id -> state.keptNaming(u.email()).contains(id)))
              .findFirst()
              .orElseThrow();
    }
    assertThat(instances).isNotEmpty();
    Webhooks webhooks = subscribe(startServe());
    long hostedSeenBefore = readableHostedBy(colleague.email(), host.email());
    int firstChange = simulator.mutations().changeLog().size();
    simulator.requestLog().reset();

    List<String> hosts = new java.util.ArrayList<>(widened.alternativeHosts());
    hosts.add(colleague.email());
    simulator
        .mutations()
        .updateMeeting(widened.id(), MeetingChanges.none().withAlternativeHosts(hosts));
    awaitProcessed(webhooks, firstChange);

    // The series' details only: no instance is read again, no transcript listed again.
    Map<String, Long> calls = simulator.requestLog().callsByOperation();
    assertThat(calls.getOrDefault("meeting", 0L)).isEqualTo(1);
    assertThat(calls.getOrDefault("pastMeetingDetails", 0L)).isZero();
    assertThat(calls.getOrDefault("pastMeetingParticipants", 0L)).isZero();
    assertThat(calls.getOrDefault("recordingsList", 0L)).isZero();
    long nowReadable;
    try (StateStore state = StateStore.open(data)) {
      for (io.zoomdex.document.DocumentId id : instances) {
        assertThat(state.kept(id).orElseThrow().readers().rulesOf(colleague.email()))
            .as("%s", id)
            .contains(io.zoomdex.source.ReaderRules.RULE_ALTERNATIVE_HOST);
      }
      nowReadable =
          state.keptOfSeries(widened.id()).stream()
              .filter(
                  id ->
                      !state.kept(id).orElseThrow().readers().rulesOf(colleague.email()).isEmpty())
              .count();
    }
    // And through search: the rebuilt documents reached the index, not only the ledger.
    assertThat(nowReadable).isGreaterThanOrEqualTo(instances.size());
    awaitTrue(
        () -> readableHostedBy(colleague.email(), host.email()) == hostedSeenBefore + nowReadable,
        "the new alternative host finds the series' documents");
    SimulatorCrawls.crawl(simulator, reference, CLOCK, SINCE, false);
    assertThat(differences(SimulatorCrawls.ledger(data), SimulatorCrawls.ledger(reference)))
        .isEmpty();
  }

  /** The ids whose versions differ between two ledgers, or that only one holds. */
  static java.util.Set<String> differences(
      Map<String, String> actual, Map<String, String> expected) {
    java.util.Set<String> ids = new java.util.TreeSet<>(actual.keySet());
    ids.addAll(expected.keySet());
    ids.removeIf(id -> java.util.Objects.equals(actual.get(id), expected.get(id)));
    return ids;
  }

  private long searchTotal(String email, String query) {
    try {
      String token;
      try (ApiTokenStore tokens = ApiTokenStore.open(data, Clock.systemUTC())) {
        token = tokens.create(email, false).token();
      }
      URI base = URI.create(baseUrl());
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      base.resolve(
                          "/api/search?limit=1&q="
                              + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                  .header("Authorization", "Bearer " + token)
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode body = new ObjectMapper().readTree(response.body());
      return body.get("total").asLong();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many documents hosted by {@code hostEmail} a search as {@code email} counts. */
  private long readableHostedBy(String email, String hostEmail) {
    try {
      return hostedCount(email, hostEmail);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private long hostedCount(String email, String hostEmail) throws Exception {
    String token;
    try (ApiTokenStore tokens = ApiTokenStore.open(data, Clock.systemUTC())) {
      token = tokens.create(email, false).token();
    }
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(baseUrl())
                        .resolve(
                            "/api/search?limit=1&q=&host="
                                + URLEncoder.encode(hostEmail, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    long documents = 0;
    for (JsonNode type : new ObjectMapper().readTree(response.body()).path("facets").path("type")) {
      documents += type.get("count").asLong();
    }
    return documents;
  }

  private String baseUrl() {
    return lastWebhookUri.toString().replace("webhooks/zoom", "");
  }

  private URI lastWebhookUri;
}
