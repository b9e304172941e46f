package io.zoomdex.lease;

import io.zoomdex.sink.SinkException;
import io.zoomdex.sink.opensearch.WriteFence;
import io.zoomdex.sync.StorageException;
import io.zoomdex.sync.WriterBusyException;

/**
 * A writer's proof that it holds the lease with one epoch. {@link #check()} passes only while the
 * hold is valid on this machine's clock <em>and</em> the lease document, read now, still names this
 * process with this epoch. A writer paused past its lease fails the first half when it wakes; one
 * whose hold looks valid but was taken over fails the second.
 *
 * <p>The residual window: a write already checked and then delayed (a pause between the check and
 * OpenSearch applying it) still lands. For the index, each document then carries the writer's epoch
 * as its external version ({@link WriteFence#documentVersion}), so it cannot overwrite a document
 * the newer writer already wrote; it can only write a document the newer writer has not touched
 * yet, which the newer writer's next re-read or crawl rewrites. The webhook queue's claims and
 * completions are conditional on each event's {@code _seq_no}, so a stale completion is refused
 * outright.
 */
public final class LeaseFence implements WriteFence {
  private final LeaseKeeper keeper;
  private final long epoch;

  LeaseFence(LeaseKeeper keeper, long epoch) {
    this.keeper = keeper;
    this.epoch = epoch;
  }

  @Override
  public long epoch() {
    return epoch;
  }

  @Override
  public void check() throws SinkException {
    try {
      verify();
    } catch (StorageException e) {
      throw new SinkException(e.getMessage(), false, e);
    }
  }

  /**
   * As {@link #check()}, for state writes outside the index.
   *
   * @throws WriterBusyException when this process no longer holds the lease with this epoch
   * @throws StorageException when the lease could not be read (the writer must stop)
   */
  public void verify() {
    if (!keeper.holdsLocally(epoch) || !keeper.lease().heldNow(epoch)) {
      throw new WriterBusyException(
          "This process no longer holds the writer lease (epoch "
              + epoch
              + "); another zoomdex process took over writing, so this one stopped.");
    }
  }
}
