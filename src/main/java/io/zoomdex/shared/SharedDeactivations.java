package io.zoomdex.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zoomdex.document.Readers;
import io.zoomdex.sink.opensearch.OpenSearchConnection;
import io.zoomdex.sink.opensearch.OpenSearchConnection.Answer;
import io.zoomdex.sync.StorageException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The deactivated users of an OpenSearch deployment: one document ({@code users} in {@code
 * ALIAS.deactivated-users}) that the writer changes (conditionally on its {@code _seq_no}) and
 * every replica reads. As a {@link Supplier} it is read at most every {@link #FRESH_FOR} (a
 * real-time GET), so a replica hides a deactivated user's documents at most that long after the
 * writer published the deactivation.
 */
public final class SharedDeactivations implements Supplier<Set<String>> {
  /** How long a replica keeps the list it read before reading it again. */
  public static final Duration FRESH_FOR = Duration.ofSeconds(2);

  private static final String DOCUMENT = "users";

  private final SharedIndex index;
  private final Clock clock;
  private Set<String> cached = Set.of();
  private Instant readAt = Instant.MIN;

  /** The deactivated users of the deployment writing {@code alias}. */
  public SharedDeactivations(OpenSearchConnection connection, String alias, Clock clock) {
    this.index =
        new SharedIndex(
            connection, indexName(alias), properties -> {}, s -> new StorageException(s, null));
    this.clock = clock;
  }

  /** The index holding the deactivated users of the deployment writing {@code alias}. */
  public static String indexName(String alias) {
    return alias + ".deactivated-users";
  }

  /**
   * The list, read again when the last read is older than {@link #FRESH_FOR}.
   *
   * @throws StorageException when OpenSearch cannot be read (a search then fails rather than
   *     showing a deactivated user anything)
   */
  @Override
  public synchronized Set<String> get() {
    Instant now = clock.instant();
    if (!now.isBefore(readAt.plus(FRESH_FOR))) {
      cached = readNow().emails();
      readAt = now;
    }
    return cached;
  }

  /** The list as OpenSearch has it now; empty when nothing was published yet. */
  Listed readNow() {
    Answer answer = index.send("GET", "/_doc/" + DOCUMENT, Map.of(), null);
    if (answer.status() == 404) {
      return new Listed(Set.of(), -1, -1);
    }
    if (!answer.ok()) {
      throw index.refused(answer, "read the deactivated users");
    }
    Set<String> emails = new TreeSet<>();
    for (JsonNode email : answer.body().path("_source").path("emails")) {
      emails.add(Readers.normalize(email.asText()));
    }
    return new Listed(
        Set.copyOf(emails),
        answer.body().path("_seq_no").asLong(),
        answer.body().path("_primary_term").asLong());
  }

  /**
   * Adds and removes users, as the writer's own state changed: a change the writer did not see
   * itself (another writer's earlier publication) is kept.
   *
   * @throws StorageException when OpenSearch cannot be written
   */
  public void apply(Set<String> added, Set<String> removed) {
    if (added.isEmpty() && removed.isEmpty()) {
      return;
    }
    index.ensure();
    while (true) {
      Listed current = readNow();
      Set<String> next = new TreeSet<>(current.emails());
      added.stream().map(Readers::normalize).forEach(next::add);
      removed.stream().map(Readers::normalize).forEach(next::remove);
      ObjectNode source = index.object();
      ArrayNode emails = source.putArray("emails");
      next.forEach(emails::add);
      source.put("updated", clock.instant().toString());
      Answer answer =
          current.seqNo() < 0
              ? index.send("PUT", "/_create/" + DOCUMENT, Map.of(), source)
              : index.send(
                  "PUT",
                  "/_doc/" + DOCUMENT,
                  Map.of(
                      "if_seq_no", Long.toString(current.seqNo()),
                      "if_primary_term", Long.toString(current.primaryTerm())),
                  source);
      if (answer.ok()) {
        return;
      }
      if (answer.status() != 409) {
        throw index.refused(answer, "publish the deactivated users");
      }
    }
  }

  /** The list with the version it was read at ({@code -1} when there is none yet). */
  record Listed(Set<String> emails, long seqNo, long primaryTerm) {}
}
