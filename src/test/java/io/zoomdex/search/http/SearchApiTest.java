package io.zoomdex.search.http;

import static io.zoomdex.sink.lucene.SearchFixtures.ALICE;
import static io.zoomdex.sink.lucene.SearchFixtures.BOB;
import static io.zoomdex.sink.lucene.SearchFixtures.CAROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.zoomdex.document.DocumentId;
import io.zoomdex.search.DocumentView;
import io.zoomdex.search.SearchException;
import io.zoomdex.search.SearchHit;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchResults;
import io.zoomdex.search.SearchService;
import io.zoomdex.sink.lucene.SearchFixtures;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchApiTest {

  @TempDir Path data;

  private ServerFixture fixture;
  private SearchServer server;
  private HttpTestClient http;
  private String alice;
  private String bob;
  private String carol;

  @BeforeEach
  void setUp() throws Exception {
    fixture = new ServerFixture(data);
    server = SearchServer.start(fixture.settings());
    http = new HttpTestClient(server.port());
    alice = fixture.tokens.create(ALICE, false).token();
    bob = fixture.tokens.create(BOB, false).token();
    carol = fixture.tokens.create(CAROL, false).token();
  }

  @AfterEach
  void tearDown() throws Exception {
    try (ServerFixture toClose = fixture) {
      server.close();
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static List<String> ids(JsonNode results) {
    List<String> ids = new ArrayList<>();
    results.path("hits").forEach(hit -> ids.add(hit.path("id").asText()));
    return ids;
  }

  private static Map<String, Long> facet(JsonNode results, String name) {
    Map<String, Long> counts = new LinkedHashMap<>();
    results
        .path("facets")
        .path(name)
        .forEach(
            bucket -> counts.put(bucket.path("value").asText(), bucket.path("count").asLong()));
    return counts;
  }

  @Test
  void search_returnsOnlyHitsTheCallerMayRead() throws Exception {
    JsonNode asAlice = http.getAs(alice, "/api/search?q=budget").json();
    JsonNode asBob = http.getAs(bob, "/api/search?q=budget").json();
    JsonNode asCarol = http.getAs(carol, "/api/search?q=budget").json();

    assertThat(ids(asAlice))
        .containsExactlyInAnyOrder(
            "meeting:111", "transcript:abc/DEF+ghi==", "past_meeting:std/1==");
    assertThat(asAlice.path("total").asLong()).isEqualTo(3);
    assertThat(asAlice.path("total_relation").asText()).isEqualTo("eq");
    assertThat(asAlice.path("facets_exact").asBoolean()).isTrue();
    assertThat(asAlice.path("principal").asText()).isEqualTo(ALICE);
    assertThat(ids(asBob)).containsExactlyInAnyOrder("meeting:111", "past_meeting:std/1==");
    assertThat(ids(asCarol)).isEmpty();
    assertThat(asCarol.path("total").asLong()).isZero();
    assertThat(asAlice.toString()).doesNotContain("Secret budget numbers");
  }

  @Test
  void search_hitHasTheFieldsAndHighlightedSnippets() throws Exception {
    JsonNode results = http.getAs(bob, "/api/search?q=quarterly").json();

    JsonNode hit = results.path("hits").get(0);
    assertThat(hit.path("id").asText()).isEqualTo("meeting:111");
    assertThat(hit.path("type").asText()).isEqualTo("meeting");
    assertThat(hit.path("title").asText()).isEqualTo("Budget review");
    assertThat(hit.path("url").asText()).isEqualTo("https://zoom.us/j/111");
    assertThat(hit.path("start_time").asText()).isEqualTo("2024-01-10T15:00:00Z");
    assertThat(hit.path("host_email").asText()).isEqualTo(ALICE);
    assertThat(hit.path("duration_minutes").asInt()).isEqualTo(30);
    JsonNode snippet = hit.path("snippets").get(0);
    String text = snippet.path("text").asText();
    JsonNode range = snippet.path("highlights").get(0);
    assertThat(text.substring(range.get(0).asInt(), range.get(1).asInt()))
        .isEqualToIgnoringCase("quarterly");
    assertThat(snippet.path("html").asText()).contains("<mark>Quarterly</mark>");
    assertThat(snippet.has("time")).isFalse();
  }

  @Test
  void search_transcriptHit_givesTheMatchingPassageAndItsTimeInTheRecording() throws Exception {
    JsonNode results = http.getAs(alice, "/api/search?q=tight").json();

    JsonNode hit = results.path("hits").get(0);
    assertThat(hit.path("type").asText()).isEqualTo("transcript");
    JsonNode snippet = hit.path("snippets").get(0);
    assertThat(snippet.path("text").asText()).contains("The budget is tight this quarter");
    assertThat(snippet.path("time").asText()).isEqualTo("00:12:34");
  }

  @Test
  void search_snippetHtml_escapesIndexedMarkup() throws Exception {
    JsonNode hit = http.getAs(carol, "/api/search?q=widget").json().path("hits").get(0);

    JsonNode snippet = hit.path("snippets").get(0);
    assertThat(snippet.path("text").asText()).contains("<widget> & friends");
    assertThat(snippet.path("html").asText())
        .contains("&lt;<mark>widget</mark>&gt; &amp; friends")
        .doesNotContain("<widget>");
  }

  @Test
  void search_facets_countTypesHostsAndMonthsOfReadableMatches() throws Exception {
    JsonNode results = http.getAs(alice, "/api/search?q=retro").json();

    assertThat(results.path("total").asLong()).isEqualTo(ServerFixture.RETROS);
    assertThat(facet(results, "type")).containsExactly(Map.entry("meeting", 23L));
    assertThat(facet(results, "host"))
        .containsExactly(
            Map.entry(ALICE, (long) ServerFixture.RETROS_HOSTED_BY_ALICE),
            Map.entry(BOB, (long) (ServerFixture.RETROS - ServerFixture.RETROS_HOSTED_BY_ALICE)));
    assertThat(facet(results, "month"))
        .containsExactly(
            Map.entry("2024-04", (long) ServerFixture.RETROS_IN_APRIL),
            Map.entry("2024-03", (long) ServerFixture.RETROS_IN_MARCH));
  }

  @Test
  void search_blankQuery_facetsCoverEverythingReadable() throws Exception {
    JsonNode results = http.getAs(alice, "/api/search").json();

    // Alice reads the budget meeting, its transcript, the standup, the slash-UUID one, the retros.
    assertThat(results.path("total").asLong()).isEqualTo(4 + ServerFixture.RETROS);
    assertThat(facet(results, "type"))
        .containsExactly(
            Map.entry("meeting", 24L), Map.entry("past_meeting", 2L), Map.entry("transcript", 1L));
  }

  @Test
  void search_filtersByTypeHostAndMonthRange() throws Exception {
    JsonNode byHost =
        http.getAs(alice, "/api/search?q=retro&host=" + encode(" Bob@Example.com")).json();
    JsonNode april =
        http.getAs(alice, "/api/search?q=retro&from=2024-04-01&to=2024-04-30&limit=20").json();
    JsonNode transcripts = http.getAs(alice, "/api/search?q=budget&type=transcript").json();
    JsonNode webinars = http.getAs(alice, "/api/search?q=retro&type=webinar").json();

    assertThat(byHost.path("total").asLong())
        .isEqualTo(ServerFixture.RETROS - ServerFixture.RETROS_HOSTED_BY_ALICE);
    byHost.path("hits").forEach(hit -> assertThat(hit.path("host_email").asText()).isEqualTo(BOB));
    assertThat(april.path("total").asLong()).isEqualTo(ServerFixture.RETROS_IN_APRIL);
    april
        .path("hits")
        .forEach(hit -> assertThat(hit.path("start_time").asText()).startsWith("2024-04-"));
    assertThat(ids(transcripts)).containsExactly("transcript:abc/DEF+ghi==");
    assertThat(webinars.path("total").asLong()).isZero();
  }

  @Test
  void search_pagination_walksEveryHitOnceWithAStableTotal() throws Exception {
    Set<String> seen = new HashSet<>();
    List<Integer> pageSizes = new ArrayList<>();
    for (int offset = 0; offset < ServerFixture.RETROS; offset += 10) {
      JsonNode page = http.getAs(alice, "/api/search?q=retro&limit=10&offset=" + offset).json();
      assertThat(page.path("total").asLong()).isEqualTo(ServerFixture.RETROS);
      assertThat(page.path("offset").asInt()).isEqualTo(offset);
      assertThat(page.path("limit").asInt()).isEqualTo(10);
      pageSizes.add(page.path("hits").size());
      seen.addAll(ids(page));
    }
    JsonNode beyond = http.getAs(alice, "/api/search?q=retro&limit=10&offset=30").json();

    assertThat(pageSizes).containsExactly(10, 10, 3);
    assertThat(seen).hasSize(ServerFixture.RETROS);
    assertThat(beyond.path("hits").size()).isZero();
    assertThat(beyond.path("total").asLong()).isEqualTo(ServerFixture.RETROS);
  }

  @Test
  void search_malformedParameters_are400WithAPlainSentence() throws Exception {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("/api/search?q=budget&limit=abc", "'limit' must be a whole number.");
    expected.put("/api/search?q=budget&limit=0", "The limit must be between 1 and 100, not 0.");
    expected.put("/api/search?q=budget&limit=101", "The limit must be between 1 and 100, not 101.");
    expected.put("/api/search?q=budget&offset=-1", "The offset must not be negative, not -1.");
    expected.put("/api/search?q=budget&offset=99999", "Paging stops at result 10000");
    expected.put("/api/search?q=budget&type=bogus", "Unknown type; use one of meeting");
    expected.put("/api/search?q=budget&from=yesterday", "'from' must be a date like 2024-01-31.");
    expected.put(
        "/api/search?q=budget&from=2024-02-01&to=2024-01-01", "is before 'from' (2024-02-01)");
    for (Map.Entry<String, String> call : expected.entrySet()) {
      HttpTestClient.Reply reply = http.getAs(alice, call.getKey());
      assertThat(reply.status()).as(call.getKey()).isEqualTo(400);
      assertThat(reply.header("Content-Type")).startsWith("application/json");
      assertThat(reply.error()).as(call.getKey()).contains(call.getValue());
    }
  }

  @Test
  void search_querySyntaxErrors_fallBackToPlainWordsNot500() throws Exception {
    for (String query : List.of("\"unclosed budget", "budget AND (", "*", "budget:[x TO", "/")) {
      HttpTestClient.Reply reply = http.getAs(alice, "/api/search?q=" + encode(query));
      assertThat(reply.status()).as(query).isEqualTo(200);
    }
  }

  @Test
  void search_strayOperators_findWhatTheWordAloneFinds_neverASilentZero() throws Exception {
    List<String> alone = ids(http.getAs(alice, "/api/search?q=budget").json());

    assertThat(alone).hasSize(3);
    for (String query : List.of("budget AND(", "AND budget", "budget OR")) {
      JsonNode results = http.getAs(alice, "/api/search?q=" + encode(query)).json();
      assertThat(ids(results)).as(query).containsExactlyInAnyOrderElementsOf(alone);
    }
  }

  @Test
  void search_recurringSeries_isOneHitWithItsReadableOthers_unlessGroupIsNone() throws Exception {
    String dana = fixture.tokens.create(ServerFixture.DANA, false).token();

    JsonNode grouped = http.getAs(dana, "/api/search?q=forecast").json();
    JsonNode every = http.getAs(dana, "/api/search?q=forecast&group=none").json();
    HttpTestClient.Reply bad = http.getAs(dana, "/api/search?q=forecast&group=thread");

    assertThat(grouped.path("grouped_by").asText()).isEqualTo("series");
    assertThat(grouped.path("total").asLong()).isEqualTo(1);
    JsonNode head = grouped.path("hits").get(0);
    assertThat(head.path("series").asText()).isEqualTo("meeting:7000");
    assertThat(head.path("more_from_series").asInt())
        .isEqualTo(ServerFixture.FORECASTS_DANA_READS - 1);
    assertThat(head.path("series_hits")).hasSize(ServerFixture.FORECASTS_DANA_READS - 1);
    assertThat(ids(every)).hasSize(ServerFixture.FORECASTS_DANA_READS);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.error()).contains("'group' must be series or none");
  }

  @Test
  void search_transcriptSnippet_saysItsSecondsIntoTheRecording() throws Exception {
    JsonNode results = http.getAs(alice, "/api/search?q=tight&type=transcript").json();

    JsonNode snippet = results.path("hits").get(0).path("snippets").get(0);
    assertThat(snippet.path("time").asText()).isEqualTo("00:12:34");
    assertThat(snippet.path("time_seconds").asInt()).isEqualTo(12 * 60 + 34);
  }

  @Test
  void search_veryLongInputs_areBoundedWithoutEchoingThem() throws Exception {
    String longQuery = "budget ".repeat(800);
    HttpTestClient.Reply longQ = http.getAs(alice, "/api/search?q=" + encode(longQuery));
    HttpTestClient.Reply justOver =
        http.getAs(alice, "/api/search?q=" + "b".repeat(SearchRequest.MAX_QUERY_CHARS + 1));
    HttpTestClient.Reply manyWords =
        http.getAs(
            alice, "/api/search?q=" + encode("a ".repeat(SearchRequest.MAX_QUERY_TERMS + 1)));
    HttpTestClient.Reply longHost = http.getAs(alice, "/api/search?host=" + "h".repeat(1000));
    HttpTestClient.Reply hugeUrl = http.getAs(alice, "/api/search?q=" + "x".repeat(40_000));

    assertThat(longQ.status()).isEqualTo(400);
    assertThat(longQ.error()).contains("longer than 1000 characters");
    assertThat(longQ.body()).hasSizeLessThan(200);
    assertThat(justOver.status()).isEqualTo(400);
    assertThat(manyWords.status()).isEqualTo(400);
    assertThat(manyWords.error()).contains("more than 64 words");
    assertThat(longHost.status()).isEqualTo(400);
    assertThat(longHost.error()).contains("'host' parameter is longer than 320");
    assertThat(hugeUrl.status()).isBetween(400, 499);
  }

  @Test
  void document_readable_returnsItsFieldsByQueryOrPath() throws Exception {
    String id = SearchFixtures.BUDGET_TRANSCRIPT.toString();

    HttpTestClient.Reply byQuery = http.getAs(alice, "/api/documents?id=" + encode(id));
    HttpTestClient.Reply byPath =
        http.getAs(alice, "/api/documents/transcript:abc%2FDEF%2Bghi%3D%3D");
    HttpTestClient.Reply byRawPath = http.getAs(alice, "/api/documents/transcript:abc/DEF+ghi==");

    for (HttpTestClient.Reply reply : List.of(byQuery, byPath, byRawPath)) {
      assertThat(reply.status()).isEqualTo(200);
      JsonNode document = reply.json();
      assertThat(document.path("id").asText()).isEqualTo(id);
      assertThat(document.path("type").asText()).isEqualTo("transcript");
      assertThat(document.path("title").asText()).isEqualTo("Budget review");
      assertThat(document.path("body").asText()).contains("[00:12:34] Bob Jones");
      assertThat(document.path("host_email").asText()).isEqualTo(ALICE);
      assertThat(document.path("source_ids").path("id").asText()).isEqualTo("abc/DEF+ghi==");
      assertThat(document.has("readers")).isFalse();
    }
  }

  @Test
  void document_slashLeadingInstanceUuid_isFoundByQueryAndByPath() throws Exception {
    String id = ServerFixture.SLASH_UUID_MEETING.toString();

    HttpTestClient.Reply byQuery = http.getAs(alice, "/api/documents?id=" + encode(id));
    HttpTestClient.Reply byEncodedPath = http.getAs(alice, "/api/documents/" + encode(id));

    assertThat(byQuery.status()).isEqualTo(200);
    assertThat(byQuery.json().path("id").asText())
        .isEqualTo("past_meeting:/ajXp112QmuoKj4854875==");
    assertThat(byEncodedPath.status()).isEqualTo(200);
    assertThat(byEncodedPath.json().path("title").asText()).isEqualTo("Architecture sync");
  }

  @Test
  void document_unreadableAndMissing_getTheSame404() throws Exception {
    HttpTestClient.Reply unreadable =
        http.getAs(bob, "/api/documents?id=" + encode("transcript:abc/DEF+ghi=="));
    HttpTestClient.Reply orphan =
        http.getAs(alice, "/api/documents?id=" + encode(SearchFixtures.ORPHAN_SUMMARY.toString()));
    HttpTestClient.Reply missing = http.getAs(bob, "/api/documents?id=meeting:404404");
    HttpTestClient.Reply missingByPath = http.getAs(bob, "/api/documents/meeting:404404");

    for (HttpTestClient.Reply reply : List.of(unreadable, orphan, missing, missingByPath)) {
      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.body()).isEqualTo(missing.body());
    }
    assertThat(missing.error()).isEqualTo("No document with that id that you may read.");
  }

  @Test
  void document_badIds_are400() throws Exception {
    assertThat(http.getAs(alice, "/api/documents").status()).isEqualTo(400);
    assertThat(http.getAs(alice, "/api/documents?id=nocolon").status()).isEqualTo(400);
    assertThat(http.getAs(alice, "/api/documents?id=bogus:1").status()).isEqualTo(400);
    assertThat(http.getAs(alice, "/api/documents?id=meeting:" + "9".repeat(600)).error())
        .contains("longer than 512");
    assertThat(http.getAs(alice, "/api/documents/meeting:1%25").status()).isEqualTo(404);
    assertThatThrownBy(() -> SearchServer.percentDecode("meeting:1%ZZ"))
        .isInstanceOf(ApiError.class)
        .hasMessageContaining("broken %-escape");
    assertThatThrownBy(() -> SearchServer.percentDecode("meeting:1%2"))
        .isInstanceOf(ApiError.class);
    assertThat(SearchServer.percentDecode("a%2Fb+c%3D%E2%82%AC")).isEqualTo("a/b+c=€");
  }

  @Test
  void unknownApiPath_is404WithAJsonError() throws Exception {
    HttpTestClient.Reply reply = http.getAs(alice, "/api/nothing-here");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.error()).isEqualTo("There is nothing at /api/nothing-here.");
  }

  @Test
  void page_isPublicWithSecurityHeadersAndNoInlineScript() throws Exception {
    HttpTestClient.Reply page = http.get("/");
    HttpTestClient.Reply script = http.get("/app.js");
    HttpTestClient.Reply style = http.get("/app.css");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    String policy = page.header("Content-Security-Policy");
    assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline");
    assertThat(page.body()).contains("<script src=\"/app.js\" defer></script>");
    assertThat(page.body().replace("<script src=\"/app.js\" defer></script>", ""))
        .doesNotContain("<script")
        .doesNotContain("style=")
        .doesNotContain("onclick");
    assertThat(script.header("Content-Type")).startsWith("text/javascript");
    assertThat(script.body()).doesNotContain("innerHTML");
    assertThat(style.header("Content-Type")).startsWith("text/css");
  }

  @Test
  void searchFailure_is500WithoutInternalDetails() throws Exception {
    SearchService broken = new BrokenSearchService();
    try (SearchServer brokenServer =
        SearchServer.start(SearchServerSettings.of(broken, fixture.tokens))) {
      HttpTestClient client = new HttpTestClient(brokenServer.port());

      HttpTestClient.Reply reply = client.getAs(alice, "/api/search?q=budget");

      assertThat(reply.status()).isEqualTo(500);
      assertThat(reply.error())
          .isEqualTo("The index could not be read; an administrator should check the log.");
      assertThat(reply.body()).doesNotContain("/secret/path");
    }
  }

  /** A search service whose index is always unreadable. */
  private static final class BrokenSearchService implements SearchService {
    @Override
    public SearchResults search(SearchRequest request) throws SearchException {
      throw new SearchException("Could not read /secret/path/index (disk on fire).", null);
    }

    @Override
    public Optional<DocumentView> get(String searcher, DocumentId id) throws SearchException {
      throw new SearchException("Could not read /secret/path/index (disk on fire).", null);
    }

    @Override
    public List<SearchHit> listReadable(SearchRequest request, DocumentId after, int max)
        throws SearchException {
      throw new SearchException("Could not read /secret/path/index (disk on fire).", null);
    }

    @Override
    public void close() {}
  }
}
