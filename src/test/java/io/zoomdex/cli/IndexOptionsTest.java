package io.zoomdex.cli;

import static io.zoomdex.sink.lucene.SearchFixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zoomdex.Main;
import io.zoomdex.config.ConfigException;
import io.zoomdex.document.Change;
import io.zoomdex.embed.HashingEmbedder;
import io.zoomdex.passage.PassageVectors;
import io.zoomdex.search.SearchRequest;
import io.zoomdex.search.SearchService;
import io.zoomdex.sink.IndexSink;
import io.zoomdex.sink.lucene.LuceneIndexSink;
import io.zoomdex.sink.lucene.SearchFixtures;
import io.zoomdex.sink.opensearch.EmbeddedOpenSearch;
import io.zoomdex.sink.opensearch.OpenSearchConnection;
import io.zoomdex.sink.opensearch.OpenSearchCredentials;
import io.zoomdex.sink.opensearch.OpenSearchIndexSink;
import io.zoomdex.sink.opensearch.OpenSearchSettings;
import io.zoomdex.sink.opensearch.OpenSearchTestIndices;
import io.zoomdex.sink.opensearch.SharedOpenSearch;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@ExtendWith(SharedOpenSearch.class)
class IndexOptionsTest {

  @TempDir Path data;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static IndexOptions openSearch(String... urls) {
    IndexOptions options = new IndexOptions();
    options.backend = "opensearch";
    for (String url : urls) {
      options.openSearchUrls.add(URI.create(url));
    }
    return options;
  }

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void defaults_openTheEmbeddedLuceneIndexInTheDataDirectory() throws Exception {
    IndexOptions options = new IndexOptions();
    try (IndexSink sink = options.openSink(data, Map.of())) {
      assertThat(sink).isInstanceOf(LuceneIndexSink.class);
      sink.commit();
    }
    try (SearchService search = options.openSearch(data, Map.of())) {
      assertThat(search.search(SearchRequest.of(BOB, "")).total()).isZero();
    }
    assertThat(data.resolve("index")).isDirectory();
  }

  @Test
  void openSearchSettings_readCredentialsFromTheEnvironmentOnly() {
    IndexOptions options = openSearch("https://a.example.com:9200", "https://b.example.com:9200");

    OpenSearchSettings basic =
        options.openSearchSettings(
            Map.of(IndexOptions.USERNAME, "zoomdex", IndexOptions.PASSWORD, "pa55word"));
    assertThat(basic.nodes()).hasSize(2);
    assertThat(basic.credentials()).isInstanceOf(OpenSearchCredentials.Basic.class);
    assertThat(basic.toString()).doesNotContain("pa55word");

    OpenSearchSettings apiKey = options.openSearchSettings(Map.of(IndexOptions.API_KEY, "key-123"));
    assertThat(apiKey.credentials().authorizationHeader()).contains("ApiKey key-123");
    assertThat(apiKey.toString()).doesNotContain("key-123");

    assertThat(options.openSearchSettings(Map.of()).credentials())
        .isEqualTo(OpenSearchCredentials.NONE);
  }

  @Test
  void openSearchSettings_inconsistentOptions_failWithAPlainSentence() {
    assertThatThrownBy(() -> openSearch().openSearchSettings(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("needs at least one --opensearch-url");
    assertThatThrownBy(
            () ->
                openSearch("http://localhost:9200")
                    .openSearchSettings(Map.of(IndexOptions.USERNAME, "zoomdex")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "OPENSEARCH_USERNAME and OPENSEARCH_PASSWORD go together; set both or neither.");
    assertThatThrownBy(
            () ->
                openSearch("http://localhost:9200")
                    .openSearchSettings(
                        Map.of(
                            IndexOptions.API_KEY, "k",
                            IndexOptions.USERNAME, "u",
                            IndexOptions.PASSWORD, "p")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> openSearch("ftp://x").openSearchSettings(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is not an http(s) URL");
    assertThatThrownBy(
            () -> openSearch("https://user:secret@x.example.com").openSearchSettings(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("not in the URL")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret@"));
  }

  @Test
  void searchCommand_withOpenSearch_searchesTheClusterWithTheReaderFilter(EmbeddedOpenSearch node)
      throws Exception {
    OpenSearchSettings settings =
        OpenSearchSettings.of(List.of(node.uri())).withAlias("cli-search");
    // Written with the model the test build's commands use by default (the hashing embedder).
    try (PassageVectors vectors = new PassageVectors(new HashingEmbedder(1024), 1, 16);
        OpenSearchIndexSink sink = OpenSearchIndexSink.open(settings, vectors)) {
      sink.applyAll(SearchFixtures.documents().stream().map(Change.Upsert::new).toList());
      sink.commit();
    }
    try {
      int code =
          run(
              "search",
              "--data",
              data.toString(),
              "--index",
              "opensearch",
              "--opensearch-url",
              node.uri().toString(),
              "--opensearch-index",
              "cli-search",
              "--as",
              " Bob@Example.com",
              "--json",
              "budget");

      assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
      ObjectMapper json = new ObjectMapper();
      List<String> ids = out.toString().lines().map(line -> readId(json, line)).toList();
      assertThat(ids).containsExactlyInAnyOrder("meeting:111", "past_meeting:std/1==");
      assertThat(out.toString()).contains("<mark>budget</mark>");
    } finally {
      try (OpenSearchConnection admin = OpenSearchConnection.open(settings)) {
        OpenSearchTestIndices.delete(admin, "cli-search");
      }
    }
  }

  @Test
  void searchCommand_openSearchWithoutAnIndexYet_saysToCrawlFirst(EmbeddedOpenSearch node) {
    int code =
        run(
            "search",
            "--data",
            data.toString(),
            "--index",
            "opensearch",
            "--opensearch-url",
            node.uri().toString(),
            "--opensearch-index",
            "never-crawled",
            "--as",
            BOB);

    assertThat(code).isEqualTo(ExitCodes.CONFIG);
    assertThat(err.toString())
        .contains("No zoomdex index never-crawled in OpenSearch")
        .contains("run a crawl with --index opensearch first");
  }

  @Test
  void searchCommand_openSearchUrlWithoutIndexOpenSearch_isAConfigError() {
    int code =
        run(
            "search",
            "--data",
            data.toString(),
            "--opensearch-url",
            "http://127.0.0.1:9",
            "--as",
            BOB);

    assertThat(code).isEqualTo(ExitCodes.CONFIG);
    assertThat(err.toString()).contains("need --index opensearch");
  }

  private static String readId(ObjectMapper json, String line) {
    try {
      return json.readTree(line).path("id").asText();
    } catch (Exception e) {
      throw new IllegalStateException(line, e);
    }
  }
}
