package io.zoomdex;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layering of {@code docs/architecture.md}, checked on the compiled production classes:
 * dependencies run one way, from {@code cli} down to {@code document}, and the low rooms know
 * nothing of the rooms above them. One deliberate exception: each index backend ({@code
 * sink.lucene}, {@code sink.opensearch}) also implements {@code search.SearchService}, because
 * reading and writing share the backend's private schema.
 */
class ArchitectureTest {

  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.zoomdex");
  }

  @Test
  void document_dependsOnNothingElseInZoomdex() {
    onlyDependsOn("io.zoomdex.document..", "io.zoomdex.document..").check(production);
  }

  @Test
  void configAndSimulator_standAlone() {
    onlyDependsOn("io.zoomdex.config..", "io.zoomdex.config..", "io.zoomdex.crawlsettings..")
        .check(production);
    onlyDependsOn("io.zoomdex.simulator..", "io.zoomdex.simulator..").check(production);
  }

  @Test
  void crawlSettings_standAlone() {
    onlyDependsOn("io.zoomdex.crawlsettings..", "io.zoomdex.crawlsettings..").check(production);
  }

  @Test
  void embeddings_standAlone() {
    onlyDependsOn("io.zoomdex.embed..", "io.zoomdex.embed..").check(production);
  }

  @Test
  void passages_cutDocumentsAndEmbedThem_withoutKnowingWhereTheyGo() {
    onlyDependsOn(
            "io.zoomdex.passage..",
            "io.zoomdex.passage..",
            "io.zoomdex.document..",
            "io.zoomdex.embed..")
        .check(production);
  }

  @Test
  void zoomClient_knowsOnlyItsConfiguration() {
    onlyDependsOn("io.zoomdex.zoom..", "io.zoomdex.zoom..", "io.zoomdex.config..")
        .check(production);
  }

  @Test
  void source_mapsZoomIntoDocuments_withoutKnowingWhereTheyGo() {
    onlyDependsOn(
            "io.zoomdex.source..",
            "io.zoomdex.source..",
            "io.zoomdex.zoom..",
            "io.zoomdex.document..",
            "io.zoomdex.crawlsettings..")
        .check(production);
  }

  @Test
  void sync_joinsSourceAndSink_butNoBackend() {
    onlyDependsOn(
            "io.zoomdex.sync..",
            "io.zoomdex.sync..",
            "io.zoomdex.source..",
            "io.zoomdex.zoom..",
            "io.zoomdex.document..",
            "io.zoomdex.crawlsettings..",
            "io.zoomdex.sink")
        .check(production);
  }

  @Test
  void search_knowsDocumentsOnly() {
    onlyDependsOn("io.zoomdex.search..", "io.zoomdex.search..", "io.zoomdex.document..")
        .check(production);
  }

  @Test
  void sink_writesDocuments_andItsBackendsServeSearches() {
    onlyDependsOn(
            "io.zoomdex.sink..",
            "io.zoomdex.sink..",
            "io.zoomdex.document..",
            "io.zoomdex.passage..",
            "io.zoomdex.embed..",
            "io.zoomdex.search",
            "io.zoomdex.config..")
        .check(production);
  }

  @Test
  void webhooks_feedTheSyncEngine_throughTheServersEndpointInterface() {
    onlyDependsOn(
            "io.zoomdex.webhook..",
            "io.zoomdex.webhook..",
            "io.zoomdex.sync..",
            "io.zoomdex.source..",
            "io.zoomdex.document..",
            "io.zoomdex.config..",
            "io.zoomdex.search.http")
        .check(production);
  }

  @Test
  void lease_guardsWritersThroughOpenSearch_withoutKnowingTheCommandLine() {
    onlyDependsOn(
            "io.zoomdex.lease..",
            "io.zoomdex.lease..",
            "io.zoomdex.sink",
            "io.zoomdex.sink.opensearch",
            "io.zoomdex.sync",
            "io.zoomdex.webhook")
        .check(production);
  }

  @Test
  void sharedStores_keepWhatReplicasShareInOpenSearch_withoutKnowingTheCommandLine() {
    onlyDependsOn(
            "io.zoomdex.shared..",
            "io.zoomdex.shared..",
            "io.zoomdex.search.auth",
            "io.zoomdex.search.http",
            "io.zoomdex.sink.opensearch",
            "io.zoomdex.sync",
            "io.zoomdex.document..")
        .check(production);
  }

  @Test
  void mcp_servesSearchToAssistants_throughTheServersTokenCheck() {
    onlyDependsOn(
            "io.zoomdex.mcp..",
            "io.zoomdex.mcp..",
            "io.zoomdex.search..",
            "io.zoomdex.document..",
            "io.zoomdex.config..")
        .check(production);
  }

  @Test
  void identityMapping_resolvesSearchersOverTheSearchInterface() {
    onlyDependsOn(
            "io.zoomdex.identity..",
            "io.zoomdex.identity..",
            "io.zoomdex.search",
            "io.zoomdex.document..")
        .check(production);
  }

  @Test
  void inspector_explainsDocuments_throughTheServersAdminInterface() {
    onlyDependsOn(
            "io.zoomdex.inspect..",
            "io.zoomdex.inspect..",
            "io.zoomdex.identity..",
            "io.zoomdex.search",
            "io.zoomdex.search.http",
            "io.zoomdex.document..")
        .check(production);
  }

  @Test
  void adminPage_readsStateAndZoom_throughTheServersTokenCheck() {
    onlyDependsOn(
            "io.zoomdex.admin..",
            "io.zoomdex.admin..",
            "io.zoomdex.sync",
            "io.zoomdex.zoom.check",
            "io.zoomdex.search.http")
        .check(production);
  }

  @Test
  void searchServer_knowsNothingOfTheAdminPage() {
    noClasses()
        .that()
        .resideInAPackage("io.zoomdex.search..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.zoomdex.admin..")
        .check(production);
  }

  @Test
  void onlyTheCommandLine_wiresRoomsTogether() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.zoomdex", "io.zoomdex.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.zoomdex.cli..")
        .check(production);
  }

  @Test
  void rooms_haveNoCycles() {
    slices().matching("io.zoomdex.(*)..").should().beFreeOfCycles().check(production);
  }

  /** Classes in {@code room} may use the JDK and libraries, but of zoomdex only {@code allowed}. */
  private static ArchRule onlyDependsOn(String room, String... allowed) {
    DescribedPredicate<JavaClass> otherRooms =
        DescribedPredicate.describe(
            "are zoomdex classes outside " + String.join(", ", allowed),
            target ->
                target.getPackageName().startsWith("io.zoomdex")
                    && Arrays.stream(allowed)
                        .noneMatch(
                            pattern ->
                                PackageMatcher.of(pattern).matches(target.getPackageName())));
    return noClasses()
        .that()
        .resideInAPackage(room)
        .should()
        .dependOnClassesThat(otherRooms)
        .because("dependencies run one way (docs/architecture.md)");
  }
}
