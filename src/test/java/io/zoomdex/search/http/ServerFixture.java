package io.zoomdex.search.http;

import io.zoomdex.document.Change;
import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.document.Readers;
import io.zoomdex.search.SearchService;
import io.zoomdex.search.auth.ApiTokenStore;
import io.zoomdex.sink.lucene.LuceneIndexSink;
import io.zoomdex.sink.lucene.LuceneSearchService;
import io.zoomdex.sink.lucene.SearchFixtures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The search fixtures plus a slash-leading instance UUID and 23 "retro" meetings for paging and
 * facets, in a real Lucene index under a data directory, with a token store beside it.
 */
final class ServerFixture implements AutoCloseable {

  static final DocumentId SLASH_UUID_MEETING =
      new DocumentId(DocumentType.PAST_MEETING, "/ajXp112QmuoKj4854875==");

  /** Carol's document whose title and body try to inject markup and script into the page. */
  static final DocumentId HOSTILE_MEETING = new DocumentId(DocumentType.MEETING, "666");

  static final int RETROS = 23;
  static final int RETROS_HOSTED_BY_ALICE = 12;
  static final int RETROS_IN_MARCH = 16;
  static final int RETROS_IN_APRIL = 7;

  /** Dana reads four instances of one recurring series (and one more instance nobody may read). */
  static final String DANA = "dana@example.com";

  static final int FORECASTS_DANA_READS = 4;

  final Path data;
  final SearchService search;
  final ApiTokenStore tokens;

  ServerFixture(Path data) throws Exception {
    this.data = data;
    try (LuceneIndexSink sink = LuceneIndexSink.open(data.resolve("index"))) {
      for (Document document : documents()) {
        sink.apply(new Change.Upsert(document));
      }
      sink.commit();
    }
    this.search = LuceneSearchService.openReadOnly(data.resolve("index"));
    this.tokens = ApiTokenStore.open(data, Clock.systemUTC());
  }

  static List<Document> documents() {
    List<Document> documents = new ArrayList<>(SearchFixtures.documents());
    documents.add(
        SearchFixtures.document(
            SLASH_UUID_MEETING,
            "Architecture sync",
            "Ports and adapters discussion.",
            SearchFixtures.ALICE,
            Instant.parse("2024-02-20T10:00:00Z"),
            Readers.of(List.of(SearchFixtures.ALICE))));
    documents.add(
        SearchFixtures.document(
            HOSTILE_MEETING,
            "<img src=x onerror=\"window.__pwned=1\">Party plan",
            "Cake <script>window.__pwned=2</script> and games <b>for all</b>.",
            SearchFixtures.CAROL,
            Instant.parse("2024-02-14T18:00:00Z"),
            Readers.of(List.of(SearchFixtures.CAROL))));
    Instant first = Instant.parse("2024-03-01T12:00:00Z");
    for (int i = 0; i < RETROS; i++) {
      documents.add(
          SearchFixtures.document(
              new DocumentId(DocumentType.MEETING, Integer.toString(9000 + i)),
              "Sprint retro " + i,
              "What went well and what to improve in sprint " + i + ".",
              i % 2 == 0 ? SearchFixtures.ALICE : SearchFixtures.BOB,
              first.plus(Duration.ofDays(2L * i)),
              Readers.of(List.of(SearchFixtures.ALICE, SearchFixtures.BOB))));
    }
    for (int week = 0; week <= FORECASTS_DANA_READS; week++) {
      String uuid = "forecast" + week + "==";
      documents.add(
          new Document(
              new DocumentId(DocumentType.PAST_MEETING, uuid),
              "Weekly forecast",
              "Forecast review for week " + week + ": pipeline and hiring.",
              DANA,
              Instant.parse("2024-05-06T09:00:00Z").plus(Duration.ofDays(7L * week)),
              30,
              "https://zoom.us/meeting/7000",
              week < FORECASTS_DANA_READS ? Readers.of(List.of(DANA)) : Readers.NOBODY,
              java.util.Map.of("meeting_id", "7000", "uuid", uuid)));
    }
    return documents;
  }

  /** Every document in the index, readable or not. */
  static int documentCount() {
    return documents().size();
  }

  SearchServerSettings settings() {
    return SearchServerSettings.of(search, tokens);
  }

  @Override
  public void close() throws Exception {
    try (search) {
      tokens.close();
    }
  }
}
