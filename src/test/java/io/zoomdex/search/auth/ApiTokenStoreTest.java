package io.zoomdex.search.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zoomdex.search.auth.ApiTokenStore.CreatedToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokenStoreTest {

  private static final Instant T0 = Instant.parse("2024-06-01T09:00:00Z");

  @TempDir Path data;

  private final MutableClock clock = new MutableClock(T0);
  private ApiTokenStore store;

  @BeforeEach
  void open() {
    store = ApiTokenStore.open(data, clock);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void create_returnsAPrefixedRandomTokenThatResolvesToTheNormalizedEmail() {
    CreatedToken first = store.create("  Alice@Example.COM ", false);
    CreatedToken second = store.create("alice@example.com", true);

    assertThat(first.token()).matches("zdx_[A-Za-z0-9_-]{43}");
    assertThat(second.token()).isNotEqualTo(first.token());
    assertThat(first.email()).isEqualTo("alice@example.com");
    assertThat(store.resolve(first.token()))
        .contains(new TokenPrincipal(first.id(), "alice@example.com", false));
    assertThat(store.resolve(second.token()))
        .contains(new TokenPrincipal(second.id(), "alice@example.com", true));
  }

  @Test
  void create_storesOnlyAHashNeverTheToken() throws Exception {
    CreatedToken created = store.create("alice@example.com", false);

    byte[] database = Files.readAllBytes(data.resolve("tokens.db"));
    byte[] wal =
        Files.exists(data.resolve("tokens.db-wal"))
            ? Files.readAllBytes(data.resolve("tokens.db-wal"))
            : new byte[0];
    String secretPart = created.token().substring(4);
    assertThat(new String(database, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(secretPart);
    assertThat(new String(wal, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(secretPart);
    assertThat(created.toString()).doesNotContain(secretPart);
  }

  @Test
  void resolve_unknownMalformedOrNullTokens_areEmpty() {
    store.create("alice@example.com", false);

    assertThat(store.resolve(null)).isEmpty();
    assertThat(store.resolve("")).isEmpty();
    assertThat(store.resolve("zdx_" + "A".repeat(43))).isEmpty();
    assertThat(store.resolve("zdx_short")).isEmpty();
    assertThat(store.resolve("' OR 1=1 --")).isEmpty();
  }

  @Test
  void list_showsEveryTokenWithoutItsSecret() {
    CreatedToken alice = store.create("alice@example.com", false);
    clock.advance(Duration.ofHours(1));
    CreatedToken ops = store.create("ops@example.com", true);

    List<ApiToken> tokens = store.list();

    assertThat(tokens)
        .containsExactly(
            new ApiToken(alice.id(), "alice@example.com", false, T0, null, null),
            new ApiToken(
                ops.id(), "ops@example.com", true, T0.plus(Duration.ofHours(1)), null, null));
    assertThat(tokens.toString()).doesNotContain(alice.token().substring(4));
  }

  @Test
  void resolve_recordsWhenATokenWasLastUsedToTheMinute() {
    CreatedToken alice = store.create("alice@example.com", false);
    clock.advance(Duration.ofMinutes(5));
    store.resolve(alice.token());
    Instant firstUse = clock.instant();
    clock.advance(Duration.ofSeconds(30));
    store.resolve(alice.token());

    assertThat(store.list().get(0).lastUsed()).isEqualTo(firstUse);

    clock.advance(Duration.ofMinutes(2));
    store.resolve(alice.token());
    assertThat(store.list().get(0).lastUsed()).isEqualTo(clock.instant());
  }

  @Test
  void revoke_stopsTheTokenAndIsRecorded() {
    CreatedToken alice = store.create("alice@example.com", false);
    CreatedToken bob = store.create("bob@example.com", false);
    clock.advance(Duration.ofMinutes(3));

    assertThat(store.revoke(alice.id())).isTrue();

    assertThat(store.resolve(alice.token())).isEmpty();
    assertThat(store.resolve(bob.token())).isPresent();
    assertThat(store.list().get(0).revoked()).isEqualTo(clock.instant());
    assertThat(store.list().get(0).active()).isFalse();
    assertThat(store.revoke(alice.id())).isFalse();
    assertThat(store.revoke(999)).isFalse();
  }

  @Test
  void revoke_byAnotherStoreOnTheSameFile_takesEffectAtOnce() {
    CreatedToken alice = store.create("alice@example.com", false);
    assertThat(store.resolve(alice.token())).isPresent();

    try (ApiTokenStore otherProcess = ApiTokenStore.open(data, clock)) {
      otherProcess.revoke(alice.id());
    }

    assertThat(store.resolve(alice.token())).isEmpty();
  }

  @Test
  void create_rejectsBlankOrMalformedEmails() {
    assertThatThrownBy(() -> store.create("  ", false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A token needs the email address of its owner.");
    assertThatThrownBy(() -> store.create("alice", false))
        .hasMessageContaining("is not an email address");
    assertThatThrownBy(() -> store.create("a b@example.com", false))
        .hasMessageContaining("is not an email address");
    assertThatThrownBy(() -> store.create("a".repeat(250) + "@example.com", false))
        .hasMessageContaining("longer than 254");
    assertThat(store.list()).isEmpty();
  }

  /** A clock tests move by hand. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
