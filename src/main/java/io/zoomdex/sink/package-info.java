/**
 * Where crawled documents are written: {@link io.zoomdex.sink.IndexSink} (upsert, delete, durable
 * commit) and its failures. Depends only on {@code io.zoomdex.document}; each backend lives in a
 * sub-package ({@code lucene}, later {@code opensearch}) and keeps every backend detail there.
 */
package io.zoomdex.sink;
