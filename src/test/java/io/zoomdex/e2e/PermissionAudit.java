package io.zoomdex.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.search.ReadableListing;
import io.zoomdex.search.SearchHit;
import io.zoomdex.search.SearchMode;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchResults;
import io.zoomdex.search.SearchService;
import io.zoomdex.simulator.SimMeeting;
import io.zoomdex.simulator.SimUser;
import io.zoomdex.simulator.SimWebinar;
import io.zoomdex.simulator.SimulatedAccount;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks one crawled index against the permission contract for every person: what a match-all
 * search returns, and that nothing unreadable leaks through counts, facets, document ids, text
 * queries (and so their snippets) or filter parameters. Backend-neutral: it only uses {@link
 * SearchService}.
 */
final class PermissionAudit {
  /** Unreadable ids each person tries to fetch (every readable one is fetched). */
  private static final int UNREADABLE_FETCHES = 12;

  /** Hosts each person filters on. */
  private static final int HOST_FILTERS = 3;

  private final SearchService search;
  private final SearchMode mode;
  private final ContractOracle oracle;
  private final SimulatedAccount account;
  private final Map<String, Set<String>> expectedByPerson = new HashMap<>();

  PermissionAudit(SearchService search, ContractOracle oracle, SimulatedAccount account) {
    this(search, oracle, account, SearchMode.DEFAULT);
  }

  /** An audit whose text queries run in {@code mode}. */
  PermissionAudit(
      SearchService search, ContractOracle oracle, SimulatedAccount account, SearchMode mode) {
    this.mode = mode;
    this.search = search;
    this.oracle = oracle;
    this.account = account;
    expectedByPerson.putAll(oracle.readableByPerson());
  }

  /**
   * Runs every check for every person the oracle knows.
   *
   * @return how many people were checked
   */
  int checkEveryone() throws Exception {
    List<String> words = topicWords();
    int people = 0;
    for (String person : oracle.everyone()) {
      Set<String> expected = expectedByPerson.getOrDefault(person, Set.of());
      checkMatchAll(person, expected);
      checkListing(person, expected);
      checkVariants(person, expected);
      checkDocumentIds(person, expected);
      checkTextQueries(person, expected, words);
      checkFilters(person, expected);
      people++;
    }
    return people;
  }

  /** A match-all search returns exactly the readable documents; total and facets agree. */
  private void checkMatchAll(String person, Set<String> expected) throws Exception {
    SearchResults first = search.search(SearchRequest.of(person, "").withPage(100, 0));
    assertThat(readable(SearchRequest.of(person, "")))
        .as("documents readable by %s", person)
        .isEqualTo(expected);
    assertThat(first.total()).as("total for %s", person).isEqualTo(expected.size());
    Map<DocumentType, Long> byType = new HashMap<>();
    expected.forEach(id -> byType.merge(DocumentId.parse(id).type(), 1L, Long::sum));
    assertThat(first.facets().byType()).as("type facet for %s", person).isEqualTo(byType);
    assertThat(sum(first.facets().byHost().values()))
        .as("host facet for %s", person)
        .isLessThanOrEqualTo(expected.size());
    assertThat(sum(first.facets().byMonth().values()))
        .as("month facet for %s", person)
        .isLessThanOrEqualTo(expected.size());
  }

  /**
   * Listing everything ({@code search --all}) in pages of 3: exactly the readable documents, each
   * once, in id order; a type filter narrows it to that type's readable documents.
   */
  private void checkListing(String person, Set<String> expected) throws Exception {
    List<String> listed = listed(SearchRequest.of(person, ""));
    assertThat(listed).as("listing for %s", person).isSorted().doesNotHaveDuplicates();
    assertThat(new HashSet<>(listed)).as("listing for %s", person).isEqualTo(expected);
    for (DocumentType type : DocumentType.values()) {
      Set<String> ofType = new HashSet<>();
      expected.stream().filter(id -> DocumentId.parse(id).type() == type).forEach(ofType::add);
      assertThat(new HashSet<>(listed(SearchRequest.of(person, "").withType(type))))
          .as("%s listing for %s", type, person)
          .isEqualTo(ofType);
    }
  }

  private List<String> listed(SearchRequest request) throws Exception {
    List<String> ids = new ArrayList<>();
    ReadableListing.forEach(search, request, 3, hit -> ids.add(hit.id().toString()));
    return ids;
  }

  /** Upper case and surrounding whitespace resolve to the same person. */
  private void checkVariants(String person, Set<String> expected) throws Exception {
    String shouted = " \t" + person.toUpperCase(Locale.ROOT) + "  ";
    assertThat(readable(SearchRequest.of(shouted, "")))
        .as("variant of %s", person)
        .isEqualTo(expected);
  }

  /** Fetching by id: readable ones come back, every other one answers like a missing id. */
  private void checkDocumentIds(String person, Set<String> expected) throws Exception {
    assertThat(search.get(person, DocumentId.parse("meeting:999999999999"))).isEmpty();
    List<String> unreadable = new ArrayList<>();
    for (String id : new TreeSet<>(oracle.readers.keySet())) {
      if (expected.contains(id)) {
        assertThat(search.get(person, DocumentId.parse(id)))
            .as("%s fetching %s", person, id)
            .isPresent();
      } else {
        unreadable.add(id);
      }
    }
    // A different slice of the unreadable documents for each person, so that together the
    // people try most of them.
    if (!unreadable.isEmpty()) {
      java.util.Collections.rotate(unreadable, Math.floorMod(person.hashCode(), unreadable.size()));
    }
    for (String id : unreadable.subList(0, Math.min(UNREADABLE_FETCHES, unreadable.size()))) {
      assertThat(search.get(person, DocumentId.parse(id)))
          .as("%s fetching %s", person, id)
          .isEmpty();
    }
  }

  /** Words from every topic in the account: hits (and so snippets) only from readable ones. */
  private void checkTextQueries(String person, Set<String> expected, List<String> words)
      throws Exception {
    for (String word : words) {
      SearchResults results =
          search.search(SearchRequest.of(person, word).withMode(mode).withPage(100, 0));
      assertThat(ids(results)).as("%s searching '%s'", person, word).isSubsetOf(expected);
      assertThat(results.total()).isLessThanOrEqualTo(expected.size());
      assertThat(sum(results.facets().byType().values())).isEqualTo(results.total());
    }
  }

  /** Type, host and date filters only ever narrow what the person may read. */
  private void checkFilters(String person, Set<String> expected) throws Exception {
    for (DocumentType type : DocumentType.values()) {
      Set<String> ofType = new TreeSet<>();
      expected.stream().filter(id -> id.startsWith(type.prefix() + ":")).forEach(ofType::add);
      assertThat(readable(SearchRequest.of(person, "").withType(type)))
          .as("%s filtered to %s", person, type)
          .isEqualTo(ofType);
    }
    for (SimUser user :
        account.users().subList(0, Math.min(HOST_FILTERS, account.users().size()))) {
      assertThat(readable(SearchRequest.of(person, "").withHost(user.email())))
          .as("%s filtered to host %s", person, user.email())
          .isSubsetOf(expected);
    }
    Instant now = PermissionScenario.NOW;
    assertThat(
            readable(
                SearchRequest.of(person, "")
                    .withRange(now.minus(3650, ChronoUnit.DAYS), now.plus(3650, ChronoUnit.DAYS))))
        .as("%s with a wide date range", person)
        .isSubsetOf(expected);
  }

  private Set<String> readable(SearchRequest request) throws Exception {
    Set<String> found = new TreeSet<>();
    int offset = 0;
    while (true) {
      SearchResults page = search.search(request.withPage(100, offset));
      found.addAll(ids(page));
      offset += page.hits().size();
      if (page.hits().isEmpty() || offset >= page.total()) {
        return found;
      }
    }
  }

  private List<String> topicWords() {
    Set<String> words = new LinkedHashSet<>();
    for (SimUser user : account.users()) {
      if (user.id() == null) {
        continue;
      }
      for (SimMeeting meeting : account.meetingsOf(user)) {
        addFirstWord(words, meeting.topic());
      }
      for (SimWebinar webinar : account.webinarsOf(user)) {
        addFirstWord(words, webinar.topic());
      }
    }
    return new ArrayList<>(words).subList(0, Math.min(4, words.size()));
  }

  private static void addFirstWord(Set<String> words, String topic) {
    for (String word : topic.split("[^\\p{L}\\p{N}]+")) {
      if (word.length() > 3) {
        words.add(word.toLowerCase(Locale.ROOT));
        return;
      }
    }
  }

  private static Set<String> ids(SearchResults results) {
    Set<String> ids = new TreeSet<>();
    for (SearchHit hit : results.hits()) {
      ids.add(hit.id().toString());
    }
    return ids;
  }

  private static long sum(Iterable<? extends Number> counts) {
    long total = 0;
    for (Number n : counts) {
      total += n.longValue();
    }
    return total;
  }
}
