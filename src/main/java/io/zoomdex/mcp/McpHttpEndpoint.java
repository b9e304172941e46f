package io.zoomdex.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.zoomdex.search.SearchService;
import io.zoomdex.search.http.TokenServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * The MCP server over streamable HTTP, for mounting inside {@code zoomdex serve} at {@link #PATH}:
 * {@link #servlet()} goes into the server's settings, which put it behind the API-token check, so
 * every request (each tool call included) is authenticated before it reaches the SDK, and each tool
 * call searches as the caller of the request that carried it. Close it after the server.
 */
public final class McpHttpEndpoint implements AutoCloseable {

  /** Where serve mounts the endpoint. */
  public static final String PATH = "/mcp";

  /** Largest JSON-RPC message accepted, in bytes; tool arguments are small. */
  static final int MAX_REQUEST_BYTES = 64 * 1024;

  static final String SERVER_NAME = "zoomdex";

  static final String INSTRUCTIONS =
      "Searches the Zoom meetings, webinars, summaries and transcripts that the signed-in person"
          + " may read, and nothing else. Use search, then fetch by id for the full text; cite"
          + " each hit by its title, start time and link, and for transcripts the passage time.";

  private final HttpServletStreamableServerTransportProvider transport;
  private final McpSyncServer server;

  /**
   * Builds the endpoint over {@code search}.
   *
   * @param version this build's version, told to clients
   */
  public McpHttpEndpoint(SearchService search, String version) {
    McpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());
    this.transport =
        HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(json)
            .mcpEndpoint(PATH)
            .maxRequestSize(MAX_REQUEST_BYTES)
            .contextExtractor(McpHttpEndpoint::context)
            .build();
    this.server =
        McpServer.sync(transport)
            .serverInfo(SERVER_NAME, version)
            .instructions(INSTRUCTIONS)
            .capabilities(ServerCapabilities.builder().tools(false).build())
            .jsonMapper(json)
            // The tools check their own arguments, each mistake in one plain sentence.
            .validateToolInputs(false)
            .tools(new ZoomdexTools(search, json).specifications())
            .build();
  }

  /** The servlet to mount at {@link #PATH}, behind the token check. */
  public TokenServlet servlet() {
    return new TokenServlet(PATH, transport);
  }

  /** The caller the token check put on the request, and the base URL for links. */
  private static McpTransportContext context(HttpServletRequest request) {
    Map<String, Object> values = new HashMap<>();
    TokenServlet.caller(request).ifPresent(caller -> values.put(ZoomdexTools.CALLER, caller));
    values.put(ZoomdexTools.BASE_URL, baseUrl(request));
    return McpTransportContext.create(values);
  }

  /** {@code scheme://host[:port]} as the caller addressed the server. */
  static String baseUrl(HttpServletRequest request) {
    StringBuffer url = request.getRequestURL();
    String uri = request.getRequestURI();
    return url.substring(0, url.length() - uri.length());
  }

  @Override
  public void close() {
    server.closeGracefully();
  }
}
