package io.zoomdex.sync;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The one lock every writer of a data directory holds while it writes the index and ledger: a crawl
 * (in any process), the scheduler's crawls and the webhook worker. An OS file lock on {@code
 * DIR/writer.lock}, so it is released when its process dies, however it dies.
 */
public final class WriterLock implements AutoCloseable {
  private static final String FILE = "writer.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private WriterLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock if no other writer holds it; never waits.
   *
   * @return the held lock (close it to release), or empty when another writer (in this process or
   *     another) holds it
   * @throws StorageException when the lock file cannot be created or opened
   */
  public static Optional<WriterLock> tryAcquire(Path dataDir) {
    FileChannel channel;
    try {
      Files.createDirectories(dataDir);
      channel =
          FileChannel.open(
              dataDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new StorageException(
          "Cannot open the writer lock in "
              + dataDir
              + " ("
              + e.getMessage()
              + "); check that the directory is writable.",
          e);
    }
    try {
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return Optional.of(new WriterLock(channel, lock));
      }
    } catch (OverlappingFileLockException heldInThisProcess) {
      // Another writer of this process holds it: the same answer as another process.
    } catch (IOException e) {
      closeQuietly(channel);
      throw new StorageException(
          "Cannot take the writer lock in " + dataDir + " (" + e.getMessage() + ").", e);
    }
    closeQuietly(channel);
    return Optional.empty();
  }

  /**
   * Takes the lock or says who to wait for.
   *
   * @throws WriterBusyException when another writer holds it
   * @throws StorageException when the lock file cannot be opened
   */
  public static WriterLock acquire(Path dataDir) {
    return tryAcquire(dataDir).orElseThrow(() -> new WriterBusyException(dataDir));
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // Closing the channel below releases it too.
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing held on it any more.
    }
  }
}
