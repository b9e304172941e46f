package io.zoomdex.sink.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
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
    // The work waits for the caller: it can only finish if it runs on another thread.
    CountDownLatch callerReached = new CountDownLatch(1);
    AtomicReference<String> ranOn = new AtomicReference<>();
    SearchThreads.Pending<Boolean> pending =
        SearchThreads.start(
            () -> {
              ranOn.set(Thread.currentThread().getName());
              try {
                return callerReached.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
              }
            });
    callerReached.countDown();
    assertThat(pending.get()).isTrue();
    assertThat(ranOn.get()).startsWith("zoomdex-search-");
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
  void awaitQuietlyReturnsOnlyOnceTheWorkHasEndedAndSwallowsItsFailure() {
    assumePooled();
    AtomicBoolean ended = new AtomicBoolean();
    SearchThreads.Pending<Object> pending =
        SearchThreads.start(
            () -> {
              ended.set(true);
              throw new IOException("not wanted any more");
            });
    pending.awaitQuietly();
    assertThat(ended).isTrue();
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
