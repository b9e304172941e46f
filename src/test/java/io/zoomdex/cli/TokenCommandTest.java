package io.zoomdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.Main;
import io.zoomdex.search.auth.ApiTokenStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TokenCommandTest {

  @TempDir Path data;

  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void create_printsOnlyTheTokenOnStandardOutput() {
    int code = run("token", "create", "--data", data.toString(), "--user", "Alice@Example.com");

    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).matches("zdx_[A-Za-z0-9_-]{43}\\R");
    assertThat(err.toString()).contains("alice@example.com").contains("only this once");
    try (ApiTokenStore store = ApiTokenStore.open(data, Clock.systemUTC())) {
      assertThat(store.resolve(out.toString().strip()))
          .hasValueSatisfying(
              principal -> assertThat(principal.email()).isEqualTo("alice@example.com"));
    }
  }

  @Test
  void create_admin_makesAnAdminToken() {
    run("token", "create", "--data", data.toString(), "--user", "ops@example.com", "--admin");
    String token = out.toString().strip();

    try (ApiTokenStore store = ApiTokenStore.open(data, Clock.systemUTC())) {
      assertThat(store.resolve(token))
          .hasValueSatisfying(principal -> assertThat(principal.admin()).isTrue());
    }
  }

  @Test
  void create_badEmail_isAUsageErrorAndPrintsNoToken() {
    int code = run("token", "create", "--data", data.toString(), "--user", "alice");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).contains("'alice' is not an email address");
  }

  @Test
  void list_showsOwnersAndStatesButNeverTheToken() {
    run("token", "create", "--data", data.toString(), "--user", "alice@example.com");
    String aliceToken = out.toString().strip();
    run("token", "create", "--data", data.toString(), "--user", "ops@example.com", "--admin");
    run("token", "revoke", "--data", data.toString(), "1");

    int code = run("token", "list", "--data", data.toString());

    assertThat(code).isEqualTo(ExitCodes.OK);
    String[] lines = out.toString().split("\\R");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).startsWith("ID").contains("USER").contains("REVOKED");
    assertThat(lines[1]).startsWith("1 ").contains("alice@example.com").contains("never");
    assertThat(lines[1]).doesNotEndWith("-");
    assertThat(lines[2]).startsWith("2 ").contains("ops@example.com").contains("yes").endsWith("-");
    assertThat(out.toString()).doesNotContain(aliceToken).doesNotContain("zdx_");
  }

  @Test
  void list_withNoTokens_saysHowToMakeOne() {
    int code = run("token", "list", "--data", data.toString());

    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).contains("zoomdex token create");
  }

  @Test
  void revoke_stopsTheToken() {
    run("token", "create", "--data", data.toString(), "--user", "alice@example.com");
    String token = out.toString().strip();

    int code = run("token", "revoke", "--data", data.toString(), "1");

    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).isEqualTo("Token 1 revoked." + System.lineSeparator());
    try (ApiTokenStore store = ApiTokenStore.open(data, Clock.systemUTC())) {
      assertThat(store.resolve(token)).isEmpty();
    }
  }

  @Test
  void revoke_unknownId_isAUsageError() {
    int code = run("token", "revoke", "--data", data.toString(), "42");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("There is no token 42");
  }

  @Test
  void revoke_twice_saysItWasAlreadyRevoked() {
    run("token", "create", "--data", data.toString(), "--user", "alice@example.com");
    run("token", "revoke", "--data", data.toString(), "1");

    int code = run("token", "revoke", "--data", data.toString(), "1");

    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(err.toString()).contains("already revoked");
  }

  @Test
  void token_withoutDataOrOpenSearch_isAUsageErrorSayingWhatToGive() {
    int code = run("token", "list");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString().strip())
        .startsWith("Give the data directory `zoomdex serve` uses with --data DIR")
        .doesNotContain("\n");
  }

  @Test
  void token_withOpenSearchButNoUrl_isAConfigurationError() {
    int code = run("token", "list", "--index", "opensearch");

    assertThat(code).isEqualTo(ExitCodes.CONFIG);
    assertThat(err.toString()).contains("--index opensearch needs at least one --opensearch-url");
  }
}
