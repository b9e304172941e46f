package io.zoomdex.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.zoomdex.search.SearchService;
import io.zoomdex.search.auth.ApiTokenStore;
import io.zoomdex.search.http.SearchServer;
import io.zoomdex.search.http.SearchServerSettings;
import io.zoomdex.sink.lucene.LuceneSearchService;
import io.zoomdex.sink.lucene.SearchFixtures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The search fixtures (Alice reads the budget meeting, its transcript and the standup; Bob the
 * meeting and the standup; Carol the launch webinar; nobody the orphan summary) in a real Lucene
 * index, served by a real {@link SearchServer} on 127.0.0.1 and a free port with the MCP endpoint
 * mounted as serve mounts it, plus a token store to mint callers.
 */
final class McpTestServer implements AutoCloseable {

  final ApiTokenStore tokens;
  private final SearchService search;
  private final McpHttpEndpoint endpoint;
  final SearchServer server;

  McpTestServer(Path data) throws Exception {
    SearchFixtures.writeIndex(data.resolve("index"));
    search = LuceneSearchService.openReadOnly(data.resolve("index"));
    tokens = ApiTokenStore.open(data, Clock.systemUTC());
    endpoint = new McpHttpEndpoint(search, "test");
    server =
        SearchServer.start(SearchServerSettings.of(search, tokens).withServlet(endpoint.servlet()));
  }

  /** The server's address, e.g. {@code http://127.0.0.1:41234}. */
  String baseUrl() {
    String uri = server.uri().toString();
    return uri.substring(0, uri.length() - 1);
  }

  /** A new token for {@code email}, in clear. */
  String tokenFor(String email) {
    return tokens.create(email, false).token();
  }

  /**
   * An SDK client of the endpoint that sends whatever token {@code token} holds at each request
   * (none when it holds null), so a test can change or drop it mid-session. Not yet initialized.
   */
  McpSyncClient client(AtomicReference<String> token) {
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder(baseUrl())
            .endpoint(McpHttpEndpoint.PATH)
            .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
            .httpRequestCustomizer(
                (request, method, uri, body, context) -> {
                  String current = token.get();
                  if (current != null) {
                    request.header("Authorization", "Bearer " + current);
                  }
                })
            .build();
    return McpClient.sync(transport)
        .requestTimeout(Duration.ofSeconds(20))
        .initializationTimeout(Duration.ofSeconds(20))
        .build();
  }

  /** An initialized client that always sends {@code token}. */
  McpSyncClient connect(String token) {
    McpSyncClient client = client(new AtomicReference<>(token));
    client.initialize();
    return client;
  }

  @Override
  public void close() throws Exception {
    try (search;
        tokens) {
      server.close();
      endpoint.close();
    }
  }
}
