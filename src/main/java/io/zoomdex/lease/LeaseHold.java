package io.zoomdex.lease;

/**
 * This process's hold on the writer lease, as of its last successful take or renewal.
 *
 * @param epoch the fencing token: larger for every new holder
 * @param seqNo the lease document's {@code _seq_no} after that write (the next write is conditional
 *     on it)
 * @param primaryTerm the lease document's {@code _primary_term} after that write
 * @param sentAtNanos when (on this machine's {@link Ticker}) that write was sent: the hold is valid
 *     for the lease duration from then
 */
public record LeaseHold(long epoch, long seqNo, long primaryTerm, long sentAtNanos) {}
