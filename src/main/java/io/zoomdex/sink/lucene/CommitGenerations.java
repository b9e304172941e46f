package io.zoomdex.sink.lucene;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StandardDirectoryReader;

/**
 * Whether another process has committed since a reader was opened, from the directory's file names
 * alone. Lucene's own check ({@code openIfChanged}) reads the latest commit and every segment's
 * info file, which on an index of fifty segments costs more than a narrow search; a read-only
 * service asks before each search, so it asks this first.
 */
final class CommitGenerations {

  private CommitGenerations() {}

  /**
   * True when the directory's latest commit is not the one {@code reader} shows, or when that
   * cannot be told cheaply (a reader of another kind): the caller then refreshes as before.
   */
  static boolean newerCommitThan(IndexReader reader) throws IOException {
    if (!(reader instanceof StandardDirectoryReader directoryReader)) {
      return true;
    }
    long latest = SegmentInfos.getLastCommitGeneration(directoryReader.directory().listAll());
    return latest != directoryReader.getSegmentInfos().getGeneration();
  }
}
