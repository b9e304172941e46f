package io.zoomdex.cli;

import io.zoomdex.config.ConfigException;
import io.zoomdex.document.DocumentId;
import io.zoomdex.identity.IdentityConfigException;
import io.zoomdex.inspect.Explanation;
import io.zoomdex.search.IndexMissingException;
import io.zoomdex.search.SearchException;
import io.zoomdex.search.SearchService;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code zoomdex explain ID [--as VALUE]}: the index inspector. Who may read a document and by
 * which rule of the permission contract, how it was indexed, and why a person can or cannot read
 * it. For operators: it reads the index without any reader filter.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Shows a document's readers, each with the rule that made them one (host, alternative"
          + " host, invitee, panelist, participant, summary setting N, ...), when it was indexed"
          + " and its last crawl error.",
      "With --as, says whether that person (an email or any value identity mapping resolves)"
          + " can read it, and why."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:internal error",
      "2:bad command line (a malformed document id)",
      "3:no index in --data yet, or a bad identity rule or mapping file",
      "8:the index could not be read",
      "11:the index has no document with that id"
    })
public final class ExplainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin IndexOptions index = new IndexOptions();

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "zoomdex-data",
      description = "The data directory given to `zoomdex crawl` (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "The properties file whose identity.* keys hold the mapping rules.")
  Path configFile;

  @Option(
      names = "--as",
      paramLabel = "VALUE",
      description = "Say whether this person can read it, and why.")
  String as;

  @Option(names = "--json", description = "Print the admin API's JSON instead of text.")
  boolean json;

  @Parameters(
      index = "0",
      paramLabel = "ID",
      description = "The document id, e.g. meeting:123 or summary:UUID.")
  String rawId;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DocumentId id;
    try {
      id = DocumentId.parse(rawId.strip());
    } catch (IllegalArgumentException e) {
      err.println(
          "'"
              + rawId.strip()
              + "' is not a document id; give one like meeting:123 or transcript:UUID (search"
              + " --json shows ids).");
      return ExitCodes.USAGE;
    }
    try (IndexOptions ownedIndex = index;
        SearchService search = index.openSearch(data)) {
      Optional<Explanation> explanation =
          IdentitySetup.of(configFile, search, data, index.deactivatedUsers(data, System.getenv()))
              .explainer()
              .explain(id, as == null || as.isBlank() ? null : as);
      if (explanation.isEmpty()) {
        err.println(
            "The index in "
                + index.describe(data)
                + " has no document "
                + id
                + "; check the id (search --json shows ids), or crawl again.");
        return ExitCodes.UNKNOWN_DOCUMENT;
      }
      out.print(
          json
              ? InspectorText.explanationJson(explanation.get()) + System.lineSeparator()
              : InspectorText.explanation(explanation.get()));
      out.flush();
      return ExitCodes.OK;
    } catch (IndexMissingException e) {
      err.println(IndexOptions.missingIndexMessage(e, data));
      return ExitCodes.CONFIG;
    } catch (IdentityConfigException | ConfigException e) {
      err.println(e.getMessage());
      return ExitCodes.CONFIG;
    } catch (SearchException | IOException e) {
      err.println(e.getMessage());
      return ExitCodes.STORAGE;
    }
  }
}
