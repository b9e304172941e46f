/**
 * The MCP server for AI assistants: the {@code search}, {@code fetch} and {@code whoami} tools over
 * the permission-aware {@link io.zoomdex.search.SearchService}, served over streamable HTTP inside
 * {@code zoomdex serve} ({@link io.zoomdex.mcp.McpHttpEndpoint}, behind the API-token check of
 * {@link io.zoomdex.search.http.TokenServlet}), and a stdio bridge for desktop assistants ({@link
 * io.zoomdex.mcp.StdioBridge}) that forwards every call to a running serve with the person's own
 * token. Who is searching comes only from the token of the HTTP request that carries the call,
 * never from a tool argument. Depends on {@code io.zoomdex.search..}, {@code io.zoomdex.document}
 * and {@code io.zoomdex.config} (for {@link io.zoomdex.config.Secret}).
 */
package io.zoomdex.mcp;
