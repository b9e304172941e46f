package io.zoomdex.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.document.Readers;
import io.zoomdex.source.Targets;
import io.zoomdex.sync.StateStore;
import io.zoomdex.sync.StateStore.ReaderChange;
import io.zoomdex.sync.StateStore.WebhookEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a batch of webhook events asks for, in the order they came (a later event on the same
 * meeting wins): series and instances to re-read, documents to delete, users who lost or regained
 * access, new or reactivated users to crawl, reader changes to apply from the ledger (an email
 * change, a reactivation), and whether only a full crawl can follow (an event too thin to act on).
 * Recording events are not used: their scope is not granted, recordings are polled.
 */
final class EventPlan {
  private static final Logger log = LoggerFactory.getLogger(EventPlan.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Set<Long> meetings = new LinkedHashSet<>();
  private final Set<Long> transcriptsStale = new LinkedHashSet<>();
  private final Set<Long> webinars = new LinkedHashSet<>();
  private final Map<String, Targets.Instance> instances = new LinkedHashMap<>();
  private final Set<DocumentId> deletions = new LinkedHashSet<>();
  private final Set<String> deactivated = new LinkedHashSet<>();
  private final Set<String> reactivated = new LinkedHashSet<>();
  private final Set<String> newUsers = new LinkedHashSet<>();
  private final Set<String> endedHosts = new LinkedHashSet<>();
  private final List<ReaderChange> readerChanges = new ArrayList<>();
  private final Set<String> oldEmails = new LinkedHashSet<>();
  private boolean fullCrawlNeeded;

  private EventPlan() {}

  /** Reads the events in order; an unreadable or unused event adds nothing. */
  static EventPlan of(List<WebhookEvent> events) {
    EventPlan plan = new EventPlan();
    for (WebhookEvent event : events) {
      try {
        plan.add(event.event(), JSON.readTree(event.body()).path("payload"));
      } catch (JsonProcessingException | RuntimeException e) {
        log.warn("Ignoring unreadable webhook event {} ({})", event.sequence(), event.event());
      }
    }
    return plan;
  }

  private void add(String event, JsonNode payload) {
    JsonNode object = payload.path("object");
    boolean single = "single".equals(payload.path("operation").asText(""));
    switch (event) {
      case "meeting.created", "meeting.recovered" -> meeting(id(object));
      case "meeting.updated" -> {
        long id = id(object);
        meeting(id);
        if (object.has("topic")
            || object.has("host_id")
            || object.path("settings").has("alternative_hosts")) {
          transcriptsStale.add(id); // a transcript's title is the topic, its readers the hosts
        }
      }
      case "meeting.deleted", "meeting.permanently_deleted" -> {
        if (single) {
          meeting(id(object)); // one occurrence: the series stays
        } else {
          long id = id(object);
          meetings.remove(id);
          transcriptsStale.remove(id);
          deletions.add(new DocumentId(DocumentType.MEETING, Long.toString(id)));
        }
      }
      case "meeting.ended" -> {
        hostEnded(object);
        instance(id(object), object.path("uuid").asText(""));
      }
      case "meeting.summary_completed", "meeting.summary_updated", "meeting.summary_recovered" -> {
        String uuid = object.path("meeting_uuid").asText("");
        deletions.remove(new DocumentId(DocumentType.SUMMARY, uuid));
        instance(object.path("meeting_id").asLong(), uuid);
      }
      case "meeting.summary_deleted", "meeting.summary_trashed" -> {
        String uuid = object.path("meeting_uuid").asText("");
        if (!uuid.isEmpty()) {
          instances.remove(uuid);
          deletions.add(new DocumentId(DocumentType.SUMMARY, uuid));
        }
      }
      case "webinar.created", "webinar.updated", "webinar.ended", "webinar.recovered" -> {
        if (event.equals("webinar.ended")) {
          hostEnded(object);
        }
        long id = id(object);
        deletions.remove(new DocumentId(DocumentType.WEBINAR, Long.toString(id)));
        webinars.add(id);
        if (event.equals("webinar.updated")
            && (object.has("topic")
                || object.has("host_id")
                || object.path("settings").has("alternative_hosts"))) {
          transcriptsStale.add(id); // its recordings' transcripts carry the topic and hosts
        }
      }
      case "webinar.deleted" -> {
        long id = id(object);
        if (single) {
          webinars.add(id);
        } else {
          webinars.remove(id);
          transcriptsStale.remove(id);
          deletions.add(new DocumentId(DocumentType.WEBINAR, Long.toString(id)));
        }
      }
      case "user.deactivated", "user.deleted", "user.disassociated" -> {
        String email = Readers.normalize(object.path("email").asText(""));
        if (!email.isEmpty()) {
          reactivated.remove(email);
          deactivated.add(email);
          readerChanges.add(new ReaderChange(0, StateStore.DEACTIVATED, email, ""));
        }
        // A deleted or disassociated user is blocked like a deactivated one (documents may
        // still name them); what they hosted goes with the next full crawl's deletions.
      }
      case "user.activated" -> {
        String email = Readers.normalize(object.path("email").asText(""));
        if (!email.isEmpty()) {
          deactivated.remove(email);
          reactivated.add(email);
          // The documents naming them get them back from the ledger; what they host, from a
          // one-user crawl.
          readerChanges.add(new ReaderChange(0, StateStore.REACTIVATED, email, ""));
        }
        userCrawl(object);
      }
      case "user.created", "user.invitation_accepted" -> userCrawl(object);
      case "user.updated" -> emailChange(object, payload.path("old_object"));
      default -> log.debug("Webhook event {} is not used", event);
    }
  }

  /** A user to crawl alone with the next incremental crawl, by id. */
  private void userCrawl(JsonNode object) {
    String id = object.path("id").asText("").strip();
    if (id.isEmpty()) {
      fullCrawlNeeded = true; // nobody to crawl by id: only a full crawl finds them
    } else {
      newUsers.add(id);
    }
  }

  /**
   * {@code user.updated} carries changed fields only, the previous values in {@code old_object}: a
   * new email re-maps the readers the ledger keeps from the old one to the new one.
   */
  private void emailChange(JsonNode object, JsonNode old) {
    if (!object.has("email")) {
      return;
    }
    String now = Readers.normalize(object.path("email").asText(""));
    String before = Readers.normalize(old.path("email").asText(""));
    if (now.isEmpty() || before.isEmpty()) {
      fullCrawlNeeded = true; // the old email is unknown: only a full crawl re-maps it
    } else if (!now.equals(before)) {
      oldEmails.add(before);
      oldEmails.remove(now);
      readerChanges.add(new ReaderChange(0, StateStore.EMAIL_CHANGED, before, now));
    }
  }

  /** A host whose meeting or webinar ended may get a recording: their listing gets polled. */
  private void hostEnded(JsonNode object) {
    String hostId = object.path("host_id").asText("").strip();
    if (!hostId.isEmpty()) {
      endedHosts.add(hostId);
    }
  }

  private void meeting(long id) {
    deletions.remove(new DocumentId(DocumentType.MEETING, Long.toString(id)));
    meetings.add(id);
  }

  private void instance(long meetingId, String uuid) {
    if (!uuid.isEmpty()) {
      instances.put(uuid, new Targets.Instance(meetingId, uuid));
    }
  }

  /** Zoom sends ids as numbers, and as strings in some events (meeting.ended). */
  private static long id(JsonNode object) {
    JsonNode id = object.path("id");
    long value = id.isNumber() ? id.asLong() : Long.parseLong(id.asText("").strip());
    if (value <= 0) {
      throw new IllegalArgumentException("No meeting or webinar id in the event.");
    }
    return value;
  }

  Targets targets() {
    return new Targets(meetings, transcriptsStale, webinars, new ArrayList<>(instances.values()));
  }

  Set<DocumentId> deletions() {
    return Set.copyOf(deletions);
  }

  Set<String> deactivated() {
    return Set.copyOf(deactivated);
  }

  Set<String> reactivated() {
    return Set.copyOf(reactivated);
  }

  /** Users created or who accepted an invitation, by id: each gets a one-user crawl. */
  Set<String> newUsers() {
    return Set.copyOf(newUsers);
  }

  /** Hosts whose meeting or webinar ended (by user id): the ones who can have new recordings. */
  Set<String> endedHosts() {
    return Set.copyOf(endedHosts);
  }

  /** Reader changes to apply to the documents the ledger keeps, in event order. */
  List<ReaderChange> readerChanges() {
    return List.copyOf(readerChanges);
  }

  /** Emails people no longer have: they see nothing from now on. */
  Set<String> oldEmails() {
    return Set.copyOf(oldEmails);
  }

  boolean fullCrawlNeeded() {
    return fullCrawlNeeded;
  }

  /** Whether anything needs the index (and so the writer lock). */
  boolean writes() {
    return !targets().isEmpty() || !deletions.isEmpty() || !readerChanges.isEmpty();
  }
}
