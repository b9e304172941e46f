package io.zoomdex.sink;

import io.zoomdex.document.Change;
import java.time.Duration;
import java.util.List;

/**
 * Where crawled documents go: an index that takes upserts and deletes keyed by document id and
 * makes them durable on {@link #commit()}. One writer at a time; not thread-safe unless an
 * implementation says so.
 *
 * <p>Durability contract: after {@code commit()} returns, a crash cannot lose what was applied
 * before it; a crash (or {@link #close()}) before it leaves the previously committed state intact,
 * as if the uncommitted changes had never been applied. The sync engine therefore advances its
 * checkpoint only after {@code commit()} returned.
 */
public interface IndexSink extends AutoCloseable {

  /**
   * Applies one change: an upsert replaces any document with the same id (so applying it twice is
   * the same as once); a delete of an absent id does nothing. Not durable until {@link #commit()}.
   *
   * @throws SinkException when the index cannot take the change; {@link SinkException#retryable()}
   *     says whether trying again later may help
   */
  void apply(Change change) throws SinkException;

  /**
   * Applies changes in order, as {@link #apply(Change)} does one by one. An empty list does
   * nothing.
   *
   * @throws SinkException at the first change the index cannot take; earlier ones stay applied
   *     (still uncommitted)
   */
  default void applyAll(List<? extends Change> changes) throws SinkException {
    for (Change change : changes) {
      apply(change);
    }
  }

  /**
   * Makes every change applied so far durable, atomically: after it returns they survive a crash,
   * and searches opened afterwards see them. Committing with nothing applied is allowed and cheap.
   *
   * @throws SinkException when the changes could not be made durable; the previously committed
   *     state is then still intact
   */
  void commit() throws SinkException;

  /**
   * Gives the index's own upkeep up to {@code within} to finish, then commits what it finished;
   * what a search returns does not change. Call it right after a run's last {@link #commit()}: an
   * embedded Lucene index then keeps the segment merges it ran, so searches meet the fewer, larger
   * segments its merge policy chose rather than the small ones the run flushed. A backend whose
   * server merges on its own has nothing to do.
   *
   * @throws SinkException when the merged segments could not be committed; the previously committed
   *     state is then still intact
   */
  default void settle(Duration within) throws SinkException {}

  /**
   * How many documents the last commit holds (uncommitted changes are not counted). Zero for a new
   * index.
   *
   * @throws SinkException when the index cannot be read
   */
  long documentCount() throws SinkException;

  /**
   * Releases the index. Does not commit: changes applied since the last {@link #commit()} are
   * discarded. Closing twice is allowed.
   *
   * @throws SinkException when resources could not be released cleanly
   */
  @Override
  void close() throws SinkException;
}
