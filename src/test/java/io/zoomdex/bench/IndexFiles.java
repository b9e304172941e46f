package io.zoomdex.bench;

import java.nio.file.Path;
import java.util.Set;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;

/**
 * Bytes of a Lucene index's latest commit, all of it or only its vector files (looking inside
 * compound files, where small segments keep theirs).
 */
final class IndexFiles {
  /** Lucene 9.9+ vector files: flat vectors, HNSW graph, int8 quantized vectors, and metadata. */
  private static final Set<String> VECTOR_EXTENSIONS =
      Set.of("vec", "vemf", "vex", "vem", "veq", "vemq");

  private IndexFiles() {}

  static long size(Path index, boolean vectorsOnly) throws Exception {
    long bytes = 0;
    try (Directory dir = FSDirectory.open(index)) {
      SegmentInfos infos = SegmentInfos.readLatestCommit(dir);
      for (SegmentCommitInfo segment : infos) {
        if (!vectorsOnly) {
          for (String file : segment.files()) {
            bytes += dir.fileLength(file);
          }
        } else if (segment.info.getUseCompoundFile()) {
          try (Directory cfs =
              segment
                  .info
                  .getCodec()
                  .compoundFormat()
                  .getCompoundReader(dir, segment.info, IOContext.READONCE)) {
            for (String file : cfs.listAll()) {
              bytes += isVector(file) ? cfs.fileLength(file) : 0;
            }
          }
        } else {
          for (String file : segment.files()) {
            bytes += isVector(file) ? dir.fileLength(file) : 0;
          }
        }
      }
      if (!vectorsOnly) {
        bytes += dir.fileLength(infos.getSegmentsFileName());
      }
    }
    return bytes;
  }

  /** How many segments the latest commit holds. */
  static int segments(Path index) throws Exception {
    try (Directory directory = FSDirectory.open(index)) {
      return SegmentInfos.readLatestCommit(directory).size();
    }
  }

  private static boolean isVector(String file) {
    int dot = file.lastIndexOf('.');
    return dot >= 0 && VECTOR_EXTENSIONS.contains(file.substring(dot + 1));
  }
}
