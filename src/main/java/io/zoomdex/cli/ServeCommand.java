package io.zoomdex.cli;

import io.zoomdex.config.ConfigException;
import io.zoomdex.search.IndexMissingException;
import io.zoomdex.search.SearchException;
import io.zoomdex.search.SearchService;
import io.zoomdex.search.auth.ApiTokenStore;
import io.zoomdex.search.auth.TokenStoreException;
import io.zoomdex.search.http.SearchServer;
import io.zoomdex.search.http.SearchServerSettings;
import io.zoomdex.search.http.TrustedIdentityHeader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code zoomdex serve}: the search API and web page over the index in --data, until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the search page and API over DIR/index until stopped (Ctrl-C).",
      "Callers sign in with tokens from `zoomdex token create`; each sees only what they may read."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped",
      "1:internal error",
      "2:bad command line (port in use, bad --trusted-proxy)",
      "3:no index in --data (or OpenSearch) yet, or bad --index/--opensearch-* options",
      "8:the index or the token database could not be read"
    })
public final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin IndexOptions index = new IndexOptions();

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "The data directory given to `zoomdex crawl` (index, state and tokens).")
  Path data;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "Port to listen on; 0 for any free port (default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      defaultValue = SearchServerSettings.LOOPBACK,
      description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only).")
  String bind;

  @Option(
      names = "--trusted-header",
      paramLabel = "HEADER",
      description =
          "Believe this header (set by an SSO proxy) as the caller's email; needs"
              + " --trusted-proxy. Off unless given.")
  String trustedHeader;

  @Option(
      names = "--trusted-proxy",
      paramLabel = "ADDR",
      description = "The SSO proxy's IP address: only its requests may use --trusted-header.")
  String trustedProxy;

  /** Counted down to stop a running server (tests); otherwise the JVM's shutdown stops it. */
  final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TrustedIdentityHeader trusted;
    try {
      trusted = trustedHeader();
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return ExitCodes.USAGE;
    }
    try (SearchService search = index.openSearch(data);
        ApiTokenStore tokens = ApiTokenStore.open(data, Clock.systemUTC())) {
      SearchServerSettings settings =
          SearchServerSettings.of(search, tokens)
              .withRuns(new StateStoreRunHistory(data))
              .withAddress(bind, port)
              .withTrustedHeader(trusted);
      SearchServer server;
      try {
        server = SearchServer.start(settings);
      } catch (IllegalStateException e) {
        err.println(e.getMessage());
        return ExitCodes.USAGE;
      }
      CountDownLatch closed = new CountDownLatch(1);
      // Ctrl-C: stop the server, and let the JVM exit only once it has closed (or 5 s passed).
      Thread stopOnExit =
          new Thread(
              () -> {
                stop.countDown();
                try {
                  closed.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "zoomdex-serve-shutdown");
      Runtime.getRuntime().addShutdownHook(stopOnExit);
      try (server) {
        out.println("Serving " + server.uri() + " (Ctrl-C stops)");
        out.flush();
        stop.await();
      } finally {
        closed.countDown();
        removeHook(stopOnExit);
      }
      return ExitCodes.OK;
    } catch (IndexMissingException e) {
      err.println(IndexOptions.missingIndexMessage(e, data));
      return ExitCodes.CONFIG;
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return ExitCodes.CONFIG;
    } catch (SearchException | TokenStoreException | IOException e) {
      err.println(e.getMessage());
      return ExitCodes.STORAGE;
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is what stopped us; nothing to remove.
    }
  }

  private TrustedIdentityHeader trustedHeader() {
    if (trustedHeader == null && trustedProxy == null) {
      return null;
    }
    if (trustedHeader == null || trustedProxy == null) {
      throw new IllegalArgumentException(
          "--trusted-header and --trusted-proxy go together; give both or neither.");
    }
    InetAddress proxy;
    try {
      if (!trustedProxy.matches("[0-9a-fA-F.:]+")) {
        throw new UnknownHostException(trustedProxy);
      }
      proxy = InetAddress.getByName(trustedProxy);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "--trusted-proxy must be an IP address like 10.0.0.5, not '" + trustedProxy + "'.", e);
    }
    return new TrustedIdentityHeader(trustedHeader, proxy);
  }
}
