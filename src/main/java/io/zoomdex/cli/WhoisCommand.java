package io.zoomdex.cli;

import io.zoomdex.config.ConfigException;
import io.zoomdex.identity.IdentityConfigException;
import io.zoomdex.identity.Resolution;
import io.zoomdex.search.IndexMissingException;
import io.zoomdex.search.SearchService;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code zoomdex whois VALUE}: what identity mapping makes of a value a searcher may present, like
 * the Test button of ServiceNow's user-permission mapping.
 */
@Command(
    name = "whois",
    mixinStandardHelpOptions = true,
    description = {
      "Shows which Zoom identity a value (a token owner's email, an SSO header's value) maps to:"
          + " Match, No match or Ambiguous, and the rule that decided.",
      "The rules are the identity.* keys of the --config file (see the README's Identity"
          + " mapping). No match and Ambiguous see nothing."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Match",
      "1:internal error",
      "2:bad command line",
      "3:no index in --data yet, or a bad identity rule or mapping file",
      "8:the index could not be read",
      "10:No match or Ambiguous: the value sees nothing"
    })
public final class WhoisCommand implements Callable<Integer> {

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
      names = "--json",
      description = "Print {value, result, identity, candidates, rule} as JSON.")
  boolean json;

  @Parameters(index = "0", paramLabel = "VALUE", description = "The value to look up.")
  String value;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (IndexOptions ownedIndex = index;
        SearchService search = index.openSearch(data)) {
      Resolution resolution =
          IdentitySetup.of(configFile, search, data, index.deactivatedUsers(data, System.getenv()))
              .resolver()
              .resolve(value);
      if (json) {
        out.println(InspectorText.json(InspectorText.resolutionJson(resolution)));
      } else {
        out.println(InspectorText.resolution(resolution));
      }
      out.flush();
      return resolution.searchAs().isPresent() ? ExitCodes.OK : ExitCodes.UNKNOWN_PERSON;
    } catch (IndexMissingException e) {
      err.println(IndexOptions.missingIndexMessage(e, data));
      return ExitCodes.CONFIG;
    } catch (IdentityConfigException | ConfigException e) {
      err.println(e.getMessage());
      return ExitCodes.CONFIG;
    } catch (io.zoomdex.search.SearchException | IOException e) {
      err.println(e.getMessage());
      return ExitCodes.STORAGE;
    }
  }
}
