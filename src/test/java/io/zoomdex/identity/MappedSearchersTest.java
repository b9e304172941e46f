package io.zoomdex.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.document.Change;
import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.document.Readers;
import io.zoomdex.search.DeactivatedSearchers;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchService;
import io.zoomdex.sink.lucene.LuceneIndexSink;
import io.zoomdex.sink.lucene.LuceneSearchService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searches through identity mapping, on a real index: a mapped value sees exactly its identity's
 * documents; an ambiguous or unknown value sees nothing, not even documents that list the raw value
 * itself.
 */
class MappedSearchersTest {
  private static final DocumentId ALICE_COM = new DocumentId(DocumentType.MEETING, "1");
  private static final DocumentId ALICE_EXAMPLE = new DocumentId(DocumentType.MEETING, "2");
  private static final DocumentId BOB_ONLY = new DocumentId(DocumentType.MEETING, "3");
  private static final DocumentId DANA_ONLY = new DocumentId(DocumentType.MEETING, "4");

  @TempDir Path data;

  private SearchService index;

  @BeforeEach
  void index() throws Exception {
    try (LuceneIndexSink sink = LuceneIndexSink.open(data.resolve("index"))) {
      sink.apply(new Change.Upsert(meeting(ALICE_COM, "alice@corp.com")));
      sink.apply(new Change.Upsert(meeting(ALICE_EXAMPLE, "alice@corp.example")));
      sink.apply(new Change.Upsert(meeting(BOB_ONLY, "bob@corp.com")));
      sink.apply(new Change.Upsert(meeting(DANA_ONLY, "dana@corp.com")));
      sink.commit();
    }
    index =
        new DeactivatedSearchers(
            LuceneSearchService.openReadOnly(data.resolve("index")), () -> Set.of("dana@corp.com"));
  }

  @AfterEach
  void close() throws Exception {
    index.close();
  }

  private static Document meeting(DocumentId id, String reader) {
    return new Document(
        id,
        "Planning " + id.key(),
        "Quarterly planning.",
        reader,
        Instant.parse("2026-01-0" + id.key() + "T10:00:00Z"),
        30,
        "",
        Readers.of(List.of(reader)),
        Map.of());
  }

  private SearchService mapped(IdentityRules rules) {
    KnownIdentities known =
        new IndexedIdentities(
            index, () -> Set.of("dana@corp.com"), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    return new MappedSearchers(index, new IdentityResolver(rules, known));
  }

  private static List<String> ids(SearchService search, String searcher) throws Exception {
    return search.search(SearchRequest.of(searcher, "")).hits().stream()
        .map(hit -> hit.id().toString())
        .toList();
  }

  @Test
  void userNameClaim_seesExactlyItsIdentitysDocuments() throws Exception {
    SearchService search =
        mapped(new IdentityRules(List.of(), List.of("corp.com"), MappingFile.none()));

    assertThat(ids(search, "Bob")).containsExactly(BOB_ONLY.toString());
    assertThat(search.get("bob", BOB_ONLY)).isPresent();
    assertThat(search.get("bob", ALICE_COM)).isEmpty();
  }

  @Test
  void ambiguousValue_seesNothing_evenWhatListsTheRawValue() throws Exception {
    SearchService search =
        mapped(
            new IdentityRules(
                List.of(Set.of("corp.com", "corp.example")), List.of(), MappingFile.none()));

    assertThat(ids(search, "alice@corp.com")).isEmpty();
    assertThat(ids(search, "alice@corp.example")).isEmpty();
    assertThat(search.get("alice@corp.com", ALICE_COM)).isEmpty();
    // Unambiguous people are untouched by the alias.
    assertThat(ids(search, "bob@corp.example")).containsExactly(BOB_ONLY.toString());
  }

  @Test
  void unknownValue_seesNothing() throws Exception {
    SearchService search = mapped(IdentityRules.LOWER_CASE_ONLY);

    assertThat(ids(search, "mallory@corp.com")).isEmpty();
    assertThat(ids(search, "alice")).isEmpty();
    assertThat(search.search(SearchRequest.of("mallory@corp.com", "planning")).total()).isZero();
  }

  @Test
  void deactivatedIdentity_stillSeesNothing_afterMapping() throws Exception {
    SearchService search =
        mapped(new IdentityRules(List.of(), List.of("corp.com"), MappingFile.none()));

    assertThat(ids(search, "dana")).isEmpty();
    assertThat(search.get("dana", DANA_ONLY)).isEmpty();
  }

  @Test
  void withoutRules_theZoomEmailInAnyCase_seesItsDocuments() throws Exception {
    SearchService search = mapped(IdentityRules.LOWER_CASE_ONLY);

    assertThat(ids(search, " Alice@Corp.COM ")).containsExactly(ALICE_COM.toString());
  }
}
