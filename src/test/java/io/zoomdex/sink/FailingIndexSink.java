package io.zoomdex.sink;

import io.zoomdex.document.Change;

/**
 * A test double that behaves like {@link InMemoryIndexSink} until a chosen point, then fails: on
 * the apply after {@code appliesBeforeFailure} successful ones, or on every commit.
 */
public final class FailingIndexSink implements IndexSink {

  private final InMemoryIndexSink delegate = new InMemoryIndexSink();
  private final int appliesBeforeFailure;
  private final boolean failCommits;
  private final boolean retryable;
  private int applies;

  private FailingIndexSink(int appliesBeforeFailure, boolean failCommits, boolean retryable) {
    this.appliesBeforeFailure = appliesBeforeFailure;
    this.failCommits = failCommits;
    this.retryable = retryable;
  }

  /** Takes {@code successfulApplies} changes, then fails every further apply. */
  public static FailingIndexSink failingAfterApplies(int successfulApplies, boolean retryable) {
    return new FailingIndexSink(successfulApplies, false, retryable);
  }

  /** Takes every change but fails every commit, so nothing ever becomes durable. */
  public static FailingIndexSink failingOnCommit(boolean retryable) {
    return new FailingIndexSink(Integer.MAX_VALUE, true, retryable);
  }

  @Override
  public void apply(Change change) throws SinkException {
    if (applies >= appliesBeforeFailure) {
      throw new SinkException("Simulated failure applying " + change.id() + ".", retryable, null);
    }
    applies++;
    delegate.apply(change);
  }

  @Override
  public void commit() throws SinkException {
    if (failCommits) {
      delegate.crash();
      throw new SinkException("Simulated commit failure.", retryable, null);
    }
    delegate.commit();
  }

  @Override
  public long documentCount() throws SinkException {
    return delegate.documentCount();
  }

  @Override
  public void close() {
    delegate.close();
  }

  /** What is durable: the last successful commit's documents. */
  public InMemoryIndexSink state() {
    return delegate;
  }
}
