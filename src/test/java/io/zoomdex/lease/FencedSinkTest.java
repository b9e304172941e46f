package io.zoomdex.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zoomdex.document.Change;
import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.document.Readers;
import io.zoomdex.lease.LeaseTestCluster.Process;
import io.zoomdex.sink.SinkException;
import io.zoomdex.sink.opensearch.EmbeddedOpenSearch;
import io.zoomdex.sink.opensearch.OpenSearchIndexSink;
import io.zoomdex.sink.opensearch.SharedOpenSearch;
import io.zoomdex.sink.opensearch.WriteFence;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A writer that lost the lease cannot change the index, checked on the real node. */
@ExtendWith(SharedOpenSearch.class)
class FencedSinkTest {
  private static final String ALICE = "alice@example.com";

  private final LeaseTestCluster cluster;
  private final Process a;
  private final Process b;

  FencedSinkTest(EmbeddedOpenSearch node) {
    cluster = new LeaseTestCluster(node);
    a = cluster.process("a");
    b = cluster.process("b");
  }

  @AfterEach
  void cleanUp() throws Exception {
    cluster.close();
  }

  private static Change meeting(String id, String title) {
    return new Change.Upsert(
        new Document(
            new DocumentId(DocumentType.MEETING, id),
            title,
            "body",
            ALICE,
            Instant.parse("2024-03-01T10:00:00Z"),
            30,
            "https://zoom.us/j/" + id,
            Readers.of(List.of(ALICE)),
            Map.of()));
  }

  private String title(String id) throws Exception {
    return cluster
        .connection
        .send("GET", "/" + cluster.alias + "/_doc/meeting:" + id, null)
        .body()
        .path("_source")
        .path("title")
        .asText("");
  }

  private void takeOverFromA() {
    b.keeper().tick();
    b.ticker().advance(LeaseTestCluster.LEASE);
    b.keeper().tick();
    assertThat(b.keeper().fence()).isPresent();
  }

  @Test
  void staleWriter_isRefusedBeforeItSendsAnything() throws Exception {
    a.keeper().tick();
    LeaseFence staleFence = a.keeper().fence().orElseThrow();
    takeOverFromA();

    try (OpenSearchIndexSink stale = OpenSearchIndexSink.open(cluster.settings, null, staleFence)) {
      stale.apply(meeting("1", "stale"));
      assertThatThrownBy(stale::commit)
          .isInstanceOf(SinkException.class)
          .hasMessageContaining("no longer holds the writer lease");
    }
    assertThat(title("1")).isEmpty();
  }

  @Test
  void staleWriteThatSlipsPastTheCheck_cannotOverwriteTheNewWritersDocument() throws Exception {
    a.keeper().tick();
    long staleEpoch = a.keeper().fence().orElseThrow().epoch();
    takeOverFromA();
    try (OpenSearchIndexSink current =
        OpenSearchIndexSink.open(cluster.settings, null, b.keeper().fence().orElseThrow())) {
      current.apply(meeting("1", "new writer"));
      current.commit();
    }
    // The residual window: the old writer passed its check just before it lost the lease.
    WriteFence passedItsCheck =
        new WriteFence() {
          @Override
          public long epoch() {
            return staleEpoch;
          }

          @Override
          public void check() {}
        };

    try (OpenSearchIndexSink stale =
        OpenSearchIndexSink.open(cluster.settings, null, passedItsCheck)) {
      stale.apply(meeting("1", "stale"));
      assertThatThrownBy(stale::commit)
          .isInstanceOf(SinkException.class)
          .hasMessageContaining("newer writer");
    }
    assertThat(title("1")).isEqualTo("new writer");
  }

  @Test
  void currentWriter_rewritesItsOwnDocuments() throws Exception {
    a.keeper().tick();
    try (OpenSearchIndexSink sink =
        OpenSearchIndexSink.open(cluster.settings, null, a.keeper().fence().orElseThrow())) {
      sink.apply(meeting("1", "first"));
      sink.commit();
      sink.apply(meeting("1", "second"));
      sink.apply(new Change.Delete(new DocumentId(DocumentType.MEETING, "2")));
      sink.commit();
    }
    assertThat(title("1")).isEqualTo("second");
  }
}
