package io.zoomdex.cli;

import io.zoomdex.sink.opensearch.WriteFence;
import io.zoomdex.sync.WriterLock;
import java.nio.file.Path;

/**
 * How a crawl or webhook re-read becomes the one writer: the data directory's file lock (embedded
 * Lucene, and the local sync state), plus the writer lease when the index is OpenSearch.
 */
@FunctionalInterface
interface WriterGate {

  /** The file lock only: one writer per data directory (embedded Lucene). */
  WriterGate FILE_LOCK = dir -> new Permit(WriterLock.acquire(dir), null, null);

  /**
   * Becomes the writer, or says who is; never waits.
   *
   * @throws io.zoomdex.sync.WriterBusyException when another writer (here, or holding the lease
   *     elsewhere) is writing
   * @throws io.zoomdex.sync.StorageException when the lock or lease could not be read
   */
  Permit enter(Path dataDir);

  /**
   * The right to write until closed.
   *
   * @param lock the data directory's file lock
   * @param fence the writer lease to write the index under, or null (embedded Lucene)
   * @param lease closed with the permit when the permit took the lease itself, else null
   */
  record Permit(WriterLock lock, WriteFence fence, AutoCloseable lease) implements AutoCloseable {
    @Override
    public void close() {
      try {
        if (lease != null) {
          lease.close();
        }
      } catch (Exception e) {
        // Releasing is a courtesy: an unreleased lease expires on its own.
      } finally {
        lock.close();
      }
    }
  }
}
