package io.zoomdex.sink.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zoomdex.config.Secret;
import io.zoomdex.document.Change;
import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.document.Readers;
import io.zoomdex.search.DocumentView;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchResults;
import io.zoomdex.search.SearchService;
import io.zoomdex.sink.SinkException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** OpenSearch-only sink behaviour: failures, retries, the template and the alias swap. */
@ExtendWith(SharedOpenSearch.class)
class OpenSearchIndexSinkTest {

  private static final AtomicInteger ALIASES = new AtomicInteger();
  private static final String ALICE = "alice@example.com";

  private final EmbeddedOpenSearch node;
  private final String alias = "sink-" + ALIASES.incrementAndGet();
  private final OpenSearchConnection admin;
  private final List<Duration> pauses = new ArrayList<>();

  OpenSearchIndexSinkTest(EmbeddedOpenSearch node) {
    this.node = node;
    this.admin = OpenSearchConnection.open(settings(node.uri()));
  }

  @AfterEach
  void deleteIndices() throws Exception {
    try (admin) {
      OpenSearchTestIndices.delete(admin, alias);
    }
  }

  private OpenSearchSettings settings(URI uri) {
    return OpenSearchSettings.of(List.of(uri))
        .withAlias(alias)
        .withBulkLimits(10, 1024 * 1024)
        .withRetries(3, Duration.ofMillis(100));
  }

  private OpenSearchIndexSink open(OpenSearchSettings settings, Pause pause) throws Exception {
    return OpenSearchIndexSink.open(
        OpenSearchConnection.open(settings), true, settings, pause, null);
  }

  private static Document meeting(int n) {
    return new Document(
        new DocumentId(DocumentType.MEETING, Integer.toString(n)),
        "Roadmap " + n,
        "Agenda line " + n,
        ALICE,
        Instant.parse("2024-03-01T10:00:00Z").plusSeconds(n),
        30,
        "https://zoom.us/j/" + n,
        Readers.of(List.of(ALICE)),
        Map.of("meeting_id", Integer.toString(n)));
  }

  private long committedCount() throws Exception {
    return admin.send("GET", "/" + alias + "/_count", null).body().path("count").asLong();
  }

  private void setIndexSetting(String key, Object value) throws Exception {
    ObjectNode body = admin.json().createObjectNode();
    body.putPOJO(key, value);
    OpenSearchIndexes.require(admin.send("PUT", "/" + alias + "/_settings", body), "set " + key);
  }

  @Test
  void commit_nodeGoneMidBulk_failsRetryable_keepsTheCheckpointState_andARetryCompletes()
      throws Exception {
    try (CuttableProxy proxy = new CuttableProxy(node.uri());
        OpenSearchIndexSink sink = open(settings(proxy.uri()), pauses::add)) {
      for (int n = 0; n < 5; n++) {
        sink.apply(new Change.Upsert(meeting(n)));
      }
      sink.commit();
      for (int n = 5; n < 20; n++) {
        sink.apply(new Change.Upsert(meeting(n))); // the first ten go out as one bulk
      }

      proxy.cutOff();
      assertThatThrownBy(sink::commit)
          .isInstanceOf(SinkException.class)
          .hasMessageContaining("after 3 attempts")
          .hasMessageContaining(proxy.uri().toString())
          .satisfies(e -> assertThat(((SinkException) e).retryable()).isTrue());
      assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
      assertThat(committedCount()).as("nothing past the last commit is visible").isEqualTo(5);

      proxy.restore();
      sink.commit();

      assertThat(sink.documentCount()).isEqualTo(20);
      assertThat(committedCount()).isEqualTo(20);
    }
  }

  @Test
  void commit_nodeGoneThenBackBetweenAttempts_succeedsAfterBackoff() throws Exception {
    try (CuttableProxy proxy = new CuttableProxy(node.uri());
        OpenSearchIndexSink sink =
            open(
                settings(proxy.uri()),
                duration -> {
                  pauses.add(duration);
                  proxy.restore();
                })) {
      sink.apply(new Change.Upsert(meeting(1)));
      proxy.cutOff();

      sink.commit();

      assertThat(pauses).containsExactly(Duration.ofMillis(100));
      assertThat(sink.documentCount()).isEqualTo(1);
    }
  }

  @Test
  void commit_itemsRefusedWith429_areSentAgainAfterBackoff() throws Exception {
    try (OpenSearchIndexSink sink =
        open(
            settings(node.uri()),
            duration -> {
              pauses.add(duration);
              try {
                setIndexSetting("index.blocks.read_only_allow_delete", null);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })) {
      setIndexSetting("index.blocks.read_only_allow_delete", true);
      sink.apply(new Change.Upsert(meeting(1)));
      sink.apply(new Change.Upsert(meeting(2)));

      sink.commit();

      assertThat(pauses).as("one backoff, then the block was gone").hasSize(1);
      assertThat(sink.documentCount()).isEqualTo(2);
    }
  }

  @Test
  void commit_itemRejectedForGood_failsFatalNamingTheDocument_andNothingIsLost() throws Exception {
    try (OpenSearchIndexSink sink = open(settings(node.uri()), pauses::add)) {
      setIndexSetting("index.blocks.write", true);
      sink.apply(new Change.Upsert(meeting(7)));

      assertThatThrownBy(sink::commit)
          .isInstanceOf(SinkException.class)
          .hasMessageContaining("rejected 1 documents")
          .hasMessageContaining("meeting:7")
          .hasMessageContaining("cluster_block_exception")
          .satisfies(e -> assertThat(((SinkException) e).retryable()).isFalse());
      assertThat(pauses).isEmpty();

      setIndexSetting("index.blocks.write", null);
      sink.commit();
      try (SearchService search = sink.searchService()) {
        assertThat(search.get(ALICE, meeting(7).id()))
            .map(DocumentView::title)
            .contains("Roadmap 7");
      }
    }
  }

  @Test
  void open_twice_keepsTheIndexAndItsDocuments() throws Exception {
    try (OpenSearchIndexSink sink = open(settings(node.uri()), pauses::add)) {
      sink.apply(new Change.Upsert(meeting(1)));
      sink.commit();
    }
    try (OpenSearchIndexSink again = open(settings(node.uri()), pauses::add)) {
      assertThat(again.documentCount()).isEqualTo(1);
      assertThat(again.indexes().currentIndex()).contains(alias + "-1");
    }
  }

  @Test
  void open_createsTheTemplateAndMapping_readersNeverComeBackFromSearches() throws Exception {
    try (OpenSearchIndexSink sink = open(settings(node.uri()), pauses::add)) {
      sink.apply(new Change.Upsert(meeting(1)));
      sink.commit();
    }
    var mapping = admin.send("GET", "/" + alias + "/_mapping", null).body();
    var properties = mapping.path(alias + "-1").path("mappings").path("properties");
    assertThat(properties.path("readers").path("type").asText()).isEqualTo("keyword");
    assertThat(properties.path("body").path("analyzer").asText()).isEqualTo("english");
    assertThat(properties.path("start_time").path("type").asText()).isEqualTo("date");

    try (OpenSearchSearchService search =
        new OpenSearchSearchService(admin, false, alias, SearchResults.COUNT_CAP)) {
      assertThat(search.search(SearchRequest.of(ALICE, "roadmap")).total()).isEqualTo(1);
    }
    String raw =
        admin
            .send(
                "POST",
                "/" + alias + "/_search",
                admin.json().readTree("{\"query\":{\"match_all\":{}}}"))
            .body()
            .toString();
    assertThat(raw).as("the source keeps readers for rebuilds").contains("readers");
  }

  @Test
  void swapAliasTo_nextGeneration_switchesSearchesAtomicallyAndKeepsTheOldIndex() throws Exception {
    try (OpenSearchIndexSink sink = open(settings(node.uri()), pauses::add);
        SearchService search = sink.searchService()) {
      sink.apply(new Change.Upsert(meeting(1)));
      sink.commit();

      String next = sink.indexes().createNextGeneration();
      assertThat(next).isEqualTo(alias + "-2");
      ObjectNode rebuilt = OpenSearchSchema.toSource(admin.json(), meeting(2));
      OpenSearchIndexes.require(
          admin.send("PUT", "/" + next + "/_doc/meeting:2?refresh=true", rebuilt), "index");
      assertThat(search.search(SearchRequest.of(ALICE, "")).total()).isEqualTo(1);

      sink.indexes().swapAliasTo(next);

      assertThat(sink.indexes().currentIndex()).contains(next);
      assertThat(search.get(ALICE, meeting(2).id())).isPresent();
      assertThat(search.get(ALICE, meeting(1).id())).isEmpty();
      assertThat(admin.send("HEAD", "/" + alias + "-1", null).status()).isEqualTo(200);
      sink.apply(new Change.Upsert(meeting(3)));
      sink.commit();
      assertThat(sink.documentCount()).as("writes follow the alias").isEqualTo(2);
    }
  }

  @Test
  void open_unreachableCluster_failsRetryableWithoutRevealingTheSecret() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    OpenSearchSettings settings =
        settings(URI.create("http://127.0.0.1:" + closedPort))
            .withCredentials(
                new OpenSearchCredentials.Basic("zoomdex", Secret.of("hunter2-password")));

    assertThatThrownBy(() -> open(settings, pauses::add))
        .isInstanceOf(SinkException.class)
        .hasMessageContaining("Could not prepare the OpenSearch index " + alias)
        .hasMessageContaining("127.0.0.1:" + closedPort)
        .satisfies(e -> assertThat(((SinkException) e).retryable()).isTrue())
        .satisfies(e -> assertThat(e.toString()).doesNotContain("hunter2"));
    assertThat(settings.toString()).doesNotContain("hunter2");
  }

  @Test
  void credentials_areSentAsAnAuthorizationHeader() throws Exception {
    try (CuttableProxy proxy = new CuttableProxy(node.uri())) {
      OpenSearchSettings basic =
          settings(proxy.uri())
              .withCredentials(new OpenSearchCredentials.Basic("zoomdex", Secret.of("s3cret")));
      try (OpenSearchIndexSink sink = open(basic, pauses::add)) {
        sink.commit();
      }
      String expected =
          Base64.getEncoder().encodeToString("zoomdex:s3cret".getBytes(StandardCharsets.UTF_8));
      assertThat(proxy.sentText()).contains("Authorization: Basic " + expected);

      OpenSearchSettings apiKey =
          settings(proxy.uri()).withCredentials(new OpenSearchCredentials.ApiKey(Secret.of("k-1")));
      try (OpenSearchIndexSink sink = open(apiKey, pauses::add)) {
        sink.commit();
      }
      assertThat(proxy.sentText()).contains("Authorization: ApiKey k-1");
    }
  }

  @Test
  void apply_afterClose_failsWithSinkException() throws Exception {
    OpenSearchIndexSink sink = open(settings(node.uri()), pauses::add);
    sink.close();
    sink.close();
    assertThatThrownBy(() -> sink.apply(new Change.Upsert(meeting(1))))
        .isInstanceOf(SinkException.class)
        .hasMessageContaining("closed");
  }
}
