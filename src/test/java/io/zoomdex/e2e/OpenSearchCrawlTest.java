package io.zoomdex.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.cli.CrawlCommand;
import io.zoomdex.cli.ExitCodes;
import io.zoomdex.embed.HashingEmbedder;
import io.zoomdex.search.SearchHit;
import io.zoomdex.search.SearchMode;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchResults;
import io.zoomdex.search.SearchService;
import io.zoomdex.simulator.SimUser;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.sink.lucene.LuceneSearchService;
import io.zoomdex.sink.opensearch.EmbeddedOpenSearch;
import io.zoomdex.sink.opensearch.OpenSearchSearchService;
import io.zoomdex.sink.opensearch.OpenSearchSettings;
import io.zoomdex.sink.opensearch.SharedOpenSearch;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The same crawl into embedded Lucene and into a real OpenSearch node: every person sees the same
 * documents through either backend.
 */
@ExtendWith(SharedOpenSearch.class)
class OpenSearchCrawlTest {
  private static final Instant NOW = Instant.parse("2026-11-20T09:30:00Z");

  @TempDir Path lucene;
  @TempDir Path openSearchState;

  @Test
  void crawlIntoOpenSearch_everyPersonSeesWhatTheySeeInLucene(EmbeddedOpenSearch node)
      throws Exception {
    try (ZoomSimulator simulator =
        ZoomSimulator.start(SimulatorSettings.builder().seed(5).users(10).start(NOW).build())) {
      Map<String, String> env = SimulatorCrawls.environment(simulator);
      assertThat(crawl(env, "--data", lucene.toString())).isEqualTo(ExitCodes.OK);
      assertThat(
              crawl(
                  env,
                  "--data",
                  openSearchState.toString(),
                  "--index",
                  "opensearch",
                  "--opensearch-url",
                  node.uri().toString(),
                  "--opensearch-index",
                  "crawl-e2e"))
          .isEqualTo(ExitCodes.OK);

      try (SearchService embedded = LuceneSearchService.openReadOnly(lucene.resolve("index"));
          SearchService cluster =
              OpenSearchSearchService.open(
                  OpenSearchSettings.of(List.of(node.uri())).withAlias("crawl-e2e"),
                  new HashingEmbedder(1024))) {
        int people = 0;
        int searched = 0;
        for (SimUser user : simulator.account().users()) {
          Set<String> expected = readable(embedded, user.email());
          assertThat(readable(cluster, user.email())).as(user.email()).isEqualTo(expected);
          people += expected.isEmpty() ? 0 : 1;
          searched += searchByEveryMode(embedded, cluster, user.email(), expected) ? 1 : 0;
        }
        assertThat(people).isGreaterThan(3);
        assertThat(searched).isGreaterThan(3);
      }
    }
  }

  /**
   * A word of the person's newest title, searched in every mode: the crawl wrote passage vectors
   * (the test build's hashing embedder) that hybrid and semantic search find, only among what the
   * person may read, and hybrid finds at least what keyword search finds in Lucene.
   *
   * @return whether the person had anything to search
   */
  private static boolean searchByEveryMode(
      SearchService embedded, SearchService cluster, String person, Set<String> expected)
      throws Exception {
    if (expected.isEmpty()) {
      return false;
    }
    String title =
        embedded.search(SearchRequest.of(person, "").withPage(1, 0)).hits().get(0).title();
    String word =
        java.util.Arrays.stream(title.split("[^\\p{L}]+"))
            .filter(w -> w.length() > 3)
            .findFirst()
            .orElse(title);
    Set<String> keyword =
        ids(embedded, SearchRequest.of(person, word).withMode(SearchMode.KEYWORD));
    Set<String> hybrid = ids(cluster, SearchRequest.of(person, word).withMode(SearchMode.HYBRID));
    Set<String> semantic =
        ids(cluster, SearchRequest.of(person, word).withMode(SearchMode.SEMANTIC));
    assertThat(expected).as("%s hybrid '%s'", person, word).containsAll(hybrid);
    assertThat(expected).as("%s semantic '%s'", person, word).containsAll(semantic);
    assertThat(hybrid).as("%s hybrid '%s' has the keyword hits", person, word).containsAll(keyword);
    assertThat(semantic).as("%s semantic '%s' finds documents", person, word).isNotEmpty();
    return true;
  }

  private static Set<String> ids(SearchService search, SearchRequest request) throws Exception {
    Set<String> ids = new HashSet<>();
    for (int offset = 0; ; offset += 25) {
      SearchResults page = search.search(request.withPage(25, offset));
      page.hits().stream().map(SearchHit::id).map(Object::toString).forEach(ids::add);
      if (page.hits().size() < 25) {
        return ids;
      }
    }
  }

  private static int crawl(Map<String, String> env, String... args) {
    CommandLine cli = new CommandLine(new CrawlCommand(env, Clock.fixed(NOW, ZoneOffset.UTC)));
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--rates";
    all[args.length + 1] = "unlimited";
    return cli.execute(all);
  }

  private static Set<String> readable(SearchService search, String person) throws Exception {
    Set<String> ids = new HashSet<>();
    for (int offset = 0; ; offset += 100) {
      SearchResults page = search.search(SearchRequest.of(person, "").withPage(100, offset));
      page.hits().stream().map(SearchHit::id).map(Object::toString).forEach(ids::add);
      if (page.hits().size() < 100) {
        return ids;
      }
    }
  }
}
