package io.zoomdex.sink.lucene;

import io.zoomdex.search.Snippet;
import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Highlights one page of hits: the whole title and up to {@link #BODY_PASSAGES} body lines with the
 * matched terms, using the offsets stored in the postings (no re-analysis of long transcripts). A
 * document whose body did not match gets its first line, unhighlighted.
 */
final class SnippetHighlighter extends UnifiedHighlighter {

  static final int BODY_PASSAGES = 2;
  static final int MAX_SNIPPET_CHARS = 240;

  /** Past the default 10,000 characters, so matches late in a long transcript still show. */
  private static final int MAX_HIGHLIGHT_LENGTH = 20_000_000;

  private static final String[] FIELDS = {LuceneSchema.TITLE, LuceneSchema.BODY};

  SnippetHighlighter(IndexSearcher searcher, Analyzer analyzer, SnippetFormatter formatter) {
    super(
        UnifiedHighlighter.builder(searcher, analyzer)
            .withBreakIterator(LineBreakIterator::new)
            .withFormatter(formatter)
            .withMaxLength(MAX_HIGHLIGHT_LENGTH)
            .withMaxNoHighlightPassages(1));
  }

  /** Title and body snippets of each document, in the order of {@code docIds}. */
  Highlighted highlight(Query query, int[] docIds) throws IOException {
    Map<String, Object[]> found =
        highlightFieldsAsObjects(FIELDS, query, docIds, new int[] {1, BODY_PASSAGES});
    return new Highlighted(found.get(LuceneSchema.TITLE), found.get(LuceneSchema.BODY));
  }

  /** The highlighter's raw answers per document; each entry a {@code Snippet[]} or null. */
  static final class Highlighted {
    private final Object[] titles;
    private final Object[] bodies;

    Highlighted(Object[] titles, Object[] bodies) {
      this.titles = titles;
      this.bodies = bodies;
    }

    Snippet[] title(int index) {
      return titles == null ? null : (Snippet[]) titles[index];
    }

    Snippet[] body(int index) {
      return bodies == null ? null : (Snippet[]) bodies[index];
    }
  }
}
