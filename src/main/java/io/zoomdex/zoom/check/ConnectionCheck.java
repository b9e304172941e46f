package io.zoomdex.zoom.check;

import static io.zoomdex.zoom.RequiredScopes.*;

import io.zoomdex.zoom.RequiredScopes;
import io.zoomdex.zoom.ZoomClient;
import io.zoomdex.zoom.ZoomException;
import io.zoomdex.zoom.model.Meeting;
import io.zoomdex.zoom.model.PastInstance;
import io.zoomdex.zoom.model.PastMeeting;
import io.zoomdex.zoom.model.UserStatus;
import io.zoomdex.zoom.model.Webinar;
import io.zoomdex.zoom.model.ZoomUser;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Validates a Zoom connection the way an administrator needs it: a token, the 17 scopes compared by
 * name, and one probe per endpoint family (each with the data the earlier probes found). A family
 * with nothing to probe is reported as such, not as a failure.
 */
public final class ConnectionCheck {
  /** How many meetings or webinars to look through for ended instances. */
  private static final int MAX_ITEMS_SEARCHED = 10;

  private static final String SCOPE_FIX =
      "add it in the Zoom App Marketplace under the app's Scopes page, then reactivate the app";
  private static final String SCOPES_FIX =
      "add them in the Zoom App Marketplace under the app's Scopes page, then reactivate the app";

  /** What the participant scope is for, since no call zoomdex makes can show it works. */
  static final String PARTICIPANT_SCOPE_USE =
      "No zoomdex call uses it: Zoom grants it for the live participant webhooks"
          + " (meeting.participant_joined/left), which zoomdex does not subscribe to; participants"
          + " are read after each meeting with meeting:read:list_past_participants:admin";

  private final ZoomClient client;
  private final Clock clock;

  public ConnectionCheck(ZoomClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /** Runs the check; never throws a {@link ZoomException} (failures become the outcome). */
  public CheckReport run() {
    Set<String> granted;
    try {
      granted = client.grantedScopes();
    } catch (ZoomException e) {
      CheckReport.Outcome outcome =
          e.reason() == ZoomException.Reason.BAD_CREDENTIALS
              ? CheckReport.Outcome.BAD_CREDENTIALS
              : CheckReport.Outcome.UNAVAILABLE;
      return new CheckReport(outcome, e.getMessage(), Set.of(), List.of(), List.of());
    }
    Probes probes = new Probes(granted);
    try {
      probes.runAll();
    } catch (ZoomException e) {
      // Only bad credentials stop the probes; everything else is a row.
      return new CheckReport(
          CheckReport.Outcome.BAD_CREDENTIALS, e.getMessage(), granted, List.of(), List.of());
    }
    return probes.report();
  }

  /** The probes of one run, in order, each using what the earlier ones found. */
  private final class Probes {
    private final Set<String> granted;
    private final Map<String, ProbeRow> rows = new LinkedHashMap<>();
    private final Set<String> missing = new TreeSet<>();

    Probes(Set<String> granted) {
      this.granted = granted;
      for (String scope : RequiredScopes.ALL) {
        if (!granted.contains(scope)) {
          missing.add(scope);
        }
      }
    }

    void runAll() {
      Optional<ZoomUser> user =
          probe(
              LIST_USERS,
              "GET /users?page_size=1",
              () -> first(client.listUsersFirstPage(UserStatus.ACTIVE, 1)));
      Optional<String> userId = user.map(ZoomUser::id).filter(id -> !id.isBlank());
      probe(USER, "GET /users/{userId}", userId, id -> client.getUser(id));

      List<Meeting> meetings =
          probe(
                  LIST_MEETINGS,
                  "GET /users/{userId}/meetings",
                  userId,
                  client::listScheduledMeetings)
              .orElse(List.of());
      Optional<Meeting> meeting = meetings.stream().findFirst();
      probe(MEETING, "GET /meetings/{meetingId}", meeting, m -> client.getMeeting(m.id()));

      Optional<PastInstance> instance =
          probeFirstNonEmpty(
              LIST_PAST_MEETING_INSTANCES,
              "GET /past_meetings/{meetingId}/instances",
              meetings,
              m -> client.listPastMeetingInstances(m.id()));
      Optional<String> uuid = instance.map(PastInstance::uuid);
      Optional<PastMeeting> past =
          probe(PAST_MEETING, "GET /past_meetings/{meetingUUID}", uuid, client::getPastMeeting);
      probe(
          LIST_PAST_MEETING_PARTICIPANTS,
          "GET /past_meetings/{meetingUUID}/participants",
          uuid,
          client::listPastMeetingParticipants);
      probe(PAST_MEETING_QA, "GET /past_meetings/{meetingUUID}/qa", uuid, client::getPastMeetingQa);
      probe(
          MEETING_SUMMARY,
          "GET /meetings/{meetingUUID}/meeting_summary",
          past.filter(PastMeeting::hasMeetingSummary).map(PastMeeting::uuid),
          client::getMeetingSummary);
      rows.put(
          PARTICIPANT_WEBHOOKS,
          new ProbeRow(
              PARTICIPANT_WEBHOOKS,
              "webhooks meeting.participant_joined/left",
              missing.contains(PARTICIPANT_WEBHOOKS)
                  ? ProbeStatus.MISSING_SCOPE
                  : ProbeStatus.WEBHOOK_ONLY,
              missing.contains(PARTICIPANT_WEBHOOKS)
                  ? PARTICIPANT_SCOPE_USE + ". It is in the required list; " + SCOPE_FIX + "."
                  : PARTICIPANT_SCOPE_USE + "."));

      LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
      probe(
          LIST_USER_RECORDINGS,
          "GET /users/{userId}/recordings (last 30 days)",
          userId,
          id -> client.listRecordings(id, today.minusDays(30), today));

      List<Webinar> webinars =
          probe(LIST_WEBINARS, "GET /users/{userId}/webinars", userId, client::listWebinars)
              .orElse(List.of());
      Optional<Webinar> webinar = webinars.stream().findFirst();
      probe(WEBINAR, "GET /webinars/{webinarId}", webinar, w -> client.getWebinar(w.id()));
      probe(
          LIST_PANELISTS,
          "GET /webinars/{webinarId}/panelists",
          webinar,
          w -> client.listPanelists(w.id()));
      Optional<String> webinarUuid =
          probeFirstNonEmpty(
                  LIST_PAST_WEBINAR_INSTANCES,
                  "GET /past_webinars/{webinarId}/instances",
                  webinars,
                  w -> client.listPastWebinarInstances(w.id()))
              .map(PastInstance::uuid);
      probe(
          LIST_PAST_WEBINAR_PARTICIPANTS,
          "GET /past_webinars/{webinarUUID}/participants",
          webinarUuid,
          client::listPastWebinarParticipants);
      probe(
          PAST_WEBINAR_QA,
          "GET /past_webinars/{webinarUUID}/qa",
          webinarUuid,
          client::getPastWebinarQa);
    }

    /** Probes with an input found earlier; without one the row says there was no data. */
    private <I, T> Optional<T> probe(
        String scope, String endpoint, Optional<I> input, java.util.function.Function<I, T> call) {
      if (input.isEmpty()) {
        rows.put(scope, noData(scope, endpoint));
        return Optional.empty();
      }
      return probe(scope, endpoint, () -> Optional.ofNullable(call.apply(input.get())));
    }

    /** Calls {@code listing} for up to ten items until one gives an instance (the latest). */
    private <I> Optional<PastInstance> probeFirstNonEmpty(
        String scope,
        String endpoint,
        List<I> items,
        java.util.function.Function<I, List<PastInstance>> listing) {
      if (items.isEmpty()) {
        rows.put(scope, noData(scope, endpoint));
        return Optional.empty();
      }
      List<I> searched = items.subList(0, Math.min(items.size(), MAX_ITEMS_SEARCHED));
      Optional<PastInstance> found =
          probe(
              scope,
              endpoint,
              () -> {
                for (I item : searched) {
                  Optional<PastInstance> latest =
                      listing.apply(item).stream()
                          .filter(i -> i.uuid() != null && !i.uuid().isBlank())
                          .max(
                              Comparator.comparing(
                                  PastInstance::startTime,
                                  Comparator.nullsFirst(Comparator.naturalOrder())));
                  if (latest.isPresent()) {
                    return latest;
                  }
                }
                return Optional.empty();
              });
      return found;
    }

    /** Runs one call and records its row; an empty result still means the call worked. */
    private <T> Optional<T> probe(String scope, String endpoint, Supplier<Optional<T>> call) {
      try {
        Optional<T> result = call.get();
        rows.put(
            scope,
            missing.contains(scope)
                ? missingRow(scope, endpoint)
                : new ProbeRow(scope, endpoint, ProbeStatus.OK, ""));
        return result;
      } catch (ZoomException e) {
        if (e.reason() == ZoomException.Reason.BAD_CREDENTIALS) {
          throw e;
        }
        if (e.reason() == ZoomException.Reason.MISSING_SCOPE) {
          missing.add(scope);
          rows.put(scope, missingRow(scope, endpoint));
        } else if (e.isKnownRefusal()) {
          rows.put(
              scope,
              new ProbeRow(
                  scope,
                  endpoint,
                  missing.contains(scope) ? ProbeStatus.MISSING_SCOPE : ProbeStatus.NOT_AVAILABLE,
                  e.getMessage()));
        } else {
          rows.put(scope, new ProbeRow(scope, endpoint, ProbeStatus.FAILED, e.getMessage()));
        }
        return Optional.empty();
      }
    }

    private ProbeRow noData(String scope, String endpoint) {
      return missing.contains(scope)
          ? missingRow(scope, endpoint)
          : new ProbeRow(scope, endpoint, ProbeStatus.NO_DATA, "");
    }

    private ProbeRow missingRow(String scope, String endpoint) {
      return new ProbeRow(
          scope, endpoint, ProbeStatus.MISSING_SCOPE, "Add " + scope + ": " + SCOPE_FIX + ".");
    }

    CheckReport report() {
      List<ProbeRow> ordered = new ArrayList<>(rows.values());
      boolean failed = ordered.stream().anyMatch(r -> r.status() == ProbeStatus.FAILED);
      if (!missing.isEmpty()) {
        return new CheckReport(
            CheckReport.Outcome.MISSING_SCOPE,
            "The Zoom app lacks "
                + missing.size()
                + " required scope"
                + (missing.size() == 1 ? "" : "s")
                + " ("
                + String.join(", ", missing)
                + "); "
                + (missing.size() == 1 ? SCOPE_FIX : SCOPES_FIX)
                + ".",
            granted,
            List.copyOf(missing),
            ordered);
      }
      if (failed) {
        return new CheckReport(
            CheckReport.Outcome.UNAVAILABLE,
            "Some Zoom calls failed (see the table); check the network and Zoom's status page,"
                + " then run the check again.",
            granted,
            List.of(),
            ordered);
      }
      return new CheckReport(
          CheckReport.Outcome.OK,
          "The Zoom connection works and the app has all "
              + RequiredScopes.ALL.size()
              + " required scopes.",
          granted,
          List.of(),
          ordered);
    }
  }

  private static <T> Optional<T> first(List<T> list) {
    return list.stream().findFirst();
  }
}
