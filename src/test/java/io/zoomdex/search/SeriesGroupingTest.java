package io.zoomdex.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.document.Change;
import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.document.Readers;
import io.zoomdex.sink.lucene.LuceneIndexSink;
import io.zoomdex.sink.lucene.LuceneSearchService;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesGroupingTest {
  private static final String ALICE = "alice@example.com";
  private static final String BOB = "bob@example.com";

  @TempDir Path dir;
  private SearchService search;

  private static Document instance(String uuid, String meetingId, int day, String... readers) {
    return new Document(
        new DocumentId(DocumentType.PAST_MEETING, uuid),
        "Weekly forecast",
        "We went through the forecast for week " + day + ".",
        ALICE,
        Instant.parse("2024-03-01T10:00:00Z").plusSeconds(86_400L * day),
        30,
        "https://zoom.us/meeting/" + meetingId,
        Readers.of(List.of(readers)),
        Map.of("meeting_id", meetingId, "uuid", uuid));
  }

  @BeforeEach
  void index() throws Exception {
    try (LuceneIndexSink sink = LuceneIndexSink.open(dir)) {
      for (int day = 0; day < 4; day++) {
        sink.apply(new Change.Upsert(instance("w" + day + "==", "700", day, ALICE, BOB)));
      }
      // Bob's alone: Alice's "more" must never count it.
      sink.apply(new Change.Upsert(instance("private==", "700", 9, BOB)));
      sink.apply(new Change.Upsert(instance("other==", "800", 5, ALICE)));
      sink.commit();
    }
    search = LuceneSearchService.openReadOnly(dir);
  }

  @AfterEach
  void close() throws Exception {
    search.close();
  }

  @Test
  void search_recurringSeries_collapsesIntoOneHitWithItsReadableOthers() throws Exception {
    SeriesGrouping.Grouped grouped =
        SeriesGrouping.search(search, SearchRequest.of(ALICE, "forecast"));

    List<SearchHit> hits = grouped.results().hits();
    assertThat(hits).hasSize(2);
    assertThat(grouped.results().total()).isEqualTo(2);
    SearchHit series =
        hits.stream().filter(h -> h.series().equals("meeting:700")).findFirst().get();
    assertThat(grouped.moreOf(series)).hasSize(3);
    assertThat(grouped.moreOf(series))
        .extracting(hit -> hit.id().key())
        .doesNotContain("private==", series.id().key());
  }

  @Test
  void search_anotherReaderOfTheSeries_countsOnlyWhatTheyMayRead() throws Exception {
    SeriesGrouping.Grouped grouped =
        SeriesGrouping.search(search, SearchRequest.of(BOB, "forecast"));

    assertThat(grouped.results().hits()).hasSize(1);
    assertThat(grouped.moreOf(grouped.results().hits().get(0))).hasSize(4);
  }

  @Test
  void search_pagesCountSeriesNotDocuments() throws Exception {
    SeriesGrouping.Grouped second =
        SeriesGrouping.search(search, SearchRequest.of(ALICE, "forecast").withPage(1, 1));

    assertThat(second.results().hits()).hasSize(1);
    assertThat(second.results().total()).isEqualTo(2);
  }

  @Test
  void seriesKey_comesFromTheMeetingOrWebinarId() {
    assertThat(SeriesGrouping.seriesKey(Map.of("meeting_id", "7", "uuid", "x")))
        .isEqualTo("meeting:7");
    assertThat(SeriesGrouping.seriesKey(Map.of("webinar_id", "9"))).isEqualTo("webinar:9");
    assertThat(SeriesGrouping.seriesKey(Map.of("id", "1"))).isEmpty();
  }

  @Test
  void search_oneSeriesFillingTheWindow_readsOnUntilThePageHasItsSeries(@TempDir Path crowded)
      throws Exception {
    try (LuceneIndexSink sink = LuceneIndexSink.open(crowded)) {
      for (int day = 0; day < 60; day++) {
        sink.apply(new Change.Upsert(instance("c" + day + "==", "900", day, ALICE)));
      }
      // Older, so ranked (newest first for a blank query) after all of the crowded series.
      sink.apply(new Change.Upsert(instance("old==", "901", -400, ALICE)));
      sink.commit();
    }
    try (SearchService service = LuceneSearchService.openReadOnly(crowded)) {
      SeriesGrouping.Grouped grouped =
          SeriesGrouping.search(service, SearchRequest.of(ALICE, "").withPage(2, 0));

      assertThat(grouped.results().hits())
          .extracting(SearchHit::series)
          .containsExactly("meeting:900", "meeting:901");
      assertThat(grouped.moreOf(grouped.results().hits().get(0))).hasSize(59);
    }
  }
}
