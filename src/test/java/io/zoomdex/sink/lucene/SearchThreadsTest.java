package io.zoomdex.sink.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class SearchThreadsTest {

  @Test
  void startedWorkGivesItsResult() throws IOException {
    assertThat(SearchThreads.start(() -> 6 * 7).get()).isEqualTo(42);
  }

  @Test
  void startedWorkRunsBesideTheCaller() throws Exception {
    assumePooled();
    // The work holds until the caller has seen it start: it can only finish on another thread.
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<String> ranOn = new AtomicReference<>();
    SearchThreads.Pending<Boolean> pending =
        SearchThreads.start(
            () -> {
              ranOn.set(Thread.currentThread().getName());
              started.countDown();
              return await(release);
            });
    assertThat(await(started)).isTrue();
    release.countDown();
    assertThat(pending.get()).isTrue();
    assertThat(ranOn.get()).startsWith("zoomdex-search-");
  }

  @Test
  void workNoPoolThreadHasTaken_runsOnTheAskingThread() throws Exception {
    assumePooled();
    // Every pool thread busy with other work until the end of the test.
    CountDownLatch busy = new CountDownLatch(SearchThreads.threads());
    CountDownLatch release = new CountDownLatch(1);
    List<SearchThreads.Pending<Boolean>> others = new ArrayList<>();
    try {
      for (int i = 0; i < SearchThreads.threads(); i++) {
        others.add(
            SearchThreads.start(
                () -> {
                  busy.countDown();
                  return await(release);
                }));
      }
      assertThat(await(busy)).isTrue();
      SearchThreads.Pending<String> pending =
          SearchThreads.start(() -> Thread.currentThread().getName());
      assertThat(pending.get()).isEqualTo(Thread.currentThread().getName());
    } finally {
      release.countDown();
    }
    for (SearchThreads.Pending<Boolean> other : others) {
      assertThat(other.get()).isTrue();
    }
  }

  private static boolean await(CountDownLatch latch) throws IOException {
    try {
      return latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
  }

  @Test
  void aReadFailureComesBackAsItself() {
    assertComesBackAsItself(new IOException("segment gone"));
  }

  @Test
  void anUncheckedFailureComesBackAsItself() {
    assertComesBackAsItself(new IllegalStateException("closed"));
  }

  private static void assertComesBackAsItself(Exception failure) {
    SearchThreads.Pending<Object> pending =
        SearchThreads.start(
            () -> {
              if (failure instanceof IOException io) {
                throw io;
              }
              throw (RuntimeException) failure;
            });
    assertThatThrownBy(pending::get).isSameAs(failure);
  }

  @Test
  void awaitQuietlyReturnsOnlyOnceTheWorkHasEndedAndSwallowsItsFailure() throws IOException {
    assumePooled();
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean ended = new AtomicBoolean();
    SearchThreads.Pending<Object> pending =
        SearchThreads.start(
            () -> {
              started.countDown();
              ended.set(true);
              throw new IOException("not wanted any more");
            });
    assertThat(await(started)).isTrue();
    pending.awaitQuietly();
    assertThat(ended).isTrue();
  }

  @Test
  void awaitQuietly_dropsWorkNoThreadHasTaken() throws IOException {
    assumePooled();
    CountDownLatch busy = new CountDownLatch(SearchThreads.threads());
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean ran = new AtomicBoolean();
    try {
      for (int i = 0; i < SearchThreads.threads(); i++) {
        SearchThreads.start(
            () -> {
              busy.countDown();
              return await(release);
            });
      }
      assertThat(await(busy)).isTrue();
      SearchThreads.Pending<Object> pending =
          SearchThreads.start(
              () -> {
                ran.set(true);
                return null;
              });
      pending.awaitQuietly(); // returns at once: nothing to wait for
      release.countDown();
    } finally {
      release.countDown();
    }
    // The pool reaches the dropped work after the others and leaves it: wait for the pool to drain.
    SearchThreads.Pending<Boolean> after = SearchThreads.start(() -> true);
    assertThat(after.get()).isTrue();
    assertThat(ran).isFalse();
  }

  @Test
  void aParallelSearcherReadsTheSameReader() throws IOException {
    assumePooled();
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
        writer.addDocument(new Document());
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher plain = new IndexSearcher(reader);
        IndexSearcher parallel = SearchThreads.parallel(plain);
        assertThat(parallel).isNotSameAs(plain);
        assertThat(parallel.getIndexReader()).isSameAs(reader);
        assertThat(parallel.getSimilarity()).isSameAs(plain.getSimilarity());
      }
    }
  }

  /** The pool is one thread fewer than the cores: a one-core machine searches on the caller. */
  private static void assumePooled() {
    assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "one core: no search pool");
  }
}
