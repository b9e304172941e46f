package io.zoomdex.sink;

import static io.zoomdex.sink.lucene.SearchFixtures.ALICE;
import static io.zoomdex.sink.lucene.SearchFixtures.BOB;
import static io.zoomdex.sink.lucene.SearchFixtures.BUDGET_MEETING;
import static io.zoomdex.sink.lucene.SearchFixtures.BUDGET_TRANSCRIPT;
import static io.zoomdex.sink.lucene.SearchFixtures.CAROL;
import static io.zoomdex.sink.lucene.SearchFixtures.LAUNCH_WEBINAR;
import static io.zoomdex.sink.lucene.SearchFixtures.ORPHAN_SUMMARY;
import static io.zoomdex.sink.lucene.SearchFixtures.STANDUP;
import static io.zoomdex.sink.lucene.SearchFixtures.meeting;
import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.document.Change;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.document.Readers;
import io.zoomdex.embed.HashingEmbedder;
import io.zoomdex.passage.PassageVectors;
import io.zoomdex.search.DocumentView;
import io.zoomdex.search.SearchHit;
import io.zoomdex.search.SearchMode;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchResults;
import io.zoomdex.search.SearchService;
import io.zoomdex.search.Snippet;
import io.zoomdex.sink.lucene.SearchFixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every index backend must do, the same way: the permission contract (no leak, no miss),
 * upserts, deletes, filters, facets, paging, highlights and malformed queries. Each backend's test
 * class extends this and says how to open a fresh, empty index; every test starts with the {@link
 * SearchFixtures} documents written and committed.
 */
public abstract class SearchBackendContractTest {

  /** A sink and a search service over one fresh, empty index. */
  protected interface Backend extends AutoCloseable {
    IndexSink sink();

    /** Sees every commit of {@link #sink()} as soon as it returns. */
    SearchService search();

    /**
     * Another service over the same index that counts exactly (total and facets) only up to {@code
     * countCap} matches, as the real one does up to {@link SearchResults#COUNT_CAP}; the caller
     * closes it.
     */
    SearchService search(int countCap);
  }

  /** Opens a fresh, empty index; closed after each test. */
  protected abstract Backend openBackend() throws Exception;

  /**
   * Opens a fresh, empty index that writes passages with {@code vectors}' model and searches them
   * in semantic and hybrid mode; the caller closes it.
   */
  protected abstract Backend openBackend(PassageVectors vectors) throws Exception;

  private Backend backend;
  private IndexSink sink;
  private SearchService search;

  @BeforeEach
  void writeFixtures() throws Exception {
    backend = openBackend();
    sink = backend.sink();
    // The contract below is written for keyword ranking; permissionContract_inEveryMode checks
    // what every mode must never reveal.
    search = new ModePinnedSearch(backend.search(), SearchMode.KEYWORD);
    sink.applyAll(SearchFixtures.documents().stream().map(Change.Upsert::new).toList());
    sink.commit();
  }

  @AfterEach
  void closeBackend() throws Exception {
    backend.close();
  }

  private SearchResults run(SearchRequest request) throws Exception {
    return search.search(request);
  }

  private static List<DocumentId> ids(SearchResults results) {
    return results.hits().stream().map(SearchHit::id).toList();
  }

  // --- the permission contract -------------------------------------------------------------

  /**
   * In every mode, for every person and query: hits are readable, the total counts no more than the
   * readable documents, the type facet adds up to at most the total, and a stranger or a reader of
   * nothing gets nothing; vector scores never reveal an unreadable document.
   */
  @ParameterizedTest
  @EnumSource(SearchMode.class)
  void permissionContract_inEveryMode(SearchMode mode) throws Exception {
    Map<String, Set<DocumentId>> readable =
        Map.of(
            ALICE,
            Set.of(BUDGET_MEETING, BUDGET_TRANSCRIPT, STANDUP),
            BOB,
            Set.of(BUDGET_MEETING, STANDUP),
            CAROL,
            Set.of(LAUNCH_WEBINAR),
            "mallory@example.com",
            Set.of(),
            "",
            Set.of());
    List<String> queries =
        List.of(
            "budget",
            "secret budget numbers",
            "what did we decide about the budget?",
            "launch plan widget",
            "nobody may read",
            "spreadsheets",
            "status");
    SearchService raw = backend.search();
    for (Map.Entry<String, Set<DocumentId>> person : readable.entrySet()) {
      for (String query : queries) {
        SearchResults results =
            raw.search(SearchRequest.of(person.getKey(), query).withMode(mode).withPage(100, 0));
        String what = mode + " search of '" + query + "' as '" + person.getKey() + "'";
        assertThat(ids(results)).as(what).isSubsetOf(person.getValue());
        assertThat(ids(results)).as(what).doesNotContain(ORPHAN_SUMMARY);
        assertThat(results.total()).as(what).isLessThanOrEqualTo(person.getValue().size());
        assertThat(results.facets().byType().values().stream().mapToLong(Long::longValue).sum())
            .as(what)
            .isLessThanOrEqualTo(results.total());
        for (SearchHit hit : results.hits()) {
          for (Snippet snippet : hit.snippets()) {
            assertThat(snippet.text()).as(what).doesNotContain("Secret budget numbers");
          }
        }
      }
    }
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
  void generatedAccount_everyPerson_seesExactlyWhatTheyMayRead() throws Exception {
    GeneratedCorpus corpus = GeneratedCorpus.generate(7, 400, 25);
    sink.applyAll(corpus.documents().stream().map(Change.Upsert::new).toList());
    sink.commit();

    for (String person : corpus.people()) {
      Set<DocumentId> expected = corpus.readableBy(person);
      SearchResults first = run(SearchRequest.of(person, "").withPage(100, 0));
      assertThat(first.total()).as("total for %s", person).isEqualTo(expected.size());
      assertThat(first.facets().byType().values().stream().mapToLong(Long::longValue).sum())
          .as("type facet of %s counts exactly the readable documents", person)
          .isEqualTo(expected.size());
      assertThat(allPages(SearchRequest.of(person, ""), 100))
          .as("documents readable by %s", person)
          .isEqualTo(expected);
      String word = GeneratedCorpus.word(person.length());
      for (DocumentId id : allPages(SearchRequest.of(person, word), 100)) {
        assertThat(expected).as("%s searching '%s'", person, word).contains(id);
      }
    }
  }

  private Set<DocumentId> allPages(SearchRequest request, int pageSize) throws Exception {
    Set<DocumentId> seen = new HashSet<>();
    for (int offset = 0; ; offset += pageSize) {
      SearchResults page = run(request.withPage(pageSize, offset));
      for (SearchHit hit : page.hits()) {
        assertThat(seen.add(hit.id())).as("%s appears on one page only", hit.id()).isTrue();
      }
      if (page.hits().size() < pageSize) {
        assertThat(seen).hasSize((int) page.total());
        return seen;
      }
    }
  }

  // --- the permission contract in every mode, with passage vectors --------------------------

  /**
   * Runs {@code check} against a fresh index with vectors (the hashing embedder: shared words,
   * deterministic), holding the fixtures and a generated account.
   */
  private void withVectors(VectorCheck check) throws Exception {
    try (PassageVectors vectors = new PassageVectors(new HashingEmbedder(64), 2, 64);
        Backend vectorBackend = openBackend(vectors)) {
      List<io.zoomdex.document.Document> documents = new ArrayList<>(SearchFixtures.documents());
      GeneratedCorpus corpus = GeneratedCorpus.generate(11, 400, 25);
      documents.addAll(corpus.documents());
      vectorBackend.sink().applyAll(documents.stream().map(Change.Upsert::new).toList());
      vectorBackend.sink().commit();
      check.run(vectorBackend.search(), corpus);
    }
  }

  @FunctionalInterface
  private interface VectorCheck {
    void run(SearchService search, GeneratedCorpus corpus) throws Exception;
  }

  @ParameterizedTest
  @EnumSource(SearchMode.class)
  void everyMode_fixtures_onlyReadableDocuments_andStrangersSeeNothing(SearchMode mode)
      throws Exception {
    withVectors(
        (vectorSearch, corpus) -> {
          for (String query : List.of("budget", "what did we decide about the budget?", "zebra")) {
            assertThat(ids(vectorSearch.search(SearchRequest.of(CAROL, query).withMode(mode))))
                .as("%s: carol searching '%s'", mode, query)
                .doesNotContain(BUDGET_MEETING, BUDGET_TRANSCRIPT, STANDUP, ORPHAN_SUMMARY);
            assertThat(ids(vectorSearch.search(SearchRequest.of(BOB, query).withMode(mode))))
                .as("%s: bob searching '%s'", mode, query)
                .doesNotContain(BUDGET_TRANSCRIPT, ORPHAN_SUMMARY, LAUNCH_WEBINAR);
            for (String stranger : List.of("", "mallory@example.com", "*")) {
              SearchResults nothing =
                  vectorSearch.search(SearchRequest.of(stranger, query).withMode(mode));
              assertThat(nothing.hits()).as("%s: '%s' searching", mode, stranger).isEmpty();
              assertThat(nothing.total()).isZero();
              assertThat(nothing.facets().byType()).isEmpty();
              assertThat(nothing.facets().byHost()).isEmpty();
              assertThat(nothing.facets().byMonth()).isEmpty();
            }
          }
        });
  }

  @ParameterizedTest
  @EnumSource(SearchMode.class)
  void everyMode_generatedAccount_noLeakThroughHitsTotalsFacetsOrPages_acrossPeople(SearchMode mode)
      throws Exception {
    withVectors(
        (vectorSearch, corpus) -> {
          for (String person : corpus.people()) {
            Set<DocumentId> expected = corpus.readableBy(person);
            String word = GeneratedCorpus.word(person.length());
            SearchRequest request = SearchRequest.of(person, word).withMode(mode);
            SearchResults first = vectorSearch.search(request.withPage(100, 0));
            assertThat(first.total())
                .as("%s: total for %s", mode, person)
                .isBetween((long) first.hits().size(), (long) expected.size());
            assertThat(first.facets().byType().values().stream().mapToLong(Long::longValue).sum())
                .as("%s: type facet of %s counts what the total counts", mode, person)
                .isEqualTo(first.total());
            Set<DocumentId> pages = allPages(vectorSearch, request, 25);
            assertThat(expected).as("%s: %s searching '%s'", mode, person, word).containsAll(pages);
          }
        });
  }

  /**
   * Documents a person may not read, however near the query, change nothing that person sees: the
   * same hits, total and facets (and, by vectors alone, the same order and scores) as before they
   * were written. So a vector score can never tell anyone that an unreadable document exists.
   */
  @ParameterizedTest
  @EnumSource(SearchMode.class)
  void everyMode_unreadableDocumentsNearTheQuery_changeNothingOthersSee(SearchMode mode)
      throws Exception {
    List<String> queries =
        List.of("budget", "what did we decide about the budget?", "launch plan widget");
    List<String> people = List.of(ALICE, BOB, CAROL, "mallory@example.com", "");
    try (PassageVectors vectors = new PassageVectors(new HashingEmbedder(64), 2, 64);
        Backend vectorBackend = openBackend(vectors)) {
      vectorBackend
          .sink()
          .applyAll(SearchFixtures.documents().stream().map(Change.Upsert::new).toList());
      vectorBackend.sink().commit();
      SearchService vectorSearch = vectorBackend.search();
      Map<String, SearchResults> before = new java.util.HashMap<>();
      for (String person : people) {
        for (String query : queries) {
          before.put(
              person + "|" + query,
              vectorSearch.search(SearchRequest.of(person, query).withMode(mode)));
        }
      }
      // For each query, documents that are the query itself (the nearest vector, the best BM25
      // match), readable only by dave.
      List<Change> near = new ArrayList<>();
      for (int i = 0; i < 3 * queries.size(); i++) {
        String query = queries.get(i % queries.size());
        near.add(
            new Change.Upsert(
                SearchFixtures.document(
                    new DocumentId(DocumentType.MEETING, "near-" + i),
                    query,
                    query + "\n" + query,
                    "dave@example.com",
                    Instant.parse("2024-02-0" + (1 + i % 9) + "T10:00:00Z"),
                    Readers.of(List.of("dave@example.com")))));
      }
      vectorBackend.sink().applyAll(near);
      vectorBackend.sink().commit();
      for (String person : people) {
        for (String query : queries) {
          SearchResults was = before.get(person + "|" + query);
          SearchResults now = vectorSearch.search(SearchRequest.of(person, query).withMode(mode));
          String what = mode + ": '" + person + "' searching '" + query + "'";
          assertThat(new HashSet<>(ids(now))).as(what).isEqualTo(new HashSet<>(ids(was)));
          assertThat(now.total()).as(what).isEqualTo(was.total());
          assertThat(now.facets()).as(what).isEqualTo(was.facets());
          if (mode == SearchMode.SEMANTIC) {
            assertThat(ids(now)).as(what).isEqualTo(ids(was));
            assertThat(now.hits().stream().map(SearchHit::score).toList())
                .as(what)
                .isEqualTo(was.hits().stream().map(SearchHit::score).toList());
          }
        }
      }
      assertThat(
              ids(
                  vectorSearch.search(
                      SearchRequest.of("dave@example.com", "budget").withMode(mode))))
          .as("%s: the near documents are found by their reader", mode)
          .isNotEmpty();
    }
  }

  /**
   * Hostile content (markup, script, control characters, a 200 kB body) comes back to its reader as
   * the plain text it is, with highlights inside that text, in every mode; nobody else sees it.
   */
  @ParameterizedTest
  @EnumSource(SearchMode.class)
  void everyMode_hostileContent_isPlainTextToItsReaderOnly(SearchMode mode) throws Exception {
    String title =
        "<script>window.__pwned=1</script>\u0000\u0007\u001b[31m Quokka <b>plan</b> \"';--";
    DocumentId hostile = new DocumentId(DocumentType.MEETING, "hostile");
    DocumentId huge = new DocumentId(DocumentType.MEETING, "huge");
    try (PassageVectors vectors = new PassageVectors(new HashingEmbedder(64), 2, 64);
        Backend vectorBackend = openBackend(vectors)) {
      List<Change> changes = new ArrayList<>();
      SearchFixtures.documents().forEach(d -> changes.add(new Change.Upsert(d)));
      changes.add(
          new Change.Upsert(
              SearchFixtures.document(
                  hostile,
                  title,
                  "<img src=x onerror=alert(1)> quokka feeding schedule\u0000",
                  ALICE,
                  Instant.parse("2024-03-05T10:00:00Z"),
                  Readers.of(List.of(ALICE)))));
      changes.add(
          new Change.Upsert(
              SearchFixtures.document(
                  huge,
                  "Filler <i>agenda</i>",
                  // 200 kB of agenda in windows that differ (equal windows would be equal
                  // vectors, which crowd a filtered HNSW search: see BENCHMARKS.md section 11).
                  java.util.stream.IntStream.range(0, 10_000)
                          .mapToObj(i -> "agenda filler item" + i + " ")
                          .collect(java.util.stream.Collectors.joining())
                      + "zebracorn",
                  ALICE,
                  Instant.parse("2024-03-06T10:00:00Z"),
                  Readers.of(List.of(ALICE)))));
      vectorBackend.sink().applyAll(changes);
      vectorBackend.sink().commit();
      SearchService vectorSearch = vectorBackend.search();
      for (String query : List.of("quokka", "<script>", "quokka feeding schedule?", "zebracorn")) {
        SearchResults mine = vectorSearch.search(SearchRequest.of(ALICE, query).withMode(mode));
        String what = mode + ": alice searching '" + query + "'";
        for (SearchHit hit : mine.hits()) {
          assertThat(hit.title()).as(what).doesNotContain("\u0000", "\u0007", "\u001b");
          for (Snippet snippet :
              java.util.stream.Stream.concat(
                      java.util.stream.Stream.of(hit.titleSnippet()), hit.snippets().stream())
                  .toList()) {
            assertThat(snippet.text()).as(what).doesNotContain("\u0000", "\u0007", "\u001b");
            snippet
                .highlights()
                .forEach(
                    h ->
                        assertThat(h.end()).as(what).isBetween(h.start(), snippet.text().length()));
          }
        }
        // Found by its words in every mode; the 200 kB one, whose one rare word is lost among
        // the filler of its passage, not by meaning.
        if (query.startsWith("quokka")) {
          assertThat(ids(mine)).as(what).contains(hostile);
          SearchHit found =
              mine.hits().stream().filter(h -> h.id().equals(hostile)).findFirst().get();
          assertThat(found.title()).as(what).contains("<script>window.__pwned=1</script>");
        }
        if (query.equals("zebracorn") && mode != SearchMode.SEMANTIC) {
          assertThat(ids(mine)).as(what).contains(huge);
        }
        for (String other : List.of(BOB, CAROL, "mallory@example.com", "")) {
          SearchResults theirs = vectorSearch.search(SearchRequest.of(other, query).withMode(mode));
          assertThat(ids(theirs))
              .as("%s: %s searching '%s'", mode, other, query)
              .doesNotContain(hostile, huge);
          assertThat(theirs.total())
              .as("%s: %s's total for '%s'", mode, other, query)
              .isLessThanOrEqualTo(Map.of(BOB, 2L, CAROL, 1L).getOrDefault(other, 0L));
        }
      }
    }
  }

  /** Malformed and hostile queries never fail and never leak, in every mode. */
  @ParameterizedTest
  @EnumSource(SearchMode.class)
  void everyMode_malformedQueries_neverFailAndNeverLeak(SearchMode mode) throws Exception {
    withVectors(
        (vectorSearch, corpus) -> {
          for (String query : HOSTILE_QUERIES) {
            for (String person : List.of(BOB, "mallory@example.com")) {
              SearchResults results =
                  vectorSearch.search(SearchRequest.of(person, query).withMode(mode));
              String what = mode + ": " + person + " searching '" + query + "'";
              if (person.equals(BOB)) {
                assertThat(ids(results)).as(what).isSubsetOf(BUDGET_MEETING, STANDUP);
                assertThat(results.total()).as(what).isBetween(0L, 2L);
              } else {
                assertThat(results.hits()).as(what).isEmpty();
                assertThat(results.total()).as(what).isZero();
                assertThat(results.facets().byType()).as(what).isEmpty();
              }
            }
          }
        });
  }

  private static Set<DocumentId> allPages(
      SearchService service, SearchRequest request, int pageSize) throws Exception {
    Set<DocumentId> seen = new HashSet<>();
    for (int offset = 0; ; offset += pageSize) {
      SearchResults page = service.search(request.withPage(pageSize, offset));
      for (SearchHit hit : page.hits()) {
        assertThat(seen.add(hit.id())).as("%s appears on one page only", hit.id()).isTrue();
      }
      if (page.hits().size() < pageSize) {
        return seen;
      }
    }
  }

  // --- writes ------------------------------------------------------------------------------

  private static final DocumentId ID = SearchFixtures.MEETING_42;

  @Test
  void upsert_sameIdTwice_keepsOneDocumentWithLatestContent() throws Exception {
    long before = sink.documentCount();
    sink.apply(new Change.Upsert(meeting("First title", ALICE)));
    sink.apply(new Change.Upsert(meeting("Second title", ALICE)));
    sink.commit();
    sink.apply(new Change.Upsert(meeting("Second title", ALICE)));
    sink.commit();

    assertThat(sink.documentCount()).isEqualTo(before + 1);
    Optional<DocumentView> view = search.get(ALICE, ID);
    assertThat(view).map(DocumentView::title).contains("Second title");
    assertThat(view.orElseThrow().sourceIds()).containsEntry("uuid", "a/b+c==");
    assertThat(view.orElseThrow().durationMinutes()).isEqualTo(45);
    assertThat(search.search(SearchRequest.of(ALICE, "first")).total()).isZero();
  }

  @Test
  void upsert_changedReaders_replacesReaderSet() throws Exception {
    sink.apply(new Change.Upsert(meeting("Plan", ALICE, BOB)));
    sink.commit();
    sink.apply(new Change.Upsert(meeting("Plan", ALICE)));
    sink.commit();

    assertThat(search.get(BOB, ID)).isEmpty();
    assertThat(search.get(ALICE, ID)).isPresent();
    assertThat(ids(run(SearchRequest.of(BOB, "plan")))).doesNotContain(ID);
  }

  @Test
  void delete_removesDocument_andDeletingAnAbsentIdIsFine() throws Exception {
    long before = sink.documentCount();
    sink.apply(new Change.Delete(BUDGET_MEETING));
    sink.apply(new Change.Delete(new DocumentId(DocumentType.WEBINAR, "nope")));
    sink.commit();

    assertThat(sink.documentCount()).isEqualTo(before - 1);
    assertThat(search.get(ALICE, BUDGET_MEETING)).isEmpty();
    assertThat(ids(run(SearchRequest.of(BOB, "budget")))).containsExactly(STANDUP);
  }

  @Test
  void search_seesOnlyCommittedChanges() throws Exception {
    sink.apply(new Change.Upsert(meeting("Roadmap", ALICE)));
    assertThat(run(SearchRequest.of(ALICE, "roadmap")).total()).isZero();

    sink.commit();

    assertThat(run(SearchRequest.of(ALICE, "roadmap")).total()).isEqualTo(1);
  }

  @Test
  void documentCount_countsEveryCommittedDocumentReadableOrNot() throws Exception {
    assertThat(sink.documentCount()).isEqualTo(5);
    assertThat(search.documentCount()).hasValue(5);
  }

  // --- ranking, filters, facets, paging ----------------------------------------------------

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
  void search_hitCarriesTheDocumentsFields() throws Exception {
    SearchHit hit = run(SearchRequest.of(BOB, "spreadsheets")).hits().get(0);
    assertThat(hit.id()).isEqualTo(BUDGET_MEETING);
    assertThat(hit.title()).isEqualTo("Budget review");
    assertThat(hit.url()).isEqualTo("https://zoom.us/j/111");
    assertThat(hit.startTime()).isEqualTo(Instant.parse("2024-01-10T15:00:00Z"));
    assertThat(hit.hostEmail()).isEqualTo(ALICE);
    assertThat(hit.durationMinutes()).isEqualTo(30);
    assertThat(hit.score()).isPositive();
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
  void search_wildcard_matchesPrefixes() throws Exception {
    assertThat(ids(run(SearchRequest.of(BOB, "spread*")))).containsExactly(BUDGET_MEETING);
  }

  // --- snippets ----------------------------------------------------------------------------

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
  void search_phraseQuery_matchesThePhraseAndHighlightsItsWords() throws Exception {
    SearchResults results = run(SearchRequest.of(ALICE, "\"budget is tight\""));
    assertThat(ids(results)).containsExactly(BUDGET_TRANSCRIPT);
    assertThat(results.hits().get(0).bestSnippet().marked("[", "]"))
        .startsWith("[00:12:34] Bob Jones: The [budget")
        .contains("tight]");
  }

  @Test
  void search_htmlInDocuments_isEscapedInHtmlSnippets() throws Exception {
    SearchHit hit = run(SearchRequest.of(CAROL, "widget")).hits().get(0);
    assertThat(hit.bestSnippet().html())
        .isEqualTo("Launch plan for the new &lt;<mark>widget</mark>&gt; &amp; friends.");
  }

  @Test
  void search_longLine_snippetIsAWindowAroundTheMatch() throws Exception {
    DocumentId id = new DocumentId(DocumentType.MEETING, "long");
    String body = "filler ".repeat(300) + "needle in the haystack " + "tail ".repeat(100);
    String cueBody = "[01:02:03] Dana Lee: " + "chatter ".repeat(200) + "needle again.";
    DocumentId cueId = new DocumentId(DocumentType.TRANSCRIPT, "long");
    sink.apply(
        new Change.Upsert(
            SearchFixtures.document(id, "Long", body, ALICE, null, Readers.of(List.of(ALICE)))));
    sink.apply(
        new Change.Upsert(
            SearchFixtures.document(
                cueId, "Cue", cueBody, ALICE, null, Readers.of(List.of(ALICE)))));
    sink.commit();

    SearchResults results = run(SearchRequest.of(ALICE, "needle"));
    assertThat(results.total()).isEqualTo(2);
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
  }

  // --- hostile and malformed queries -------------------------------------------------------

  private static final List<String> HOSTILE_QUERIES =
      List.of(
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
          "budget*~2",
          "b*",
          "<widget>",
          "title:(budget OR launch)");

  static List<String> hostileQueries() {
    return HOSTILE_QUERIES;
  }

  @ParameterizedTest
  @MethodSource("hostileQueries")
  void search_malformedQuery_neverFailsAndNeverLeaks(String query) throws Exception {
    SearchResults results = run(SearchRequest.of(BOB, query));
    assertThat(results.total()).isBetween(0L, 2L);
    assertThat(ids(results)).isSubsetOf(BUDGET_MEETING, STANDUP);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "budget AND(",
        "AND budget",
        "budget OR",
        "budget AND",
        "OR budget ||",
        "budget NOT",
        "(budget",
        "budget )",
        "budget the",
        "the budget -"
      })
  void search_strayOperatorsOrStopWords_findWhatTheWordAloneFinds(String query) throws Exception {
    List<DocumentId> alone = ids(run(SearchRequest.of(ALICE, "budget")));

    assertThat(alone).hasSize(3);
    assertThat(ids(run(SearchRequest.of(ALICE, query)))).containsExactlyInAnyOrderElementsOf(alone);
  }

  @Test
  void search_malformedQuery_fallsBackToItsWords() throws Exception {
    assertThat(ids(run(SearchRequest.of(BOB, "\"budget (review")))).containsExactly(BUDGET_MEETING);
  }

  @Test
  void search_fieldSyntax_isPlainTextAndCannotReachOtherFields() throws Exception {
    assertThat(run(SearchRequest.of(CAROL, "readers:alice@example.com")).total()).isZero();
    assertThat(run(SearchRequest.of(CAROL, "title:budget")).total()).isZero();
    assertThat(run(SearchRequest.of(CAROL, "id:meeting\\:111")).total()).isZero();
  }

  @Test
  void search_longestAcceptedQuery_runs() throws Exception {
    String query = String.join(" ", Collections.nCopies(64, "budget"));
    assertThat(run(SearchRequest.of(BOB, query)).total()).isEqualTo(2);
  }

  // --- get ---------------------------------------------------------------------------------

  @Test
  void get_returnsFieldsOnlyToReaders() throws Exception {
    assertThat(search.get(" ALICE@example.com", BUDGET_TRANSCRIPT))
        .hasValueSatisfying(
            view -> {
              assertThat(view.body()).contains("[00:12:34] Bob Jones");
              assertThat(view.url()).isEqualTo("https://zoom.us/j/abc/DEF+ghi==");
              assertThat(view.startTime()).isEqualTo(Instant.parse("2024-01-10T15:05:00Z"));
              assertThat(view.hostEmail()).isEqualTo(ALICE);
              assertThat(view.sourceIds()).containsEntry("id", "abc/DEF+ghi==");
            });
    assertThat(search.get(BOB, BUDGET_TRANSCRIPT)).isEmpty();
    assertThat(search.get("", BUDGET_TRANSCRIPT)).isEmpty();
    assertThat(search.get(CAROL, LAUNCH_WEBINAR)).isPresent();
    assertThat(search.get(CAROL, new DocumentId(DocumentType.WEBINAR, "missing"))).isEmpty();
  }

  // --- counting capped -----------------------------------------------------------------------

  private static final String DAVE = "dave@example.com";
  private static final String ERIN = "erin@example.com";
  private static final int CAP = 5;

  /**
   * Erin's 6 webinars come first (lowest document numbers, so a cap applied before the reader
   * filter would count them), then Dave's 12 past meetings hosted by Dave; every one says "capped".
   */
  private void writeCappedCorpus() throws Exception {
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      changes.add(
          new Change.Upsert(
              SearchFixtures.document(
                  new DocumentId(DocumentType.WEBINAR, "erin-" + i),
                  "Capped webinar " + i,
                  "capped counting",
                  ERIN,
                  Instant.parse("2024-03-01T10:00:00Z").plusSeconds(i),
                  Readers.of(List.of(ERIN)))));
    }
    sink.applyAll(changes);
    sink.commit();
    changes.clear();
    for (int i = 0; i < 12; i++) {
      changes.add(
          new Change.Upsert(
              SearchFixtures.document(
                  new DocumentId(DocumentType.PAST_MEETING, "dave-" + i),
                  "Capped meeting " + i,
                  "capped counting",
                  DAVE,
                  Instant.parse("2024-04-01T10:00:00Z").plusSeconds(i),
                  Readers.of(List.of(DAVE)))));
    }
    sink.applyAll(changes);
    sink.commit();
  }

  @ParameterizedTest
  @ValueSource(strings = {"capped", ""})
  void search_moreMatchesThanTheCap_reportsALowerBound_andSampledFacetsOfReadableOnly(String query)
      throws Exception {
    writeCappedCorpus();
    try (SearchService capped = new ModePinnedSearch(backend.search(CAP), SearchMode.KEYWORD)) {
      SearchResults results = capped.search(SearchRequest.of(DAVE, query).withPage(CAP, 0));

      assertThat(results.totalExact()).isFalse();
      assertThat(results.total()).isEqualTo(CAP);
      assertThat(results.totalText()).isEqualTo("5+");
      assertThat(results.hits()).hasSize(CAP);
      assertThat(results.facets().exact()).isFalse();
      assertThat(results.facets().byType().keySet()).containsOnly(DocumentType.PAST_MEETING);
      assertThat(results.facets().byHost().keySet()).containsOnly(DAVE);
      long counted = results.facets().byType().get(DocumentType.PAST_MEETING);
      assertThat(counted).isBetween(1L, 12L);
      assertThat(results.facets().byHost().get(DAVE)).isEqualTo(counted);
    }
  }

  @Test
  void search_fewerMatchesThanTheCap_countsExactly() throws Exception {
    writeCappedCorpus();
    try (SearchService capped = new ModePinnedSearch(backend.search(CAP), SearchMode.KEYWORD)) {
      SearchResults bob = capped.search(SearchRequest.of(BOB, "").withPage(CAP, 0));
      assertThat(bob.totalExact()).isTrue();
      assertThat(bob.total()).isEqualTo(2);
      assertThat(bob.facets().exact()).isTrue();
      assertThat(bob.facets().byType().values().stream().mapToLong(Long::longValue).sum())
          .isEqualTo(2);

      SearchResults erin = capped.search(SearchRequest.of(ERIN, "capped").withPage(CAP, 0));
      assertThat(erin.totalExact()).as("6 matches, cap 5").isFalse();
      assertThat(erin.facets().byType().keySet()).containsOnly(DocumentType.WEBINAR);
    }
  }

  @Test
  void search_pageDeeperThanTheCap_stillCountsAsFarAsThePage_andReturnsIt() throws Exception {
    writeCappedCorpus();
    try (SearchService capped = new ModePinnedSearch(backend.search(CAP), SearchMode.KEYWORD)) {
      SearchResults last = capped.search(SearchRequest.of(DAVE, "").withPage(CAP, 10));

      assertThat(last.hits()).hasSize(2);
      assertThat(last.totalExact()).as("counting reaches offset + limit = 15 > 12").isTrue();
      assertThat(last.total()).isEqualTo(12);
      assertThat(last.facets().exact()).as("facets still count only 5").isFalse();
      Set<DocumentId> seen = new HashSet<>();
      for (int offset = 0; offset < 12; offset += CAP) {
        ids(capped.search(SearchRequest.of(DAVE, "").withPage(CAP, offset))).forEach(seen::add);
      }
      assertThat(seen).hasSize(12).allMatch(id -> id.key().startsWith("dave-"));
    }
  }

  @Test
  void search_defaultCap_countsTheFixturesExactly() throws Exception {
    SearchResults results = run(SearchRequest.of(ALICE, ""));
    assertThat(results.totalExact()).isTrue();
    assertThat(results.facets().exact()).isTrue();
    assertThat(results.totalText()).isEqualTo("3");
  }
}
