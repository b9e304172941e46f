package io.zoomdex.cli;

import io.zoomdex.config.Secret;
import io.zoomdex.mcp.BridgeException;
import io.zoomdex.mcp.StdioBridge;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code zoomdex mcp}: the MCP server over stdio for desktop assistants, as a thin client of a
 * running serve. The person's token comes from {@code ZOOMDEX_TOKEN} or {@code --token-file}; no
 * option chooses whom to search as: serve decides that from the token.
 */
@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    description = {
      "Serves MCP over stdin/stdout for a desktop AI assistant, forwarding every tool call"
          + " (search, fetch, whoami) to a running `zoomdex serve` with your API token, so the"
          + " assistant sees exactly what you may read.",
      "The token comes from the environment variable "
          + McpCommand.TOKEN_VARIABLE
          + " or from"
          + " --token-file; make one with `zoomdex token create`. Standard output carries only"
          + " the protocol; messages go to standard error."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the assistant closed the connection",
      "1:internal error",
      "2:bad command line (e.g. --server is not an http(s) URL)",
      "3:no token: neither " + McpCommand.TOKEN_VARIABLE + " nor a readable --token-file",
      "4:serve refused the token (unknown or revoked)",
      "6:serve unreachable at --server, or no MCP endpoint there"
    })
public final class McpCommand implements Callable<Integer> {

  static final String TOKEN_VARIABLE = "ZOOMDEX_TOKEN";

  /** How long to wait for serve per request. */
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static final long MAX_TOKEN_FILE_BYTES = 4096;

  @Spec CommandSpec spec;

  @Option(
      names = "--server",
      required = true,
      paramLabel = "URL",
      description = "The running `zoomdex serve`, e.g. http://127.0.0.1:8080.")
  String server;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description =
          "Read the API token from FILE instead of " + TOKEN_VARIABLE + " (keep it private).")
  Path tokenFile;

  private final Map<String, String> environment;
  private final InputStream in;
  private final OutputStream out;

  /** The production command: the real environment, stdin and stdout. */
  public McpCommand() {
    this(System.getenv(), System.in, System.out);
  }

  /** A command with an injected environment and protocol streams (for tests). */
  public McpCommand(Map<String, String> environment, InputStream in, OutputStream out) {
    this.environment = Map.copyOf(environment);
    this.in = in;
    this.out = out;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    URI serverUri;
    try {
      serverUri = serverUri();
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return ExitCodes.USAGE;
    }
    Secret token;
    try {
      token = token();
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    try (StdioBridge bridge = StdioBridge.connect(serverUri, token, TIMEOUT, BuildVersion.get())) {
      err.println(
          "zoomdex mcp: connected to "
              + serverUri
              + " ("
              + bridge.tools().size()
              + " tools); serving MCP on stdin/stdout.");
      err.flush();
      bridge.serve(in, out);
      return ExitCodes.OK;
    } catch (BridgeException e) {
      err.println(e.getMessage());
      return e.reason() == BridgeException.Reason.TOKEN_REFUSED
          ? ExitCodes.TOKEN_REFUSED
          : ExitCodes.SERVER_UNREACHABLE;
    }
  }

  private URI serverUri() {
    try {
      URI uri = new URI(server.strip());
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null
          || uri.getRawQuery() != null
          || uri.getRawUserInfo() != null) {
        throw new URISyntaxException(server, "not an http(s) URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "--server must be serve's address like http://127.0.0.1:8080; check it.", e);
    }
  }

  private Secret token() {
    String value;
    if (tokenFile != null) {
      try {
        if (Files.size(tokenFile) > MAX_TOKEN_FILE_BYTES) {
          throw new IllegalArgumentException(
              "--token-file " + tokenFile + " is too large to hold a token; check the path.");
        }
        value = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "Could not read --token-file " + tokenFile + "; check the path and its permissions.",
            e);
      }
      if (value.isEmpty()) {
        throw new IllegalArgumentException(
            "--token-file "
                + tokenFile
                + " is empty; put the token from `zoomdex token create`"
                + " in it.");
      }
    } else {
      value = environment.getOrDefault(TOKEN_VARIABLE, "").strip();
      if (value.isEmpty()) {
        throw new IllegalArgumentException(
            "No API token: set "
                + TOKEN_VARIABLE
                + " or give --token-file FILE (make one with `zoomdex token create`).");
      }
    }
    return Secret.of(value);
  }
}
