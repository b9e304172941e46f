package io.zoomdex.bench;

import io.zoomdex.config.Plan;
import io.zoomdex.config.RateLimits;
import io.zoomdex.config.Secret;
import io.zoomdex.config.ZoomSettings;
import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.document.Readers;
import io.zoomdex.embed.EmbedderSettings;
import io.zoomdex.embed.OnnxModel;
import io.zoomdex.passage.PassageVectors;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.sink.lucene.LuceneIndexSink;
import io.zoomdex.source.CrawlStats;
import io.zoomdex.source.DocumentMapper;
import io.zoomdex.source.ZoomCrawler;
import io.zoomdex.sync.ApiUsage;
import io.zoomdex.sync.StateStore;
import io.zoomdex.sync.SyncEngine;
import io.zoomdex.sync.SyncReport;
import io.zoomdex.zoom.ZoomClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * Embedding cost, printed as Markdown: passages of about 100 words embedded per second by each
 * in-process model on 1 and 2 threads; a crawl of the demo account at Business-plan rates with and
 * without embedding; and the wall time of {@code reembed} over a crawled account.
 *
 * <p>{@code EmbeddingBench --passages 200 --crawl-users 25 --reembed-users 450}
 */
public final class EmbeddingBench {

  public static void main(String[] args) throws Exception {
    Args options = new Args(args);
    int passages = options.getInt("passages", 200);
    int crawlUsers = options.getInt("crawl-users", 25);
    int reembedUsers = options.getInt("reembed-users", 50);
    speeds(passages);
    crawl(crawlUsers);
    reembed(reembedUsers);
  }

  /** Passages per second by model and threads. */
  private static void speeds(int count) throws Exception {
    List<Document> documents = new ArrayList<>();
    Random random = new Random(1);
    String[] words =
        ("the team agreed to move the launch date because the billing migration is late and"
                + " customers asked for more time to test the new api so we will review the budget"
                + " hiring plan and risks next week with finance legal and support")
            .split(" ");
    for (int i = 0; i < count; i++) {
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 100; w++) {
        text.append(words[random.nextInt(words.length)]).append(' ');
      }
      documents.add(
          new Document(
              new DocumentId(DocumentType.MEETING, "m" + i),
              "",
              text.toString(),
              "",
              null,
              0,
              "",
              Readers.of(List.of("a@x.io")),
              Map.of()));
    }
    System.out.println("| model | threads | passages | seconds | passages/s |");
    System.out.println("|---|---|---|---|---|");
    for (OnnxModel model : OnnxModel.values()) {
      if (!model.available()) {
        continue;
      }
      for (int threads : new int[] {1, 2}) {
        try (PassageVectors vectors =
            new PassageVectors(EmbedderSettings.named(model.modelName()).open(), threads, 1024)) {
          vectors.embedNow(documents.get(0)); // warm-up
          long start = System.nanoTime();
          List<CompletableFuture<?>> futures = new ArrayList<>();
          for (Document document : documents) {
            futures.add(vectors.submit(document));
          }
          CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
          double seconds = (System.nanoTime() - start) / 1e9;
          System.out.printf(
              Locale.ROOT,
              "| %s | %d | %d | %.1f | **%.0f** |%n",
              model.modelName(),
              threads,
              count,
              seconds,
              count / seconds);
        }
      }
    }
  }

  /** The demo account at Business-plan rates, without and with minilm-q on 2 threads. */
  private static void crawl(int users) throws Exception {
    System.out.println();
    System.out.println("| crawl at Business-plan rates | documents | seconds | documents/s |");
    System.out.println("|---|---|---|---|");
    for (boolean embed : new boolean[] {false, true}) {
      SimulatorSettings account =
          SimulatorSettings.builder()
              .seed(7)
              .users(users)
              .plan(io.zoomdex.simulator.Plan.BUSINESS)
              .build();
      Path data = Files.createTempDirectory("zoomdex-embed-bench");
      try (ZoomSimulator simulator = ZoomSimulator.start(account);
          PassageVectors vectors =
              embed ? new PassageVectors(EmbedderSettings.defaults().open(), 2, 128) : null) {
        ZoomSettings settings =
            ZoomSettings.defaults(
                    simulator.accountId(),
                    simulator.clientId(),
                    Secret.of(simulator.clientSecret()))
                .withEndpoints(simulator.apiBaseUrl(), simulator.oauthBaseUrl())
                .withRateLimits(RateLimits.forPlan(Plan.BUSINESS, ZoomSettings.DEFAULT_RATE_SHARE));
        long start = System.nanoTime();
        SyncReport report = crawlInto(settings, data, vectors, LocalDate.now().minusMonths(12));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "| %s | %d | %.1f | **%.1f** |%n",
            embed ? "with minilm-q embedding (2 threads)" : "without embedding",
            report.added(),
            seconds,
            report.added() / seconds);
      }
    }
  }

  private static SyncReport crawlInto(
      ZoomSettings settings, Path data, PassageVectors vectors, LocalDate since) throws Exception {
    try (StateStore state = StateStore.open(data);
        LuceneIndexSink sink = LuceneIndexSink.open(data.resolve("index"), vectors)) {
      ZoomCrawler crawler =
          new ZoomCrawler(
              ZoomClient.create(settings),
              new DocumentMapper(settings.oauthUrl().toString()),
              Math.max(2, settings.concurrency() * 2));
      return new SyncEngine(crawler, sink, state, Clock.systemUTC(), 500, () -> ApiUsage.NONE)
          .fullCrawl(since, new CrawlStats());
    }
  }

  /** Crawls an account unthrottled without vectors, then re-embeds it with minilm-q. */
  private static void reembed(int users) throws Exception {
    Path data = Files.createTempDirectory("zoomdex-reembed-bench");
    SimulatorSettings account = SimulatorSettings.builder().seed(11).users(users).build();
    try (ZoomSimulator simulator = ZoomSimulator.start(account)) {
      ZoomSettings settings =
          ZoomSettings.defaults(
                  simulator.accountId(), simulator.clientId(), Secret.of(simulator.clientSecret()))
              .withEndpoints(simulator.apiBaseUrl(), simulator.oauthBaseUrl())
              .withRateLimits(RateLimits.none());
      crawlInto(settings, data, null, LocalDate.now().minusMonths(12));
    }
    long[] documents = new long[1];
    long start;
    try (PassageVectors vectors = new PassageVectors(EmbedderSettings.defaults().open(), 2, 512);
        LuceneIndexSink sink = LuceneIndexSink.openForReembed(data.resolve("index"), vectors)) {
      start = System.nanoTime();
      sink.reembed(
          256,
          new LuceneIndexSink.ReembedProgress() {
            @Override
            public void started(long total, long done) {
              documents[0] = total;
            }

            @Override
            public void advanced(int count) {}
          });
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.println();
    System.out.println("| re-embed (minilm-q, 2 threads) | documents | seconds | documents/s |");
    System.out.println("|---|---|---|---|");
    System.out.printf(
        Locale.ROOT,
        "| %d users crawled | %d | **%.1f** | %.0f |%n",
        users,
        documents[0],
        seconds,
        documents[0] / seconds);
  }
}
