package io.zoomdex.sink.opensearch;

import io.zoomdex.sink.SinkException;

/**
 * The writer lease a sink writes under (see {@code io.zoomdex.lease}), so that a writer that lost
 * it cannot overwrite a newer writer's work. The sink checks it before every bulk request and
 * writes each document with an external version derived from the lease epoch ({@link
 * #documentVersion}): OpenSearch itself then refuses, per document and atomically, a write from an
 * older epoch over one from a newer epoch.
 */
public interface WriteFence {

  /** External document versions per epoch: far above any internal version a document reaches. */
  long VERSION_STEP = 1L << 32;

  /**
   * The fencing token: the lease epoch this writer holds. Every new holder's epoch is larger than
   * every earlier one's. Constant for the fence's life.
   */
  long epoch();

  /**
   * Called before every bulk request; returns when the writer may still write.
   *
   * @throws SinkException (fatal) when this writer no longer holds the lease with {@link #epoch()},
   *     or it cannot tell (the lease could not be read): it must then stop writing
   */
  void check() throws SinkException;

  /** The external version ({@code version_type=external_gte}) this fence writes documents with. */
  static long documentVersion(long epoch) {
    return epoch * VERSION_STEP;
  }
}
