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
import java.util.List;
import java.util.stream.Stream;
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
}
