package io.zoomdex.sink.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * The zoomdex document ids of Lucene hits, read from doc values (a few bytes each) rather than the
 * stored fields (a compressed block of documents each): a hybrid search names a hundred documents
 * and passages before it shows ten. A segment written before those doc values existed falls back to
 * the stored id.
 */
final class DocumentIds {
  private DocumentIds() {}

  /** The id of each document hit, in the hits' order. */
  static List<String> ofDocuments(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
    return read(searcher, hits, LuceneSchema.ID_ORDER, LuceneSchema.ID);
  }

  /** The id of the document each passage hit belongs to, in the hits' order. */
  static List<String> ofPassages(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
    return read(searcher, hits, LuceneSchema.PASSAGE_DOCUMENT, LuceneSchema.PASSAGE_OF);
  }

  private static List<String> read(
      IndexSearcher searcher, ScoreDoc[] hits, String docValuesField, String storedField)
      throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    StoredFields stored = null;
    List<String> ids = new ArrayList<>(hits.length);
    for (ScoreDoc hit : hits) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
      SortedDocValues values = leaf.reader().getSortedDocValues(docValuesField);
      if (values != null && values.advanceExact(hit.doc - leaf.docBase)) {
        ids.add(values.lookupOrd(values.ordValue()).utf8ToString());
        continue;
      }
      if (stored == null) {
        stored = searcher.storedFields();
      }
      ids.add(stored.document(hit.doc, Set.of(storedField)).get(storedField));
    }
    return ids;
  }
}
