package io.zoomdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.zoomdex.Main;
import io.zoomdex.search.auth.ApiTokenStore;
import io.zoomdex.search.auth.ApiTokenStore.CreatedToken;
import io.zoomdex.sink.lucene.SearchFixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code zoomdex mcp} against a real {@code zoomdex serve} over the search fixtures: its exit codes
 * in-process, and the whole path end to end with the MCP SDK's stdio client starting {@code zoomdex
 * mcp} as a subprocess.
 */
class McpCommandTest {

  @TempDir Path data;

  private ServeCommand serve;
  private CompletableFuture<Integer> serveExit;
  private String serverUrl;
  private final StringWriter err = new StringWriter();

  /** Standard output that opens a latch once the "Serving URL" line has been flushed. */
  private static final class ServingLine extends StringWriter {
    final CountDownLatch printed = new CountDownLatch(1);

    @Override
    public void flush() {
      if (toString().contains("MCP for AI assistants")) {
        printed.countDown();
      }
    }
  }

  @BeforeEach
  void startServe() throws Exception {
    SearchFixtures.writeIndex(data.resolve("index"));
    serve = new ServeCommand();
    CommandLine cli = new CommandLine(serve);
    ServingLine out = new ServingLine();
    cli.setOut(new PrintWriter(out));
    StringWriter serveErr = new StringWriter();
    cli.setErr(new PrintWriter(serveErr, true));
    serveExit =
        CompletableFuture.supplyAsync(() -> cli.execute("--data", data.toString(), "--port", "0"));
    assertThat(out.printed.await(60, TimeUnit.SECONDS))
        .as("serve's MCP line; %s", serveErr)
        .isTrue();
    Matcher url =
        Pattern.compile("MCP for AI assistants .*: (http://127\\.0\\.0\\.1:\\d+)/mcp")
            .matcher(out.toString());
    assertThat(url.find()).as(out.toString()).isTrue();
    serverUrl = url.group(1);
  }

  @AfterEach
  void stopServe() throws Exception {
    serve.requestStop();
    assertThat(serveExit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
  }

  private CreatedToken token(String email) {
    try (ApiTokenStore tokens = ApiTokenStore.open(data, Clock.systemUTC())) {
      return tokens.create(email, false);
    }
  }

  private void revoke(CreatedToken token) {
    try (ApiTokenStore tokens = ApiTokenStore.open(data, Clock.systemUTC())) {
      assertThat(tokens.revoke(token.id())).isTrue();
    }
  }

  /** Runs {@code zoomdex mcp} in-process with an empty stdin (the assistant hangs up at once). */
  private int runInProcess(Map<String, String> environment, String... args) {
    ByteArrayOutputStream protocolOut = new ByteArrayOutputStream();
    CommandLine cli =
        new CommandLine(
            new McpCommand(environment, new ByteArrayInputStream(new byte[0]), protocolOut));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void mcp_withoutAToken_exits3WithOneSentence() {
    int code = runInProcess(Map.of(), "--server", serverUrl);

    assertThat(code).isEqualTo(ExitCodes.CONFIG);
    assertThat(err.toString().strip())
        .isEqualTo(
            "No API token: set ZOOMDEX_TOKEN or give --token-file FILE (make one with `zoomdex"
                + " token create`).");
  }

  @Test
  void mcp_emptyTokenFile_exits3() throws Exception {
    Path file = Files.writeString(data.resolve("token.txt"), "\n");

    int code = runInProcess(Map.of(), "--server", serverUrl, "--token-file", file.toString());

    assertThat(code).isEqualTo(ExitCodes.CONFIG);
    assertThat(err.toString()).contains("is empty");
  }

  @Test
  void mcp_refusedToken_exits4_withoutEverPrintingIt() {
    CreatedToken alice = token(SearchFixtures.ALICE);
    revoke(alice);

    int code = runInProcess(Map.of("ZOOMDEX_TOKEN", alice.token()), "--server", serverUrl);

    assertThat(code).isEqualTo(ExitCodes.TOKEN_REFUSED).isEqualTo(4);
    assertThat(err.toString().strip())
        .startsWith("zoomdex serve at " + serverUrl + " refused the API token")
        .doesNotContain("\n")
        .doesNotContain(alice.token());
  }

  @Test
  void mcp_serverUnreachable_exits6() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String token = token(SearchFixtures.ALICE).token();

    int code =
        runInProcess(Map.of("ZOOMDEX_TOKEN", token), "--server", "http://127.0.0.1:" + closedPort);

    assertThat(code).isEqualTo(ExitCodes.SERVER_UNREACHABLE).isEqualTo(6);
    assertThat(err.toString().strip())
        .isEqualTo(
            "Could not reach zoomdex serve's MCP endpoint at http://127.0.0.1:"
                + closedPort
                + "/mcp; check --server and that `zoomdex serve` is running there.")
        .doesNotContain(token);
  }

  @Test
  void mcp_serverThatIsNotAnUrl_isAUsageError() {
    int code = runInProcess(Map.of("ZOOMDEX_TOKEN", "x"), "--server", "127.0.0.1:8080");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--server must be serve's address");
  }

  @Test
  void mcp_hasNoOptionToChooseWhomToSearchAs() {
    int code =
        runInProcess(
            Map.of("ZOOMDEX_TOKEN", token(SearchFixtures.BOB).token()),
            "--server",
            serverUrl,
            "--as",
            SearchFixtures.ALICE);

    assertThat(code).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void mcp_endToEnd_overStdio_searchesAsTheTokensPerson_andStopsWhenTheTokenIsRevoked()
      throws Exception {
    CreatedToken alice = token(SearchFixtures.ALICE);
    List<String> stderr = new ArrayList<>();
    StdioClientTransport transport =
        new StdioClientTransport(
            ServerParameters.builder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .args(
                    "-Xmx256m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "mcp",
                    "--server",
                    serverUrl)
                .env(Map.of("ZOOMDEX_TOKEN", alice.token()))
                .build(),
            new JacksonMcpJsonMapper(new ObjectMapper()));
    transport.setStdErrorHandler(
        line -> {
          synchronized (stderr) {
            stderr.add(line);
          }
        });
    McpSyncClient client =
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(60))
            .initializationTimeout(Duration.ofSeconds(60))
            .build();
    try {
      client.initialize();
      assertThat(client.listTools().tools())
          .extracting(Tool::name)
          .containsExactlyInAnyOrder("search", "fetch", "whoami");

      CallToolResult search =
          client.callTool(new CallToolRequest("search", Map.of("query", "budget")));
      assertThat(search.isError()).isFalse();
      assertThat(text(search))
          .contains("searched as " + SearchFixtures.ALICE)
          .contains(SearchFixtures.BUDGET_TRANSCRIPT.toString())
          .contains("at 00:12:34")
          .doesNotContain(SearchFixtures.ORPHAN_SUMMARY.toString());
      assertThat(structuredIds(search))
          .containsExactlyInAnyOrder(
              SearchFixtures.BUDGET_MEETING.toString(),
              SearchFixtures.BUDGET_TRANSCRIPT.toString(),
              SearchFixtures.STANDUP.toString());
      CallToolResult launch =
          client.callTool(
              new CallToolRequest("fetch", Map.of("id", SearchFixtures.LAUNCH_WEBINAR.toString())));
      assertThat(launch.isError()).isTrue();
      assertThat(text(launch)).isEqualTo("No document with that id that you may read.");

      revoke(alice);

      CallToolResult afterRevoke =
          client.callTool(new CallToolRequest("search", Map.of("query", "budget")));
      assertThat(afterRevoke.isError()).isTrue();
      assertThat(text(afterRevoke)).contains("refused the API token");
    } finally {
      client.closeGracefully();
    }
    synchronized (stderr) {
      assertThat(String.join("\n", stderr)).doesNotContain(alice.token());
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> structuredIds(CallToolResult result) {
    List<String> ids = new ArrayList<>();
    for (Object hit :
        (List<Object>) ((Map<String, Object>) result.structuredContent()).get("hits")) {
      ids.add((String) ((Map<String, Object>) hit).get("id"));
    }
    return ids;
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }
}
