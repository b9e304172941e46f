/**
 * Permission-aware search, backend-neutral: {@link io.zoomdex.search.SearchService} and its value
 * types. The reader filter is part of every query an implementation runs, never a post-filter.
 * Depends only on {@code io.zoomdex.document}; implementations live beside their sinks (e.g. {@code
 * io.zoomdex.sink.lucene}).
 */
package io.zoomdex.search;
