package io.zoomdex.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.document.Readers;
import io.zoomdex.source.Targets;
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
 * access, new users to crawl, and whether only a full crawl can follow (a user reactivated or whose
 * email changed). Recording events are not used: their scope is not granted, recordings are polled.
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
        }
        // A deleted or disassociated user is blocked like a deactivated one (documents may
        // still name them); what they hosted goes with the next full crawl's deletions.
      }
      case "user.activated" -> {
        String email = Readers.normalize(object.path("email").asText(""));
        if (!email.isEmpty()) {
          deactivated.remove(email);
          reactivated.add(email);
        }
        fullCrawlNeeded = true; // documents rewritten while they were away must get them back
      }
      case "user.created", "user.invitation_accepted" -> {
        String id = object.path("id").asText("").strip();
        if (id.isEmpty()) {
          fullCrawlNeeded = true; // nobody to crawl by id: only a full crawl finds them
        } else {
          newUsers.add(id); // a one-user crawl with the next incremental one
        }
      }
      case "user.updated" -> fullCrawlNeeded |= object.has("email");
      default -> log.debug("Webhook event {} is not used", event);
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

  boolean fullCrawlNeeded() {
    return fullCrawlNeeded;
  }

  /** Whether anything needs the index (and so the writer lock). */
  boolean writes() {
    return !targets().isEmpty() || !deletions.isEmpty();
  }
}
