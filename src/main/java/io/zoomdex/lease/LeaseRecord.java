package io.zoomdex.lease;

/**
 * The lease document as last read from OpenSearch.
 *
 * @param holder who holds (or last held) it, e.g. {@code host/pid/1a2b3c}
 * @param epoch the fencing token of that holder
 * @param released whether the holder gave it up (anyone may take it at once)
 * @param renewedAt the holder's wall-clock time of its last write, for people only (never compared
 *     across machines)
 * @param seqNo the document's {@code _seq_no}
 * @param primaryTerm the document's {@code _primary_term}
 */
public record LeaseRecord(
    String holder, long epoch, boolean released, String renewedAt, long seqNo, long primaryTerm) {}
