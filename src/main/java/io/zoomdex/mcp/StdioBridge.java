package io.zoomdex.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.ListToolsResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.zoomdex.config.Secret;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code zoomdex mcp}: an MCP server over stdio for desktop assistants that holds no index and
 * decides no permission. It connects to a running serve's MCP endpoint with the person's own token,
 * offers exactly the tools serve lists, and forwards every call there, so serve's token check and
 * reader filter decide everything. Open with {@link #connect}, run with {@link #serve}.
 */
public final class StdioBridge implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StdioBridge.class);

  private final McpJsonMapper json;
  private final McpSyncClient remote;
  private final List<Tool> tools;
  private final String server;
  private final String version;

  private StdioBridge(
      McpJsonMapper json, McpSyncClient remote, List<Tool> tools, String server, String version) {
    this.json = json;
    this.remote = remote;
    this.tools = List.copyOf(tools);
    this.server = server;
    this.version = version;
  }

  /**
   * Connects to serve and reads its tools.
   *
   * @param server serve's address, e.g. {@code http://127.0.0.1:8080} (its {@code /mcp} endpoint is
   *     used; an address already ending in {@code /mcp} works too)
   * @param token the person's API token, sent only to {@code server}
   * @param timeout how long to wait for serve, per request
   * @param version this build's version, told to serve and to the assistant
   * @throws BridgeException when serve is unreachable, is not zoomdex, or refuses the token
   */
  public static StdioBridge connect(URI server, Secret token, Duration timeout, String version)
      throws BridgeException {
    Objects.requireNonNull(token, "token");
    String base = server.toString().replaceAll("/+$", "");
    if (base.endsWith(McpHttpEndpoint.PATH)) {
      base = base.substring(0, base.length() - McpHttpEndpoint.PATH.length());
    }
    McpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder(base)
            .endpoint(McpHttpEndpoint.PATH)
            .jsonMapper(json)
            .connectTimeout(timeout)
            .httpRequestCustomizer(
                (request, method, uri, body, context) ->
                    request.header("Authorization", "Bearer " + token.reveal()))
            .build();
    McpSyncClient remote =
        McpClient.sync(transport)
            .clientInfo(new Implementation("zoomdex-mcp-stdio", version))
            .requestTimeout(timeout)
            .initializationTimeout(timeout)
            .build();
    try {
      remote.initialize();
      List<Tool> tools = new ArrayList<>();
      String cursor = null;
      do {
        ListToolsResult page = remote.listTools(cursor);
        tools.addAll(page.tools());
        cursor = page.nextCursor();
      } while (cursor != null);
      return new StdioBridge(json, remote, tools, base, version);
    } catch (RuntimeException e) {
      remote.close();
      throw failure(e, base);
    }
  }

  /** The tools serve offers (and this bridge passes on). */
  public List<Tool> tools() {
    return tools;
  }

  /**
   * Serves the MCP protocol on {@code in}/{@code out} until {@code in} ends (the assistant closed
   * it). Nothing else may write to {@code out}.
   *
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public void serve(InputStream in, OutputStream out) throws InterruptedException {
    CountDownLatch ended = new CountDownLatch(1);
    StdioServerTransportProvider transport =
        new StdioServerTransportProvider(json, new EndAwareInputStream(in, ended), out);
    List<SyncToolSpecification> forwarders = new ArrayList<>();
    for (Tool tool : tools) {
      forwarders.add(
          SyncToolSpecification.builder()
              .tool(tool)
              .callHandler((exchange, request) -> forward(request))
              .build());
    }
    McpSyncServer local =
        McpServer.sync(transport)
            .serverInfo(McpHttpEndpoint.SERVER_NAME, version)
            .instructions(McpHttpEndpoint.INSTRUCTIONS)
            .capabilities(ServerCapabilities.builder().tools(false).build())
            .jsonMapper(json)
            .validateToolInputs(false)
            .tools(forwarders)
            .build();
    try {
      ended.await();
    } finally {
      local.closeGracefully();
    }
  }

  /** One call, passed to serve as it came; serve's answer (tool errors included) passed back. */
  private CallToolResult forward(CallToolRequest request) {
    try {
      return remote.callTool(request);
    } catch (RuntimeException e) {
      BridgeException failure = failure(e, server);
      LOG.warn("{}", failure.getMessage());
      LOG.debug("The forwarded call failed", e);
      return ToolOutput.error(failure.getMessage());
    }
  }

  /** What went wrong talking to serve, in one sentence (the token is never part of it). */
  static BridgeException failure(Throwable thrown, String server) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof McpHttpClientTransportAuthorizationException) {
        return new BridgeException(
            BridgeException.Reason.TOKEN_REFUSED,
            "zoomdex serve at "
                + server
                + " refused the API token (unknown or revoked); ask an administrator for a new one"
                + " (`zoomdex token create`).");
      }
    }
    return new BridgeException(
        BridgeException.Reason.UNREACHABLE,
        "Could not reach zoomdex serve's MCP endpoint at "
            + server
            + McpHttpEndpoint.PATH
            + "; check --server and that `zoomdex serve` is running there.");
  }

  @Override
  public void close() {
    remote.close();
  }
}
