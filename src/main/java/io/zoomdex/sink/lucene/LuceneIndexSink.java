package io.zoomdex.sink.lucene;

import io.zoomdex.config.ConfigException;
import io.zoomdex.document.Change;
import io.zoomdex.document.Document;
import io.zoomdex.embed.EmbeddingException;
import io.zoomdex.embed.EmbeddingModelId;
import io.zoomdex.passage.DocumentPassages;
import io.zoomdex.passage.EmbeddedPassage;
import io.zoomdex.passage.PassageVectors;
import io.zoomdex.passage.PendingPassages;
import io.zoomdex.search.SearchResults;
import io.zoomdex.search.SearchService;
import io.zoomdex.sink.IndexSink;
import io.zoomdex.sink.SinkException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

  private static final Logger log = LoggerFactory.getLogger(LuceneIndexSink.class);

  private final Path indexDir;
  private final Directory directory;
  private final Analyzer analyzer;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final PassageVectors vectors;
  private final PendingPassages pending;
  private final AwaitableMerges merges;

  /** What the next commit records besides the documents: the model, a re-embed's progress. */
  private final Map<String, String> commitData;

  private boolean closed;
  private boolean broken;

  /** Whether changes were applied since the last commit (which {@link #settle} must not commit). */
  private boolean applied;

  /** How many merges had ended when the last commit began: later ones are not committed yet. */
  private long mergesCommitted;

  private LuceneIndexSink(
      Path indexDir,
      Directory directory,
      Analyzer analyzer,
      IndexWriter writer,
      SearcherManager searchers,
      PassageVectors vectors,
      Map<String, String> commitData) {
    this.indexDir = indexDir;
    this.directory = directory;
    this.analyzer = analyzer;
    this.writer = writer;
    this.searchers = searchers;
    this.vectors = vectors;
    this.pending = vectors == null ? null : new PendingPassages(vectors);
    this.merges = (AwaitableMerges) writer.getConfig().getMergeScheduler();
    this.commitData = new TreeMap<>(commitData);
  }

  /**
   * The codec (and HNSW vector format) every zoomdex writer uses, for tools that rewrite the index.
   */
  public static org.apache.lucene.codecs.Codec codec() {
    return LuceneSchema.codec();
  }

  /**
   * Opens (creating when absent) the index in {@code indexDir}, without vectors: documents only,
   * for keyword search.
   *
   * @throws SinkException when the directory cannot be created or written, or another process is
   *     writing it
   * @throws ConfigException when the index holds vectors (write it with their model, or re-embed)
   */
  public static LuceneIndexSink open(Path indexDir) throws SinkException {
    return open(indexDir, null);
  }

  /**
   * Opens (creating when absent) the index in {@code indexDir}; with {@code vectors}, each upserted
   * document's passages are embedded on its pool and written with the document in the same commit.
   *
   * @param vectors the embedding pipeline (not closed by this sink), or null for no vectors
   * @throws SinkException when the directory cannot be created or written, or another process is
   *     writing it
   * @throws ConfigException when the index holds vectors of another model than {@code vectors}'
   *     (one sentence: run {@code zoomdex reembed}), or a re-embed was interrupted
   */
  public static LuceneIndexSink open(Path indexDir, PassageVectors vectors) throws SinkException {
    LuceneIndexSink sink = openUnchecked(indexDir, vectors);
    try {
      sink.checkModel();
      return sink;
    } catch (ConfigException e) {
      sink.close();
      throw e;
    }
  }

  /**
   * Opens the index to rebuild its vectors with {@code vectors}' model ({@link #reembed}), whatever
   * model it holds now.
   *
   * @param vectors the new model's pipeline, or null to remove every vector
   * @throws SinkException as {@link #open(Path)}
   */
  public static LuceneIndexSink openForReembed(Path indexDir, PassageVectors vectors)
      throws SinkException {
    return openUnchecked(indexDir, vectors);
  }

  private static LuceneIndexSink openUnchecked(Path indexDir, PassageVectors vectors)
      throws SinkException {
    Directory directory = null;
    Analyzer analyzer = LuceneSchema.newTextAnalyzer();
    IndexWriter writer = null;
    try {
      Files.createDirectories(indexDir);
      directory = FSDirectory.open(indexDir);
      IndexWriterConfig config =
          new IndexWriterConfig(analyzer)
              .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
              .setCommitOnClose(false)
              .setMergeScheduler(new AwaitableMerges())
              .setCodec(LuceneSchema.codec());
      writer = new IndexWriter(directory, config);
      SearcherManager searchers = new SearcherManager(writer, true, false, null);
      Map<String, String> commitData = new TreeMap<>();
      if (DirectoryReader.indexExists(directory)) {
        commitData.putAll(SegmentInfos.readLatestCommit(directory).getUserData());
      }
      return new LuceneIndexSink(
          indexDir, directory, analyzer, writer, searchers, vectors, commitData);
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

  /**
   * {@inheritDoc}
   *
   * <p>An upsert replaces the document and drops its old passages at once; its new passages are
   * embedded on the pool meanwhile and written by the next {@link #commit()}, so the document and
   * its passages always become visible together.
   */
  @Override
  public void apply(Change change) throws SinkException {
    checkUsable();
    applied = true;
    try {
      // Passages first: the delete only reaches passages added before it, never the new ones.
      writer.deleteDocuments(LuceneSchema.passagesOf(change.id()));
      if (change instanceof Change.Upsert upsert) {
        writer.updateDocument(
            LuceneSchema.idTerm(upsert.id()), LuceneSchema.toLucene(upsert.document()));
        if (pending != null) {
          pending.upserted(upsert.document());
        }
      } else {
        writer.deleteDocuments(LuceneSchema.idTerm(change.id()));
        if (pending != null) {
          pending.deleted(change.id());
        }
      }
    } catch (IOException | AlreadyClosedException e) {
      throw failure("write", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SinkException("Interrupted while embedding passages.", true, e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Waits for the passages of every document upserted since the last commit, adds them, records
   * the embedding model and commits. When embedding fails, nothing since the last commit is kept
   * and this sink refuses further use: the crawl stops and its next run starts from the last
   * checkpoint.
   */
  @Override
  public void commit() throws SinkException {
    checkUsable();
    try {
      if (pending != null) {
        for (DocumentPassages done : pending.awaitAll()) {
          addPassages(done);
        }
        recordModel(vectors.model());
      }
      writer.setLiveCommitData(Map.copyOf(commitData).entrySet());
      mergesCommitted = merges.finished();
      writer.commit();
      applied = false;
      searchers.maybeRefreshBlocking();
    } catch (EmbeddingException e) {
      broken = true;
      rollbackQuietly();
      throw new SinkException(e.getMessage(), e.retryable(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      broken = true;
      rollbackQuietly();
      throw new SinkException("Interrupted while embedding passages.", true, e);
    } catch (IOException | AlreadyClosedException e) {
      throw failure("commit", e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Asks the merge policy for merges, waits for them and for those they lead to, and commits.
   * Merges still running after {@code within} are dropped when the sink closes; the next run starts
   * them again.
   *
   * @throws IllegalStateException when changes were applied since the last commit
   */
  @Override
  public void settle(Duration within) throws SinkException {
    checkUsable();
    if (applied) {
      throw new IllegalStateException("settle() commits: call it right after commit()");
    }
    try {
      long started = System.nanoTime();
      writer.maybeMerge();
      boolean allEnded = merges.awaitIdle(within, writer::hasPendingMerges);
      if (merges.finished() == mergesCommitted) {
        return; // no merge ended since the last commit: nothing to keep
      }
      writer.setLiveCommitData(Map.copyOf(commitData).entrySet());
      mergesCommitted = merges.finished();
      writer.commit();
      searchers.maybeRefreshBlocking();
      log.info(
          "Merged the index's segments in {} s{}",
          (System.nanoTime() - started) / 1_000_000_000,
          allEnded ? "" : "; larger merges were still running and continue on the next run");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SinkException("Interrupted while merging the index's segments.", true, e);
    } catch (IOException | AlreadyClosedException e) {
      throw failure("merge", e);
    }
  }

  private void addPassages(DocumentPassages done) throws IOException {
    List<List<IndexableField>> passages = new ArrayList<>(done.passages().size());
    String model = LuceneSchema.modelKey(vectors.model());
    for (EmbeddedPassage passage : done.passages()) {
      passages.add(LuceneSchema.passageToLucene(done.document(), passage, model));
    }
    writer.addDocuments(passages);
  }

  private void recordModel(EmbeddingModelId model) {
    if (model == null) {
      commitData.remove(LuceneSchema.COMMIT_MODEL);
      commitData.remove(LuceneSchema.COMMIT_DIMENSION);
    } else {
      commitData.put(LuceneSchema.COMMIT_MODEL, model.name());
      commitData.put(LuceneSchema.COMMIT_DIMENSION, Integer.toString(model.dimension()));
    }
  }

  /** The model whose vectors the last commit holds, or empty when it holds none. */
  public Optional<EmbeddingModelId> recordedModel() {
    return LuceneSchema.recordedModel(commitData);
  }

  /**
   * Refuses an index whose vectors are of another model than this sink's, or whose re-embed was
   * interrupted; an index without documents takes any model.
   */
  private void checkModel() throws SinkException {
    String interrupted = commitData.get(LuceneSchema.COMMIT_REEMBED_MODEL);
    if (interrupted != null) {
      throw new ConfigException(
          "A re-embed of the index at "
              + indexDir
              + " with "
              + interrupted
              + " was interrupted; run `zoomdex reembed` again with that model to finish it.");
    }
    Optional<EmbeddingModelId> recorded = recordedModel();
    Optional<EmbeddingModelId> configured = Optional.ofNullable(vectors).map(PassageVectors::model);
    if (!recorded.equals(configured) && documentCount() > 0) {
      throw new ConfigException(LuceneSchema.mismatchMessage(indexDir, recorded, configured));
    }
  }

  @Override
  public long documentCount() throws SinkException {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return LuceneSchema.documentCount(searcher);
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
    return new LuceneSearchService(
        searchers,
        null,
        false,
        countCap,
        vectors == null ? null : LuceneSearchService.QueryVectors.of(vectors.embedder()));
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
    if (pending != null) {
      pending.discard();
    }
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

  /** How a re-embed reports its progress. */
  public interface ReembedProgress {
    /**
     * Called once before any work.
     *
     * @param total documents in the index
     * @param alreadyDone documents an interrupted earlier run of the same model already re-embedded
     */
    void started(long total, long alreadyDone);

    /** Called after each committed batch with how many documents it held. */
    void advanced(int documents);
  }

  /**
   * Rebuilds every document's passages and vectors with this sink's model from the index alone
   * (stored title and body; readers from the indexed reader terms), without calling Zoom. Works in
   * batches of {@code batchSize} documents in id order, each committed with how far it got, so a
   * run that is killed resumes after its last batch when started again with the same model. The
   * model is recorded, and the index accepted by crawls and searches with it, only at the end.
   * Without vectors ({@code openForReembed(dir, null)}), removes every passage instead.
   *
   * @throws SinkException when the index cannot be read or written, or embedding fails (what was
   *     committed stays, and a new run resumes from it)
   */
  public void reembed(int batchSize, ReembedProgress progress) throws SinkException {
    checkUsable();
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
    }
    try {
      if (vectors == null) {
        writer.deleteDocuments(
            new TermQuery(new Term(LuceneSchema.KIND, LuceneSchema.KIND_PASSAGE)));
        progress.started(documentCount(), 0);
        finishReembed(null);
        return;
      }
      String target = LuceneSchema.modelKey(vectors.model());
      String after =
          target.equals(commitData.get(LuceneSchema.COMMIT_REEMBED_MODEL))
              ? commitData.get(LuceneSchema.COMMIT_REEMBED_AFTER)
              : null;
      commitData.put(LuceneSchema.COMMIT_REEMBED_MODEL, target);
      if (after == null) {
        commitData.remove(LuceneSchema.COMMIT_REEMBED_AFTER);
      }
      try (DirectoryReader snapshot = DirectoryReader.open(directory)) {
        StoredDocuments stored = new StoredDocuments(snapshot);
        progress.started(stored.count(null), after == null ? 0 : stored.countUpTo(after));
        List<Document> batch = new ArrayList<>(batchSize);
        for (Document document : stored.after(after)) {
          batch.add(document);
          if (batch.size() == batchSize) {
            reembedBatch(batch, progress);
            batch.clear();
          }
        }
        if (!batch.isEmpty()) {
          reembedBatch(batch, progress);
        }
      }
      finishReembed(vectors.model());
    } catch (EmbeddingException e) {
      rollbackQuietly();
      broken = true;
      throw new SinkException(e.getMessage(), e.retryable(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      rollbackQuietly();
      broken = true;
      throw new SinkException("Interrupted while re-embedding.", true, e);
    } catch (IOException | AlreadyClosedException e) {
      throw failure("re-embed", e);
    }
  }

  private void reembedBatch(List<Document> batch, ReembedProgress progress)
      throws IOException, EmbeddingException, InterruptedException {
    List<java.util.concurrent.CompletableFuture<DocumentPassages>> futures =
        new ArrayList<>(batch.size());
    for (Document document : batch) {
      futures.add(vectors.submit(document));
    }
    for (java.util.concurrent.CompletableFuture<DocumentPassages> future : futures) {
      DocumentPassages done;
      try {
        done = future.get();
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof EmbeddingException embedding) {
          throw embedding;
        }
        throw new EmbeddingException(
            "Embedding failed (" + e.getCause() + "); check the embedding settings.",
            false,
            e.getCause());
      }
      writer.deleteDocuments(LuceneSchema.passagesOf(done.document().id()));
      addPassages(done);
    }
    commitData.put(LuceneSchema.COMMIT_REEMBED_AFTER, batch.get(batch.size() - 1).id().toString());
    writer.setLiveCommitData(Map.copyOf(commitData).entrySet());
    writer.commit();
    progress.advanced(batch.size());
  }

  private void finishReembed(EmbeddingModelId model) throws IOException {
    commitData.remove(LuceneSchema.COMMIT_REEMBED_MODEL);
    commitData.remove(LuceneSchema.COMMIT_REEMBED_AFTER);
    recordModel(model);
    writer.setLiveCommitData(Map.copyOf(commitData).entrySet());
    writer.commit();
    searchers.maybeRefreshBlocking();
  }

  private void checkUsable() throws SinkException {
    if (broken) {
      throw new SinkException(
          "The index at "
              + indexDir
              + " stopped taking changes after an embedding failure; run the command again.",
          false,
          null);
    }
  }

  private void rollbackQuietly() {
    if (pending != null) {
      pending.discard();
    }
    try {
      writer.rollback();
    } catch (IOException | RuntimeException suppressed) {
      // Already failing with the error worth reporting; the last commit is intact.
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
