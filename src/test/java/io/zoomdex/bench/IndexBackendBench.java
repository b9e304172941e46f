package io.zoomdex.bench;

import io.zoomdex.document.Change;
import io.zoomdex.document.Document;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchService;
import io.zoomdex.sink.GeneratedCorpus;
import io.zoomdex.sink.IndexSink;
import io.zoomdex.sink.lucene.LuceneIndexSink;
import io.zoomdex.sink.opensearch.EmbeddedOpenSearch;
import io.zoomdex.sink.opensearch.OpenSearchIndexSink;
import io.zoomdex.sink.opensearch.OpenSearchSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Side by side, in one JVM, on the same generated documents: bulk indexing throughput and search
 * latency (p50/p99) of the embedded Lucene index and a real OpenSearch 2.19.6 node (in this JVM,
 * over HTTP on 127.0.0.1). Not a unit test; run it as the report describes:
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     io.zoomdex.bench.IndexBackendBench 50000
 * </pre>
 */
public final class IndexBackendBench {

  private static final int WARM_UP = 300;
  private static final int MEASURED = 1_000;

  private IndexBackendBench() {}

  public static void main(String[] args) throws Exception {
    int documents = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    GeneratedCorpus corpus = GeneratedCorpus.generate(42, documents, 500);
    String broad = GeneratedCorpus.BROAD_READER;
    String narrow = corpus.narrowReader();
    System.out.printf(
        Locale.ROOT,
        "%,d documents; %s reads %,d, %s reads %,d%n",
        documents,
        broad,
        corpus.readableBy(broad).size(),
        narrow,
        corpus.readableBy(narrow).size());
    Path dir = Files.createTempDirectory("zoomdex-bench");
    try (EmbeddedOpenSearch node = EmbeddedOpenSearch.start()) {
      try (LuceneIndexSink lucene = LuceneIndexSink.open(dir.resolve("index"))) {
        measure("lucene", lucene, lucene.searchService(), corpus, broad, narrow);
      }
      try (OpenSearchIndexSink openSearch =
          OpenSearchIndexSink.open(OpenSearchSettings.of(List.of(node.uri())))) {
        measure("opensearch", openSearch, openSearch.searchService(), corpus, broad, narrow);
      }
    } finally {
      deleteTree(dir);
    }
  }

  private static void measure(
      String name,
      IndexSink sink,
      SearchService search,
      GeneratedCorpus corpus,
      String broad,
      String narrow)
      throws Exception {
    List<Document> documents = corpus.documents();
    long start = System.nanoTime();
    for (Document document : documents) {
      sink.apply(new Change.Upsert(document));
    }
    sink.commit();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%-10s index %,d docs in %.2f s = %,.0f docs/s (count %,d)%n",
        name,
        documents.size(),
        seconds,
        documents.size() / seconds,
        sink.documentCount());
    for (String searcher : List.of(broad, narrow)) {
      for (boolean blank : new boolean[] {true, false}) {
        long[] nanos = latencies(search, searcher, blank);
        Arrays.sort(nanos);
        System.out.printf(
            Locale.ROOT,
            "%-10s %-22s %-10s p50 %6.2f ms  p99 %6.2f ms%n",
            name,
            searcher,
            blank ? "match-all" : "words",
            nanos[nanos.length / 2] / 1e6,
            nanos[(int) (nanos.length * 0.99)] / 1e6);
      }
    }
    search.close();
  }

  /** Latencies of MEASURED searches (after WARM_UP), one-word and two-word queries in turn. */
  private static long[] latencies(SearchService search, String searcher, boolean blank)
      throws Exception {
    long[] nanos = new long[MEASURED];
    for (int i = -WARM_UP; i < MEASURED; i++) {
      String query =
          blank
              ? ""
              : i % 2 == 0
                  ? GeneratedCorpus.word(i)
                  : GeneratedCorpus.word(i) + " " + GeneratedCorpus.word(i * 7 + 3);
      long start = System.nanoTime();
      search.search(SearchRequest.of(searcher, query));
      if (i >= 0) {
        nanos[i] = System.nanoTime() - start;
      }
    }
    return nanos;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
