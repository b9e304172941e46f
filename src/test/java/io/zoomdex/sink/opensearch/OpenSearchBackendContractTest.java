package io.zoomdex.sink.opensearch;

import io.zoomdex.embed.HashingEmbedder;
import io.zoomdex.passage.PassageVectors;
import io.zoomdex.search.SearchService;
import io.zoomdex.sink.IndexSink;
import io.zoomdex.sink.SearchBackendContractTest;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtendWith;

/** The backend contract against a real OpenSearch node, one fresh alias per test. */
@ExtendWith(SharedOpenSearch.class)
class OpenSearchBackendContractTest extends SearchBackendContractTest {

  private static final AtomicInteger ALIASES = new AtomicInteger();

  private final EmbeddedOpenSearch node;

  OpenSearchBackendContractTest(EmbeddedOpenSearch node) {
    this.node = node;
  }

  @Override
  protected Backend openBackend() throws Exception {
    // With passage vectors (the deterministic hashing embedder), so every mode has a vector side.
    PassageVectors vectors = new PassageVectors(new HashingEmbedder(1024), 1, 16);
    Backend backend = openBackend(vectors);
    return new Backend() {
      @Override
      public IndexSink sink() {
        return backend.sink();
      }

      @Override
      public SearchService search() {
        return backend.search();
      }

      @Override
      public SearchService search(int countCap) {
        return backend.search(countCap);
      }

      @Override
      public void close() throws Exception {
        try (vectors) {
          backend.close();
        }
      }
    };
  }

  @Override
  protected Backend openBackend(PassageVectors vectors) throws Exception {
    // Small bulks, so the fixtures and the generated account cross several bulk requests.
    OpenSearchSettings settings =
        OpenSearchSettings.of(List.of(node.uri()))
            .withAlias("contract-" + ALIASES.incrementAndGet())
            .withBulkLimits(50, 64 * 1024);
    OpenSearchIndexSink sink = OpenSearchIndexSink.open(settings, vectors);
    SearchService search = sink.searchService();
    return new Backend() {
      @Override
      public IndexSink sink() {
        return sink;
      }

      @Override
      public SearchService search() {
        return search;
      }

      @Override
      public SearchService search(int countCap) {
        return sink.searchService(countCap);
      }

      @Override
      public void close() throws Exception {
        try (OpenSearchConnection admin = OpenSearchConnection.open(settings)) {
          OpenSearchTestIndices.delete(admin, settings.alias());
        } finally {
          search.close();
          sink.close();
        }
      }
    };
  }
}
