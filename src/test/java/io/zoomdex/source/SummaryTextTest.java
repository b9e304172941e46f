package io.zoomdex.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.document.Change;
import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.document.Readers;
import io.zoomdex.search.SearchHit;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchService;
import io.zoomdex.search.Snippet;
import io.zoomdex.sink.lucene.LuceneIndexSink;
import io.zoomdex.sink.lucene.LuceneSearchService;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryTextTest {
  /** Zoom's summary_content, as AI Companion writes it. */
  private static final String MARKDOWN =
      "## Quick recap\n\n"
          + "The team discussed the *quarterly* business review. Numbers look **good**.\n\n"
          + "## Next steps\n\n"
          + "- Julia Schmidt will review the budget impact.\n"
          + "- Rosa Murphy will send the deck.\n\n"
          + "## Summary\n\n"
          + "### Annual planning\n\n"
          + "Agree on the top three priorities for the budget.\n";

  @TempDir Path dir;

  @Test
  void markdown_becomesTextLines_headingsLeadTheirParagraph_listItemsBulleted() {
    assertThat(SummaryText.of(MARKDOWN))
        .isEqualTo(
            "Quick recap: The team discussed the quarterly business review. Numbers look good.\n"
                + "Next steps\n"
                + "• Julia Schmidt will review the budget impact.\n"
                + "• Rosa Murphy will send the deck.\n"
                + "Summary\n"
                + "Annual planning: Agree on the top three priorities for the budget.");
  }

  @Test
  void plainTextAndBlank_stayAsTheyAre() {
    assertThat(SummaryText.of("Just one line.")).isEqualTo("Just one line.");
    assertThat(SummaryText.of("")).isEmpty();
  }

  @Test
  void searchSnippets_ofAnIndexedSummary_areMatchingLinesWithoutMarkdown() throws Exception {
    String alice = "alice@example.com";
    Document summary =
        new Document(
            new DocumentId(DocumentType.SUMMARY, "s1=="),
            "Quarterly business review",
            SummaryText.of(MARKDOWN),
            alice,
            Instant.parse("2026-03-01T10:00:00Z"),
            30,
            "https://docs.zoom.us/doc/1",
            Readers.of(List.of(alice)),
            Map.of("meeting_id", "1", "uuid", "s1=="));
    try (LuceneIndexSink sink = LuceneIndexSink.open(dir)) {
      sink.apply(new Change.Upsert(summary));
      sink.commit();
    }
    try (SearchService search = LuceneSearchService.openReadOnly(dir)) {
      SearchHit hit = search.search(SearchRequest.of(alice, "budget")).hits().get(0);

      assertThat(hit.snippets()).isNotEmpty();
      for (Snippet snippet : hit.snippets()) {
        assertThat(snippet.text()).containsIgnoringCase("budget").doesNotContain("#", "*");
      }
    }
  }
}
