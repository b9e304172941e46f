package io.zoomdex.sink.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * Hit ids come from doc values where a segment has them and from the stored field where it was
 * written before they existed: an index a previous zoomdex wrote keeps naming its hits right.
 */
class DocumentIdsTest {

  @Test
  void documentIds_fromDocValuesAndFromOlderSegmentsStoredIds() throws IOException {
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      write(directory, LuceneSchema.ID, LuceneSchema.ID_ORDER);
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertThat(reader.leaves()).hasSize(2);
        IndexSearcher searcher = new IndexSearcher(reader);
        assertThat(DocumentIds.ofDocuments(searcher, hitsInReverse(searcher)))
            .containsExactly("new-2", "new-1", "old-2", "old-1");
      }
    }
  }

  @Test
  void passageDocuments_fromDocValuesAndFromOlderSegmentsStoredIds() throws IOException {
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      write(directory, LuceneSchema.PASSAGE_OF, LuceneSchema.PASSAGE_DOCUMENT);
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        assertThat(DocumentIds.ofPassages(searcher, hitsInReverse(searcher)))
            .containsExactly("new-2", "new-1", "old-2", "old-1");
      }
    }
  }

  /**
   * One segment as an older zoomdex wrote it (the id stored and indexed only), then one with the id
   * in doc values as well; the doc values deliberately differ from nothing else, so a wrong source
   * would show.
   */
  private static void write(ByteBuffersDirectory directory, String storedField, String valuesField)
      throws IOException {
    IndexWriterConfig config = new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (String id : List.of("old-1", "old-2")) {
        Document doc = new Document();
        doc.add(new StringField(storedField, id, Field.Store.YES));
        writer.addDocument(doc);
      }
      writer.commit();
      for (String id : List.of("new-1", "new-2")) {
        Document doc = new Document();
        doc.add(new StringField(storedField, id, Field.Store.YES));
        doc.add(new SortedDocValuesField(valuesField, new BytesRef(id)));
        writer.addDocument(doc);
      }
      writer.commit();
    }
  }

  /** Every document, last first: hits across both segments, out of index order. */
  private static ScoreDoc[] hitsInReverse(IndexSearcher searcher) throws IOException {
    return searcher.search(
            new MatchAllDocsQuery(), 10, new Sort(new SortField(null, SortField.Type.DOC, true)))
        .scoreDocs;
  }
}
