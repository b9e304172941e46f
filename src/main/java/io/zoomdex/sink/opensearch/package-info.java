/**
 * The OpenSearch backend, both halves: {@link io.zoomdex.sink.opensearch.OpenSearchIndexSink}
 * writes through zoomdex's alias with bounded, retried bulk requests, and {@link
 * io.zoomdex.sink.opensearch.OpenSearchSearchService} searches it with the Lucene backend's
 * semantics. They share the package-private {@code OpenSearchSchema} (template, mapping, source
 * layout), so writer and reader cannot drift. {@link io.zoomdex.sink.opensearch.OpenSearchIndexes}
 * owns the template, the {@code alias-N} generations and the atomic alias swap for rebuilds.
 * Depends on {@code sink}, {@code search}, {@code document} and {@code config} (for {@code
 * Secret}).
 */
package io.zoomdex.sink.opensearch;
