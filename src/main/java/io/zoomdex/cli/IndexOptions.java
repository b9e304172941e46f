package io.zoomdex.cli;

import io.zoomdex.config.ConfigException;
import io.zoomdex.config.Secret;
import io.zoomdex.passage.PassageVectors;
import io.zoomdex.search.DeactivatedSearchers;
import io.zoomdex.search.IndexMissingException;
import io.zoomdex.search.SearchException;
import io.zoomdex.search.SearchService;
import io.zoomdex.search.auth.ApiTokenStore;
import io.zoomdex.search.http.RunHistory;
import io.zoomdex.shared.OpenSearchTokenStore;
import io.zoomdex.shared.SharedDeactivations;
import io.zoomdex.shared.SharedRunHistory;
import io.zoomdex.sink.IndexSink;
import io.zoomdex.sink.SinkException;
import io.zoomdex.sink.lucene.LuceneIndexSink;
import io.zoomdex.sink.lucene.LuceneSearchService;
import io.zoomdex.sink.opensearch.OpenSearchConnection;
import io.zoomdex.sink.opensearch.OpenSearchCredentials;
import io.zoomdex.sink.opensearch.OpenSearchIndexSink;
import io.zoomdex.sink.opensearch.OpenSearchReembed;
import io.zoomdex.sink.opensearch.OpenSearchSearchService;
import io.zoomdex.sink.opensearch.OpenSearchSettings;
import io.zoomdex.sink.opensearch.WriteFence;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Which index a command writes or searches, as a picocli {@code @Mixin}: the embedded Lucene index
 * in {@code DATA/index} (the default) or an OpenSearch cluster. OpenSearch credentials come only
 * from the environment ({@code OPENSEARCH_USERNAME} + {@code OPENSEARCH_PASSWORD}, or {@code
 * OPENSEARCH_API_KEY}), never from flags, and are never printed.
 */
public final class IndexOptions implements AutoCloseable {

  static final String USERNAME = "OPENSEARCH_USERNAME";
  static final String PASSWORD = "OPENSEARCH_PASSWORD";
  static final String API_KEY = "OPENSEARCH_API_KEY";

  @Option(
      names = "--index",
      paramLabel = "lucene|opensearch",
      defaultValue = "lucene",
      description =
          "Where the index lives: lucene (embedded, in DATA/index; the default) or opensearch"
              + " (a cluster given by --opensearch-url).")
  String backend = "lucene";

  @Option(
      names = "--opensearch-url",
      paramLabel = "URL",
      description =
          "An OpenSearch node, e.g. https://search.example.com:9200; repeat for several nodes."
              + " Credentials come from $OPENSEARCH_USERNAME/$OPENSEARCH_PASSWORD or"
              + " $OPENSEARCH_API_KEY.")
  List<URI> openSearchUrls = new ArrayList<>();

  @Option(
      names = "--opensearch-ca",
      paramLabel = "FILE",
      description = "A PEM file of CA certificates to trust for https OpenSearch nodes.")
  Path openSearchCa;

  @Option(
      names = "--opensearch-index",
      paramLabel = "ALIAS",
      defaultValue = OpenSearchSettings.DEFAULT_ALIAS,
      description = "The index alias zoomdex writes and searches (default ${DEFAULT-VALUE}).")
  String openSearchAlias = OpenSearchSettings.DEFAULT_ALIAS;

  @Mixin EmbeddingOptions embedding = new EmbeddingOptions();

  /** The connection to the shared stores (tokens, deactivations, runs); opened on first use. */
  private OpenSearchConnection shared;

  /** Whether the chosen index is an OpenSearch cluster. */
  public boolean isOpenSearch() {
    return backend().equals("opensearch");
  }

  /** Where the index is, for messages: a path or the cluster's URLs (never credentials). */
  public String describe(Path dataDir) {
    return isOpenSearch()
        ? "OpenSearch at " + openSearchUrls + " (index " + openSearchAlias + ")"
        : "the index at " + dataDir.resolve("index");
  }

  /** Opens the chosen index for writing, with the process environment's credentials. */
  public IndexSink openSink(Path dataDir) throws SinkException {
    return openSink(dataDir, System.getenv());
  }

  /**
   * Opens the chosen index for writing: {@code LuceneIndexSink.open(dataDir/index)}, or an
   * OpenSearch sink (creating or upgrading its template and alias).
   *
   * @param environment where OpenSearch credentials are read from
   * @throws ConfigException when the options or credentials are inconsistent (a plain sentence)
   * @throws SinkException when the index cannot be opened
   */
  public IndexSink openSink(Path dataDir, Map<String, String> environment) throws SinkException {
    return openSink(dataDir, environment, null);
  }

  /**
   * As {@link #openSink(Path, Map)}, an OpenSearch sink writing under the writer lease's {@code
   * fence} (see {@code io.zoomdex.lease}); the embedded index ignores it (its file lock suffices).
   */
  public IndexSink openSink(Path dataDir, Map<String, String> environment, WriteFence fence)
      throws SinkException {
    if (isOpenSearch()) {
      return OpenSearchIndexSink.open(
          openSearchSettings(environment), embedding.vectors(environment), fence);
    }
    checkNoOpenSearchFlags();
    return LuceneIndexSink.open(dataDir.resolve("index"), embedding.vectors(environment));
  }

  /**
   * Opens the embedded index to rebuild its vectors with the configured model (see {@code zoomdex
   * reembed}).
   *
   * @throws ConfigException when the index is not the embedded one, or the model cannot be loaded
   * @throws SinkException when the index cannot be opened
   */
  public LuceneIndexSink openForReembed(Path dataDir, Map<String, String> environment)
      throws SinkException {
    if (isOpenSearch()) {
      throw new ConfigException(
          "This opens the embedded index; an OpenSearch index is re-embedded into a new"
              + " generation (see openForOpenSearchReembed).");
    }
    checkNoOpenSearchFlags();
    return LuceneIndexSink.openForReembed(dataDir.resolve("index"), embedding.vectors(environment));
  }

  /**
   * Prepares the rebuild of the OpenSearch index's vectors with the configured model into a new
   * generation behind the alias (see {@code zoomdex reembed}); nothing is sent yet.
   *
   * @param fence the writer lease the rebuild writes under
   * @throws ConfigException when the options or credentials are inconsistent, or the model cannot
   *     be loaded
   */
  public OpenSearchReembed openForOpenSearchReembed(
      Map<String, String> environment, WriteFence fence) {
    return OpenSearchReembed.open(
        openSearchSettings(environment), embedding.vectors(environment), fence);
  }

  /**
   * Checks the index options before any work starts, so that a typo in them is reported at once
   * rather than after the crawl has already called Zoom.
   *
   * @param environment where OpenSearch credentials are read from
   * @throws ConfigException naming the first inconsistent option, as {@link #openSink} would, or a
   *     malformed embedding setting (the model itself is loaded only when first used)
   */
  public void validate(Map<String, String> environment) {
    if (isOpenSearch()) {
      openSearchSettings(environment);
    } else {
      checkNoOpenSearchFlags();
    }
    embedding.settings(environment);
  }

  /** Opens the chosen index for searching, with the process environment's credentials. */
  public SearchService openSearch(Path dataDir) throws SearchException {
    return openSearch(dataDir, System.getenv());
  }

  /**
   * Opens the chosen index for searching: {@code LuceneSearchService.openReadOnly(dataDir/index)},
   * or an OpenSearch search service over the alias; either way, users the last crawl under {@code
   * dataDir} saw deactivated see nothing.
   *
   * @param environment where OpenSearch credentials are read from
   * @throws ConfigException when the options or credentials are inconsistent
   * @throws io.zoomdex.search.IndexMissingException when nothing has been crawled there yet
   * @throws SearchException when the index cannot be read
   */
  public SearchService openSearch(Path dataDir, Map<String, String> environment)
      throws SearchException {
    SearchService index;
    if (isOpenSearch()) {
      OpenSearchSettings settings = openSearchSettings(environment);
      PassageVectors vectors = embedding.vectors(environment);
      index = OpenSearchSearchService.open(settings, vectors == null ? null : vectors.embedder());
    } else {
      checkNoOpenSearchFlags();
      PassageVectors vectors = embedding.vectors(environment);
      index =
          LuceneSearchService.openReadOnly(
              dataDir.resolve("index"), vectors == null ? null : vectors.embedder());
    }
    return new DeactivatedSearchers(index, deactivatedUsers(dataDir, environment));
  }

  /**
   * The deactivated users searchers are checked against: those the sync state under {@code dataDir}
   * records (re-read every few seconds); with OpenSearch also those every writer published there
   * (see {@link SharedDeactivations}), so that a replica without the writer's data directory hides
   * them too.
   *
   * @param dataDir the data directory, or null for a search replica that has none
   */
  Supplier<Set<String>> deactivatedUsers(Path dataDir, Map<String, String> environment) {
    Supplier<Set<String>> local =
        dataDir == null ? Set::of : new StateStoreDeactivatedUsers(dataDir, Clock.systemUTC());
    if (!isOpenSearch()) {
      return local;
    }
    SharedDeactivations published =
        new SharedDeactivations(sharedConnection(environment), openSearchAlias, Clock.systemUTC());
    return () -> {
      Set<String> all = new TreeSet<>(local.get());
      all.addAll(published.get());
      return all;
    };
  }

  /**
   * The API tokens: {@code DATA/tokens.db} for the embedded index; with OpenSearch, the index
   * {@code ALIAS.tokens} every replica shares.
   *
   * @throws io.zoomdex.search.auth.TokenStoreException when the SQLite file cannot be opened
   */
  ApiTokenStore tokens(Path dataDir, Map<String, String> environment) {
    return isOpenSearch()
        ? new OpenSearchTokenStore(
            sharedConnection(environment), openSearchAlias, Clock.systemUTC())
        : ApiTokenStore.open(dataDir, Clock.systemUTC());
  }

  /**
   * The crawl history {@code /api/runs} shows: {@code DATA/state.db} for the embedded index; with
   * OpenSearch, what the writers published in {@code ALIAS.crawl-runs}.
   */
  RunHistory runs(Path dataDir, Map<String, String> environment) {
    return isOpenSearch()
        ? new SharedRunHistory(sharedConnection(environment), openSearchAlias)
        : new StateStoreRunHistory(dataDir);
  }

  /** One connection for the shared stores, closed with these options. */
  synchronized OpenSearchConnection sharedConnection(Map<String, String> environment) {
    if (shared == null) {
      shared = OpenSearchConnection.open(openSearchSettings(environment));
    }
    return shared;
  }

  /**
   * The sentence for an index that is not there yet: for the embedded index, which directory to
   * crawl into; for OpenSearch, the exception's own message.
   */
  static String missingIndexMessage(IndexMissingException e, Path dataDir) {
    return e.location() == null
        ? e.getMessage()
        : "No index at " + dataDir + "; run `zoomdex crawl --data " + dataDir + "` first.";
  }

  /**
   * The OpenSearch settings these options and the environment give.
   *
   * @throws ConfigException when a URL is missing or malformed, the CA file is unreadable, or the
   *     credentials are half given or given twice
   */
  public OpenSearchSettings openSearchSettings(Map<String, String> environment) {
    if (openSearchUrls.isEmpty()) {
      throw new ConfigException(
          "--index opensearch needs at least one --opensearch-url, e.g."
              + " --opensearch-url https://search.example.com:9200.");
    }
    if (openSearchCa != null && !Files.isReadable(openSearchCa)) {
      throw new ConfigException(
          "The CA file " + openSearchCa + " is not readable; give a PEM file to --opensearch-ca.");
    }
    try {
      return OpenSearchSettings.of(openSearchUrls)
          .withCredentials(credentials(environment))
          .withCaCertificate(openSearchCa)
          .withAlias(openSearchAlias);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage(), e);
    }
  }

  private static OpenSearchCredentials credentials(Map<String, String> environment) {
    String username = blankToNull(environment.get(USERNAME));
    String password = blankToNull(environment.get(PASSWORD));
    String apiKey = blankToNull(environment.get(API_KEY));
    if (apiKey != null && (username != null || password != null)) {
      throw new ConfigException(
          "Set either " + API_KEY + " or " + USERNAME + "/" + PASSWORD + ", not both.");
    }
    if (apiKey != null) {
      return new OpenSearchCredentials.ApiKey(Secret.of(apiKey));
    }
    if (username == null && password == null) {
      return OpenSearchCredentials.NONE;
    }
    if (username == null || password == null) {
      throw new ConfigException(
          USERNAME + " and " + PASSWORD + " go together; set both or neither.");
    }
    return new OpenSearchCredentials.Basic(username, Secret.of(password));
  }

  private String backend() {
    String chosen = backend == null ? "lucene" : backend.strip().toLowerCase(Locale.ROOT);
    if (!chosen.equals("lucene") && !chosen.equals("opensearch")) {
      throw new ConfigException("--index must be lucene or opensearch, not '" + backend + "'.");
    }
    return chosen;
  }

  private void checkNoOpenSearchFlags() {
    if (!openSearchUrls.isEmpty() || openSearchCa != null) {
      throw new ConfigException(
          "--opensearch-url and --opensearch-ca need --index opensearch; add it or drop them.");
    }
  }

  /** Closes the embedding model, if one was loaded, and the shared stores' connection. */
  @Override
  public void close() {
    embedding.close();
    synchronized (this) {
      if (shared != null) {
        try {
          shared.close();
        } catch (IOException e) {
          // Nothing is held on it any more.
        }
        shared = null;
      }
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
