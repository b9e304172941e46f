/**
 * One writer at a time across machines when the index is OpenSearch: the {@link
 * io.zoomdex.lease.WriterLease} (a lease document written with optimistic concurrency, expiring
 * when its holder stops renewing), the {@link io.zoomdex.lease.LeaseKeeper} that renews it, the
 * {@link io.zoomdex.lease.LeaseFence} every write is checked against (the lease epoch as fencing
 * token), and the work only the holder may do: processing the shared {@link
 * io.zoomdex.lease.OpenSearchWebhookQueue}. Embedded Lucene keeps {@code sync.WriterLock}. Depends
 * on {@code sink.opensearch} (the connection, {@code WriteFence}), {@code sync} (exceptions,
 * webhook event records) and {@code webhook} (the queue interface).
 */
package io.zoomdex.lease;
