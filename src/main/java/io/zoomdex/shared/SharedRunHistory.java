package io.zoomdex.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zoomdex.search.http.CrawlRun;
import io.zoomdex.search.http.RunHistory;
import io.zoomdex.sink.opensearch.OpenSearchConnection;
import io.zoomdex.sink.opensearch.OpenSearchConnection.Answer;
import io.zoomdex.sync.StorageException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The crawl history of an OpenSearch deployment, in {@code ALIAS.crawl-runs}: each writer publishes
 * its runs there (keyed by its replica name and run number), and every replica's {@code /api/runs}
 * and crawl metrics read it, newest first.
 */
public final class SharedRunHistory implements RunHistory {
  private final SharedIndex index;

  /** The crawl history of the deployment writing {@code alias}. */
  public SharedRunHistory(OpenSearchConnection connection, String alias) {
    this.index =
        new SharedIndex(
            connection,
            indexName(alias),
            properties -> {
              properties.putObject("started").put("type", "date");
              properties.putObject("replica").put("type", "keyword");
            },
            s -> new StorageException(s, null));
  }

  /** The index holding the crawl history of the deployment writing {@code alias}. */
  public static String indexName(String alias) {
    return alias + ".crawl-runs";
  }

  @Override
  public List<CrawlRun> recentRuns(int limit) {
    ObjectNode body = index.object();
    body.put("size", limit);
    body.putArray("sort").addObject().put("started", "desc");
    Answer answer = index.send("POST", "/_search", Map.of(), body);
    if (answer.status() == 404) {
      return List.of(); // nothing published yet
    }
    if (!answer.ok()) {
      throw index.refused(answer, "read the crawl history");
    }
    List<CrawlRun> runs = new ArrayList<>();
    for (JsonNode hit : answer.body().path("hits").path("hits")) {
      JsonNode s = hit.path("_source");
      runs.add(
          new CrawlRun(
              s.path("id").asLong(),
              s.path("mode").asText(),
              Instant.parse(s.path("started").asText()),
              s.hasNonNull("finished") ? Instant.parse(s.path("finished").asText()) : null,
              s.hasNonNull("outcome") ? s.path("outcome").asText() : null,
              s.hasNonNull("report") ? s.path("report").asText() : null));
    }
    return runs;
  }

  /**
   * Writes (or rewrites) runs of one replica, visible to searches when this returns.
   *
   * @param replica the publishing writer's stable name (see {@link ReplicaName})
   * @throws StorageException when OpenSearch cannot be written
   */
  public void publish(String replica, List<CrawlRun> runs) {
    if (runs.isEmpty()) {
      return;
    }
    index.ensure();
    StringBuilder bulk = new StringBuilder();
    for (CrawlRun run : runs) {
      ObjectNode action = index.object();
      action.putObject("index").put("_index", index.name()).put("_id", replica + "-" + run.id());
      ObjectNode source = index.object();
      source.put("replica", replica);
      source.put("id", run.id());
      source.put("mode", run.mode());
      source.put("started", run.started().toString());
      source.put("finished", run.finished() == null ? null : run.finished().toString());
      source.put("outcome", run.outcome());
      source.put("report", run.reportJson());
      bulk.append(action).append('\n').append(source).append('\n');
    }
    Answer answer = index.sendBulk(bulk.toString().getBytes(StandardCharsets.UTF_8));
    if (!answer.ok() || answer.body().path("errors").asBoolean(false)) {
      throw index.refused(answer, "publish the crawl history");
    }
  }
}
