package io.zoomdex.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.search.http.CrawlRun;
import io.zoomdex.sink.opensearch.EmbeddedOpenSearch;
import io.zoomdex.sink.opensearch.OpenSearchConnection;
import io.zoomdex.sink.opensearch.OpenSearchSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A writer's local deactivations and runs reach the shared stores: changes are merged (another
 * writer's earlier publication survives), runs are listed newest first across writers.
 */
@ExtendWith(io.zoomdex.sink.opensearch.SharedOpenSearch.class)
class StatePublisherTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final String alias =
      "state-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
  private final OpenSearchConnection connection;
  private final SharedDeactivations shared;
  private final SharedRunHistory runs;

  StatePublisherTest(EmbeddedOpenSearch node) {
    connection = OpenSearchConnection.open(OpenSearchSettings.of(List.of(node.uri())));
    shared = new SharedDeactivations(connection, alias, Clock.systemUTC());
    runs = new SharedRunHistory(connection, alias);
  }

  @AfterEach
  void cleanUp() throws Exception {
    connection.send("DELETE", "/" + SharedDeactivations.indexName(alias), null);
    connection.send("DELETE", "/" + SharedRunHistory.indexName(alias), null);
    connection.close();
  }

  @Test
  void nothingPublished_readsAsNoDeactivationsAndNoRuns() {
    assertThat(shared.get()).isEmpty();
    assertThat(runs.recentRuns(10)).isEmpty();
  }

  @Test
  void deactivations_areMerged_soAnotherWritersPublicationSurvives() {
    Set<String> localA = new HashSet<>(Set.of("Carol@Example.com"));
    Set<String> localB = new HashSet<>(Set.of("dave@example.com"));
    List<CrawlRun> none = new ArrayList<>();
    StatePublisher a = new StatePublisher("a", () -> localA, limit -> none, shared, runs);
    StatePublisher b = new StatePublisher("b", () -> localB, limit -> none, shared, runs);

    a.publish();
    b.publish(); // a new writer whose own state never saw carol
    assertThat(shared.readNow().emails())
        .containsExactlyInAnyOrder("carol@example.com", "dave@example.com");

    localB.add("erin@example.com");
    localB.remove("dave@example.com"); // reactivated, as b saw it
    b.publish();
    assertThat(shared.readNow().emails())
        .containsExactlyInAnyOrder("carol@example.com", "erin@example.com");
  }

  @Test
  void runs_ofEveryWriter_areListedNewestFirst_andAFinishedRunReplacesItsRunningSelf() {
    List<CrawlRun> localA = new ArrayList<>();
    List<CrawlRun> localB = new ArrayList<>();
    StatePublisher a = new StatePublisher("a", Set::of, limit -> List.copyOf(localA), shared, runs);
    StatePublisher b = new StatePublisher("b", Set::of, limit -> List.copyOf(localB), shared, runs);
    localA.add(new CrawlRun(1, "full", T0, T0.plusSeconds(60), "complete", "{\"written\":3}"));
    localA.add(new CrawlRun(2, "incremental", T0.plusSeconds(600), null, null, null));
    a.publish();
    localB.add(
        new CrawlRun(1, "incremental", T0.plusSeconds(300), T0.plusSeconds(320), "partial", "{}"));
    b.publish();

    assertThat(runs.recentRuns(10))
        .extracting(CrawlRun::started)
        .containsExactly(T0.plusSeconds(600), T0.plusSeconds(300), T0);
    assertThat(runs.recentRuns(1).get(0).finished()).isNull();

    localA.set(
        1,
        new CrawlRun(2, "incremental", T0.plusSeconds(600), T0.plusSeconds(630), "complete", "{}"));
    a.publish();
    assertThat(runs.recentRuns(10)).hasSize(3);
    assertThat(runs.recentRuns(1).get(0).outcome()).isEqualTo("complete");
    assertThat(runs.recentRuns(10).get(2).reportJson()).isEqualTo("{\"written\":3}");
  }

  @Test
  void aReplica_readsTheListAgainOnlyAfterItsFreshnessRunsOut() {
    MutableClock clock = new MutableClock(T0);
    SharedDeactivations replica = new SharedDeactivations(connection, alias, clock);
    assertThat(replica.get()).isEmpty();
    shared.apply(Set.of("frank@example.com"), Set.of());
    assertThat(replica.get()).as("still cached").isEmpty();
    clock.now = T0.plus(SharedDeactivations.FRESH_FOR);
    assertThat(replica.get()).containsExactly("frank@example.com");
  }

  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
