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
import java.util.Set;
import java.util.function.Supplier;

/**
 * Wires identity mapping and the inspector for a command: the rules from the {@code identity.*}
 * keys of the --config file, the known identities from the index and the sync state under {@code
 * --data}.
 */
final class IdentitySetup {
  private final IdentityResolver resolver;
  private final SearchService index;
  private final Path dataDir;
  private final Supplier<Set<String>> deactivated;

  private IdentitySetup(
      IdentityResolver resolver,
      SearchService index,
      Path dataDir,
      Supplier<Set<String>> deactivated) {
    this.resolver = resolver;
    this.index = index;
    this.dataDir = dataDir;
    this.deactivated = deactivated;
  }

  /**
   * Identity mapping over an opened index.
   *
   * @param configFile the --config file, or null for lower-casing only
   * @throws io.zoomdex.identity.IdentityConfigException when a rule or the mapping file is bad
   */
  static IdentitySetup of(Path configFile, SearchService index, Path dataDir) {
    return of(
        configFile, index, dataDir, new StateStoreDeactivatedUsers(dataDir, Clock.systemUTC()));
  }

  /**
   * As {@link #of(Path, SearchService, Path)}, with the deactivated users from {@code deactivated}
   * (e.g. those an OpenSearch deployment shares).
   */
  static IdentitySetup of(
      Path configFile, SearchService index, Path dataDir, Supplier<Set<String>> deactivated) {
    IdentityRules rules = IdentityRulesLoader.load(configFile);
    IndexedIdentities known = new IndexedIdentities(index, deactivated, Clock.systemUTC());
    return new IdentitySetup(new IdentityResolver(rules, known), index, dataDir, deactivated);
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
    return new DocumentExplainer(index, resolver, deactivated, new StateStoreItemHistory(dataDir));
  }
}
