package io.zoomdex.cli;

import io.zoomdex.config.ConfigException;
import io.zoomdex.search.auth.ApiToken;
import io.zoomdex.search.auth.ApiTokenStore;
import io.zoomdex.search.auth.ApiTokenStore.CreatedToken;
import io.zoomdex.search.auth.TokenStoreException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code zoomdex token}: API tokens for {@code zoomdex serve}, stored hashed under --data or, with
 * --index opensearch, in OpenSearch for every replica.
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Creates, lists and revokes the API tokens `zoomdex serve` accepts.",
    subcommands = {
      TokenCommand.Create.class,
      TokenCommand.ListTokens.class,
      TokenCommand.Revoke.class
    })
public final class TokenCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options every token sub-command shares. */
  abstract static class TokenAction implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--data",
        paramLabel = "DIR",
        description =
            "The data directory `zoomdex serve` uses; tokens are kept in DIR/tokens.db (needed"
                + " unless --index opensearch, where every replica shares them in OpenSearch).")
    Path data;

    @Mixin IndexOptions index = new IndexOptions();

    @Override
    public final Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try (IndexOptions owned = index) {
        index.validate(System.getenv());
        if (!index.isOpenSearch() && data == null) {
          err.println(
              "Give the data directory `zoomdex serve` uses with --data DIR (or --index opensearch"
                  + " with --opensearch-url for a deployment on OpenSearch).");
          return ExitCodes.USAGE;
        }
        try (ApiTokenStore store = index.tokens(data, System.getenv())) {
          int code = run(store, out, err);
          out.flush();
          return code;
        }
      } catch (ConfigException e) {
        err.println(e.getMessage());
        return ExitCodes.CONFIG;
      } catch (TokenStoreException e) {
        err.println(e.getMessage());
        return ExitCodes.STORAGE;
      }
    }

    abstract int run(ApiTokenStore store, PrintWriter out, PrintWriter err);
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Makes a token for one person and prints it alone on standard output, once.",
        "Example: TOKEN=$(zoomdex token create --data DIR --user alice@example.com)"
      })
  static final class Create extends TokenAction {
    @Option(
        names = "--user",
        required = true,
        paramLabel = "EMAIL",
        description = "The person the token searches as (their Zoom email).")
    String user;

    @Option(
        names = "--admin",
        description = "Also allow the crawl history (/api/runs) and /metrics.")
    boolean admin;

    @Override
    int run(ApiTokenStore store, PrintWriter out, PrintWriter err) {
      CreatedToken created;
      try {
        created = store.create(user, admin);
      } catch (IllegalArgumentException e) {
        err.println(e.getMessage());
        return ExitCodes.USAGE;
      }
      out.println(created.token());
      err.println(
          "Token "
              + created.id()
              + (admin ? " (admin)" : "")
              + " for "
              + created.email()
              + " created; it is shown only this once.");
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists every token: id, owner, when made and last used, revoked or not.")
  static final class ListTokens extends TokenAction {
    private static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Override
    int run(ApiTokenStore store, PrintWriter out, PrintWriter err) {
      List<ApiToken> tokens = store.list();
      if (tokens.isEmpty()) {
        err.println("No tokens yet; make one with `zoomdex token create --data DIR --user EMAIL`.");
        return ExitCodes.OK;
      }
      out.printf(
          "%-5s %-32s %-5s %-16s %-16s %s%n",
          "ID", "USER", "ADMIN", "CREATED (UTC)", "LAST USED", "REVOKED");
      for (ApiToken token : tokens) {
        out.printf(
            "%-5d %-32s %-5s %-16s %-16s %s%n",
            token.id(),
            token.email(),
            token.admin() ? "yes" : "no",
            TIME.format(token.created()),
            token.lastUse().map(TIME::format).orElse("never"),
            token.revocation().map(TIME::format).orElse("-"));
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Revokes a token; a running server refuses it from the next request on.")
  static final class Revoke extends TokenAction {
    @Parameters(paramLabel = "ID", description = "The token's id, as `token list` shows it.")
    long id;

    @Override
    int run(ApiTokenStore store, PrintWriter out, PrintWriter err) {
      if (store.revoke(id)) {
        out.println("Token " + id + " revoked.");
        return ExitCodes.OK;
      }
      boolean known = store.list().stream().anyMatch(token -> token.id() == id);
      err.println(
          known
              ? "Token " + id + " was already revoked."
              : "There is no token " + id + "; `zoomdex token list --data DIR` shows the ids.");
      return known ? ExitCodes.OK : ExitCodes.USAGE;
    }
  }
}
