package io.zoomdex.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.embed.HashingEmbedder;
import io.zoomdex.passage.PassageVectors;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.sink.lucene.LuceneIndexSink;
import io.zoomdex.sync.StateStore;
import io.zoomdex.sync.SyncReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at random points of a crawl, then a plain {@code crawl} again: the result must
 * equal an uninterrupted crawl, document for document and version for version. The crawl runs in a
 * child JVM so that the kill is real; the number of kills is {@code -Dzoomdex.kills} (CI: 3).
 */
class KillAndResumeTest {
  private static final int KILLS = Integer.getInteger("zoomdex.kills", 3);

  @TempDir static Path work;
  private static ZoomSimulator simulator;
  private static Map<String, String> reference;
  private static long referenceCalls;
  private static final Clock CLOCK = Clock.systemUTC();
  private static final LocalDate SINCE =
      LocalDate.now(CLOCK.withZone(ZoneOffset.UTC)).minusMonths(6);

  @BeforeAll
  static void uninterruptedCrawl() throws Exception {
    simulator = ZoomSimulator.start(SimulatorSettings.builder().seed(99).users(16).build());
    SyncReport report = crawlInProcess(work.resolve("reference"));
    assertThat(report.complete()).isTrue();
    reference = ledger(work.resolve("reference"));
    referenceCalls = simulator.requestLog().total();
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Test
  void killedAtRandomPoints_thenCrawledAgain_equalsAnUninterruptedCrawl() throws Exception {
    Random random = new Random(20261128L);
    int resumedWithCheckpoint = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      Path data = work.resolve("killed-" + kill);
      long killAfterCalls = (long) (referenceCalls * (0.1 + 0.8 * random.nextDouble()));

      killChildCrawlAfter(data, killAfterCalls);
      if (!checkpointedUsers(data).isEmpty()) {
        resumedWithCheckpoint++;
      }
      SyncReport resumed = crawlInProcess(data);

      assertThat(resumed.complete()).as("crawl after kill %d", kill).isTrue();
      Map<String, String> after = ledger(data);
      assertThat(after.keySet())
          .as("documents after kill %d", kill)
          .containsExactlyInAnyOrderElementsOf(reference.keySet());
      assertThat(after).as("versions after kill %d", kill).isEqualTo(reference);
      assertThat(indexedDocuments(data)).isEqualTo(reference.size());
    }
    assertThat(resumedWithCheckpoint)
        .as("kills that left a checkpoint to resume from")
        .isPositive();
  }

  /** The users an interrupted run had fully indexed when it was killed. */
  private static java.util.Set<String> checkpointedUsers(Path data) {
    try (StateStore state = StateStore.open(data)) {
      return state
          .unfinishedRun("full")
          .map(run -> state.finishedUsers(run.id()))
          .orElse(java.util.Set.of());
    }
  }

  /** Starts {@code zoomdex crawl} in a child JVM and kills it (SIGKILL) after that many calls. */
  private static void killChildCrawlAfter(Path data, long calls) throws Exception {
    Files.createDirectories(data);
    long callsBefore = simulator.requestLog().total();
    ProcessBuilder child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.zoomdex.Main",
                "crawl",
                "--data",
                data.toString(),
                "--since",
                SINCE.toString(),
                "--rates",
                "light=150,medium=100,heavy=10",
                "--commit-every",
                "15",
                // Passages and vectors are written in the same commits as their documents.
                "--embedding-model",
                "hashing")
            .redirectOutput(data.resolve("child.out").toFile())
            .redirectError(data.resolve("child.err").toFile());
    child.environment().putAll(SimulatorCrawls.environment(simulator));
    Process process = child.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (process.isAlive()
        && simulator.requestLog().total() - callsBefore < calls
        && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
    }
    assertThat(process.isAlive())
        .as("the child crawl is still running when killed: %s", childErrors(data))
        .isTrue();
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  private static String childErrors(Path data) throws java.io.IOException {
    return Files.readString(data.resolve("child.err"));
  }

  private static SyncReport crawlInProcess(Path data) throws Exception {
    try (PassageVectors vectors = hashingVectors();
        LuceneIndexSink sink = LuceneIndexSink.open(data.resolve("index"), vectors)) {
      return SimulatorCrawls.crawl(simulator, data, CLOCK, SINCE, false, sink);
    }
  }

  /** The model `--embedding-model hashing` loads in the child crawl. */
  private static PassageVectors hashingVectors() {
    return new PassageVectors(new HashingEmbedder(1024), 2, 64);
  }

  private static Map<String, String> ledger(Path data) {
    return SimulatorCrawls.ledger(data);
  }

  private static long indexedDocuments(Path data) throws Exception {
    try (PassageVectors vectors = hashingVectors();
        LuceneIndexSink sink = LuceneIndexSink.open(data.resolve("index"), vectors)) {
      return sink.documentCount();
    }
  }
}
