package io.zoomdex.sink.lucene;

import io.zoomdex.document.Change;
import io.zoomdex.search.SearchResults;
import io.zoomdex.search.SearchService;
import io.zoomdex.sink.IndexSink;
import io.zoomdex.sink.SinkException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * An {@link IndexSink} writing an embedded Lucene index in one directory. Upserts are {@code
 * updateDocument} keyed by the id term, so replays are idempotent; {@link #commit()} is Lucene's
 * atomic commit, and closing never commits (changes since the last commit are rolled back).
 *
 * <p>Only one process may write a directory at a time (Lucene's write lock). {@link
 * #searchService()} searches the same index in this process and sees each commit as soon as it
 * returns, and nothing uncommitted.
 */
public final class LuceneIndexSink implements IndexSink {

  private final Path indexDir;
  private final Directory directory;
  private final Analyzer analyzer;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private boolean closed;

  private LuceneIndexSink(
      Path indexDir,
      Directory directory,
      Analyzer analyzer,
      IndexWriter writer,
      SearcherManager searchers) {
    this.indexDir = indexDir;
    this.directory = directory;
    this.analyzer = analyzer;
    this.writer = writer;
    this.searchers = searchers;
  }

  /**
   * Opens (creating when absent) the index in {@code indexDir}.
   *
   * @throws SinkException when the directory cannot be created or written, or another process is
   *     writing it
   */
  public static LuceneIndexSink open(Path indexDir) throws SinkException {
    Directory directory = null;
    Analyzer analyzer = LuceneSchema.newTextAnalyzer();
    IndexWriter writer = null;
    try {
      Files.createDirectories(indexDir);
      directory = FSDirectory.open(indexDir);
      IndexWriterConfig config =
          new IndexWriterConfig(analyzer)
              .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
              .setCommitOnClose(false);
      writer = new IndexWriter(directory, config);
      SearcherManager searchers = new SearcherManager(writer, true, false, null);
      return new LuceneIndexSink(indexDir, directory, analyzer, writer, searchers);
    } catch (LockObtainFailedException e) {
      closeQuietly(writer, directory, analyzer);
      throw new SinkException(
          "Another zoomdex process is writing the index at "
              + indexDir
              + "; wait for it to finish or stop it.",
          false,
          e);
    } catch (IOException | RuntimeException e) {
      closeQuietly(writer, directory, analyzer);
      throw new SinkException(
          "Could not open the index at "
              + indexDir
              + " ("
              + e.getMessage()
              + "); check that the directory is writable and not corrupt.",
          false,
          e);
    }
  }

  @Override
  public void apply(Change change) throws SinkException {
    try {
      if (change instanceof Change.Upsert upsert) {
        writer.updateDocument(
            LuceneSchema.idTerm(upsert.id()), LuceneSchema.toLucene(upsert.document()));
      } else {
        writer.deleteDocuments(LuceneSchema.idTerm(change.id()));
      }
    } catch (IOException | AlreadyClosedException e) {
      throw failure("write", e);
    }
  }

  @Override
  public void commit() throws SinkException {
    try {
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException | AlreadyClosedException e) {
      throw failure("commit", e);
    }
  }

  @Override
  public long documentCount() throws SinkException {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return searcher.getIndexReader().numDocs();
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException | AlreadyClosedException e) {
      throw failure("read", e);
    }
  }

  /**
   * A search service over this index that sees every commit of this sink as soon as it returns. It
   * shares this sink's readers: close it before (or instead of relying on it after) closing the
   * sink; closing it leaves the sink open.
   */
  public SearchService searchService() {
    return searchService(SearchResults.COUNT_CAP);
  }

  /** As {@link #searchService()}, counting exactly up to {@code countCap} matches (for tests). */
  SearchService searchService(int countCap) {
    return new LuceneSearchService(searchers, null, false, countCap);
  }

  /**
   * Writes pending changes to new segment files without committing them, as a crash mid-batch may
   * leave the directory. For the durability test only.
   */
  void flushWithoutCommit() throws IOException {
    writer.flush();
  }

  @Override
  public void close() throws SinkException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      searchers.close();
      writer.rollback();
      directory.close();
    } catch (IOException e) {
      throw failure("close", e);
    } finally {
      analyzer.close();
    }
  }

  private SinkException failure(String action, Exception cause) {
    return new SinkException(
        "Could not "
            + action
            + " the index at "
            + indexDir
            + " ("
            + cause.getMessage()
            + "); check disk space and permissions, then run the crawl again.",
        false,
        cause);
  }

  private static void closeQuietly(IndexWriter writer, Directory directory, Analyzer analyzer) {
    try {
      if (writer != null) {
        writer.rollback();
      }
      if (directory != null) {
        directory.close();
      }
    } catch (IOException | RuntimeException suppressed) {
      // Already failing with the first error, which is the one worth reporting.
    } finally {
      analyzer.close();
    }
  }
}
