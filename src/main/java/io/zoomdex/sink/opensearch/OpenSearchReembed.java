package io.zoomdex.sink.opensearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zoomdex.config.ConfigException;
import io.zoomdex.document.Document;
import io.zoomdex.embed.EmbeddingException;
import io.zoomdex.embed.EmbeddingModelId;
import io.zoomdex.passage.DocumentPassages;
import io.zoomdex.passage.PassageVectors;
import io.zoomdex.sink.SinkException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds an OpenSearch index's passages and vectors with the configured embedding model, from
 * what the index holds (each document's stored source; Zoom is not called), into the alias's next
 * generation, then moves the alias there in one atomic step.
 *
 * <p>Searches and the mapping's recorded model stay those of the old generation until the swap; the
 * new generation is created for the new model (template and mapping), so vectors of two models are
 * never in one index. Every field of every document is copied as stored (readers, reader rules,
 * ids, times, links), only {@code passages} is cut again with the crawl's cutter and embedded on
 * the crawl's bounded pool. Each document keeps its version ({@code version_type=external_gte}), so
 * the writer-lease fencing goes on working across the swap: the next writer's epoch is above every
 * copied version.
 *
 * <p>Resumable: documents are read in id order ({@code search_after}), and after each batch the new
 * generation's {@code _meta} records the last id copied, the model, the old generation and its
 * write mark (the sum of its shards' highest sequence numbers). A run with the same model over an
 * unchanged old generation continues from there; any other half-built generation (another model, or
 * the old generation was written since) is deleted and the run starts over. If the old generation
 * is written while a run copies, the run refuses to swap.
 */
public final class OpenSearchReembed implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OpenSearchReembed.class);

  /** The {@code _meta} key of a generation still being built, with its progress. */
  static final String MARKER = "reembed";

  private static final String AGAIN = "zoomdex reembed";

  /** How a run reports its progress. */
  public interface Progress {
    /**
     * Called once before any document is copied.
     *
     * @param total documents in the index
     * @param alreadyDone documents an interrupted earlier run of the same model already copied
     */
    void started(long total, long alreadyDone);

    /**
     * Called after each batch is durably in the new generation and recorded as done.
     *
     * @param documents how many documents the batch held
     */
    void advanced(int documents);
  }

  /**
   * What a finished run did.
   *
   * @param oldIndex the generation the alias pointed at before
   * @param newIndex the generation it points at now
   * @param documents how many documents the new generation holds
   * @param model the new generation's model; empty for keyword search only
   * @param oldIndexKept whether the old generation is still there (asked for, or its deletion
   *     failed)
   */
  public record Outcome(
      String oldIndex,
      String newIndex,
      long documents,
      Optional<EmbeddingModelId> model,
      boolean oldIndexKept) {}

  private final OpenSearchConnection connection;
  private final boolean ownsConnection;
  private final OpenSearchSettings settings;
  private final OpenSearchIndexes indexes;
  private final PassageVectors vectors;
  private final WriteFence fence;
  private final Pause pause;

  /** The generation searches use while this run works, for messages. */
  private String source = "";

  OpenSearchReembed(
      OpenSearchConnection connection,
      boolean ownsConnection,
      OpenSearchSettings settings,
      Pause pause,
      PassageVectors vectors,
      WriteFence fence) {
    this.connection = connection;
    this.ownsConnection = ownsConnection;
    this.settings = settings;
    this.indexes = new OpenSearchIndexes(connection, settings.alias());
    this.pause = pause;
    this.vectors = vectors;
    this.fence = fence;
  }

  /**
   * Connects to the cluster (nothing is sent until {@link #run}).
   *
   * @param vectors cuts and embeds passages with the new model (not closed here); null to rebuild
   *     the index without vectors (keyword search only)
   * @param fence the writer lease the run writes under, or null for none
   */
  public static OpenSearchReembed open(
      OpenSearchSettings settings, PassageVectors vectors, WriteFence fence) {
    return new OpenSearchReembed(
        OpenSearchConnection.open(settings), true, settings, Pause.SLEEP, vectors, fence);
  }

  /**
   * Copies every document into the next generation with new passages, then swaps the alias to it.
   *
   * @param batchSize documents read, embedded and written per step; a killed run resumes after the
   *     last whole step
   * @param keepOldIndex whether to keep the old generation after the swap (to point the alias back
   *     by hand); by default it is deleted
   * @throws ConfigException when there is no index to rebuild, or the cluster has no k-NN plugin
   * @throws SinkException when the cluster cannot be reached or refuses, embedding fails, or the
   *     old generation was written during the run; the alias then still points at the old, complete
   *     generation, and a new run resumes from the last recorded step
   */
  public Outcome run(int batchSize, Progress progress, boolean keepOldIndex) throws SinkException {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
    }
    try {
      source =
          indexes
              .currentIndex()
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "No zoomdex index "
                              + settings.alias()
                              + " in OpenSearch at "
                              + connection.description()
                              + "; run a crawl with --index opensearch first."));
      require(connection.send("POST", "/" + source + "/_refresh", null), "refresh " + source);
      clearMarkerOf(source);
      long sourceWriteMark = writeMark(source);
      long total = count(source);
      Marker resumed = resumable(sourceWriteMark);
      String target;
      Marker marker;
      if (resumed == null) {
        marker = new Marker(source, sourceWriteMark, modelKey(), null, 0);
        target = indexes.createNextGeneration(model(), marker.toJson(connection.json()));
        log.info("Re-embedding {} into {} with {}", source, target, modelKey());
      } else {
        marker = resumed;
        target = resumed.index;
        log.info("Resuming the re-embed of {} into {} after {}", source, target, marker.after);
      }
      progress.started(total, marker.copied);
      BulkSender sender =
          new BulkSender(
              connection,
              target,
              settings.maxAttempts(),
              settings.firstBackoff(),
              pause,
              fence,
              AGAIN);
      while (true) {
        List<JsonNode> hits = page(marker.after, batchSize);
        if (hits.isEmpty()) {
          break;
        }
        copy(hits, sender);
        String last = hits.get(hits.size() - 1).path("_source").path(OpenSearchSchema.ID).asText();
        marker = marker.advancedTo(last, hits.size());
        indexes.replaceMappingMeta(target, meta(marker));
        progress.advanced(hits.size());
      }
      return finish(target, marker, total, sourceWriteMark, sender, keepOldIndex);
    } catch (IOException e) {
      throw new SinkException(
          "Could not re-embed: no OpenSearch node at "
              + connection.description()
              + " answered ("
              + e.getMessage()
              + ")"
              + stillOld()
              + "; check the cluster, then run zoomdex reembed again to resume.",
          true,
          e);
    } catch (OpenSearchFailure e) {
      throw new SinkException(
          withoutFullStop(e.getMessage())
              + stillOld()
              + "; run zoomdex reembed again once the cluster takes the request.",
          e.retryable(),
          e);
    } catch (EmbeddingException e) {
      throw new SinkException(withoutFullStop(e.getMessage()) + stillOld() + ".", e.retryable(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SinkException("Interrupted while re-embedding" + stillOld() + ".", true, e);
    }
  }

  private String stillOld() {
    return source.isEmpty() ? "" : "; searches still use the complete index " + source;
  }

  private static String withoutFullStop(String sentence) {
    return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
  }

  /** Checks the copy, moves the alias, and deletes (or keeps) the old generation. */
  private Outcome finish(
      String target,
      Marker marker,
      long total,
      long sourceWriteMark,
      BulkSender sender,
      boolean keepOldIndex)
      throws IOException, SinkException {
    sender.refresh();
    long copied = count(target);
    if (writeMark(source) != sourceWriteMark || copied != total) {
      indexes.deleteIndex(target);
      throw new SinkException(
          "The index "
              + source
              + " was written while it was being re-embedded (another writer without the writer"
              + " lease?), so the new index was dropped and searches still use "
              + source
              + "; stop that writer, then run zoomdex reembed again.",
          true,
          null);
    }
    if (fence != null) {
      fence.check();
    }
    indexes.putTemplate(model());
    indexes.swapAliasTo(target);
    log.info("The alias {} now points at {} ({})", settings.alias(), target, marker.model);
    clearMarkerOf(target);
    boolean kept = keepOldIndex;
    if (!keepOldIndex) {
      try {
        indexes.deleteIndex(source);
      } catch (IOException | OpenSearchFailure e) {
        log.warn(
            "Could not delete the old index {}; delete it by hand: {}", source, e.getMessage());
        kept = true;
      }
    }
    return new Outcome(source, target, copied, Optional.ofNullable(model()), kept);
  }

  /**
   * The half-built generation this run may continue, if any; every other half-built one (another
   * model, or built from a state of the old generation that has changed since) is deleted.
   */
  private Marker resumable(long sourceWriteMark) throws IOException {
    Marker found = null;
    for (String generation : indexes.generations()) {
      if (generation.equals(source)) {
        continue;
      }
      JsonNode recorded = indexes.mappingMeta(generation).path(MARKER);
      if (!recorded.isObject()) {
        continue; // A finished generation kept on purpose (--keep-old-index): not ours to delete.
      }
      Marker marker = Marker.of(generation, recorded);
      if (found == null
          && marker.source.equals(source)
          && marker.sourceWriteMark == sourceWriteMark
          && marker.model.equals(modelKey())) {
        found = marker;
      } else {
        log.info(
            "Deleting {}, a re-embed of {} with {} that did not finish",
            generation,
            marker.source,
            marker.model);
        indexes.deleteIndex(generation);
      }
    }
    return found;
  }

  /** Removes a progress marker left on a generation the alias already points at. */
  private void clearMarkerOf(String index) throws IOException {
    JsonNode meta = indexes.mappingMeta(index);
    if (meta.has(MARKER)) {
      ObjectNode cleared = meta.deepCopy();
      cleared.remove(MARKER);
      indexes.replaceMappingMeta(index, cleared);
    }
  }

  /** One page of stored sources after {@code after}, in id order, with their versions. */
  private List<JsonNode> page(String after, int size) throws IOException {
    ObjectNode search = connection.json().createObjectNode();
    search.put("size", size);
    search.put("version", true);
    search.putObject("query").putObject("match_all");
    search.putArray("sort").addObject().put(OpenSearchSchema.ID, "asc");
    if (after != null) {
      search.putArray("search_after").add(after);
    }
    search.putObject("_source").putArray("excludes").add(OpenSearchSchema.PASSAGES);
    OpenSearchConnection.Answer answer = connection.send("POST", "/" + source + "/_search", search);
    require(answer, "read the documents of " + source);
    List<JsonNode> hits = new ArrayList<>();
    answer.body().path("hits").path("hits").forEach(hits::add);
    return hits;
  }

  /** Embeds a page's documents on the pool and writes them, sources as stored plus passages. */
  private void copy(List<JsonNode> hits, BulkSender sender)
      throws EmbeddingException, InterruptedException, SinkException {
    List<CompletableFuture<DocumentPassages>> embedded = new ArrayList<>(hits.size());
    if (vectors != null) {
      for (JsonNode hit : hits) {
        Document document = OpenSearchSchema.toDocument(hit.path("_source"));
        embedded.add(vectors.submit(document));
      }
    }
    BulkBuffer buffer =
        new BulkBuffer(connection.json(), settings.bulkMaxActions(), settings.bulkMaxBytes());
    for (int i = 0; i < hits.size(); i++) {
      JsonNode hit = hits.get(i);
      ObjectNode stored = hit.path("_source").deepCopy();
      stored.remove(OpenSearchSchema.PASSAGES);
      if (vectors != null) {
        PassageFields.write(stored.putArray(OpenSearchSchema.PASSAGES), await(embedded.get(i)));
      }
      BulkBuffer.Item item = item(hit.path("_id").asText(), hit.path("_version").asLong(0), stored);
      if (buffer.wouldOverflow(item)) {
        sender.send(buffer.items());
        buffer.clear();
      }
      buffer.add(item);
    }
    if (!buffer.isEmpty()) {
      sender.send(buffer.items());
    }
  }

  private static List<io.zoomdex.passage.EmbeddedPassage> await(
      CompletableFuture<DocumentPassages> future) throws EmbeddingException, InterruptedException {
    try {
      return future.get().passages();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof EmbeddingException embedding) {
        throw embedding;
      }
      throw new EmbeddingException(
          "Embedding failed (" + e.getCause().getMessage() + "); check the embedding settings.",
          false,
          e.getCause());
    }
  }

  /** An index action keeping the document's version, so the lease's fencing carries across. */
  private BulkBuffer.Item item(String id, long version, ObjectNode source) {
    ObjectNode action = connection.json().createObjectNode();
    ObjectNode index = action.putObject("index").put("_id", id);
    if (version > 0) {
      index.put("version", version).put("version_type", "external_gte");
    }
    try {
      String lines =
          connection.json().writeValueAsString(action)
              + "\n"
              + connection.json().writeValueAsString(source)
              + "\n";
      return new BulkBuffer.Item(id, lines.getBytes(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Parsed JSON always serializes", e);
    }
  }

  /**
   * The sum of the highest sequence numbers of an index's primary shards: each grows with every
   * write and delete on its shard, so an unchanged sum means an unchanged index.
   */
  private long writeMark(String index) throws IOException {
    OpenSearchConnection.Answer answer =
        connection.send(
            "GET",
            "/" + index + "/_stats/docs",
            Map.of("level", "shards"),
            null,
            OpenSearchConnection.JSON);
    require(answer, "read the statistics of " + index);
    long sum = 0;
    for (JsonNode copies : answer.body().path("indices").path(index).path("shards")) {
      for (JsonNode copy : copies) {
        if (copy.path("routing").path("primary").asBoolean(false)) {
          // -1 for an empty shard, so that its first write still changes the sum.
          sum += copy.path("seq_no").path("max_seq_no").asLong(-1);
        }
      }
    }
    return sum;
  }

  private long count(String index) throws IOException {
    OpenSearchConnection.Answer answer = connection.send("GET", "/" + index + "/_count", null);
    require(answer, "count the documents in " + index);
    return answer.body().path("count").asLong();
  }

  private EmbeddingModelId model() {
    return vectors == null ? null : vectors.model();
  }

  /** The new model as recorded in the progress marker: {@code name/dimension}, or {@code none}. */
  private String modelKey() {
    EmbeddingModelId model = model();
    return model == null ? "none" : model.name() + "/" + model.dimension();
  }

  /** The whole {@code _meta} of the new generation: the template's, the model's, the progress. */
  private ObjectNode meta(Marker marker) {
    ObjectNode meta =
        OpenSearchSchema.indexTemplate(connection.json(), settings.alias(), model())
            .path("template")
            .path("mappings")
            .path("_meta")
            .deepCopy();
    meta.setAll(marker.toJson(connection.json()));
    return meta;
  }

  private static void require(OpenSearchConnection.Answer answer, String action) {
    OpenSearchIndexes.require(answer, action);
  }

  @Override
  public void close() throws IOException {
    if (ownsConnection) {
      connection.close();
    }
  }

  /**
   * A half-built generation's progress, kept in its mapping's {@code _meta} under {@link #MARKER}.
   *
   * @param index the generation being built ("" before it exists)
   * @param source the generation it is copied from
   * @param sourceWriteMark the source's write mark when the copy began
   * @param model the model it is built with ({@link #modelKey()})
   * @param after the last document id copied, or null before the first batch
   * @param copied how many documents were copied
   */
  private record Marker(
      String index, String source, long sourceWriteMark, String model, String after, long copied) {

    Marker(String source, long sourceWriteMark, String model, String after, long copied) {
      this("", source, sourceWriteMark, model, after, copied);
    }

    static Marker of(String index, JsonNode recorded) {
      JsonNode after = recorded.path("after");
      return new Marker(
          index,
          recorded.path("source").asText(""),
          recorded.path("source_write_mark").asLong(Long.MIN_VALUE),
          recorded.path("model").asText(""),
          after.isTextual() ? after.asText() : null,
          recorded.path("copied").asLong(0));
    }

    Marker advancedTo(String last, int documents) {
      return new Marker(index, source, sourceWriteMark, model, last, copied + documents);
    }

    /** The marker as the {@code _meta} entry to add. */
    ObjectNode toJson(com.fasterxml.jackson.databind.ObjectMapper json) {
      ObjectNode entry = json.createObjectNode();
      ObjectNode marker = entry.putObject(MARKER);
      marker.put("source", source);
      marker.put("source_write_mark", sourceWriteMark);
      marker.put("model", model);
      if (after == null) {
        marker.putNull("after");
      } else {
        marker.put("after", after);
      }
      marker.put("copied", copied);
      return entry;
    }
  }
}
