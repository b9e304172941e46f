package io.zoomdex.source;

import io.zoomdex.document.DocumentType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one crawl of the source saw, counted safely from many threads: documents per type, items
 * skipped for a known reason, and failures. Any failure makes the crawl incomplete.
 */
public final class CrawlStats {
  /** How many failures are kept word for word; the rest are only counted. */
  private static final int KEPT_FAILURES = 50;

  private final Map<DocumentType, LongAdder> documents = new EnumMap<>(DocumentType.class);
  private final Map<String, LongAdder> skipped = new ConcurrentHashMap<>();
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger failureCount = new AtomicInteger();
  private final AtomicInteger usersDone = new AtomicInteger();
  private volatile int usersTotal;

  public CrawlStats() {
    for (DocumentType type : DocumentType.values()) {
      documents.put(type, new LongAdder());
    }
  }

  void documentEmitted(DocumentType type) {
    documents.get(type).increment();
  }

  /** Counts an item Zoom refused for a known reason, e.g. "too old (12702)". */
  void skipped(String reason) {
    skipped.computeIfAbsent(reason, r -> new LongAdder()).increment();
  }

  /** Records a failure that leaves the crawl incomplete. */
  void failed(String what) {
    if (failureCount.incrementAndGet() <= KEPT_FAILURES) {
      failures.add(what);
    }
  }

  void usersFound(int total) {
    usersTotal = total;
  }

  void userDone() {
    usersDone.incrementAndGet();
  }

  public long documents(DocumentType type) {
    return documents.get(type).sum();
  }

  public long documentsTotal() {
    return documents.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Skipped items by reason, sorted by reason. */
  public Map<String, Long> skipped() {
    Map<String, Long> copy = new TreeMap<>();
    skipped.forEach((reason, count) -> copy.put(reason, count.sum()));
    return copy;
  }

  /** The first failures, word for word. */
  public List<String> failures() {
    synchronized (failures) {
      return List.copyOf(failures);
    }
  }

  public int failureCount() {
    return failureCount.get();
  }

  /** Whether every listing and item was read or refused for a known reason. */
  public boolean complete() {
    return failureCount.get() == 0;
  }

  public int usersDone() {
    return usersDone.get();
  }

  public int usersTotal() {
    return usersTotal;
  }
}
