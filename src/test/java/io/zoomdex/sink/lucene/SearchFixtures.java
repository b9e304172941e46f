package io.zoomdex.sink.lucene;

import io.zoomdex.document.Change;
import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.document.Readers;
import io.zoomdex.sink.SinkException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A small index with known readers, shared by the sink, search and command tests. */
public final class SearchFixtures {

  public static final String ALICE = "alice@example.com";
  public static final String BOB = "bob@example.com";
  public static final String CAROL = "carol@example.com";

  public static final DocumentId BUDGET_MEETING = new DocumentId(DocumentType.MEETING, "111");
  public static final DocumentId BUDGET_TRANSCRIPT =
      new DocumentId(DocumentType.TRANSCRIPT, "abc/DEF+ghi==");
  public static final DocumentId LAUNCH_WEBINAR = new DocumentId(DocumentType.WEBINAR, "222");
  public static final DocumentId ORPHAN_SUMMARY =
      new DocumentId(DocumentType.SUMMARY, "zzz/Orphan==");
  public static final DocumentId STANDUP = new DocumentId(DocumentType.PAST_MEETING, "std/1==");

  private SearchFixtures() {}

  /** The id of {@link #meeting}: one document that tests write, overwrite and delete. */
  public static final DocumentId MEETING_42 = new DocumentId(DocumentType.MEETING, "42");

  /** Meeting 42 with this title, read by {@code readers}. */
  public static Document meeting(String title, String... readers) {
    return new Document(
        MEETING_42,
        title,
        "agenda of " + title,
        ALICE,
        Instant.parse("2024-03-01T10:00:00Z"),
        45,
        "https://zoom.us/j/42",
        Readers.of(List.of(readers)),
        Map.of("meeting_id", "42", "uuid", "a/b+c=="));
  }

  /**
   * Alice reads the budget meeting, its transcript and the standup; Bob reads the budget meeting
   * and the standup; Carol reads only the launch webinar; nobody reads the orphan summary.
   */
  public static List<Document> documents() {
    return List.of(
        document(
            BUDGET_MEETING,
            "Budget review",
            "Quarterly budget planning for the platform team.\nBring your spreadsheets.",
            ALICE,
            Instant.parse("2024-01-10T15:00:00Z"),
            Readers.of(List.of(ALICE, "BOB@example.com "))),
        document(
            BUDGET_TRANSCRIPT,
            "Budget review",
            "[00:00:05] Alice Smith: Hello everyone.\n"
                + "[00:12:34] Bob Jones: The budget is tight this quarter. We need cuts.\n"
                + "[00:15:00] Alice Smith: Agreed.\n",
            ALICE,
            Instant.parse("2024-01-10T15:05:00Z"),
            Readers.of(List.of(ALICE))),
        document(
            LAUNCH_WEBINAR,
            "Product launch",
            "Launch plan for the new <widget> & friends.",
            CAROL,
            Instant.parse("2024-02-05T09:00:00Z"),
            Readers.of(List.of(CAROL))),
        document(
            ORPHAN_SUMMARY,
            "Budget summary",
            "Secret budget numbers nobody may read.",
            ALICE,
            Instant.parse("2024-01-10T16:00:00Z"),
            Readers.NOBODY),
        document(
            STANDUP,
            "Daily standup",
            "Status updates. The budget came up briefly.",
            BOB,
            Instant.parse("2024-02-01T08:30:00Z"),
            Readers.of(List.of(ALICE, BOB))));
  }

  public static Document document(
      DocumentId id, String title, String body, String host, Instant start, Readers readers) {
    return new Document(
        id,
        title,
        body,
        host,
        start,
        30,
        "https://zoom.us/j/" + id.key(),
        readers,
        Map.of("id", id.key()));
  }

  /** Writes the fixture documents into {@code indexDir} and commits. */
  public static void writeIndex(Path indexDir) throws SinkException {
    try (LuceneIndexSink sink = LuceneIndexSink.open(indexDir)) {
      for (Document document : documents()) {
        sink.apply(new Change.Upsert(document));
      }
      sink.commit();
    }
  }
}
