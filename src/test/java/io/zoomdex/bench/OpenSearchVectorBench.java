package io.zoomdex.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.zoomdex.document.Change;
import io.zoomdex.document.Document;
import io.zoomdex.embed.Embedder;
import io.zoomdex.embed.EmbedderSettings;
import io.zoomdex.passage.Passage;
import io.zoomdex.passage.PassageVectors;
import io.zoomdex.search.SearchService;
import io.zoomdex.sink.opensearch.EmbeddedOpenSearch;
import io.zoomdex.sink.opensearch.HybridSearchTimings;
import io.zoomdex.sink.opensearch.OpenSearchConnection;
import io.zoomdex.sink.opensearch.OpenSearchIndexSink;
import io.zoomdex.sink.opensearch.OpenSearchSearchService;
import io.zoomdex.sink.opensearch.OpenSearchSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@link VectorBench} on the OpenSearch backend: the same documents (the pool's real crawl and real
 * vectors, copied round after round with blended vectors), the same readers and queries, indexed
 * through {@link OpenSearchIndexSink} with a {@link PassageVectors} pipeline into a real OpenSearch
 * 2.19 node with the k-NN plugin (started in this JVM on 127.0.0.1, stopped at the end), and
 * searched through {@link OpenSearchSearchService} as {@code zoomdex search --index opensearch}
 * does. Reports indexing speed, search latency of both readers in every mode, and both readers'
 * filtered-vector recall@10 against an exact search ({@link OpenSearchExactRecall}).
 *
 * <p>{@code OpenSearchVectorBench --docs 250000 --pool FILE --out FILE.md [--checkpoints 100000]
 * [--ks 100,200] [--hybrid-timings true]} (under -Xmx4g; {@code
 * -Dopensearch.knn.dir=target/opensearch-knn}).
 */
public final class OpenSearchVectorBench {
  private static final int BULK_COMMIT = 50_000;

  private OpenSearchVectorBench() {}

  public static void main(String[] argv) throws Exception {
    Args a = new Args(argv);
    int docs = a.getInt("docs", 100_000);
    int threads = a.getInt("threads", 2);
    int rounds = a.getInt("rounds", 3);
    int poolUsers = a.getInt("pool-users", 1000);
    Path poolFile = Path.of(a.get("pool", "target/bench/pool-" + poolUsers + ".vectors"));
    Path out = Path.of(a.get("out"));
    List<Integer> ks =
        Arrays.stream(a.get("ks", "100,200").split(",")).map(Integer::valueOf).toList();
    boolean hybridTimings = a.get("hybrid-timings", "false").equals("true");
    List<Integer> checkpoints = new ArrayList<>();
    for (String size : a.get("checkpoints", "").split(",")) {
      if (!size.isBlank() && Integer.parseInt(size.strip()) < docs) {
        checkpoints.add(Integer.parseInt(size.strip()));
      }
    }
    checkpoints.add(docs);
    StringBuilder report =
        new StringBuilder("Reproduce: `" + a.get("command", "(not given)") + "`\n\n");
    try (Embedder model = EmbedderSettings.defaults().open();
        EmbeddedOpenSearch node = EmbeddedOpenSearch.start()) {
      VectorPool pool = VectorPool.build(poolUsers, model, threads, poolFile);
      PooledEmbedder embedder = new PooledEmbedder(model, pool.vectors());
      OpenSearchSettings settings = OpenSearchSettings.of(List.of(node.uri()));
      List<Document> templates = pool.templates();
      SplittableRandom r = new SplittableRandom(7);
      int fewStride = Math.max(1, checkpoints.get(0) / 20);
      long passages = 0;
      // The vectors "many" and "few" may read, as indexed, from a second embedder over the same
      // pool (its blends are the same; the first one's counts stay the index's).
      PooledEmbedder copies = new PooledEmbedder(model, pool.vectors());
      ReadableVectors[] readable = {new ReadableVectors(), new ReadableVectors()};
      int many = 0;
      double seconds = 0;
      try (PassageVectors vectors = new PassageVectors(embedder, threads, 1024);
          OpenSearchIndexSink sink = OpenSearchIndexSink.open(settings, vectors)) {
        for (int i = 0; i < docs; i++) {
          long t = System.nanoTime();
          Document template = templates.get(i % templates.size());
          boolean few = i < 20 * fewStride && i % fewStride == 17 % fewStride;
          Document d = VectorBench.copy(template, i, i / templates.size(), r, few);
          List<Passage> cut = vectors.passages(d);
          passages += cut.size();
          boolean readByMany = d.readers().contains(VectorBench.MANY);
          many += readByMany ? 1 : 0;
          if (readByMany || few) {
            List<float[]> indexed =
                copies.embedPassages(cut.stream().map(p -> p.textToEmbed(d.title())).toList());
            if (readByMany) {
              readable[0].add(d.id().toString(), indexed);
            }
            if (few) {
              readable[1].add(d.id().toString(), indexed);
            }
          }
          sink.apply(new Change.Upsert(d));
          int size = i + 1;
          if (size % BULK_COMMIT == 0 || checkpoints.contains(size)) {
            sink.commit();
          }
          seconds += (System.nanoTime() - t) / 1e9;
          if (size % 10_000 == 0) {
            System.err.printf(
                Locale.ROOT,
                "%d documents indexed, %.0f s, load %s%n",
                size,
                seconds,
                VectorBench.loadAverage());
          }
          if (checkpoints.contains(size)) {
            report.append(String.format(Locale.ROOT, "#### %,d documents\n\n", size));
            report.append(
                buildText(settings, pool, embedder, size, passages, many, seconds, threads));
            report.append(searchFigures(settings, embedder, rounds, readable, ks, hybridTimings));
            Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
          }
        }
      }
    }
    System.out.println(report);
  }

  private static String buildText(
      OpenSearchSettings settings,
      VectorPool pool,
      PooledEmbedder embedder,
      int docs,
      long passages,
      int many,
      double seconds,
      int threads)
      throws Exception {
    JsonNode stats;
    try (OpenSearchConnection connection = OpenSearchConnection.open(settings)) {
      stats =
          connection
              .send("GET", "/" + settings.alias() + "/_stats/store,segments,docs", null)
              .body()
              .path("_all")
              .path("primaries");
    }
    long bytes = stats.path("store").path("size_in_bytes").asLong();
    return String.format(
        Locale.ROOT,
        "Built %s. Pool: %,d crawled documents, %,d distinct passages embedded by %s%s. Index:"
            + " %,d documents (%.1f rounds through the crawled ones, later rounds with blended"
            + " vectors as in VectorBench: %,d of them, mean cosine %.3f to the original) = **%,d"
            + " passages with vectors** (%.2f per document), k-NN plugin, Lucene engine, HNSW"
            + " M=32, ef_construction=200, inner product, 1 shard; %d segments (%,d Lucene"
            + " documents, nested passages included). Passages embedded outside the pool: %,d.\n\n"
            + "Indexing through `OpenSearchIndexSink` (%d embedding threads serving the pool's"
            + " vectors, bulk requests over HTTP, refreshed every %,d documents), search time at"
            + " smaller sizes not counted: %.0f s = **%,.0f documents/s, %,.0f passages/s**."
            + " Store on disk: **%.0f MB = %.2f KB per document**. \"many\" may read %,d"
            + " documents, \"few\" 20.\n\n",
        ZonedDateTime.now(ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
        pool.templates().size(),
        pool.vectors().size(),
        embedder.model().name(),
        pool.embedSeconds() > 0
            ? String.format(Locale.ROOT, " in %.0f s", pool.embedSeconds())
            : " (read from the file an earlier run wrote)",
        docs,
        (double) docs / pool.templates().size(),
        embedder.blended(),
        embedder.meanBlendCosine(),
        passages,
        (double) passages / docs,
        stats.path("segments").path("count").asInt(),
        stats.path("docs").path("count").asLong(),
        embedder.misses(),
        threads,
        BULK_COMMIT,
        seconds,
        docs / seconds,
        passages / seconds,
        bytes / 1e6,
        bytes / 1e3 / docs,
        many);
  }

  private static String searchFigures(
      OpenSearchSettings settings,
      PooledEmbedder embedder,
      int rounds,
      ReadableVectors[] readable,
      List<Integer> ks,
      boolean hybridTimings)
      throws Exception {
    String load = VectorBench.loadAverage();
    List<String> queries = VectorBench.queries();
    StringBuilder md = new StringBuilder();
    try (SearchService search = OpenSearchSearchService.open(settings, embedder);
        OpenSearchConnection connection = OpenSearchConnection.open(settings)) {
      md.append(
          VectorBench.latencies(
              search,
              embedder,
              queries,
              new VectorBench.Timing(rounds, 200, 400),
              "`OpenSearchSearchService` (HTTP to the node in the same JVM; hybrid is one"
                  + " `_msearch` of the BM25 and the nested k-NN ranking fused in zoomdex; the"
                  + " reader filter inside both, k=100 passages, the backend's window)",
              CpuClock.PROCESS));
      embedder.cacheQueries(true);
      for (int who = 0; who < 2; who++) {
        String reader = who == 0 ? VectorBench.MANY : VectorBench.FEW;
        md.append(
                OpenSearchExactRecall.measure(
                        connection,
                        settings.alias(),
                        search,
                        embedder,
                        queries,
                        reader,
                        readable[who],
                        ks)
                    .markdown())
            .append('\n');
      }
      if (hybridTimings) {
        md.append(HybridSearchTimings.measure(settings, embedder, queries, VectorBench.MANY))
            .append('\n');
      }
      embedder.cacheQueries(false);
    }
    md.append(
        String.format(
            Locale.ROOT,
            "Load average (1/5/15 min) on %d cores: %s when the search timing began, %s after"
                + " the recall.\n\n",
            Runtime.getRuntime().availableProcessors(),
            load,
            VectorBench.loadAverage()));
    return md.toString();
  }
}
