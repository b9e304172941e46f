package io.zoomdex.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zoomdex.search.auth.ApiToken;
import io.zoomdex.search.auth.ApiTokenStore.CreatedToken;
import io.zoomdex.search.auth.TokenPrincipal;
import io.zoomdex.search.auth.TokenStoreException;
import io.zoomdex.sink.opensearch.EmbeddedOpenSearch;
import io.zoomdex.sink.opensearch.OpenSearchConnection;
import io.zoomdex.sink.opensearch.OpenSearchSettings;
import io.zoomdex.sink.opensearch.SharedOpenSearch;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The OpenSearch token store against a real node: the SQLite store's contract, shared. */
@ExtendWith(SharedOpenSearch.class)
class OpenSearchTokenStoreTest {
  private static final Instant T0 = Instant.parse("2024-06-01T09:00:00Z");

  private final String alias =
      "tokens-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
  private final OpenSearchConnection connection;
  private final MutableClock clock = new MutableClock(T0);
  private final OpenSearchTokenStore store;

  OpenSearchTokenStoreTest(EmbeddedOpenSearch node) {
    connection = OpenSearchConnection.open(OpenSearchSettings.of(List.of(node.uri())));
    store = new OpenSearchTokenStore(connection, alias, clock);
  }

  @AfterEach
  void cleanUp() throws Exception {
    connection.send("DELETE", "/" + OpenSearchTokenStore.indexName(alias), null);
    connection.close();
  }

  @Test
  void resolve_beforeAnyTokenExists_isEmptyAndCreatesNothing() throws Exception {
    assertThat(store.resolve("zdx_" + "a".repeat(43))).isEmpty();
    assertThat(connection.send("HEAD", "/" + OpenSearchTokenStore.indexName(alias), null).status())
        .isEqualTo(404);
  }

  @Test
  void create_resolvesToTheNormalizedEmail_andStoresOnlyAHash() throws Exception {
    CreatedToken first = store.create("  Alice@Example.COM ", false);
    CreatedToken second = store.create("alice@example.com", true);

    assertThat(first.token()).matches("zdx_[A-Za-z0-9_-]{43}");
    assertThat(second.id()).isEqualTo(first.id() + 1);
    assertThat(store.resolve(first.token()))
        .contains(new TokenPrincipal(first.id(), "alice@example.com", false));
    assertThat(store.resolve(second.token()))
        .contains(new TokenPrincipal(second.id(), "alice@example.com", true));
    String everything =
        connection
            .send("GET", "/" + OpenSearchTokenStore.indexName(alias) + "/_search?size=100", null)
            .body()
            .toString();
    assertThat(everything).contains("alice@example.com").doesNotContain(first.token());
    assertThat(everything).doesNotContain(first.token().substring(4));
  }

  @Test
  void resolve_unknownMalformedOrNullTokens_areEmpty() {
    store.create("alice@example.com", false);
    assertThat(store.resolve(null)).isEmpty();
    assertThat(store.resolve("")).isEmpty();
    assertThat(store.resolve("zdx_short")).isEmpty();
    assertThat(store.resolve("zdx_" + "b".repeat(43))).isEmpty();
  }

  @Test
  void list_showsEveryToken_andLastUseToTheMinute() {
    CreatedToken alice = store.create("alice@example.com", false);
    store.create("ops@example.com", true);
    clock.advance(Duration.ofMinutes(5));
    store.resolve(alice.token());
    Instant firstUse = clock.instant();
    clock.advance(Duration.ofSeconds(30));
    store.resolve(alice.token());

    List<ApiToken> tokens = store.list();
    assertThat(tokens)
        .extracting(ApiToken::email)
        .containsExactly("alice@example.com", "ops@example.com");
    assertThat(tokens.get(0).created()).isEqualTo(T0);
    assertThat(tokens.get(0).lastUsed()).isEqualTo(firstUse);
    assertThat(tokens.get(1).admin()).isTrue();
    assertThat(tokens.get(1).lastUse()).isEmpty();
  }

  @Test
  void revoke_byAnotherProcess_isRefusedOnTheNextRequest() {
    CreatedToken alice = store.create("alice@example.com", false);
    CreatedToken bob = store.create("bob@example.com", false);
    assertThat(store.resolve(alice.token())).isPresent();
    clock.advance(Duration.ofMinutes(3));

    OpenSearchTokenStore otherReplica = new OpenSearchTokenStore(connection, alias, clock);
    assertThat(otherReplica.revoke(alice.id())).isTrue();

    assertThat(store.resolve(alice.token())).isEmpty();
    assertThat(store.resolve(bob.token())).isPresent();
    assertThat(store.list().get(0).revoked()).isEqualTo(clock.instant());
    assertThat(store.revoke(alice.id())).isFalse();
    assertThat(store.revoke(999)).isFalse();
  }

  @Test
  void aLastUseNotedAfterARevocation_neverUndoesIt() {
    CreatedToken alice = store.create("alice@example.com", false);
    store.revoke(alice.id());
    clock.advance(Duration.ofMinutes(10));
    assertThat(store.resolve(alice.token())).isEmpty();
    assertThat(store.list().get(0).active()).isFalse();
  }

  @Test
  void concurrentCreates_fromSeveralStores_neverShareANumber() throws Exception {
    Set<Long> ids = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> work = new java.util.ArrayList<>();
      for (int n = 0; n < 4; n++) {
        String user = "user" + n + "@example.com";
        work.add(
            pool.submit(
                () -> {
                  OpenSearchTokenStore replica = new OpenSearchTokenStore(connection, alias, clock);
                  for (int i = 0; i < 5; i++) {
                    ids.add(replica.create(user, false).id());
                  }
                }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(ids).hasSize(20);
    assertThat(store.list()).hasSize(20);
  }

  @Test
  void unreachableCluster_isAPlainSentence() {
    OpenSearchConnection nowhere =
        OpenSearchConnection.open(OpenSearchSettings.of(List.of(URI.create("http://127.0.0.1:1"))));
    OpenSearchTokenStore cut = new OpenSearchTokenStore(nowhere, alias, clock);
    assertThatThrownBy(() -> cut.resolve("zdx_" + "c".repeat(43)))
        .isInstanceOf(TokenStoreException.class)
        .hasMessageStartingWith("Could not reach OpenSearch at")
        .hasMessageNotContaining("Exception");
  }

  /** A clock tests move by hand. */
  private static final class MutableClock extends Clock {
    private volatile Instant now;

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
