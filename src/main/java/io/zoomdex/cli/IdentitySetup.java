package io.zoomdex.cli;

import io.zoomdex.identity.IdentityResolver;
import io.zoomdex.identity.IdentityRules;
import io.zoomdex.identity.IdentityRulesLoader;
import io.zoomdex.identity.IndexedIdentities;
import io.zoomdex.identity.MappedSearchers;
import io.zoomdex.inspect.DocumentExplainer;
import io.zoomdex.search.SearchService;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Wires identity mapping and the inspector for a command: the rules from the {@code identity.*}
 * keys of the --config file, the known identities from the index and the sync state under {@code
 * --data}.
 */
final class IdentitySetup {
  private final IdentityResolver resolver;
  private final SearchService index;
  private final Path dataDir;

  private IdentitySetup(IdentityResolver resolver, SearchService index, Path dataDir) {
    this.resolver = resolver;
    this.index = index;
    this.dataDir = dataDir;
  }

  /**
   * Identity mapping over an opened index.
   *
   * @param configFile the --config file, or null for lower-casing only
   * @throws io.zoomdex.identity.IdentityConfigException when a rule or the mapping file is bad
   */
  static IdentitySetup of(Path configFile, SearchService index, Path dataDir) {
    IdentityRules rules = IdentityRulesLoader.load(configFile);
    IndexedIdentities known =
        new IndexedIdentities(
            index, new StateStoreDeactivatedUsers(dataDir, Clock.systemUTC()), Clock.systemUTC());
    return new IdentitySetup(new IdentityResolver(rules, known), index, dataDir);
  }

  IdentityResolver resolver() {
    return resolver;
  }

  /** The index as searchers reach it: each searcher resolved through identity mapping first. */
  SearchService mappedSearch() {
    return new MappedSearchers(index, resolver);
  }

  /** The inspector over the index and the sync state. */
  DocumentExplainer explainer() {
    return new DocumentExplainer(
        index,
        resolver,
        new StateStoreDeactivatedUsers(dataDir, Clock.systemUTC()),
        new StateStoreItemHistory(dataDir));
  }
}
