package io.zoomdex.sink.lucene;

import static io.zoomdex.sink.lucene.SearchFixtures.ALICE;
import static io.zoomdex.sink.lucene.SearchFixtures.BOB;
import static io.zoomdex.sink.lucene.SearchFixtures.BUDGET_MEETING;
import static io.zoomdex.sink.lucene.SearchFixtures.BUDGET_TRANSCRIPT;
import static io.zoomdex.sink.lucene.SearchFixtures.CAROL;
import static io.zoomdex.sink.lucene.SearchFixtures.LAUNCH_WEBINAR;
import static io.zoomdex.sink.lucene.SearchFixtures.ORPHAN_SUMMARY;
import static io.zoomdex.sink.lucene.SearchFixtures.STANDUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zoomdex.document.Change;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.document.Readers;
import io.zoomdex.search.BadQueryException;
import io.zoomdex.search.IndexMissingException;
import io.zoomdex.search.SearchHit;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchResults;
import io.zoomdex.search.Snippet;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
  void search_returnsOnlyDocumentsTheSearcherMayRead() throws Exception {
    assertThat(ids(run(SearchRequest.of(BOB, "budget"))))
        .containsExactlyInAnyOrder(BUDGET_MEETING, STANDUP);
    assertThat(ids(run(SearchRequest.of(ALICE, "budget"))))
        .containsExactlyInAnyOrder(BUDGET_MEETING, BUDGET_TRANSCRIPT, STANDUP);
    assertThat(ids(run(SearchRequest.of(CAROL, "budget")))).isEmpty();
  }

  @Test
  void search_documentWithNoReaders_isVisibleToNobodyNotEvenItsHost() throws Exception {
    // Alice hosts the orphan summary, and "secret" appears only there.
    assertThat(run(SearchRequest.of(ALICE, "secret")).total()).isZero();
    assertThat(ids(run(SearchRequest.of(ALICE, "")))).doesNotContain(ORPHAN_SUMMARY);
    assertThat(search.get(ALICE, ORPHAN_SUMMARY)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "mallory@example.com", "alice", "*", "alice@example.com*"})
  void search_blankOrUnknownSearcher_seesNothing(String searcher) throws Exception {
    SearchResults results = run(SearchRequest.of(searcher, ""));
    assertThat(results.total()).isZero();
    assertThat(results.hits()).isEmpty();
    assertThat(results.facets().byType()).isEmpty();
  }

  @Test
  void search_searcherInAnyCaseWithSpaces_resolvesToTheSamePrincipal() throws Exception {
    SearchResults exact = run(SearchRequest.of(BOB, ""));
    SearchResults variant = run(SearchRequest.of("  Bob@EXAMPLE.com\t", ""));
    assertThat(variant.principal()).isEqualTo(BOB);
    assertThat(ids(variant)).isEqualTo(ids(exact)).hasSize(2);
  }

  @Test
  void search_blankQuery_listsExactlyTheReadableSetNewestFirst() throws Exception {
    SearchResults results = run(SearchRequest.of(ALICE, ""));
    assertThat(ids(results)).containsExactly(STANDUP, BUDGET_TRANSCRIPT, BUDGET_MEETING);
    assertThat(results.total()).isEqualTo(3);
    assertThat(results.hits()).allSatisfy(hit -> assertThat(hit.score()).isZero());
    assertThat(results.hits().get(2).bestSnippet().text())
        .isEqualTo("Quarterly budget planning for the platform team.");
  }

  @Test
  void search_filtersByTypeHostAndDates() throws Exception {
    SearchRequest all = SearchRequest.of(ALICE, "");
    assertThat(ids(run(all.withType(DocumentType.TRANSCRIPT)))).containsExactly(BUDGET_TRANSCRIPT);
    assertThat(ids(run(all.withHost(" BOB@example.com")))).containsExactly(STANDUP);
    assertThat(
            ids(
                run(
                    all.withRange(
                        Instant.parse("2024-01-10T15:00:00Z"),
                        Instant.parse("2024-01-10T15:05:00Z")))))
        .as("from is inclusive, to exclusive")
        .containsExactly(BUDGET_MEETING);
    assertThat(ids(run(all.withRange(Instant.parse("2024-02-01T00:00:00Z"), null))))
        .containsExactly(STANDUP);
  }

  @Test
  void search_facetsCountOnlyReadableMatches() throws Exception {
    SearchResults results = run(SearchRequest.of(ALICE, "budget"));
    assertThat(results.facets().byType())
        .containsExactly(
            Map.entry(DocumentType.MEETING, 1L),
            Map.entry(DocumentType.PAST_MEETING, 1L),
            Map.entry(DocumentType.TRANSCRIPT, 1L));
    // The unreadable orphan summary, hosted by Alice in January, is not counted.
    assertThat(results.facets().byHost()).containsExactly(Map.entry(ALICE, 2L), Map.entry(BOB, 1L));
    assertThat(results.facets().byMonth())
        .containsExactly(Map.entry("2024-02", 1L), Map.entry("2024-01", 2L));

    SearchResults carol = run(SearchRequest.of(CAROL, ""));
    assertThat(carol.facets().byType()).containsExactly(Map.entry(DocumentType.WEBINAR, 1L));
  }

  @Test
  void search_pagesWithOffsetAndLimit_andReportsTheTotal() throws Exception {
    SearchRequest all = SearchRequest.of(ALICE, "");
    SearchResults second = run(all.withPage(1, 1));
    assertThat(ids(second)).containsExactly(BUDGET_TRANSCRIPT);
    assertThat(second.total()).isEqualTo(3);
    SearchResults past = run(all.withPage(2, 3));
    assertThat(past.hits()).isEmpty();
    assertThat(past.total()).isEqualTo(3);
  }

  @Test
  void search_ranksTitleAndBodyMatches_andStemsEnglish() throws Exception {
    SearchResults results = run(SearchRequest.of(BOB, "budgets"));
    assertThat(ids(results)).containsExactly(BUDGET_MEETING, STANDUP);
    assertThat(results.hits().get(0).score()).isGreaterThan(results.hits().get(1).score());
  }

  @Test
  void search_allWordsMustMatch() throws Exception {
    assertThat(ids(run(SearchRequest.of(ALICE, "budget spreadsheets"))))
        .containsExactly(BUDGET_MEETING);
    assertThat(ids(run(SearchRequest.of(ALICE, "budget OR launch")))).hasSize(3);
    assertThat(ids(run(SearchRequest.of(ALICE, "budget -spreadsheets"))))
        .containsExactlyInAnyOrder(BUDGET_TRANSCRIPT, STANDUP);
  }

  @Test
  void search_highlightsTheMatchedTermInTitleAndBody() throws Exception {
    SearchHit hit = run(SearchRequest.of(BOB, "spreadsheets")).hits().get(0);
    Snippet snippet = hit.bestSnippet();
    assertThat(snippet.text()).isEqualTo("Bring your spreadsheets.");
    assertThat(snippet.marked("[", "]")).isEqualTo("Bring your [spreadsheets].");
    assertThat(snippet.html()).isEqualTo("Bring your <mark>spreadsheets</mark>.");

    SearchHit titled = run(SearchRequest.of(BOB, "review")).hits().get(0);
    assertThat(titled.titleSnippet().marked("[", "]")).isEqualTo("Budget [review]");
    assertThat(titled.bestSnippet().text())
        .as("a body without the term shows its first line")
        .isEqualTo("Quarterly budget planning for the platform team.");
  }

  @Test
  void search_transcriptSnippet_keepsTheCueTimeAndSpeaker() throws Exception {
    SearchHit hit = run(SearchRequest.of(ALICE, "tight")).hits().get(0);
    assertThat(hit.id()).isEqualTo(BUDGET_TRANSCRIPT);
    assertThat(hit.bestSnippet().marked("[", "]"))
        .isEqualTo("[00:12:34] Bob Jones: The budget is [tight] this quarter. We need cuts.");
  }

  @Test
  void search_phraseQuery_highlightsThePhrase() throws Exception {
    SearchHit hit = run(SearchRequest.of(ALICE, "\"budget is tight\"")).hits().get(0);
    assertThat(hit.id()).isEqualTo(BUDGET_TRANSCRIPT);
    assertThat(hit.bestSnippet().marked("[", "]")).contains("[budget is tight]");
  }

  @Test
  void search_htmlInDocuments_isEscapedInHtmlSnippets() throws Exception {
    SearchHit hit = run(SearchRequest.of(CAROL, "widget")).hits().get(0);
    assertThat(hit.bestSnippet().html())
        .isEqualTo("Launch plan for the new &lt;<mark>widget</mark>&gt; &amp; friends.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"budget",
        "(budget",
        "budget)",
        "budget AND",
        "AND",
        "NOT",
        "*",
        "?",
        "budget OR",
        "[a TO",
        "{x",
        "\\",
        "budget^",
        "budget~",
        "/regex",
        "a:b:c",
        "&&",
        "!",
        "\"\"",
        "budget \"",
        "-",
        "+",
      })
  void search_malformedQuery_neverFails(String query) throws Exception {
    SearchResults results = run(SearchRequest.of(BOB, query));
    assertThat(results.total()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void search_malformedQuery_fallsBackToItsWords() throws Exception {
    assertThat(ids(run(SearchRequest.of(BOB, "\"budget (review")))).containsExactly(BUDGET_MEETING);
  }

  @Test
  void search_fieldSyntax_isPlainTextAndCannotReachOtherFields() throws Exception {
    // Carol reads only the webinar; naming other fields must not widen or probe anything.
    assertThat(run(SearchRequest.of(CAROL, "readers:alice@example.com")).total()).isZero();
    assertThat(run(SearchRequest.of(CAROL, "title:budget")).total()).isZero();
    assertThat(run(SearchRequest.of(CAROL, "id:meeting\\:111")).total()).isZero();
  }

  @Test
  void search_wildcard_matchesPrefixes() throws Exception {
    assertThat(ids(run(SearchRequest.of(BOB, "spread*")))).containsExactly(BUDGET_MEETING);
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
  void search_longestAcceptedQuery_runs() throws Exception {
    String query = String.join(" ", java.util.Collections.nCopies(64, "budget"));
    assertThat(run(SearchRequest.of(BOB, query)).total()).isEqualTo(2);
  }

  @Test
  void search_longLine_snippetIsAWindowAroundTheMatch() throws Exception {
    DocumentId id = new DocumentId(DocumentType.MEETING, "long");
    String body = "filler ".repeat(300) + "needle in the haystack " + "tail ".repeat(100);
    String cueBody = "[01:02:03] Dana Lee: " + "chatter ".repeat(200) + "needle again.";
    DocumentId cueId = new DocumentId(DocumentType.TRANSCRIPT, "long");
    try (LuceneIndexSink sink = LuceneIndexSink.open(dir.resolve("other"))) {
      sink.apply(
          new Change.Upsert(
              SearchFixtures.document(id, "Long", body, ALICE, null, Readers.of(List.of(ALICE)))));
      sink.apply(
          new Change.Upsert(
              SearchFixtures.document(
                  cueId, "Cue", cueBody, ALICE, null, Readers.of(List.of(ALICE)))));
      sink.commit();
      try (var service = sink.searchService()) {
        SearchResults results = service.search(SearchRequest.of(ALICE, "needle"));
        for (SearchHit hit : results.hits()) {
          Snippet snippet = hit.bestSnippet();
          assertThat(snippet.text().length()).isLessThanOrEqualTo(260);
          assertThat(snippet.marked("[", "]")).contains("[needle]");
          if (hit.id().equals(cueId)) {
            assertThat(snippet.text()).startsWith("[01:02:03] Dana Lee: …");
          } else {
            assertThat(snippet.text()).startsWith("…").endsWith("…");
          }
        }
        assertThat(results.total()).isEqualTo(2);
      }
    }
  }

  @Test
  void get_returnsFieldsOnlyToReaders() throws Exception {
    assertThat(search.get(" ALICE@example.com", BUDGET_TRANSCRIPT))
        .hasValueSatisfying(
            view -> {
              assertThat(view.body()).contains("[00:12:34] Bob Jones");
              assertThat(view.url()).isEqualTo("https://zoom.us/j/abc/DEF+ghi==");
              assertThat(view.startTime()).isEqualTo(Instant.parse("2024-01-10T15:05:00Z"));
              assertThat(view.hostEmail()).isEqualTo(ALICE);
            });
    assertThat(search.get(BOB, BUDGET_TRANSCRIPT)).isEmpty();
    assertThat(search.get("", BUDGET_TRANSCRIPT)).isEmpty();
    assertThat(search.get(CAROL, LAUNCH_WEBINAR)).isPresent();
    assertThat(search.get(CAROL, new DocumentId(DocumentType.WEBINAR, "missing"))).isEmpty();
  }

  @Test
  void openReadOnly_missingIndex_saysSo() {
    assertThatThrownBy(() -> LuceneSearchService.openReadOnly(dir.resolve("nothing-here")))
        .isInstanceOf(IndexMissingException.class)
        .hasMessageContaining("No index at");
    assertThat(dir.resolve("nothing-here")).doesNotExist();
  }
}
