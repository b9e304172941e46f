package io.zoomdex.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zoomdex.sink.opensearch.OpenSearchConnection;
import io.zoomdex.sink.opensearch.OpenSearchConnection.Answer;
import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One small index next to the alias ({@code ALIAS.NAME}), created on first use with one shard and
 * the given field mappings; requests to it turn failures into the caller's exception type with a
 * plain sentence naming the index.
 */
final class SharedIndex {
  private static final String JSON = "application/json";
  private static final int SHARD_WAITS = 5;

  private final OpenSearchConnection connection;
  private final String name;
  private final Consumer<ObjectNode> mappings;
  private final Function<String, RuntimeException> failure;
  private volatile boolean ready;

  /**
   * @param mappings fills the {@code properties} object of the index's mappings
   * @param failure makes the exception thrown for a sentence
   */
  SharedIndex(
      OpenSearchConnection connection,
      String name,
      Consumer<ObjectNode> mappings,
      Function<String, RuntimeException> failure) {
    this.connection = connection;
    this.name = name;
    this.mappings = mappings;
    this.failure = failure;
  }

  String name() {
    return name;
  }

  ObjectNode object() {
    return connection.json().createObjectNode();
  }

  /** Creates the index unless it exists. */
  void ensure() {
    if (ready) {
      return;
    }
    ObjectNode body = object();
    body.putObject("settings").put("number_of_shards", 1).put("auto_expand_replicas", "0-1");
    mappings.accept(body.putObject("mappings").put("dynamic", false).putObject("properties"));
    Answer answer = send("PUT", "", Map.of(), body);
    if (!answer.ok() && !answer.errorType().equals("resource_already_exists_exception")) {
      throw refused(answer, "create the index " + name);
    }
    // Created here or by another process at this moment: a loaded node can acknowledge the
    // creation before the shard is allocated, and a read then finds no shard.
    awaitShard();
    ready = true;
  }

  /**
   * Waits (at most 30 s) until the index's shard can answer: another process may have created it a
   * moment ago.
   */
  void awaitShard() {
    Answer health =
        sendTo(
            "GET",
            "/_cluster/health/" + name,
            Map.of(
                "wait_for_status",
                "yellow",
                "wait_for_no_initializing_shards",
                "true",
                "timeout",
                "30s"),
            null);
    if (!health.ok() || health.body().path("timed_out").asBoolean(false)) {
      throw refused(health, "wait for the index " + name);
    }
  }

  /** Whether an answer says the index exists but its shard cannot answer yet. */
  static boolean shardNotReady(Answer answer) {
    return answer.errorType().equals("no_shard_available_action_exception");
  }

  /** Makes every write so far visible to searches (for rare listings, not per request). */
  void refresh() {
    Answer answer = send("POST", "/_refresh", Map.of(), null);
    if (!answer.ok() && answer.status() != 404) {
      throw refused(answer, "refresh the index " + name);
    }
  }

  /**
   * Sends a request to {@code /NAME PATH}; only an unreachable cluster throws here.
   *
   * @param body JSON body or null
   */
  Answer send(String method, String path, Map<String, String> query, JsonNode body) {
    Answer answer = sendTo(method, "/" + name + path, query, body);
    // Another process created the index a moment ago and its shard is not started yet: wait for
    // it, a few times at most (each wait is on the cluster's health, not a sleep).
    for (int tries = 0; shardNotReady(answer) && tries < SHARD_WAITS; tries++) {
      awaitShard();
      answer = sendTo(method, "/" + name + path, query, body);
    }
    return answer;
  }

  private Answer sendTo(String method, String endpoint, Map<String, String> query, JsonNode body) {
    try {
      return connection.send(
          method,
          endpoint,
          query,
          body == null ? null : connection.json().writeValueAsBytes(body),
          JSON);
    } catch (IOException e) {
      throw failure.apply(
          "Could not reach OpenSearch at "
              + connection.description()
              + " for "
              + name
              + " ("
              + e.getMessage()
              + "); check that the cluster is up.");
    }
  }

  /** Sends a bulk request of NDJSON {@code lines}, visible to searches when it returns. */
  Answer sendBulk(byte[] lines) {
    try {
      return connection.send(
          "POST", "/_bulk", Map.of("refresh", "wait_for"), lines, "application/x-ndjson");
    } catch (IOException e) {
      throw failure.apply(
          "Could not reach OpenSearch at "
              + connection.description()
              + " for "
              + name
              + " ("
              + e.getMessage()
              + "); check that the cluster is up.");
    }
  }

  /** The exception for an answer that refused {@code action}. */
  RuntimeException refused(Answer answer, String action) {
    return failure.apply(
        "Could not "
            + action
            + " in OpenSearch at "
            + connection.description()
            + " ("
            + answer.error()
            + "); check the cluster's health and zoomdex's permissions on "
            + name
            + ".");
  }
}
