package io.zoomdex.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mapping rule, and every way a value maps to nobody or to two people (failing closed). */
class IdentityResolverTest {
  @TempDir Path dir;

  private static final Set<String> KNOWN =
      Set.of(
          "alice@corp.com",
          "bob@corp.example",
          "carol@corp.com",
          "carol@corp.example",
          "dave@corp.com",
          "erin@corp.example",
          "frank@corp.com",
          "grace@corp.com",
          "heidi@corp.com",
          "heidi@labs.example",
          "ivan@old.example");

  private static IdentityResolver resolver(IdentityRules rules) {
    return new IdentityResolver(rules, KNOWN::contains);
  }

  private static IdentityRules aliases(String... pairs) {
    return new IdentityRules(
        java.util.Arrays.stream(pairs).map(p -> Set.of(p.split("="))).toList(),
        List.of(),
        MappingFile.none());
  }

  private MappingFile mappingFile(String text) throws IOException {
    Path file = dir.resolve("people.csv");
    Files.writeString(file, text);
    return MappingFile.read(file);
  }

  @Test
  void lowerCasing_trimsAndLowerCasesToTheZoomIdentity() {
    Resolution r = resolver(IdentityRules.LOWER_CASE_ONLY).resolve("  Alice@CORP.com ");

    assertThat(r.outcome()).isEqualTo(Outcome.MATCH);
    assertThat(r.identity()).isEqualTo("alice@corp.com");
    assertThat(r.candidates()).containsExactly("alice@corp.com");
    assertThat(r.rule()).startsWith("Lower-casing");
  }

  @Test
  void domainAlias_worksInBothDirections() {
    IdentityResolver resolver = resolver(aliases("corp.example=corp.com"));

    Resolution alice = resolver.resolve("alice@corp.example");
    assertThat(alice.identity()).isEqualTo("alice@corp.com");
    assertThat(alice.rule()).contains("domain alias corp.example = corp.com");

    Resolution bob = resolver.resolve("Bob@Corp.com");
    assertThat(bob.identity()).isEqualTo("bob@corp.example");
  }

  @Test
  void domainAliases_thatShareADomain_areOneGroup() {
    IdentityResolver resolver =
        resolver(aliases("old.example=corp.example", "corp.example=corp.com"));

    assertThat(resolver.resolve("ivan@corp.com").identity()).isEqualTo("ivan@old.example");
  }

  @Test
  void domainAlias_givingTwoKnownPeople_isAmbiguous_andNamesNobody() {
    Resolution r = resolver(aliases("corp.example=corp.com")).resolve("carol@corp.com");

    assertThat(r.outcome()).isEqualTo(Outcome.AMBIGUOUS);
    assertThat(r.identity()).isNull();
    assertThat(r.searchAs()).isEmpty();
    assertThat(r.candidates()).containsExactlyInAnyOrder("carol@corp.com", "carol@corp.example");
    assertThat(r.rule()).contains("fails closed");
  }

  @Test
  void userNameClaim_isCompletedWithTheSsoDomain_andItsAliases() {
    IdentityRules rules =
        new IdentityRules(
            List.of(Set.of("corp.com", "corp.example")), List.of("corp.com"), MappingFile.none());

    Resolution dave = resolver(rules).resolve("DAVE");
    assertThat(dave.identity()).isEqualTo("dave@corp.com");
    assertThat(dave.rule()).contains("user name plus the SSO domain corp.com");

    Resolution erin = resolver(rules).resolve("erin");
    assertThat(erin.identity()).isEqualTo("erin@corp.example");
    assertThat(erin.rule()).contains("its alias corp.example");
  }

  @Test
  void userNameClaim_withTwoDomainsKnowingThePerson_isAmbiguous() {
    IdentityRules rules =
        new IdentityRules(List.of(), List.of("corp.com", "labs.example"), MappingFile.none());

    Resolution r = resolver(rules).resolve("heidi");

    assertThat(r.outcome()).isEqualTo(Outcome.AMBIGUOUS);
    assertThat(r.candidates()).containsExactly("heidi@corp.com", "heidi@labs.example");
  }

  @Test
  void userName_withoutAUserNameDomain_namesNobody() {
    Resolution r = resolver(IdentityRules.LOWER_CASE_ONLY).resolve("alice");

    assertThat(r.outcome()).isEqualTo(Outcome.NO_MATCH);
    assertThat(r.rule()).contains("identity.user_name_domain");
  }

  @Test
  void mappingFile_mapsAValueToItsZoomEmail_andWinsOverEveryOtherRule() throws IOException {
    MappingFile file =
        mappingFile(
            "value,zoom_email\n# contractors\nSSO-123, Frank@Corp.com\nalice@corp.com,grace@corp.com\n");
    IdentityResolver resolver = resolver(new IdentityRules(List.of(), List.of("corp.com"), file));

    Resolution frank = resolver.resolve("sso-123");
    assertThat(frank.identity()).isEqualTo("frank@corp.com");
    assertThat(frank.rule()).contains("line 3");

    // alice@corp.com is a Zoom identity itself, but the file's explicit row decides.
    Resolution alice = resolver.resolve("alice@corp.com");
    assertThat(alice.identity()).isEqualTo("grace@corp.com");
    assertThat(alice.rule()).contains("line 4");
  }

  @Test
  void mappingFile_listingAValueTwiceWithTwoEmails_isAmbiguous() throws IOException {
    MappingFile file =
        mappingFile("jo,dave@corp.com\njo,frank@corp.com\nkim,dave@corp.com\nkim,Dave@corp.com\n");
    IdentityResolver resolver = resolver(new IdentityRules(List.of(), List.of(), file));

    Resolution jo = resolver.resolve("jo");
    assertThat(jo.outcome()).isEqualTo(Outcome.AMBIGUOUS);
    assertThat(jo.candidates()).containsExactly("dave@corp.com", "frank@corp.com");
    assertThat(jo.rule()).contains("lines 1, 2");

    assertThat(resolver.resolve("kim").identity()).isEqualTo("dave@corp.com");
  }

  @Test
  void mappingFile_mappingToAnUnknownEmail_namesNobody_evenIfTheValueIsKnown() throws IOException {
    MappingFile file = mappingFile("alice@corp.com,nobody@corp.com\n");

    Resolution r =
        resolver(new IdentityRules(List.of(), List.of(), file)).resolve("alice@corp.com");

    assertThat(r.outcome()).isEqualTo(Outcome.NO_MATCH);
    assertThat(r.searchAs()).isEmpty();
    assertThat(r.rule()).contains("nobody@corp.com");
  }

  @Test
  void unknownOrBlankValue_namesNobody() {
    IdentityResolver resolver = resolver(aliases("corp.example=corp.com"));

    Resolution stranger = resolver.resolve("mallory@corp.example");
    assertThat(stranger.outcome()).isEqualTo(Outcome.NO_MATCH);
    assertThat(stranger.candidates()).isEmpty();
    assertThat(stranger.rule()).contains("mallory@corp.example", "mallory@corp.com");

    assertThat(resolver.resolve("  ").outcome()).isEqualTo(Outcome.NO_MATCH);
    assertThat(resolver.resolve(null).outcome()).isEqualTo(Outcome.NO_MATCH);
    assertThat(resolver.resolve("@").outcome()).isEqualTo(Outcome.NO_MATCH);
  }
}
