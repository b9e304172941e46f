package io.zoomdex.sink.lucene;

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
    return open(LuceneIndexSink.open(dir.resolve("index")));
  }

  @Override
  protected Backend openBackend(PassageVectors vectors) throws Exception {
    return open(LuceneIndexSink.open(dir.resolve("vector-index"), vectors));
  }

  private static Backend open(LuceneIndexSink sink) {
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
        try (sink) {
          search.close();
        }
      }
    };
  }
}
