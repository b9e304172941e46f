package io.zoomdex.sink.lucene;

import io.zoomdex.embed.HashingEmbedder;
import io.zoomdex.passage.PassageVectors;
import io.zoomdex.search.SearchService;
import io.zoomdex.sink.IndexSink;
import io.zoomdex.sink.SearchBackendContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The backend contract against the embedded Lucene index. */
class LuceneBackendContractTest extends SearchBackendContractTest {

  @TempDir Path dir;

  @Override
  protected Backend openBackend() throws Exception {
    // With passage vectors (the deterministic hashing embedder), so every mode has a vector side.
    PassageVectors vectors = new PassageVectors(new HashingEmbedder(1024), 1, 16);
    LuceneIndexSink sink = LuceneIndexSink.open(dir.resolve("index"), vectors);
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
        try (vectors;
            sink) {
          search.close();
        }
      }
    };
  }
}
