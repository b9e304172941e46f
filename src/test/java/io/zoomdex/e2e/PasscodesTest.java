package io.zoomdex.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.cli.CrawlCommand;
import io.zoomdex.cli.ExitCodes;
import io.zoomdex.search.SearchHit;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchService;
import io.zoomdex.simulator.SimUser;
import io.zoomdex.simulator.SimulatorSettings;
import io.zoomdex.simulator.ZoomSimulator;
import io.zoomdex.sink.lucene.LuceneSearchService;
import io.zoomdex.sink.opensearch.EmbeddedOpenSearch;
import io.zoomdex.sink.opensearch.SharedOpenSearch;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Meeting passcodes stay out: by default no stored field of any document, in either backend, and no
 * search result holds {@code pwd=}; {@code --keep-passcodes true} puts them back in join links.
 */
@ExtendWith(SharedOpenSearch.class)
class PasscodesTest {
  private static final Instant NOW = Instant.parse("2026-11-20T09:30:00Z");

  @TempDir Path data;
  private static ZoomSimulator simulator;

  @BeforeAll
  static void start() throws Exception {
    simulator =
        ZoomSimulator.start(SimulatorSettings.builder().seed(5).users(6).start(NOW).build());
  }

  @AfterAll
  static void stop() throws Exception {
    simulator.close();
  }

  @Test
  void lucene_byDefault_noStoredFieldAndNoResultHoldsAPasscode() throws Exception {
    assertThat(crawl("--data", data.toString())).isEqualTo(ExitCodes.OK);

    List<String> stored = storedValues(data.resolve("index"));
    assertThat(stored).anyMatch(value -> value.contains("zoom.us/j/")); // join links are there
    assertThat(stored).noneMatch(value -> value.contains("pwd="));
    try (SearchService search = LuceneSearchService.openReadOnly(data.resolve("index"))) {
      List<String> urls = resultUrls(search);
      assertThat(urls).anyMatch(url -> url.contains("zoom.us/j/"));
      assertThat(urls).noneMatch(url -> url.contains("pwd="));
    }
  }

  @Test
  void lucene_keepPasscodes_putsThemBackInJoinLinks() throws Exception {
    assertThat(crawl("--data", data.toString(), "--keep-passcodes", "true"))
        .isEqualTo(ExitCodes.OK);

    assertThat(storedValues(data.resolve("index")))
        .anyMatch(value -> value.contains("zoom.us/j/") && value.contains("?pwd="));
  }

  @Test
  void openSearch_byDefault_noSourceFieldHoldsAPasscode(EmbeddedOpenSearch node) throws Exception {
    assertThat(
            crawl(
                "--data",
                data.toString(),
                "--index",
                "opensearch",
                "--opensearch-url",
                node.uri().toString(),
                "--opensearch-index",
                "passcodes-e2e"))
        .isEqualTo(ExitCodes.OK);

    HttpClient http = HttpClient.newHttpClient();
    send(http, node.uri().resolve("/passcodes-e2e/_refresh"), "POST");
    String everything =
        send(http, node.uri().resolve("/passcodes-e2e/_search?size=10000&q=*:*"), "GET");
    assertThat(everything).contains("zoom.us/j/").doesNotContain("pwd=");
  }

  private static String send(HttpClient http, URI uri, String method) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static List<String> storedValues(Path index) throws Exception {
    List<String> values = new ArrayList<>();
    try (FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      Bits live = MultiBits.getLiveDocs(reader);
      StoredFields fields = reader.storedFields();
      for (int i = 0; i < reader.maxDoc(); i++) {
        if (live != null && !live.get(i)) {
          continue;
        }
        Document document = fields.document(i);
        for (IndexableField field : document.getFields()) {
          if (field.stringValue() != null) {
            values.add(field.stringValue());
          }
        }
      }
    }
    assertThat(values).isNotEmpty();
    return values;
  }

  private static List<String> resultUrls(SearchService search) throws Exception {
    List<String> urls = new ArrayList<>();
    for (SimUser user : simulator.account().users()) {
      for (SearchHit hit :
          search.search(SearchRequest.of(user.email(), "").withPage(100, 0)).hits()) {
        urls.add(hit.url());
      }
    }
    return urls;
  }

  private static int crawl(String... args) {
    Map<String, String> env = SimulatorCrawls.environment(simulator);
    CommandLine cli = new CommandLine(new CrawlCommand(env, Clock.fixed(NOW, ZoneOffset.UTC)));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--rates", "unlimited"));
    return cli.execute(all.toArray(String[]::new));
  }
}
