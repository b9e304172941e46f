package io.zoomdex.cli;

import io.zoomdex.document.Change;
import io.zoomdex.sink.IndexSink;
import io.zoomdex.sink.SinkException;

/**
 * A real sink with two hooks for fault tests: an action run once after a number of applied changes
 * (to revoke tokens mid-crawl), and a commit number from which every commit fails the way a full or
 * read-only disk makes Lucene fail. Tests run as root, where {@code chmod} cannot make a directory
 * unwritable, hence the failure is raised here, around the real index.
 */
final class InterceptedSink implements IndexSink {
  private final IndexSink delegate;
  private final int actAfterApplies;
  private final Runnable action;
  private final int failFromCommit;
  private int applies;
  private int commits;

  private InterceptedSink(
      IndexSink delegate, int actAfterApplies, Runnable action, int failFromCommit) {
    this.delegate = delegate;
    this.actAfterApplies = actAfterApplies;
    this.action = action;
    this.failFromCommit = failFromCommit;
  }

  /** Runs {@code action} once, right after the {@code applies}-th change was applied. */
  static InterceptedSink actingAfter(IndexSink delegate, int applies, Runnable action) {
    return new InterceptedSink(delegate, applies, action, Integer.MAX_VALUE);
  }

  /** Commits normally before the {@code commit}-th commit, then fails every commit. */
  static InterceptedSink failingFromCommit(IndexSink delegate, int commit) {
    return new InterceptedSink(delegate, Integer.MAX_VALUE, () -> {}, commit);
  }

  @Override
  public synchronized void apply(Change change) throws SinkException {
    delegate.apply(change);
    if (++applies == actAfterApplies) {
      action.run();
    }
  }

  @Override
  public synchronized void commit() throws SinkException {
    if (++commits >= failFromCommit) {
      throw new SinkException(
          "The index directory could not be written (read-only file system); free the disk or fix"
              + " its permissions, then run again.",
          false,
          new java.io.IOException("Read-only file system"));
    }
    delegate.commit();
  }

  /** How many changes reached the sink. */
  synchronized int applies() {
    return applies;
  }

  @Override
  public long documentCount() throws SinkException {
    return delegate.documentCount();
  }

  @Override
  public void close() throws SinkException {
    delegate.close();
  }
}
