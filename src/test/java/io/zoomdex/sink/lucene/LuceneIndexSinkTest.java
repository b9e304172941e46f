package io.zoomdex.sink.lucene;

import static io.zoomdex.sink.lucene.SearchFixtures.ALICE;
import static io.zoomdex.sink.lucene.SearchFixtures.meeting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zoomdex.document.Change;
import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.document.Readers;
import io.zoomdex.search.DocumentView;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchService;
import io.zoomdex.sink.SinkException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneIndexSinkTest {

  @TempDir Path dir;

  private static final DocumentId ID = SearchFixtures.MEETING_42;

  @Test
  void commit_survivesCloseAndReopen() throws Exception {
    Path index = dir.resolve("index");
    try (LuceneIndexSink sink = LuceneIndexSink.open(index)) {
      sink.applyAll(List.of(new Change.Upsert(meeting("Durable", ALICE))));
      sink.commit();
    }
    try (LuceneIndexSink sink = LuceneIndexSink.open(index);
        SearchService search = sink.searchService()) {
      assertThat(sink.documentCount()).isEqualTo(1);
      assertThat(search.get(ALICE, ID)).map(DocumentView::title).contains("Durable");
    }
  }

  @Test
  void close_withoutCommit_keepsPreviousCommit() throws Exception {
    Path index = dir.resolve("index");
    try (LuceneIndexSink sink = LuceneIndexSink.open(index)) {
      sink.apply(new Change.Upsert(meeting("Committed", ALICE)));
      sink.commit();
      sink.apply(new Change.Upsert(meeting("Never committed", ALICE)));
      sink.apply(new Change.Delete(ID));
      assertThat(sink.documentCount()).as("uncommitted changes are not counted").isEqualTo(1);
    }
    try (LuceneIndexSink sink = LuceneIndexSink.open(index);
        SearchService search = sink.searchService()) {
      assertThat(sink.documentCount()).isEqualTo(1);
      assertThat(search.get(ALICE, ID)).map(DocumentView::title).contains("Committed");
    }
  }

  @Test
  void crashMidBatch_filesLeftOnDisk_reopenAtPreviousCommit() throws Exception {
    Path index = dir.resolve("index");
    Path afterCrash = dir.resolve("after-crash");
    DocumentId other = new DocumentId(DocumentType.WEBINAR, "7");
    try (LuceneIndexSink sink = LuceneIndexSink.open(index)) {
      sink.apply(new Change.Upsert(meeting("Committed", ALICE)));
      sink.commit();
      sink.apply(new Change.Delete(ID));
      sink.apply(
          new Change.Upsert(
              new Document(
                  other, "Uncommitted", "", "", null, 0, "", Readers.of(List.of(ALICE)), null)));
      sink.flushWithoutCommit();
      // The directory as a process killed right now would leave it: new segment files, no commit.
      copyIndexFiles(index, afterCrash);
    }
    try (LuceneIndexSink sink = LuceneIndexSink.open(afterCrash);
        SearchService search = sink.searchService()) {
      assertThat(sink.documentCount()).isEqualTo(1);
      assertThat(search.get(ALICE, ID)).map(DocumentView::title).contains("Committed");
      assertThat(search.get(ALICE, other)).isEmpty();
    }
  }

  @Test
  void readOnlyService_picksUpLaterCommitsOfAnotherWriter() throws Exception {
    Path index = dir.resolve("index");
    try (LuceneIndexSink sink = LuceneIndexSink.open(index)) {
      sink.commit();
      try (SearchService readOnly = LuceneSearchService.openReadOnly(index)) {
        assertThat(readOnly.search(SearchRequest.of(ALICE, "")).total()).isZero();
        sink.apply(new Change.Upsert(meeting("Roadmap", ALICE)));
        sink.commit();
        assertThat(readOnly.search(SearchRequest.of(ALICE, "")).total()).isEqualTo(1);
        sink.apply(new Change.Upsert(meeting("Budget", ALICE)));
        assertThat(readOnly.search(SearchRequest.of(ALICE, "budget")).total())
            .as("not committed yet")
            .isZero();
        sink.commit();
        assertThat(readOnly.search(SearchRequest.of(ALICE, "budget")).total()).isEqualTo(1);
      }
    }
  }

  @Test
  void open_whileAnotherSinkWrites_failsWithAPlainFatalError() throws Exception {
    Path index = dir.resolve("index");
    try (LuceneIndexSink first = LuceneIndexSink.open(index)) {
      assertThatThrownBy(() -> LuceneIndexSink.open(index))
          .isInstanceOf(SinkException.class)
          .hasMessageContaining("Another zoomdex process is writing the index")
          .satisfies(e -> assertThat(((SinkException) e).retryable()).isFalse());
      assertThat(first.documentCount()).isZero();
    }
  }

  @Test
  void apply_afterClose_failsWithSinkException() throws Exception {
    LuceneIndexSink sink = LuceneIndexSink.open(dir.resolve("index"));
    sink.close();
    sink.close();
    assertThatThrownBy(() -> sink.apply(new Change.Upsert(meeting("Late", ALICE))))
        .isInstanceOf(SinkException.class)
        .hasMessageContaining("Could not write the index");
  }

  private static void copyIndexFiles(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (!file.getFileName().toString().equals("write.lock")) {
          Files.copy(file, to.resolve(file.getFileName()));
        }
      }
    }
  }

  @Test
  void settle_mergesTheSmallSegmentsARunLeft_andKeepsEveryDocument() throws Exception {
    Path index = dir.resolve("index");
    writeOneSegmentPerDocument(index, 30);
    assertThat(committedSegments(index)).isEqualTo(30);

    try (LuceneIndexSink sink = LuceneIndexSink.open(index)) {
      sink.settle(Duration.ofMinutes(1));
    }

    // Lucene's tiered merge policy allows ten segments of one size.
    assertThat(committedSegments(index)).isLessThanOrEqualTo(10);
    try (SearchService search = LuceneSearchService.openReadOnly(index)) {
      assertThat(search.search(SearchRequest.of(ALICE, "numbered")).total()).isEqualTo(30);
    }
  }

  @Test
  void settle_outOfTime_stillLeavesEveryDocumentCommitted() throws Exception {
    Path index = dir.resolve("index");
    writeOneSegmentPerDocument(index, 30);

    try (LuceneIndexSink sink = LuceneIndexSink.open(index)) {
      sink.settle(Duration.ZERO);
    }

    try (SearchService search = LuceneSearchService.openReadOnly(index)) {
      assertThat(search.search(SearchRequest.of(ALICE, "numbered")).total()).isEqualTo(30);
    }
  }

  @Test
  void settle_withChangesNotCommitted_refusesAndCommitsNothing() throws Exception {
    Path index = dir.resolve("index");
    try (LuceneIndexSink sink = LuceneIndexSink.open(index)) {
      sink.commit();
      sink.apply(new Change.Upsert(meeting("Not committed", ALICE)));
      assertThatThrownBy(() -> sink.settle(Duration.ofSeconds(1)))
          .isInstanceOf(IllegalStateException.class);
    }
    try (SearchService search = LuceneSearchService.openReadOnly(index)) {
      assertThat(search.search(SearchRequest.of(ALICE, "")).total()).isZero();
    }
  }

  /** An index as a run leaves it when its merges were cut short: one small segment per commit. */
  private static void writeOneSegmentPerDocument(Path index, int documents) throws IOException {
    IndexWriterConfig config =
        new IndexWriterConfig(LuceneSchema.newTextAnalyzer())
            .setCodec(LuceneSchema.codec())
            .setMergePolicy(NoMergePolicy.INSTANCE);
    try (FSDirectory directory = FSDirectory.open(index);
        IndexWriter writer = new IndexWriter(directory, config)) {
      for (int i = 0; i < documents; i++) {
        Document document =
            new Document(
                new DocumentId(DocumentType.MEETING, Integer.toString(1000 + i)),
                "Numbered meeting " + i,
                "agenda " + i,
                ALICE,
                Instant.parse("2024-03-01T10:00:00Z"),
                30,
                "https://zoom.us/j/" + (1000 + i),
                Readers.of(List.of(ALICE)),
                Map.of("meeting_id", Integer.toString(1000 + i)));
        writer.updateDocument(LuceneSchema.idTerm(document.id()), LuceneSchema.toLucene(document));
        writer.commit();
      }
    }
  }

  private static int committedSegments(Path index) throws IOException {
    try (FSDirectory directory = FSDirectory.open(index)) {
      return SegmentInfos.readLatestCommit(directory).size();
    }
  }
}
