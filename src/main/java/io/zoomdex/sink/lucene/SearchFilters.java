package io.zoomdex.sink.lucene;

import io.zoomdex.embed.EmbeddingModelId;
import io.zoomdex.search.SearchRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The filters inside every Lucene search: the searcher's principal first and always, then the
 * request's type, host and dates, each a non-scoring {@code FILTER} clause of the query itself, so
 * nothing unreadable is ever scored, counted or returned. Passages carry their own copies of these
 * fields, so the vector search filters exactly as the document search does.
 */
final class SearchFilters {
  private SearchFilters() {}

  /** The text query with every filter as a FILTER clause, readers first and always. */
  static Query documents(SearchRequest request, String principal, Query text) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    query.add(text, Occur.MUST);
    query.add(readers(principal), Occur.FILTER);
    addRequestFilters(
        request, query, LuceneSchema.TYPE, LuceneSchema.HOST, LuceneSchema.START_TIME);
    return query.build();
  }

  /**
   * The passage side of every filter: the searcher on the passages' own reader field, the model of
   * the query's vector (passages of another model are never compared with it), and the request's
   * type, host and date filters.
   */
  static Query passages(SearchRequest request, String principal, EmbeddingModelId model) {
    BooleanQuery.Builder filter = new BooleanQuery.Builder();
    filter.add(new TermQuery(new Term(LuceneSchema.PASSAGE_READERS, principal)), Occur.FILTER);
    filter.add(
        new TermQuery(new Term(LuceneSchema.PASSAGE_MODEL, LuceneSchema.modelKey(model))),
        Occur.FILTER);
    addRequestFilters(
        request,
        filter,
        LuceneSchema.PASSAGE_TYPE,
        LuceneSchema.PASSAGE_HOST,
        LuceneSchema.PASSAGE_START);
    return filter.build();
  }

  /** The documents a principal may read. */
  static Query readers(String principal) {
    return new TermQuery(new Term(LuceneSchema.READERS, principal));
  }

  /** The documents with these ids (no reader filter: add one). */
  static Query ids(Collection<String> ids) {
    List<BytesRef> terms = new ArrayList<>(ids.size());
    ids.forEach(id -> terms.add(new BytesRef(id)));
    return new TermInSetQuery(LuceneSchema.ID, terms);
  }

  /** The type, host and start-time filters of a request, as FILTER clauses on these fields. */
  static void addRequestFilters(
      SearchRequest request,
      BooleanQuery.Builder query,
      String typeField,
      String hostField,
      String startField) {
    if (request.type() != null) {
      query.add(new TermQuery(new Term(typeField, request.type().prefix())), Occur.FILTER);
    }
    if (!request.host().isEmpty()) {
      query.add(new TermQuery(new Term(hostField, request.host())), Occur.FILTER);
    }
    if (request.from() != null || request.to() != null) {
      long from = request.from() == null ? Long.MIN_VALUE : request.from().toEpochMilli();
      long to = request.to() == null ? Long.MAX_VALUE : request.to().toEpochMilli() - 1;
      query.add(LongPoint.newRangeQuery(startField, from, to), Occur.FILTER);
    }
  }
}
