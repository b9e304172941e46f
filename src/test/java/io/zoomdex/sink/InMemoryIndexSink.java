package io.zoomdex.sink;

import io.zoomdex.document.Change;
import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A test double with the real durability contract: applied changes sit in a pending copy until
 * {@link #commit()} publishes it; {@link #crash()} and {@link #close()} throw the pending copy
 * away.
 */
public final class InMemoryIndexSink implements IndexSink {

  private Map<DocumentId, Document> committed = new LinkedHashMap<>();
  private Map<DocumentId, Document> pending = new LinkedHashMap<>();
  private int commits;
  private int applied;
  private boolean closed;

  @Override
  public void apply(Change change) throws SinkException {
    checkOpen();
    applied++;
    if (change instanceof Change.Upsert upsert) {
      pending.put(upsert.id(), upsert.document());
    } else {
      pending.remove(change.id());
    }
  }

  @Override
  public void commit() throws SinkException {
    checkOpen();
    committed = new LinkedHashMap<>(pending);
    commits++;
  }

  @Override
  public long documentCount() throws SinkException {
    checkOpen();
    return committed.size();
  }

  @Override
  public void close() {
    closed = true;
    crash();
  }

  /** Loses everything applied since the last commit, as a crash would. */
  public void crash() {
    pending = new LinkedHashMap<>(committed);
  }

  /** The documents of the last commit, by id, in first-insertion order. */
  public Map<DocumentId, Document> committed() {
    return Map.copyOf(committed);
  }

  /** The documents including uncommitted changes. */
  public Map<DocumentId, Document> pending() {
    return Map.copyOf(pending);
  }

  /** How many times {@link #commit()} succeeded. */
  public int commits() {
    return commits;
  }

  /** How many changes {@link #apply(Change)} took. */
  public int applied() {
    return applied;
  }

  public boolean isClosed() {
    return closed;
  }

  private void checkOpen() throws SinkException {
    if (closed) {
      throw new SinkException("The in-memory sink is closed.", false, null);
    }
  }
}
