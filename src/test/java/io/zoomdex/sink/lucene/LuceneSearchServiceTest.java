package io.zoomdex.sink.lucene;

import static io.zoomdex.sink.lucene.SearchFixtures.ALICE;
import static io.zoomdex.sink.lucene.SearchFixtures.BUDGET_TRANSCRIPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zoomdex.document.DocumentId;
import io.zoomdex.search.BadQueryException;
import io.zoomdex.search.IndexMissingException;
import io.zoomdex.search.SearchHit;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchResults;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lucene-only search behaviour; the shared behaviour is in {@code LuceneBackendContractTest}. */
class LuceneSearchServiceTest {

  @TempDir Path dir;

  private LuceneSearchService search;

  @BeforeEach
  void buildIndex() throws Exception {
    SearchFixtures.writeIndex(dir.resolve("index"));
    search = LuceneSearchService.openReadOnly(dir.resolve("index"));
  }

  @AfterEach
  void close() throws Exception {
    search.close();
  }

  private SearchResults run(SearchRequest request) throws Exception {
    return search.search(request);
  }

  private List<DocumentId> ids(SearchResults results) {
    return results.hits().stream().map(SearchHit::id).toList();
  }

  @Test
  void search_phraseQuery_highlightsThePhrase() throws Exception {
    SearchHit hit = run(SearchRequest.of(ALICE, "\"budget is tight\"")).hits().get(0);
    assertThat(hit.id()).isEqualTo(BUDGET_TRANSCRIPT);
    assertThat(hit.bestSnippet().marked("[", "]")).contains("[budget is tight]");
  }

  @Test
  void searchRequest_tooLongQuery_isRejectedWithAPlainSentence() {
    assertThatThrownBy(() -> SearchRequest.of(ALICE, "a".repeat(1_001)))
        .isInstanceOf(BadQueryException.class)
        .hasMessage("The query is 1001 characters long; shorten it to at most 1000.");
    assertThatThrownBy(() -> SearchRequest.of(ALICE, "word ".repeat(65)))
        .isInstanceOf(BadQueryException.class)
        .hasMessageContaining("more than 64 words");
  }

  @Test
  void openReadOnly_missingIndex_saysSo() {
    assertThatThrownBy(() -> LuceneSearchService.openReadOnly(dir.resolve("nothing-here")))
        .isInstanceOf(IndexMissingException.class)
        .hasMessageContaining("No index at");
    assertThat(dir.resolve("nothing-here")).doesNotExist();
  }
}
