package io.zoomdex.bench;

import io.zoomdex.document.Change;
import io.zoomdex.document.Document;
import io.zoomdex.e2e.SimulatorCrawls;
import io.zoomdex.embed.Embedder;
import io.zoomdex.passage.Passage;
import io.zoomdex.passage.PassageCutter;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.sink.IndexSink;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The real half of the vector benchmark: documents crawled from the simulator's realistic content
 * (meetings recombined from the hand-written {@code bench/relevance} corpus) through its API, and
 * every distinct passage of them embedded by the real model. The vectors are kept in a file, so a
 * later run (same seed and users) reuses them instead of embedding again.
 */
final class VectorPool {
  private static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");

  private final List<Document> templates;
  private final Map<String, float[]> vectors;
  private final double embedSeconds;

  private VectorPool(List<Document> templates, Map<String, float[]> vectors, double seconds) {
    this.templates = templates;
    this.vectors = vectors;
    this.embedSeconds = seconds;
  }

  /** The crawled documents, in crawl order. */
  List<Document> templates() {
    return templates;
  }

  /** Each distinct passage text (as embedded: title first) with its real vector. */
  Map<String, float[]> vectors() {
    return vectors;
  }

  /** Seconds the model took to embed the pool in this run, or 0 when it was read from the file. */
  double embedSeconds() {
    return embedSeconds;
  }

  /**
   * Crawls {@code users} simulated users and embeds their passages with {@code model} on {@code
   * threads} threads, or reads the vectors from {@code file} when an earlier run wrote them.
   */
  static VectorPool build(int users, Embedder model, int threads, Path file) throws Exception {
    Path documentsFile = file.resolveSibling(file.getFileName() + ".documents");
    if (Files.isRegularFile(file) && Files.isRegularFile(documentsFile)) {
      return new VectorPool(readDocuments(documentsFile), read(file), 0);
    }
    List<Document> templates = crawl(users);
    writeDocuments(documentsFile, templates);
    Set<String> texts = new LinkedHashSet<>();
    PassageCutter cutter = new PassageCutter();
    for (Document document : templates) {
      for (Passage passage : cutter.cut(document)) {
        texts.add(passage.textToEmbed(document.title()));
      }
    }
    long started = System.nanoTime();
    Map<String, float[]> vectors = embed(new ArrayList<>(texts), model, threads);
    double seconds = (System.nanoTime() - started) / 1e9;
    write(file, vectors);
    return new VectorPool(templates, vectors, seconds);
  }

  private static List<Document> crawl(int users) throws Exception {
    SimulatorSettings settings =
        SimulatorSettings.builder().seed(17).users(users).start(NOW).build();
    Path data = Files.createTempDirectory("zoomdex-vector-pool-");
    Map<String, Document> documents = new LinkedHashMap<>();
    try (ZoomSimulator simulator = ZoomSimulator.start(settings)) {
      SimulatorCrawls.crawl(
          simulator,
          data,
          Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC),
          LocalDate.of(2025, 4, 1),
          false,
          new CapturingSink(documents));
    } finally {
      try (var files = Files.walk(data)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return new ArrayList<>(documents.values());
  }

  private static Map<String, float[]> embed(List<String> texts, Embedder model, int threads)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<float[]>>> batches = new ArrayList<>();
      int size = 16;
      for (int i = 0; i < texts.size(); i += size) {
        List<String> batch = texts.subList(i, Math.min(texts.size(), i + size));
        batches.add(pool.submit(() -> model.embedPassages(batch)));
      }
      Map<String, float[]> vectors = new HashMap<>(texts.size() * 2);
      for (int b = 0; b < batches.size(); b++) {
        List<float[]> done = batches.get(b).get();
        for (int j = 0; j < done.size(); j++) {
          vectors.put(texts.get(b * size + j), done.get(j));
        }
        if ((b + 1) % 100 == 0) {
          System.err.printf("pool: %d of %d passages embedded%n", (b + 1) * size, texts.size());
        }
      }
      return vectors;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void write(Path file, Map<String, float[]> vectors) throws Exception {
    Files.createDirectories(file.getParent());
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
      out.writeInt(vectors.size());
      for (Map.Entry<String, float[]> entry : vectors.entrySet()) {
        byte[] text = entry.getKey().getBytes(StandardCharsets.UTF_8);
        out.writeInt(text.length);
        out.write(text);
        out.writeInt(entry.getValue().length);
        for (float f : entry.getValue()) {
          out.writeFloat(f);
        }
      }
    }
    Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static Map<String, float[]> read(Path file) throws Exception {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      int count = in.readInt();
      Map<String, float[]> vectors = new HashMap<>(count * 2);
      for (int i = 0; i < count; i++) {
        byte[] text = new byte[in.readInt()];
        in.readFully(text);
        float[] vector = new float[in.readInt()];
        for (int d = 0; d < vector.length; d++) {
          vector[d] = in.readFloat();
        }
        vectors.put(new String(text, StandardCharsets.UTF_8), vector);
      }
      return vectors;
    }
  }

  private static void writeDocuments(Path file, List<Document> documents) throws Exception {
    Files.createDirectories(file.getParent());
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      out.writeInt(documents.size());
      for (Document d : documents) {
        writeString(out, d.id().toString());
        writeString(out, d.title());
        writeString(out, d.body());
        writeString(out, d.hostEmail());
        out.writeLong(d.startTime() == null ? Long.MIN_VALUE : d.startTime().toEpochMilli());
        out.writeInt(d.durationMinutes());
        writeString(out, d.url());
      }
    }
  }

  /** The crawled documents as {@link #writeDocuments} kept them (readers are the copies' own). */
  private static List<Document> readDocuments(Path file) throws Exception {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      int count = in.readInt();
      List<Document> documents = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String id = readString(in);
        String title = readString(in);
        String body = readString(in);
        String host = readString(in);
        long start = in.readLong();
        int duration = in.readInt();
        String url = readString(in);
        documents.add(
            new Document(
                io.zoomdex.document.DocumentId.parse(id),
                title,
                body,
                host,
                start == Long.MIN_VALUE ? null : Instant.ofEpochMilli(start),
                duration,
                url,
                io.zoomdex.document.Readers.NOBODY,
                Map.of()));
      }
      return documents;
    }
  }

  private static void writeString(DataOutputStream out, String text) throws Exception {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws Exception {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** An index sink that keeps the last version of every upserted document in memory. */
  private static final class CapturingSink implements IndexSink {
    private final Map<String, Document> documents;

    CapturingSink(Map<String, Document> documents) {
      this.documents = documents;
    }

    @Override
    public void apply(Change change) {
      if (change instanceof Change.Upsert upsert) {
        documents.put(upsert.id().toString(), upsert.document());
      } else {
        documents.remove(change.id().toString());
      }
    }

    @Override
    public void commit() {}

    @Override
    public long documentCount() {
      return documents.size();
    }

    @Override
    public void close() {}
  }
}
