package io.zoomdex.mcp;

import static io.zoomdex.sink.lucene.SearchFixtures.ALICE;
import static io.zoomdex.sink.lucene.SearchFixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.zoomdex.sink.lucene.SearchFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class McpHttpEndpointTest {

  @TempDir Path data;

  private McpTestServer server;
  private final List<McpSyncClient> clients = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    server = new McpTestServer(data);
  }

  @AfterEach
  void tearDown() throws Exception {
    try (McpTestServer toClose = server) {
      clients.forEach(McpSyncClient::close);
    }
  }

  private McpSyncClient connect(String token) {
    McpSyncClient client = server.connect(token);
    clients.add(client);
    return client;
  }

  @SuppressWarnings("unchecked")
  private static List<String> hitIds(CallToolResult result) {
    assertThat(result.isError()).as(text(result)).isFalse();
    List<String> ids = new ArrayList<>();
    Map<String, Object> structured = (Map<String, Object>) result.structuredContent();
    for (Object hit : (List<Object>) structured.get("hits")) {
      ids.add((String) ((Map<String, Object>) hit).get("id"));
    }
    return ids;
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }

  private static CallToolResult search(McpSyncClient client, Map<String, Object> arguments) {
    return client.callTool(new CallToolRequest("search", arguments));
  }

  @Test
  void listTools_offersSearchFetchAndWhoami_readOnly() {
    McpSyncClient alice = connect(server.tokenFor(ALICE));

    List<Tool> tools = alice.listTools().tools();

    assertThat(tools).extracting(Tool::name).containsExactlyInAnyOrder("search", "fetch", "whoami");
    assertThat(tools).allSatisfy(tool -> assertThat(tool.annotations().readOnlyHint()).isTrue());
    assertThat(tools)
        .allSatisfy(tool -> assertThat(tool.inputSchema().toString()).doesNotContain("searcher"));
  }

  @Test
  void search_returnsOnlyWhatTheCallerMayRead() {
    McpSyncClient alice = connect(server.tokenFor(ALICE));
    McpSyncClient bob = connect(server.tokenFor(BOB));

    List<String> aliceIds = hitIds(search(alice, Map.of("query", "budget")));
    List<String> bobIds = hitIds(search(bob, Map.of("query", "budget")));

    assertThat(aliceIds)
        .containsExactlyInAnyOrder(
            SearchFixtures.BUDGET_MEETING.toString(),
            SearchFixtures.BUDGET_TRANSCRIPT.toString(),
            SearchFixtures.STANDUP.toString());
    assertThat(bobIds)
        .containsExactlyInAnyOrder(
            SearchFixtures.BUDGET_MEETING.toString(), SearchFixtures.STANDUP.toString());
  }

  @Test
  @SuppressWarnings("unchecked")
  void searchHit_carriesWhatAnAssistantNeedsToCite_includingThePassageTime() {
    McpSyncClient alice = connect(server.tokenFor(ALICE));

    CallToolResult result =
        search(alice, Map.of("query", "tight", "type", "transcript", "limit", 5));

    Map<String, Object> structured = (Map<String, Object>) result.structuredContent();
    assertThat(structured.get("searched_as")).isEqualTo(ALICE);
    List<Object> hits = (List<Object>) structured.get("hits");
    assertThat(hits).hasSize(1);
    Map<String, Object> hit = (Map<String, Object>) hits.get(0);
    assertThat(hit.get("id")).isEqualTo(SearchFixtures.BUDGET_TRANSCRIPT.toString());
    assertThat(hit.get("type")).isEqualTo("transcript");
    assertThat(hit.get("title")).isEqualTo("Budget review");
    assertThat(hit.get("start_time")).isEqualTo("2024-01-10T15:05:00Z");
    assertThat(hit.get("host_email")).isEqualTo(ALICE);
    assertThat(hit.get("url")).isEqualTo("https://zoom.us/j/abc/DEF+ghi==");
    assertThat(hit.get("api_url"))
        .isEqualTo(server.baseUrl() + "/api/documents?id=transcript%3Aabc%2FDEF%2Bghi%3D%3D");
    assertThat((String) hit.get("snippet")).contains("The budget is tight this quarter");
    assertThat(hit.get("passage_time")).isEqualTo("00:12:34");
    assertThat(hit.get("passage_offset_seconds")).isEqualTo(754);
    assertThat(text(result))
        .contains("Budget review")
        .contains("id: transcript:abc/DEF+ghi==")
        .contains("at 00:12:34")
        .contains("zoom: https://zoom.us/j/abc/DEF+ghi==");
  }

  @Test
  void apiLinkOfAHit_opensTheDocumentWithTheSameToken() throws Exception {
    String token = server.tokenFor(ALICE);
    McpSyncClient alice = connect(token);
    @SuppressWarnings("unchecked")
    Map<String, Object> hit =
        (Map<String, Object>)
            ((List<Object>)
                    ((Map<String, Object>)
                            search(alice, Map.of("query", "tight")).structuredContent())
                        .get("hits"))
                .get(0);

    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create((String) hit.get("api_url")))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("The budget is tight");
  }

  @Test
  @SuppressWarnings("unchecked")
  void fetch_readableDocument_givesItsFullText() {
    McpSyncClient alice = connect(server.tokenFor(ALICE));

    CallToolResult result =
        alice.callTool(
            new CallToolRequest(
                "fetch", Map.of("id", SearchFixtures.BUDGET_TRANSCRIPT.toString())));

    assertThat(result.isError()).isFalse();
    Map<String, Object> document = (Map<String, Object>) result.structuredContent();
    assertThat((String) document.get("body")).contains("[00:15:00] Alice Smith: Agreed.");
    assertThat(document.get("truncated")).isEqualTo(false);
    assertThat(text(result)).contains("[00:12:34] Bob Jones: The budget is tight");
  }

  @Test
  void fetch_ofAnUnreadableId_looksExactlyLikeAMissingOne() {
    McpSyncClient bob = connect(server.tokenFor(BOB));

    CallToolResult unreadable =
        bob.callTool(
            new CallToolRequest(
                "fetch", Map.of("id", SearchFixtures.BUDGET_TRANSCRIPT.toString())));
    CallToolResult nobodys =
        bob.callTool(
            new CallToolRequest("fetch", Map.of("id", SearchFixtures.ORPHAN_SUMMARY.toString())));
    CallToolResult missing =
        bob.callTool(new CallToolRequest("fetch", Map.of("id", "transcript:no-such-uuid==")));

    assertThat(unreadable.isError()).isTrue();
    assertThat(text(unreadable)).isEqualTo("No document with that id that you may read.");
    assertThat(unreadable).isEqualTo(missing);
    assertThat(nobodys).isEqualTo(missing);
    assertThat(text(unreadable)).doesNotContain("Budget");
  }

  @Test
  void aTokenThatMayReadNothing_getsNothing() {
    McpSyncClient stranger = connect(server.tokenFor("stranger@example.com"));

    assertThat(hitIds(search(stranger, Map.of("query", "budget")))).isEmpty();
    assertThat(hitIds(search(stranger, Map.of()))).isEmpty();
    CallToolResult everything = search(stranger, Map.of("query", ""));
    assertThat(text(everything)).startsWith("No results you may read");
    assertThat(
            stranger
                .callTool(
                    new CallToolRequest(
                        "fetch", Map.of("id", SearchFixtures.BUDGET_MEETING.toString())))
                .isError())
        .isTrue();
  }

  @Test
  void whoami_namesTheTokensPerson() {
    McpSyncClient bob = connect(server.tokenFor("  Bob@Example.com "));

    CallToolResult result = bob.callTool(new CallToolRequest("whoami", Map.of()));

    assertThat(text(result)).contains(BOB);
  }

  @Test
  void noToken_isRefusedBeforeAnyToolRuns() throws Exception {
    McpSyncClient anonymous = server.client(new AtomicReference<>(null));
    clients.add(anonymous);

    assertThatThrownBy(anonymous::initialize).satisfies(McpHttpEndpointTest::refusedAsUnauthorized);

    HttpResponse<String> raw = postInitialize(null);
    assertThat(raw.statusCode()).isEqualTo(401);
    assertThat(raw.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(raw.body()).contains("Sign in");
  }

  @Test
  void unknownToken_isRefused() throws Exception {
    HttpResponse<String> raw = postInitialize("zdx_" + "A".repeat(43));

    assertThat(raw.statusCode()).isEqualTo(401);
    assertThat(raw.body()).contains("unknown or revoked");
  }

  @Test
  void aTokenRevokedMidSession_stopsWorkingOnTheNextCall() {
    var created = server.tokens.create(ALICE, false);
    McpSyncClient alice = connect(created.token());
    assertThat(hitIds(search(alice, Map.of("query", "budget")))).isNotEmpty();

    server.tokens.revoke(created.id());

    assertThatThrownBy(() -> search(alice, Map.of("query", "budget")))
        .satisfies(e -> System.err.println("REVOKED " + e));
  }

  @Test
  void eachCallSearchesAsTheTokenOfItsOwnRequest_notAsTheSessionStarter() {
    AtomicReference<String> token = new AtomicReference<>(server.tokenFor(ALICE));
    McpSyncClient client = server.client(token);
    clients.add(client);
    client.initialize();
    assertThat(hitIds(search(client, Map.of("query", "budget")))).hasSize(3);

    token.set(server.tokenFor("stranger@example.com"));

    assertThat(hitIds(search(client, Map.of("query", "budget")))).isEmpty();
  }

  @Test
  void argumentsNamingAnotherPerson_changeNothing_theTokenDecides() {
    McpSyncClient bob = connect(server.tokenFor(BOB));

    CallToolResult result =
        search(
            bob,
            Map.of(
                "query", "budget", "as", ALICE, "searcher", ALICE, "user", ALICE, "email", ALICE));

    assertThat(hitIds(result))
        .containsExactlyInAnyOrder(
            SearchFixtures.BUDGET_MEETING.toString(), SearchFixtures.STANDUP.toString());
    assertThat(text(result)).contains("searched as " + BOB);
  }

  @Test
  void structuredResults_conformToTheDeclaredOutputSchemas() {
    McpSyncClient alice = connect(server.tokenFor(ALICE));
    Map<String, Tool> tools = new java.util.HashMap<>();
    alice.listTools().tools().forEach(tool -> tools.put(tool.name(), tool));
    JsonSchemaValidator validator = new DefaultJsonSchemaValidator();

    Map<String, CallToolResult> results =
        Map.of(
            "search", search(alice, Map.of("query", "budget")),
            "fetch",
                alice.callTool(
                    new CallToolRequest(
                        "fetch", Map.of("id", SearchFixtures.BUDGET_TRANSCRIPT.toString()))),
            "whoami", alice.callTool(new CallToolRequest("whoami", Map.of())));

    results.forEach(
        (name, result) -> {
          assertThat(validator.validateSchema(tools.get(name).outputSchema()).valid())
              .as(name)
              .isTrue();
          JsonSchemaValidator.ValidationResponse check =
              validator.validate(tools.get(name).outputSchema(), result.structuredContent());
          assertThat(check.valid()).as(name + ": " + check.errorMessage()).isTrue();
        });
  }

  @Test
  @SuppressWarnings("unchecked")
  void mode_isHybridByDefault_andCanBeChosen() {
    McpSyncClient alice = connect(server.tokenFor(ALICE));

    CallToolResult byDefault = search(alice, Map.of("query", "budget"));
    CallToolResult keyword = search(alice, Map.of("query", "budget", "mode", "keyword"));
    CallToolResult unknown = search(alice, Map.of("query", "budget", "mode", "psychic"));

    assertThat(((Map<String, Object>) byDefault.structuredContent()).get("mode"))
        .isEqualTo("hybrid");
    assertThat(((Map<String, Object>) keyword.structuredContent()).get("mode"))
        .isEqualTo("keyword");
    assertThat(hitIds(keyword)).hasSize(3);
    assertThat(unknown.isError()).isTrue();
    assertThat(text(unknown)).contains("use keyword, semantic or hybrid");
  }

  @Test
  void badArguments_areOnePlainSentence() {
    McpSyncClient alice = connect(server.tokenFor(ALICE));

    CallToolResult badType = search(alice, Map.of("query", "x", "type", "chat"));
    CallToolResult badDate = search(alice, Map.of("from", "last week"));
    CallToolResult badLimit = search(alice, Map.of("limit", 500));
    CallToolResult badId = alice.callTool(new CallToolRequest("fetch", Map.of("id", "nonsense")));

    assertThat(badType.isError()).isTrue();
    assertThat(text(badType)).startsWith("Unknown type; use one of meeting");
    assertThat(text(badDate)).isEqualTo("'from' must be a date like 2024-01-31.");
    assertThat(text(badLimit)).isEqualTo("'limit' must be between 1 and 25, not 500.");
    assertThat(text(badId)).startsWith("A document id looks like");
  }

  /** The SDK client's way of saying the server answered 401 (somewhere in the cause chain). */
  private static void refusedAsUnauthorized(Throwable thrown) {
    Throwable cause = thrown;
    while (cause != null && !(cause instanceof McpHttpClientTransportAuthorizationException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("an authorization error in %s", thrown).isNotNull();
  }

  private HttpResponse<String> postInitialize(String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + McpHttpEndpoint.PATH))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                        + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
