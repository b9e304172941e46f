package io.zoomdex.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The identity.* keys of the config file, and what a bad rule or mapping file is told. */
class IdentityRulesLoaderTest {
  @TempDir Path dir;

  private Path config(String text) throws IOException {
    Path file = dir.resolve("zoomdex.properties");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void noConfigFile_meansLowerCasingOnly() {
    IdentityRules rules = IdentityRulesLoader.load(null);

    assertThat(rules.domainAliases()).isEmpty();
    assertThat(rules.userNameDomains()).isEmpty();
    assertThat(rules.acceptsUserNames()).isFalse();
  }

  @Test
  void everyKey_isRead_andTheMappingFileIsRelativeToTheConfig() throws IOException {
    Files.writeString(dir.resolve("people.csv"), "sso-1,alice@corp.com\n");
    IdentityRules rules =
        IdentityRulesLoader.load(
            config(
                "zoom.plan = pro\n"
                    + "identity.domain_aliases = corp.example=CORP.com; old.example=corp.example\n"
                    + "identity.user_name_domain = @corp.com\n"
                    + "identity.mapping_file = people.csv\n"));

    assertThat(rules.domainAliases()).hasSize(1);
    assertThat(rules.aliasesOf("corp.com"))
        .containsExactlyInAnyOrder("corp.com", "corp.example", "old.example");
    assertThat(rules.userNameDomains()).containsExactly("corp.com");
    assertThat(rules.mappingFile().entriesFor("sso-1")).hasSize(1);
    assertThat(rules.acceptsUserNames()).isTrue();
  }

  @Test
  void unknownIdentityKey_isRefused_withItsLine() throws IOException {
    Path file = config("# rules\nzoom.plan=pro\nidentity.domain_alias = a.com=b.com\n");

    assertThatThrownBy(() -> IdentityRulesLoader.load(file))
        .isInstanceOf(IdentityConfigException.class)
        .hasMessageContaining(", line 3,")
        .hasMessageContaining("unknown key 'identity.domain_alias'")
        .hasMessageContaining("identity.domain_aliases");
  }

  @Test
  void aliasWithoutEquals_orABadDomain_isRefused_withItsLine() throws IOException {
    Path noEquals = config("identity.domain_aliases = corp.example\n");
    assertThatThrownBy(() -> IdentityRulesLoader.load(noEquals))
        .hasMessageContaining(", line 1,")
        .hasMessageContaining("corp.example=corp.com");

    Path badDomain = config("\nidentity.user_name_domain = not a domain\n");
    assertThatThrownBy(() -> IdentityRulesLoader.load(badDomain))
        .hasMessageContaining(", line 2,")
        .hasMessageContaining("'not a domain', which is not a domain");
  }

  @Test
  void mappingFile_rowWithoutTwoColumns_isRefused_withTheFilesLine() throws IOException {
    Path csv = dir.resolve("people.csv");
    Files.writeString(csv, "value,zoom_email\nsso-1,alice@corp.com\n\nsso-2,bob@corp.com,extra\n");

    assertThatThrownBy(() -> MappingFile.read(csv))
        .isInstanceOf(IdentityConfigException.class)
        .hasMessageContaining(csv + ", line 4, has 3 columns");
  }

  @Test
  void mappingFile_secondColumnNotAnEmail_isRefused_withTheFilesLine() throws IOException {
    Path csv = dir.resolve("people.csv");
    Files.writeString(csv, "sso-1,alice@corp.com\nsso-2,bob\n");

    assertThatThrownBy(() -> MappingFile.read(csv))
        .hasMessageContaining(", line 2, maps to 'bob', which is not an email address");
  }

  @Test
  void mappingFile_missing_isNamed() throws IOException {
    Path file = config("identity.mapping_file = nowhere.csv\n");

    assertThatThrownBy(() -> IdentityRulesLoader.load(file))
        .isInstanceOf(IdentityConfigException.class)
        .hasMessageContaining("nowhere.csv does not exist");
  }

  @Test
  void mappingFile_quotedValues_withCommas_areOneColumn() throws IOException {
    Path csv = dir.resolve("people.csv");
    Files.writeString(csv, "\"Smith, Jo\",jo@corp.com\n");

    MappingFile file = MappingFile.read(csv);

    assertThat(file.entriesFor("smith, jo"))
        .extracting(MappingFile.Entry::email)
        .isEqualTo(List.of("jo@corp.com"));
  }
}
