/**
 * The embedded Lucene backend, both halves: {@link io.zoomdex.sink.lucene.LuceneIndexSink} writes
 * and {@link io.zoomdex.sink.lucene.LuceneSearchService} reads. They share the package-private
 * {@code LuceneSchema}, the only code that knows field names, so writer and reader cannot drift.
 * Depends on {@code sink}, {@code search} (the interfaces it implements) and {@code document}.
 */
package io.zoomdex.sink.lucene;
