package io.zoomdex.sink.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import io.zoomdex.sink.SinkException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends bulk requests and refreshes with retries: a request no node answered, or answered with 429
 * or 5xx, is sent again after a doubling backoff; within a bulk answer, only the items rejected
 * with 429 or 5xx are sent again. An item rejected for good (a mapping error, a write block) fails
 * the whole send with a fatal {@link SinkException} naming it; nothing is dropped silently.
 */
final class BulkSender {

  private static final String NDJSON = "application/x-ndjson";
  private static final int MAX_NAMED_ITEMS = 5;

  private final OpenSearchConnection connection;
  private final String alias;
  private final int maxAttempts;
  private final Duration firstBackoff;
  private final Pause pause;
  private final WriteFence fence;
  private final String rerun;

  BulkSender(
      OpenSearchConnection connection,
      String alias,
      int maxAttempts,
      Duration firstBackoff,
      Pause pause) {
    this(connection, alias, maxAttempts, firstBackoff, pause, null);
  }

  /**
   * @param fence checked before every attempt (a writer that lost its lease sends nothing more), or
   *     null when no lease guards the writes
   */
  BulkSender(
      OpenSearchConnection connection,
      String alias,
      int maxAttempts,
      Duration firstBackoff,
      Pause pause,
      WriteFence fence) {
    this(connection, alias, maxAttempts, firstBackoff, pause, fence, "the crawl");
  }

  /**
   * @param rerun what the operator runs again after a failure, for messages ("the crawl", "zoomdex
   *     reembed"): both resume where they stopped
   */
  BulkSender(
      OpenSearchConnection connection,
      String alias,
      int maxAttempts,
      Duration firstBackoff,
      Pause pause,
      WriteFence fence,
      String rerun) {
    this.rerun = rerun;
    this.connection = connection;
    this.alias = alias;
    this.maxAttempts = maxAttempts;
    this.firstBackoff = firstBackoff;
    this.pause = pause;
    this.fence = fence;
  }

  /**
   * Sends the items until every one is taken.
   *
   * @throws SinkException retryable when the cluster stayed unreachable or overloaded through every
   *     attempt; fatal when it rejected an item for good
   */
  void send(List<BulkBuffer.Item> items) throws SinkException {
    List<BulkBuffer.Item> pending = items;
    String lastProblem = "";
    for (int attempt = 1; attempt <= maxAttempts && !pending.isEmpty(); attempt++) {
      if (attempt > 1) {
        waitBefore(attempt);
      }
      if (fence != null) {
        fence.check();
      }
      OpenSearchConnection.Answer answer;
      try {
        answer =
            connection.send(
                "POST", "/" + alias + "/_bulk", Map.of(), BulkBuffer.body(pending), NDJSON);
      } catch (IOException e) {
        lastProblem = "no node answered: " + e.getMessage();
        continue;
      }
      if (!answer.ok()) {
        if (!answer.retryable()) {
          throw new SinkException(
              "OpenSearch refused a bulk request ("
                  + answer.error()
                  + "); check the index "
                  + alias
                  + " and zoomdex's permissions on it.",
              false,
              null);
        }
        lastProblem = answer.error();
        continue;
      }
      if (!answer.body().path("errors").asBoolean(false)) {
        return;
      }
      pending = retryableItems(pending, answer.body().path("items"));
      lastProblem = "OpenSearch was too busy to take " + pending.size() + " documents";
    }
    if (!pending.isEmpty()) {
      throw new SinkException(
          "Could not write "
              + pending.size()
              + " documents to OpenSearch at "
              + connection.description()
              + " after "
              + maxAttempts
              + " attempts ("
              + lastProblem
              + "); check the cluster, then run "
              + rerun
              + " again: it resumes from its last checkpoint.",
          true,
          null);
    }
  }

  /**
   * The items to send again; throws at once when any item was rejected for good.
   *
   * @param sent what was sent, in order
   * @param results the bulk answer's {@code items}, in the same order
   */
  private List<BulkBuffer.Item> retryableItems(List<BulkBuffer.Item> sent, JsonNode results)
      throws SinkException {
    if (results.size() != sent.size()) {
      throw new SinkException(
          "OpenSearch answered a bulk of "
              + sent.size()
              + " with "
              + results.size()
              + " results; run "
              + rerun
              + " again.",
          true,
          null);
    }
    List<BulkBuffer.Item> again = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    int fenced = 0;
    for (int i = 0; i < sent.size(); i++) {
      JsonNode result = results.get(i).elements().next();
      JsonNode error = result.path("error");
      if (error.isMissingNode()) {
        continue;
      }
      int status = result.path("status").asInt(500);
      if (fence != null && status == 409) {
        fenced++;
      } else if (status == 429 || status >= 500) {
        again.add(sent.get(i));
      } else {
        rejected.add(
            sent.get(i).id()
                + " ("
                + error.path("type").asText()
                + ": "
                + error.path("reason").asText()
                + ")");
      }
    }
    if (fenced > 0) {
      throw new SinkException(
          "A newer writer (writer lease epoch above "
              + fence.epoch()
              + ") already wrote "
              + fenced
              + " of these documents, so this writer stopped: it no longer holds the writer"
              + " lease.",
          false,
          null);
    }
    if (!rejected.isEmpty()) {
      throw new SinkException(
          "OpenSearch rejected "
              + rejected.size()
              + " documents: "
              + String.join("; ", rejected.subList(0, Math.min(MAX_NAMED_ITEMS, rejected.size())))
              + (rejected.size() > MAX_NAMED_ITEMS ? "; ..." : "")
              + "; fix the index (mapping, blocks, permissions) and run "
              + rerun
              + " again.",
          false,
          null);
    }
    return again;
  }

  /**
   * Refreshes the index so searches see everything sent; retried like a bulk.
   *
   * @throws SinkException retryable when it never succeeded
   */
  void refresh() throws SinkException {
    String lastProblem = "";
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) {
        waitBefore(attempt);
      }
      try {
        OpenSearchConnection.Answer answer =
            connection.send("POST", "/" + alias + "/_refresh", null);
        if (answer.ok() && answer.body().path("_shards").path("failed").asInt(0) == 0) {
          return;
        }
        if (!answer.ok() && !answer.retryable()) {
          throw new SinkException(
              "OpenSearch refused to refresh " + alias + " (" + answer.error() + ").", false, null);
        }
        lastProblem = answer.ok() ? "some shards failed to refresh" : answer.error();
      } catch (IOException e) {
        lastProblem = "no node answered: " + e.getMessage();
      }
    }
    throw new SinkException(
        "Could not refresh the OpenSearch index "
            + alias
            + " at "
            + connection.description()
            + " ("
            + lastProblem
            + "); check the cluster, then run "
            + rerun
            + " again.",
        true,
        null);
  }

  private void waitBefore(int attempt) throws SinkException {
    Duration wait = firstBackoff.multipliedBy(1L << Math.min(attempt - 2, 20));
    if (wait.compareTo(OpenSearchSettings.MAX_BACKOFF) > 0) {
      wait = OpenSearchSettings.MAX_BACKOFF;
    }
    try {
      pause.pause(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SinkException("Interrupted while waiting to retry OpenSearch.", true, e);
    }
  }
}
