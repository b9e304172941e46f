package io.zoomdex.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zoomdex.search.auth.ApiToken;
import io.zoomdex.search.auth.ApiTokenStore;
import io.zoomdex.search.auth.TokenPrincipal;
import io.zoomdex.search.auth.TokenSecrets;
import io.zoomdex.search.auth.TokenStoreException;
import io.zoomdex.sink.opensearch.OpenSearchConnection;
import io.zoomdex.sink.opensearch.OpenSearchConnection.Answer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API tokens in the OpenSearch index {@code ALIAS.tokens}, shared by every serve replica. Each
 * token is a document whose id is the token's SHA-256 (the plain token is never stored), so {@link
 * #resolve} is one real-time GET by id: a revocation made anywhere is refused by every replica from
 * its next request on, with no cache in between. Token numbers come from a counter document
 * advanced with optimistic concurrency ({@code if_seq_no}), so two processes creating tokens at
 * once never get the same number.
 */
public final class OpenSearchTokenStore implements ApiTokenStore {
  private static final String COUNTER = "next-token-id";
  private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
  private static final Map<String, String> VISIBLE = Map.of("refresh", "wait_for");

  private final SharedIndex index;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /** The tokens of the deployment writing {@code alias}; nothing is created until first used. */
  public OpenSearchTokenStore(OpenSearchConnection connection, String alias, Clock clock) {
    this.index =
        new SharedIndex(
            connection,
            indexName(alias),
            properties -> {
              properties.putObject("kind").put("type", "keyword");
              properties.putObject("id").put("type", "long");
              properties.putObject("email").put("type", "keyword");
            },
            sentence -> new TokenStoreException(sentence, null));
    this.clock = clock;
  }

  /** The index holding the tokens of the deployment writing {@code alias}. */
  public static String indexName(String alias) {
    return alias + ".tokens";
  }

  @Override
  public CreatedToken create(String email, boolean admin) {
    String principal = ApiTokenStore.normalizeEmail(email);
    index.ensure();
    long id = nextId();
    String token = TokenSecrets.newToken(random);
    ObjectNode source = index.object();
    source.put("kind", "token");
    source.put("id", id);
    source.put("email", principal);
    source.put("admin", admin);
    source.put("created", clock.millis());
    Answer answer = index.send("PUT", "/_create/" + TokenSecrets.hash(token), VISIBLE, source);
    if (!answer.ok()) {
      throw index.refused(answer, "store a new token");
    }
    return new CreatedToken(id, principal, admin, token);
  }

  /** Advances the counter document by one, retrying when another process advanced it first. */
  private long nextId() {
    while (true) {
      Answer current = index.send("GET", "/_doc/" + COUNTER, Map.of(), null);
      Answer written;
      long next;
      if (current.status() == 404) {
        next = 1;
        written = index.send("PUT", "/_create/" + COUNTER, Map.of(), counter(next));
      } else if (current.ok()) {
        next = current.body().path("_source").path("value").asLong() + 1;
        written =
            index.send(
                "PUT",
                "/_doc/" + COUNTER,
                Map.of(
                    "if_seq_no", current.body().path("_seq_no").asText(),
                    "if_primary_term", current.body().path("_primary_term").asText()),
                counter(next));
      } else {
        throw index.refused(current, "number a new token");
      }
      if (written.ok()) {
        return next;
      }
      if (written.status() != 409) {
        throw index.refused(written, "number a new token");
      }
    }
  }

  private ObjectNode counter(long value) {
    ObjectNode source = index.object();
    source.put("kind", "counter");
    source.put("value", value);
    return source;
  }

  @Override
  public List<ApiToken> list() {
    index.ensure();
    index.refresh(); // last-used notes are written without waiting for a refresh
    ObjectNode body = index.object();
    body.put("size", 10_000);
    body.putObject("query").putObject("term").put("kind", "token");
    body.putArray("sort").addObject().put("id", "asc");
    Answer answer = index.send("POST", "/_search", Map.of(), body);
    if (!answer.ok()) {
      throw index.refused(answer, "list the tokens");
    }
    List<ApiToken> tokens = new ArrayList<>();
    for (JsonNode hit : answer.body().path("hits").path("hits")) {
      JsonNode source = hit.path("_source");
      tokens.add(
          new ApiToken(
              source.path("id").asLong(),
              source.path("email").asText(),
              source.path("admin").asBoolean(),
              Instant.ofEpochMilli(source.path("created").asLong()),
              instant(source.path("last_used")),
              instant(source.path("revoked"))));
    }
    return tokens;
  }

  @Override
  public boolean revoke(long id) {
    index.ensure();
    while (true) {
      index.refresh();
      ObjectNode body = index.object();
      body.put("size", 1);
      body.put("seq_no_primary_term", true);
      body.putObject("query").putObject("term").put("id", id);
      Answer found = index.send("POST", "/_search", Map.of(), body);
      if (!found.ok()) {
        throw index.refused(found, "find the token");
      }
      JsonNode hits = found.body().path("hits").path("hits");
      if (hits.isEmpty() || !hits.get(0).path("_source").path("revoked").isMissingNode()) {
        return false;
      }
      JsonNode hit = hits.get(0);
      ObjectNode update = index.object();
      update.putObject("doc").put("revoked", clock.millis());
      Answer answer =
          index.send(
              "POST",
              "/_update/" + hit.path("_id").asText(),
              Map.of(
                  "if_seq_no", hit.path("_seq_no").asText(),
                  "if_primary_term", hit.path("_primary_term").asText(),
                  "refresh", "wait_for"),
              update);
      if (answer.ok()) {
        return true;
      }
      if (answer.status() != 409) {
        throw index.refused(answer, "revoke the token");
      }
      // Its last use was noted meanwhile: read it again and retry.
    }
  }

  @Override
  public Optional<TokenPrincipal> resolve(String token) {
    if (!TokenSecrets.wellFormed(token)) {
      return Optional.empty();
    }
    String hash = TokenSecrets.hash(token);
    // A GET by id is real-time in OpenSearch: it sees every acknowledged write, refreshed or not.
    Answer answer = index.send("GET", "/_doc/" + hash, Map.of(), null);
    if (answer.status() == 404) {
      return Optional.empty(); // no such token (or no token index yet)
    }
    if (!answer.ok()) {
      throw index.refused(answer, "check a token");
    }
    JsonNode source = answer.body().path("_source");
    if (!source.path("kind").asText().equals("token") || !source.path("revoked").isMissingNode()) {
      return Optional.empty();
    }
    TokenPrincipal principal =
        new TokenPrincipal(
            source.path("id").asLong(),
            source.path("email").asText(),
            source.path("admin").asBoolean());
    long now = clock.millis();
    if (now - source.path("last_used").asLong(0) >= LAST_USED_PRECISION.toMillis()) {
      ObjectNode update = index.object();
      update.putObject("doc").put("last_used", now);
      // Conditional, so it can never undo a revocation that landed since the read; losing that
      // race (409) only loses a last-used note.
      index.send(
          "POST",
          "/_update/" + hash,
          Map.of(
              "if_seq_no", answer.body().path("_seq_no").asText(),
              "if_primary_term", answer.body().path("_primary_term").asText()),
          update);
    }
    return Optional.of(principal);
  }

  @Override
  public void close() {
    // The connection belongs to whoever opened it.
  }

  private static Instant instant(JsonNode millis) {
    return millis.isMissingNode() || millis.isNull() ? null : Instant.ofEpochMilli(millis.asLong());
  }
}
