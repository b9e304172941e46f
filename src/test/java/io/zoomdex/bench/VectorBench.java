package io.zoomdex.bench;

import io.zoomdex.document.Change;
import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.Readers;
import io.zoomdex.embed.Embedder;
import io.zoomdex.embed.EmbedderSettings;
import io.zoomdex.passage.PassageVectors;
import io.zoomdex.search.SearchMode;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchResults;
import io.zoomdex.search.SearchService;
import io.zoomdex.simulator.corpus.MeetingCorpus;
import io.zoomdex.sink.lucene.LuceneIndexSink;
import io.zoomdex.sink.lucene.LuceneSearchService;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;

/**
 * Hybrid search at scale with real embeddings, through the production path: documents go into
 * {@link LuceneIndexSink} with a {@link PassageVectors} pipeline (cut into passages, one HNSW
 * vector each, the reader filter inside the vector query), and are searched through {@link
 * LuceneSearchService#openReadOnly} as {@code zoomdex search} and {@code serve} do.
 *
 * <p>What is real and what is reused: the text of every document is real simulator content (a crawl
 * of {@code --pool-users} users, recombined from {@code bench/relevance}), and every passage vector
 * is the real minilm-q embedding of that passage's text, but there are only as many distinct texts
 * as that crawl holds: the {@code --docs} documents cycle through the crawled ones with their own
 * ids, readers and dates, so each distinct passage (and its vector) appears about docs ÷
 * crawled-documents times. Queries are the relevance set's, embedded by the model.
 *
 * <p>Reports indexing speed, index size per document (vector files apart), search latency for a
 * reader of 20% of documents and one of 20 documents in hybrid, semantic and keyword mode, and the
 * broad reader's filtered-vector recall@10 against an exact (brute-force) search of the same index.
 *
 * <p>{@code VectorBench --docs 1000000 --dir DIR --out FILE.md [--reuse true] [--pool-users 250]}
 * (add {@code -Dzoomdex.vectors.int8=true} for the int8 scalar-quantized format).
 */
public final class VectorBench {
  private static final String DOMAIN = "@acme-corp.example";
  static final String MANY = "many.reader" + DOMAIN;
  static final String FEW = "few.reader" + DOMAIN;
  private static final int PEOPLE = 10_000;
  private static final int CRAWL_COMMIT = 500;
  private static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");

  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private VectorBench() {}

  public static void main(String[] argv) throws Exception {
    Args a = new Args(argv);
    int docs = a.getInt("docs", 100_000);
    int measured = Math.min(docs, a.getInt("measure-docs", 20_000));
    int bulkCommit = a.getInt("bulk-commit", 50_000);
    int threads = a.getInt("threads", 2);
    Timing timing =
        new Timing(
            a.getInt("rounds", 3), a.getInt("queries-per-round", 500), a.getInt("warm-up", 1_600));
    int poolUsers = a.getInt("pool-users", 1500);
    Path dir = Path.of(a.get("dir"));
    Path index = dir.resolve("index");
    Path meta = dir.resolve("vector-bench.properties");
    Path out = Path.of(a.get("out"));
    String command = a.get("command", "(not given)");
    boolean reuse = a.get("reuse", "false").equals("true") && Files.isRegularFile(meta);
    // Sizes at which the index is also searched on its way to --docs (each section is written as
    // soon as it is measured, so a build cut short still leaves its figures).
    List<Integer> checkpoints = new ArrayList<>();
    for (String size : a.get("checkpoints", "").split(",")) {
      if (!size.isBlank() && Integer.parseInt(size.strip()) < docs) {
        checkpoints.add(Integer.parseInt(size.strip()));
      }
    }
    checkpoints.add(docs);
    StringBuilder report = new StringBuilder("Reproduce: `" + command + "`\n\n");
    try (Embedder model = EmbedderSettings.defaults().open()) {
      VectorPool pool =
          VectorPool.build(
              poolUsers, model, threads, dir.getParent().resolve("pool-" + poolUsers + ".vectors"));
      PooledEmbedder embedder = new PooledEmbedder(model, pool.vectors());
      Checkpoint measure =
          (size, buildText) -> {
            report.append("#### ").append(String.format(Locale.ROOT, "%,d documents", size));
            report.append("\n\n").append(buildText).append("\n\n");
            report.append(searchFigures(index, embedder, timing));
            Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
          };
      if (a.get("last-commit", "false").equals("true")) {
        // A build cut short (by time) still leaves its last commit: search that.
        measure.at(committedDocuments(index), lastCommitText(index));
      } else if (reuse) {
        Properties built = new Properties();
        try (var in = Files.newInputStream(meta)) {
          built.load(in);
        }
        String settled = a.get("settle", "false").equals("true") ? settle(index, embedder) : "";
        measure.at(
            Integer.parseInt(built.getProperty("docs")),
            built.getProperty("build")
                + settled
                + String.format(
                    Locale.ROOT,
                    "\n\nSearched again at %s (the index built earlier by the same command).",
                    java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)
                        .format(
                            java.time.format.DateTimeFormatter.ofPattern(
                                "yyyy-MM-dd HH:mm 'UTC'"))));
      } else {
        deleteTree(dir);
        Files.createDirectories(dir);
        build(pool, embedder, index, checkpoints, measured, bulkCommit, threads, measure, meta);
      }
    }
    System.out.println(report);
  }

  /**
   * Merges a kept index's segments as a crawl's end does ({@code --settle true}), for an index
   * built before crawls did so; given the time to finish every merge.
   */
  private static String settle(Path index, PooledEmbedder embedder) throws Exception {
    try (PassageVectors vectors = new PassageVectors(embedder, 1, 1024);
        LuceneIndexSink sink = LuceneIndexSink.open(index, vectors)) {
      return "\n\n" + settle(sink, index);
    }
  }

  /** Lets {@code sink} merge as a crawl's end does, given the time to finish every merge. */
  private static String settle(LuceneIndexSink sink, Path index) throws Exception {
    int before = IndexFiles.segments(index);
    long started = System.nanoTime();
    sink.settle(Duration.ofHours(2));
    return String.format(
        Locale.ROOT,
        "Then merged as a crawl's end does (IndexSink.settle): %.0f s, %d segments before, %d"
            + " after.",
        (System.nanoTime() - started) / 1e9,
        before,
        IndexFiles.segments(index));
  }

  private static int committedDocuments(Path index) throws Exception {
    try (var directory = org.apache.lucene.store.FSDirectory.open(index);
        var reader = org.apache.lucene.index.DirectoryReader.open(directory)) {
      return reader.getDocCount("readers");
    }
  }

  /** What can be said of a build cut short, read from its last commit. */
  private static String lastCommitText(Path index) throws Exception {
    try (var directory = org.apache.lucene.store.FSDirectory.open(index);
        var reader = org.apache.lucene.index.DirectoryReader.open(directory)) {
      int docs = reader.getDocCount("readers");
      int passages = reader.getDocCount("passage_of");
      long total = IndexFiles.size(index, false);
      long vectorBytes = IndexFiles.size(index, true);
      return String.format(
          Locale.ROOT,
          "The build's last commit (the build was stopped there), searched at %s: %,d documents,"
              + " %,d passages with vectors (%.2f per document), %d segments, float32 HNSW"
              + " (M=16, beam 100). Index on disk: **%.0f MB = %.2f KB per document** (vector"
              + " files %.0f MB = %.2f KB per document, %.0f bytes per passage; everything else"
              + " %.2f KB per document). \"many\" may read %,d documents, \"few\" %,d.",
          java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)
              .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
          docs,
          passages,
          (double) passages / docs,
          reader.leaves().size(),
          total / 1e6,
          total / 1e3 / docs,
          vectorBytes / 1e6,
          vectorBytes / 1e3 / docs,
          (double) vectorBytes / passages,
          (total - vectorBytes) / 1e3 / docs,
          reader.docFreq(new org.apache.lucene.index.Term("readers", MANY)),
          reader.docFreq(new org.apache.lucene.index.Term("readers", FEW)));
    }
  }

  /** What is done at each checkpoint size: search the index as it is then. */
  private interface Checkpoint {
    void at(int size, String buildText) throws Exception;
  }

  /**
   * How searches are timed: rounds of queries per row, after a warm-up of searches spread over
   * every reader and variant (a server that has run a while: its code compiled, the index's pages
   * mapped).
   */
  record Timing(int rounds, int perRound, int warmUp) {}

  private static String searchFigures(Path index, PooledEmbedder embedder, Timing timing)
      throws Exception {
    String load = loadAverage();
    StringBuilder md = new StringBuilder();
    List<String> queries = queries();
    try (SearchService search = LuceneSearchService.openReadOnly(index, embedder)) {
      md.append(
          latencies(
              search,
              embedder,
              queries,
              timing,
              "`LuceneSearchService.openReadOnly` (the reader filter inside the BM25 query and"
                  + " inside the HNSW search, k="
                  + ExactRecall.KNN_K
                  + " passages)",
              CpuClock.SEARCHING_THREAD));
      md.append(
          ExactRecall.measure(index, search, embedder, queries, MANY, embedder.model().dimension())
              .markdown());
    }
    md.append(
        String.format(
            Locale.ROOT,
            "\nLoad average (1/5/15 min) on %d cores: %s when the search timing began, %s after"
                + " the recall.\n\n",
            Runtime.getRuntime().availableProcessors(),
            load,
            loadAverage()));
    return md.toString();
  }

  private static void build(
      VectorPool pool,
      PooledEmbedder embedder,
      Path index,
      List<Integer> checkpoints,
      int measured,
      int bulkCommit,
      int threads,
      Checkpoint checkpoint,
      Path meta)
      throws Exception {
    int docs = checkpoints.get(checkpoints.size() - 1);
    boolean int8 = Boolean.getBoolean("zoomdex.vectors.int8");
    List<Document> templates = pool.templates();
    int few = 0;
    int many = 0;
    long passages = 0;
    SplittableRandom r = new SplittableRandom(7);
    // The narrow reader's 20 documents all come before the first size searched.
    int fewStride = Math.max(1, checkpoints.get(0) / 20);
    double measuredSeconds = 0;
    long measuredPassages = 0;
    double buildSeconds = 0;
    long started = System.nanoTime();
    long bulkStarted = started;
    try (PassageVectors vectors = new PassageVectors(embedder, threads, 1024);
        LuceneIndexSink sink = LuceneIndexSink.open(index, vectors)) {
      for (int i = 0; i < docs; i++) {
        long t = System.nanoTime();
        Document template = templates.get(i % templates.size());
        Document d =
            copy(
                template,
                i,
                i / templates.size(),
                r,
                i < 20 * fewStride && i % fewStride == 17 % fewStride);
        many += d.readers().contains(MANY) ? 1 : 0;
        few += d.readers().contains(FEW) ? 1 : 0;
        passages += vectors.passages(d).size();
        sink.apply(new Change.Upsert(d));
        int size = i + 1;
        if (size % (i < measured ? CRAWL_COMMIT : bulkCommit) == 0 || checkpoints.contains(size)) {
          sink.commit();
        }
        buildSeconds += (System.nanoTime() - t) / 1e9;
        if (size == measured) {
          measuredSeconds = buildSeconds;
          measuredPassages = passages;
          bulkStarted = System.nanoTime();
        }
        if (size % 10_000 == 0) {
          System.err.printf(
              Locale.ROOT,
              "%d documents indexed, %.0f s, load %s%n",
              size,
              (System.nanoTime() - started) / 1e9,
              loadAverage());
        }
        if (checkpoints.contains(size)) {
          String settled = " " + settle(sink, index); // as a crawl ending here would
          String text =
              buildText(
                      pool,
                      embedder,
                      index,
                      size,
                      passages,
                      many,
                      few,
                      measured,
                      measuredSeconds,
                      measuredPassages,
                      buildSeconds,
                      threads,
                      bulkCommit,
                      int8)
                  + settled;
          Properties p = new Properties();
          p.setProperty("build", text);
          p.setProperty("docs", Integer.toString(size));
          try (var out = Files.newOutputStream(meta)) {
            p.store(out, "VectorBench build");
          }
          checkpoint.at(size, text);
        }
      }
    }
  }

  private static String buildText(
      VectorPool pool,
      PooledEmbedder embedder,
      Path index,
      int docs,
      long passages,
      int many,
      int few,
      int measured,
      double measuredSeconds,
      long measuredPassages,
      double buildSeconds,
      int threads,
      int bulkCommit,
      boolean int8)
      throws Exception {
    List<Document> templates = pool.templates();
    long total = IndexFiles.size(index, false);
    long vectorBytes = IndexFiles.size(index, true);
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "Pool: %,d documents crawled from the simulator (%s), cut into %,d distinct passages,"
                + " each embedded by %s%s. Index: %,d documents, round after round through the"
                + " crawled ones (%.1f rounds), each with its own id, readers and date = **%,d"
                + " passages with vectors** (%.2f per document), vector format **%s**. The first"
                + " round is the crawl itself, with the model's own vectors; in each later round a"
                + " copy's title carries \"[cN]\" and each of its passage vectors is the real vector"
                + " of that passage plus 0.25 × the real vector of another pool passage, made unit"
                + " length again (%,d such vectors, mean cosine %.3f to the original), so copies"
                + " are near but not equal; passages equal within the crawl stay equal within a"
                + " round. Passages embedded outside the pool during the build: %,d.\n\n",
            templates.size(),
            "realistic content, recombined from bench/relevance",
            pool.vectors().size(),
            embedder.model().name(),
            pool.embedSeconds() > 0
                ? String.format(
                    Locale.ROOT,
                    " in %.0f s (%.0f passages/s)",
                    pool.embedSeconds(),
                    pool.vectors().size() / pool.embedSeconds())
                : " (vectors read from the file an earlier run wrote)",
            docs,
            (double) docs / templates.size(),
            passages,
            (double) passages / docs,
            int8 ? "int8 scalar-quantized HNSW (-Dzoomdex.vectors.int8=true)" : "float32 HNSW",
            embedder.blended(),
            embedder.meanBlendCosine(),
            embedder.misses()));
    md.append(
        String.format(
            Locale.ROOT,
            "Indexing with vectors (%d embedding threads serving vectors from the pool, so this"
                + " is Lucene's cost, not the model's; time spent searching at smaller sizes is"
                + " not counted): the first %,d documents committed every %d as a crawl does:"
                + " %.1f s = **%,.0f documents/s, %,.0f passages/s**",
            threads,
            measured,
            CRAWL_COMMIT,
            measuredSeconds,
            measured / measuredSeconds,
            measuredPassages / measuredSeconds));
    if (docs > measured) {
      md.append(
          String.format(
              Locale.ROOT,
              "; the other %,d committed every %,d: %,.0f documents/s",
              docs - measured,
              bulkCommit,
              (docs - measured) / (buildSeconds - measuredSeconds)));
    }
    md.append(
        String.format(
            Locale.ROOT,
            ". Whole build to this size: %.0f s.\n\n"
                + "Index on disk: **%.0f MB = %.2f KB per document** (vector files %.0f MB = %.2f"
                + " KB per document, %.0f bytes per passage; everything else %.2f KB per"
                + " document). \"many\" may read %,d documents, \"few\" %,d.",
            buildSeconds,
            total / 1e6,
            total / 1e3 / docs,
            vectorBytes / 1e6,
            vectorBytes / 1e3 / docs,
            (double) vectorBytes / passages,
            (total - vectorBytes) / 1e3 / docs,
            many,
            few));
    return md.toString();
  }

  /** A crawled document under a new id, with its own host, readers and date. */
  static Document copy(Document template, int i, int round, SplittableRandom r, boolean few) {
    String host = "p" + r.nextInt(PEOPLE) + DOMAIN;
    List<String> readers = new ArrayList<>();
    readers.add(host);
    int more = 2 + r.nextInt(19);
    for (int k = 0; k < more; k++) {
      readers.add("p" + r.nextInt(PEOPLE) + DOMAIN);
    }
    if (r.nextDouble() < 0.2) {
      readers.add(MANY);
    }
    if (few) {
      readers.add(FEW);
    }
    return new Document(
        new DocumentId(template.type(), "vb-" + i),
        round == 0 ? template.title() : template.title() + " [c" + round + "]",
        template.body(),
        host,
        NOW.minus(Duration.ofMinutes(r.nextInt(600_000))),
        template.durationMinutes(),
        "https://zoom.us/meeting/" + i,
        Readers.of(readers),
        Map.of("meeting_id", Integer.toString(i)));
  }

  /** The relevance set's queries: keyword, paraphrase and question. */
  static List<String> queries() throws Exception {
    return RelevanceSet.read(RelevanceSet.DEFAULT_FILE, MeetingCorpus.builtIn()).queries().stream()
        .map(RelevanceSet.Query::text)
        .toList();
  }

  /**
   * The latency table of both readers in every mode, and what a search was.
   *
   * @param path how the searches were served, for the note under the table
   * @param clock whose CPU time the table's "p99 CPU" column counts
   */
  static String latencies(
      SearchService search,
      PooledEmbedder embedder,
      List<String> queries,
      Timing timing,
      String path,
      CpuClock clock)
      throws Exception {
    SplittableRandom r = new SplittableRandom(11);
    embedder.cacheQueries(false);
    for (int i = 0; i < timing.warmUp(); i++) { // every reader and mode, the model embedding each
      SearchMode mode = SearchMode.values()[i % SearchMode.values().length];
      search.search(
          SearchRequest.of(i % 2 == 0 ? MANY : FEW, queries.get(i % queries.size()))
              .withMode(mode));
    }
    int rounds = timing.rounds();
    int perRound = timing.perRound();
    StringBuilder md = new StringBuilder();
    md.append(
        "| searcher | mode | rounds × queries | p50 ms (per round) | p99 ms (per round) | max ms |"
            + " p99 CPU ms (per round) | process CPU ms per search (per round) | mean total |\n"
            + "|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    boolean met = true;
    record Variant(String label, SearchMode mode, boolean cached) {}
    List<Variant> variants =
        List.of(
            new Variant("hybrid, query embedded by the model each time", SearchMode.HYBRID, false),
            new Variant("hybrid, query vector already embedded", SearchMode.HYBRID, true),
            new Variant("semantic, query vector already embedded", SearchMode.SEMANTIC, true),
            new Variant("keyword", SearchMode.KEYWORD, true));
    for (String who : List.of(MANY, FEW)) {
      for (Variant variant : variants) {
        embedder.cacheQueries(variant.cached());
        List<Double> p50s = new ArrayList<>();
        List<Double> p99s = new ArrayList<>();
        List<Double> cpuP99s = new ArrayList<>();
        List<Double> processCpu = new ArrayList<>();
        double max = 0;
        long hits = 0;
        for (int round = 0; round < rounds; round++) {
          double[] ms = new double[perRound];
          double[] cpu = new double[perRound];
          long processStart = PROCESS.getProcessCpuTime();
          for (int i = 0; i < perRound; i++) {
            String q = queries.get(r.nextInt(queries.size()));
            SearchRequest request = SearchRequest.of(who, q).withMode(variant.mode());
            if (variant.cached()) {
              embedder.embedQuery(q); // in the cache before the clock starts
            }
            long c = clock.nanos();
            long t = System.nanoTime();
            SearchResults res = search.search(request);
            ms[i] = (System.nanoTime() - t) / 1e6;
            cpu[i] = (clock.nanos() - c) / 1e6;
            hits += res.total();
          }
          processCpu.add((PROCESS.getProcessCpuTime() - processStart) / 1e6 / perRound);
          Arrays.sort(ms);
          Arrays.sort(cpu);
          cpuP99s.add(cpu[(int) Math.ceil(perRound * 0.99) - 1]);
          p50s.add(ms[perRound / 2]);
          p99s.add(ms[(int) Math.ceil(perRound * 0.99) - 1]);
          max = Math.max(max, ms[perRound - 1]);
        }
        if (variant.mode() == SearchMode.HYBRID) {
          met &= p99s.stream().allMatch(p -> p < 50);
        }
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %d × %d | %s | %s | %.1f | %s | %s | %,d |\n",
                who.startsWith("many") ? "many (reads 20%)" : "few (reads 20)",
                variant.label(),
                rounds,
                perRound,
                spread(p50s, "%.2f"),
                spread(p99s, "%.2f"),
                max,
                spread(cpuP99s, "%.2f"),
                spread(processCpu, "%.1f"),
                hits / (rounds * perRound)));
      }
    }
    embedder.cacheQueries(false);
    md.append(
        String.format(
            Locale.ROOT,
            "\nEach search: the first page (10 hits) with facets and total, through"
                + " `SearchService.search` on %s, one search at a time (each spread over the search"
                + " pool, on Lucene); %d relevance-set queries drawn at random, after a warm-up of"
                + " %,d searches over both readers and every mode. p99 CPU: %s. Process CPU: every"
                + " thread of the process (the search pool or the OpenSearch node in this JVM, the"
                + " model's ONNX thread, GC) over the round, divided by its searches. Goal hybrid"
                + " p99 < 50 ms in every round, both readers, with and without the query's"
                + " embedding: **%s**.\n\n",
            path,
            queries.size(),
            timing.warmUp(),
            clock.description(),
            met ? "met" : "missed"));
    return md.toString();
  }

  private static String spread(List<Double> values, String format) {
    List<String> parts = new ArrayList<>();
    for (double v : values) {
      parts.add(String.format(Locale.ROOT, format, v));
    }
    return String.join(" / ", parts);
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (Exception e) {
      return "unknown";
    }
  }

  static void deleteTree(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return;
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
