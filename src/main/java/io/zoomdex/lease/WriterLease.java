package io.zoomdex.lease;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zoomdex.sink.opensearch.OpenSearchConnection;
import io.zoomdex.sync.StorageException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The one writer lease of a zoomdex deployment on OpenSearch: a single document ({@code writer} in
 * the index {@code ALIAS.writer-lease}) that every write to it makes conditional on the document's
 * {@code _seq_no} and {@code _primary_term} (optimistic concurrency), so two processes can never
 * both succeed in taking or renewing it from the same state.
 *
 * <ul>
 *   <li><b>Taken</b> when there is no document (created with epoch 1), when its holder released it,
 *       or when this process has seen the same {@code _seq_no} for a whole lease duration on its
 *       own monotonic clock (the holder stopped renewing). Taking writes epoch + 1: the epoch is
 *       the fencing token, larger for every new holder.
 *   <li><b>Renewed</b> by rewriting the document (same epoch) conditional on the {@code _seq_no}
 *       this process last wrote; the hold is then valid for {@link #validFor()} from when the
 *       renewal was <em>sent</em>, measured on this machine's clock.
 *   <li><b>Lost</b> when a renewal is refused (someone else took it) or when renewals keep failing
 *       until the hold's validity runs out; <b>released</b> on a clean stop.
 * </ul>
 *
 * <p>Why this is safe without synchronized clocks: a taker waits a full lease duration after it
 * <em>first saw</em> the holder's last renewal, which is after that renewal was sent; the holder
 * stops trusting its hold {@link #validFor()} (90% of the duration) after sending it. Only the
 * clocks' rates must agree (to within 10%), not their readings.
 *
 * <p>Not thread-safe: one {@link LeaseKeeper} drives it.
 */
public final class WriterLease {
  static final String DOCUMENT = "writer";
  private static final String JSON = "application/json";

  private final OpenSearchConnection connection;
  private final String index;
  private final String holder;
  private final Duration duration;
  private final Ticker ticker;
  private final Clock wallClock;
  private boolean indexReady;

  /** The lease document as this process first saw it in its current state, to judge expiry. */
  private Sighting sighting;

  private record Sighting(long seqNo, long primaryTerm, long firstSeenNanos) {}

  /**
   * @param alias the index alias zoomdex writes; the lease lives in {@code alias.writer-lease}
   * @param holder this process's name in the lease, unique per process (see {@link #processName})
   * @param duration how long a holder that stopped renewing keeps the lease
   * @param ticker this machine's monotonic clock
   * @param wallClock only for the human-readable {@code renewed_at}
   */
  public WriterLease(
      OpenSearchConnection connection,
      String alias,
      String holder,
      Duration duration,
      Ticker ticker,
      Clock wallClock) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("The writer lease must last longer than zero.");
    }
    this.connection = connection;
    this.index = indexName(alias);
    this.holder = holder;
    this.duration = duration;
    this.ticker = ticker;
    this.wallClock = wallClock;
  }

  /** The index holding the lease of the deployment writing {@code alias}. */
  public static String indexName(String alias) {
    return alias + ".writer-lease";
  }

  /**
   * The lease this process campaigns for, named by {@link #processName()}, on the system ticker.
   */
  public static WriterLease forThisProcess(
      OpenSearchConnection connection, String alias, Duration duration, Clock wallClock) {
    return new WriterLease(connection, alias, processName(), duration, Ticker.SYSTEM, wallClock);
  }

  /** A name unique to this process, for the lease's holder: host, pid and a random part. */
  public static String processName() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown-host";
    }
    return host
        + "/"
        + ProcessHandle.current().pid()
        + "/"
        + java.util.UUID.randomUUID().toString().substring(0, 8);
  }

  public String holder() {
    return holder;
  }

  public Duration duration() {
    return duration;
  }

  /** How long after sending its last successful renewal a holder may still write: 90%. */
  public Duration validFor() {
    return duration.minus(duration.dividedBy(10));
  }

  /** Whether {@code hold} was last renewed a third of the lease time ago or more. */
  public boolean dueForRenewal(LeaseHold hold) {
    return ticker.nanos() - hold.sentAtNanos() >= duration.dividedBy(3).toNanos();
  }

  /** Whether {@code hold} is still within its validity on this machine's clock. */
  public boolean valid(LeaseHold hold) {
    return ticker.nanos() - hold.sentAtNanos() < validFor().toNanos();
  }

  /**
   * Takes the lease if it is free, released, or expired as seen from here; never waits.
   *
   * @return the new hold, or empty when another process holds it (or won a race to take it)
   * @throws StorageException when OpenSearch could not be reached or refused the request
   */
  public Optional<LeaseHold> tryAcquire() {
    ensureIndex();
    long now = ticker.nanos();
    Optional<LeaseRecord> current = read();
    if (current.isEmpty()) {
      Answer created = write("/_create/" + DOCUMENT, Map.of(), source(1, false));
      return created.conflict() ? Optional.empty() : Optional.of(hold(1, created, now));
    }
    LeaseRecord lease = current.get();
    boolean free = lease.released() || lease.holder().equals(holder) || expired(lease, now);
    if (!free) {
      return Optional.empty();
    }
    Answer taken = conditionalWrite(lease.seqNo(), lease.primaryTerm(), lease.epoch() + 1, false);
    sighting = null;
    return taken.conflict() ? Optional.empty() : Optional.of(hold(lease.epoch() + 1, taken, now));
  }

  /** Whether the lease has stood unchanged for a whole duration since this process first saw it. */
  private boolean expired(LeaseRecord lease, long now) {
    if (sighting == null
        || sighting.seqNo() != lease.seqNo()
        || sighting.primaryTerm() != lease.primaryTerm()) {
      sighting = new Sighting(lease.seqNo(), lease.primaryTerm(), now);
      return false;
    }
    return now - sighting.firstSeenNanos() >= duration.toNanos();
  }

  /**
   * Renews a hold.
   *
   * @return the renewed hold, or empty when the lease was lost (another process took it)
   * @throws StorageException when OpenSearch could not be reached: the hold stays as valid as it
   *     was (see {@link #valid}), so try again soon
   */
  public Optional<LeaseHold> renew(LeaseHold hold) {
    long now = ticker.nanos();
    Answer renewed = conditionalWrite(hold.seqNo(), hold.primaryTerm(), hold.epoch(), false);
    if (!renewed.conflict()) {
      return Optional.of(hold(hold.epoch(), renewed, now));
    }
    // An earlier renewal may have landed with its answer lost: the lease is then still ours.
    Optional<LeaseRecord> current = read();
    if (current.isPresent() && ours(current.get(), hold.epoch())) {
      Answer again =
          conditionalWrite(current.get().seqNo(), current.get().primaryTerm(), hold.epoch(), false);
      if (!again.conflict()) {
        return Optional.of(hold(hold.epoch(), again, now));
      }
    }
    return Optional.empty();
  }

  /**
   * Gives the lease up so another process may take it at once; does nothing when it was lost.
   *
   * @throws StorageException when OpenSearch could not be reached (the lease then expires)
   */
  public void release(LeaseHold hold) {
    conditionalWrite(hold.seqNo(), hold.primaryTerm(), hold.epoch(), true);
  }

  /**
   * Whether the lease document, read now, still names this process with {@code epoch}: the remote
   * half of the fence (a newer holder has a larger epoch).
   *
   * @throws StorageException when it could not be read
   */
  public boolean heldNow(long epoch) {
    return read().map(lease -> ours(lease, epoch)).orElse(false);
  }

  private boolean ours(LeaseRecord lease, long epoch) {
    return !lease.released() && lease.epoch() == epoch && lease.holder().equals(holder);
  }

  /**
   * The lease document now (a real-time read), or empty when there is none yet.
   *
   * @throws StorageException when it could not be read
   */
  public Optional<LeaseRecord> read() {
    OpenSearchConnection.Answer answer = send("GET", "/" + index + "/_doc/" + DOCUMENT, null);
    if (answer.status() == 404) {
      return Optional.empty();
    }
    require(answer, "read the writer lease");
    JsonNode source = answer.body().path("_source");
    return Optional.of(
        new LeaseRecord(
            source.path("holder").asText(""),
            source.path("epoch").asLong(),
            source.path("released").asBoolean(false),
            source.path("renewed_at").asText(""),
            answer.body().path("_seq_no").asLong(),
            answer.body().path("_primary_term").asLong()));
  }

  private void ensureIndex() {
    if (indexReady) {
      return;
    }
    ObjectNode body = connection.json().createObjectNode();
    body.putObject("settings").put("number_of_shards", 1).put("auto_expand_replicas", "0-1");
    ObjectNode properties =
        body.putObject("mappings").put("dynamic", false).putObject("properties");
    properties.putObject("holder").put("type", "keyword");
    properties.putObject("epoch").put("type", "long");
    OpenSearchConnection.Answer answer = send("PUT", "/" + index, body);
    if (!answer.ok() && !answer.errorType().equals("resource_already_exists_exception")) {
      require(answer, "create the writer lease index " + index);
    }
    indexReady = true;
  }

  private Answer conditionalWrite(long seqNo, long primaryTerm, long epoch, boolean released) {
    return write(
        "/_doc/" + DOCUMENT,
        Map.of("if_seq_no", Long.toString(seqNo), "if_primary_term", Long.toString(primaryTerm)),
        source(epoch, released));
  }

  private ObjectNode source(long epoch, boolean released) {
    ObjectNode source = connection.json().createObjectNode();
    source.put("holder", holder);
    source.put("epoch", epoch);
    source.put("released", released);
    source.put("renewed_at", wallClock.instant().toString());
    source.put("lease_ms", duration.toMillis());
    return source;
  }

  /** A write whose only acceptable failure is a conflict (someone else changed the lease). */
  private Answer write(String path, Map<String, String> query, ObjectNode source) {
    OpenSearchConnection.Answer answer;
    try {
      answer =
          connection.send(
              "PUT", "/" + index + path, query, connection.json().writeValueAsBytes(source), JSON);
    } catch (IOException e) {
      throw unreachable("write the writer lease", e);
    }
    if (answer.status() == 409) {
      return new Answer(true, 0, 0);
    }
    require(answer, "write the writer lease");
    return new Answer(
        false,
        answer.body().path("_seq_no").asLong(),
        answer.body().path("_primary_term").asLong());
  }

  private record Answer(boolean conflict, long seqNo, long primaryTerm) {}

  private static LeaseHold hold(long epoch, Answer answer, long sentAtNanos) {
    return new LeaseHold(epoch, answer.seqNo(), answer.primaryTerm(), sentAtNanos);
  }

  private OpenSearchConnection.Answer send(String method, String path, JsonNode body) {
    try {
      return connection.send(method, path, body);
    } catch (IOException e) {
      throw unreachable("reach the writer lease", e);
    }
  }

  private void require(OpenSearchConnection.Answer answer, String action) {
    OpenSearchFailures.require(connection, answer, action, index);
  }

  private StorageException unreachable(String action, IOException e) {
    return OpenSearchFailures.unreachable(connection, action, e);
  }
}
