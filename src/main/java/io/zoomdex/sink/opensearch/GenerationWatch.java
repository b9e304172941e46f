package io.zoomdex.sink.opensearch;

import io.zoomdex.embed.EmbeddingModelId;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a long-lived search service's query vectors may be compared with those of the generation
 * behind its alias. A re-embed moves the alias to a generation of another model (or of none) while
 * a {@code serve} runs; that generation's vectors, same field and maybe same dimension, would
 * silently rank by nonsense against queries of the service's model.
 *
 * <p>The generation a search ran on comes with its hits ({@code _index}), so noticing a swap costs
 * no request; resolving the alias every few seconds instead would cost a request per period and
 * still leave a window in which two models' vectors are compared. Only a search without any hit, or
 * one the cluster refused, asks the alias ({@code GET _alias}). Each generation's recorded model is
 * read once and kept; a generation of another model gets one warning.
 */
final class GenerationWatch {
  private static final Logger log = LoggerFactory.getLogger(GenerationWatch.class);

  private final OpenSearchIndexes indexes;
  private final EmbeddingModelId model;
  private final Map<String, Boolean> usable = new ConcurrentHashMap<>();

  /** The generation searches last ran on; null until known. */
  private volatile String current;

  /**
   * @param model the model the service embeds queries with
   */
  GenerationWatch(OpenSearchIndexes indexes, EmbeddingModelId model) {
    this.indexes = indexes;
    this.model = model;
  }

  /** Starts from {@code index}, already checked to hold vectors of the model or not. */
  GenerationWatch knownAs(String index, boolean vectorsUsable) {
    usable.put(index, vectorsUsable);
    current = index;
    return this;
  }

  /**
   * Whether the generation searches last ran on holds vectors of the model (true while unknown: a
   * vector search's hits then tell, see {@link #usable(Collection)}).
   */
  boolean currentUsable() {
    String index = current;
    return index == null || Boolean.TRUE.equals(usable.get(index));
  }

  /**
   * Whether every generation in {@code answered} (those a search's hits came from) holds vectors of
   * the model; the alias says which generation when there is none. Remembers a new generation.
   *
   * @throws IOException when no node answered
   */
  boolean usable(Collection<String> answered) throws IOException {
    if (answered.isEmpty()) {
      Optional<String> behind = indexes.currentIndex();
      return behind.isEmpty() || usable(behind.get());
    }
    boolean all = true;
    for (String index : answered) {
      all &= usable(index);
    }
    return all;
  }

  /**
   * Whether the alias now points at another generation than the one searches last ran on (asks the
   * alias; for a search the cluster refused, e.g. a k-NN query on a generation without vectors).
   *
   * @throws IOException when no node answered
   */
  boolean moved() throws IOException {
    String before = current;
    Optional<String> behind = indexes.currentIndex();
    if (behind.isEmpty() || behind.get().equals(before)) {
      return false;
    }
    usable(behind.get());
    return true;
  }

  /** Notes the generations a search (of any mode) ran on, so a swap back is noticed too. */
  void saw(Collection<String> answered) throws IOException {
    for (String index : answered) {
      usable(index);
    }
  }

  private boolean usable(String index) throws IOException {
    Boolean known = usable.get(index);
    if (known == null) {
      known = lookUp(index);
    }
    current = index;
    return known;
  }

  /** Reads a generation's recorded model once, warning once when it is not the service's. */
  private synchronized boolean lookUp(String index) throws IOException {
    Boolean known = usable.get(index);
    if (known != null) {
      return known;
    }
    Optional<EmbeddingModelId> recorded = indexes.recordedModel(index);
    boolean same = recorded.equals(Optional.of(model));
    if (same) {
      // Said only of a generation the alias moved to, not of the first one a service learns.
      if (current != null) {
        log.info("The OpenSearch alias {} now points at {} ({})", indexes.alias(), index, model);
      }
    } else if (recorded.isPresent()) {
      log.warn(
          "The OpenSearch alias {} now points at {}, which holds vectors of {}, while queries are"
              + " embedded with {}: semantic and hybrid searches rank by keywords only. Restart"
              + " serve with --embedding-model set to {} to search by meaning again.",
          indexes.alias(),
          index,
          recorded.get(),
          model,
          recorded.get().name());
    } else {
      log.warn(
          "The OpenSearch alias {} now points at {}, which holds no vectors, while queries are"
              + " embedded with {}: semantic and hybrid searches rank by keywords only. Run zoomdex"
              + " reembed --index opensearch with {} to search by meaning again, or restart serve"
              + " with --embedding-model none.",
          indexes.alias(),
          index,
          model,
          model.name());
    }
    usable.put(index, same);
    return same;
  }
}
