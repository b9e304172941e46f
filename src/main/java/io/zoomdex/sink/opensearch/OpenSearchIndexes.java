package io.zoomdex.sink.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zoomdex.config.ConfigException;
import io.zoomdex.embed.EmbeddingModelId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The indices behind zoomdex's alias: the template that shapes them, the concrete {@code alias-N}
 * generations, and the atomic swap of the alias from one generation to the next (for a full rebuild
 * into a fresh index while searches keep using the old one).
 */
public final class OpenSearchIndexes {

  private final OpenSearchConnection connection;
  private final String alias;
  private final Pattern generationName;

  public OpenSearchIndexes(OpenSearchConnection connection, String alias) {
    this.connection = connection;
    this.alias = alias;
    this.generationName = Pattern.compile(Pattern.quote(alias) + "-(\\d+)");
  }

  /** The alias searches and writes go through. */
  public String alias() {
    return alias;
  }

  /**
   * Puts zoomdex's index template (creating or upgrading it), then makes sure the alias exists:
   * creates generation 1 behind it when absent, else adds any new mapping fields to the index
   * behind it, whose vector field keeps the HNSW parameters it was created with (a re-embed builds
   * a generation with the current ones). Safe to call on every start.
   *
   * @param model the embedding model whose vectors the index holds, or null for keyword search only
   * @throws ConfigException when the index holds another model's vectors, or none while {@code
   *     model} is given, or vectors while it is not (OpenSearch cannot add or change a vector field
   *     in place); or when the cluster has no k-NN plugin
   * @throws OpenSearchFailure when the cluster refuses (e.g. a mapping change that needs a rebuild)
   * @throws IOException when no node answered
   */
  public void ensureReady(EmbeddingModelId model) throws IOException {
    Optional<String> current = currentIndex();
    JsonNode existing = null;
    if (current.isPresent()) {
      existing = mappings(current.get());
      EmbeddingMeta.requireSame(
          current.get(), EmbeddingMeta.read(existing.path("_meta")), Optional.ofNullable(model));
    }
    putTemplate(model);
    if (current.isEmpty()) {
      createIndex(alias + "-1", true);
    } else {
      ObjectNode upgrade = OpenSearchSchema.mappings(connection.json(), alias, model);
      PassageFields.keepMethodOf(upgrade, existing);
      OpenSearchConnection.Answer mapping =
          connection.send("PUT", "/" + current.get() + "/_mapping", upgrade);
      requireVectorSupport(mapping, model);
      require(mapping, "upgrade the mapping of " + current.get());
    }
  }

  /** As {@link #ensureReady(EmbeddingModelId)} without vectors (keyword search only). */
  public void ensureReady() throws IOException {
    ensureReady(null);
  }

  /**
   * The embedding model recorded in an index's mapping, or empty when it holds no vectors.
   *
   * @throws IOException when no node answered
   */
  public Optional<EmbeddingModelId> recordedModel(String index) throws IOException {
    return EmbeddingMeta.read(mappingMeta(index));
  }

  /** An index's mappings, as {@code GET _mapping} reports them. */
  private JsonNode mappings(String index) throws IOException {
    OpenSearchConnection.Answer answer = connection.send("GET", "/" + index + "/_mapping", null);
    require(answer, "read the mapping of " + index);
    return answer.body().path(index).path("mappings");
  }

  /**
   * Turns the cluster's refusal of a vector field or setting into the one sentence an operator
   * needs: the cluster lacks the k-NN plugin.
   */
  private void requireVectorSupport(OpenSearchConnection.Answer answer, EmbeddingModelId model) {
    if (model != null && !answer.ok() && !answer.retryable() && mentionsKnn(answer.error())) {
      throw new ConfigException(
          "The OpenSearch cluster at "
              + connection.description()
              + " has no k-NN plugin (opensearch-knn), which semantic and hybrid search need;"
              + " install it on every node, or run with --embedding-model none for keyword search"
              + " only.");
    }
  }

  private static boolean mentionsKnn(String error) {
    String lower = error.toLowerCase(Locale.ROOT);
    // What a cluster without the plugin says of the field type and of the index setting.
    return lower.contains("no handler for type [knn_vector]")
        || lower.contains("unknown setting [index.knn]");
  }

  /**
   * The concrete index the alias points at, or empty when the alias does not exist.
   *
   * @throws IOException when no node answered
   */
  public Optional<String> currentIndex() throws IOException {
    OpenSearchConnection.Answer answer = connection.send("GET", "/_alias/" + alias, null);
    if (answer.status() == 404) {
      return Optional.empty();
    }
    require(answer, "read the alias " + alias);
    Iterator<String> names = answer.body().fieldNames();
    List<String> indices = new ArrayList<>();
    names.forEachRemaining(indices::add);
    if (indices.size() != 1) {
      throw new OpenSearchFailure(
          "The alias "
              + alias
              + " points at "
              + indices
              + ", not one index; point it at exactly one with the _aliases API.",
          false);
    }
    return Optional.of(indices.get(0));
  }

  /**
   * Creates the next generation ({@code alias-(N+1)}) from the template, empty and without the
   * alias, for a rebuild to fill before {@link #swapAliasTo(String)}.
   *
   * @return the new index's name
   * @throws IOException when no node answered
   */
  public String createNextGeneration() throws IOException {
    String next = nextGenerationName();
    createIndex(next, false);
    return next;
  }

  /**
   * The generations ({@code alias-N}) that exist, in or out of the alias, by ascending N.
   *
   * @throws IOException when no node answered
   */
  public List<String> generations() throws IOException {
    OpenSearchConnection.Answer answer =
        connection.send(
            "GET",
            "/_cat/indices/" + alias + "-*",
            Map.of("format", "json", "h", "index"),
            null,
            OpenSearchConnection.JSON);
    require(answer, "list the indices of " + alias);
    List<String> names = new ArrayList<>();
    for (JsonNode row : answer.body()) {
      String name = row.path("index").asText();
      if (generationName.matcher(name).matches()) {
        names.add(name);
      }
    }
    names.sort(Comparator.comparingInt(this::generationNumber));
    return names;
  }

  private String nextGenerationName() throws IOException {
    List<String> existing = generations();
    int highest = existing.isEmpty() ? 0 : generationNumber(existing.get(existing.size() - 1));
    return alias + "-" + (highest + 1);
  }

  private int generationNumber(String index) {
    Matcher matcher = generationName.matcher(index);
    return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
  }

  /**
   * Creates the next generation, empty and outside the alias, shaped for {@code model} whatever the
   * template says now: the template is first put for {@code model} (so the mapping of any index
   * created later agrees), and the body carries the same settings and mappings explicitly, with
   * {@code extraMeta} added to the mapping's {@code _meta}.
   *
   * @param model the embedding model of the new generation's vectors, or null for none
   * @return the new index's name
   * @throws ConfigException when the cluster has no k-NN plugin
   * @throws OpenSearchFailure when the cluster refuses
   * @throws IOException when no node answered
   */
  public String createNextGeneration(EmbeddingModelId model, ObjectNode extraMeta)
      throws IOException {
    putTemplate(model);
    String next = nextGenerationName();
    ObjectNode body =
        (ObjectNode)
            OpenSearchSchema.indexTemplate(connection.json(), alias, model).path("template");
    ((ObjectNode) body.path("mappings").path("_meta")).setAll(extraMeta);
    OpenSearchConnection.Answer answer = connection.send("PUT", "/" + next, body);
    requireVectorSupport(answer, model);
    require(answer, "create the index " + next);
    return next;
  }

  /**
   * Puts zoomdex's index template for {@code model} (null: no vectors), which shapes every
   * generation created afterwards; existing indices keep their mappings.
   *
   * @throws IOException when no node answered
   */
  public void putTemplate(EmbeddingModelId model) throws IOException {
    OpenSearchConnection.Answer template =
        connection.send(
            "PUT",
            "/_index_template/" + alias,
            OpenSearchSchema.indexTemplate(connection.json(), alias, model));
    requireVectorSupport(template, model);
    require(template, "put the index template " + alias);
  }

  /**
   * The {@code _meta} of an index's mapping (the embedding model, and whatever else was recorded).
   *
   * @throws IOException when no node answered
   */
  public JsonNode mappingMeta(String index) throws IOException {
    return mappings(index).path("_meta");
  }

  /**
   * Replaces the {@code _meta} of an index's mapping with {@code meta}.
   *
   * @throws IOException when no node answered
   */
  public void replaceMappingMeta(String index, ObjectNode meta) throws IOException {
    ObjectNode body = connection.json().createObjectNode();
    body.set("_meta", meta);
    require(
        connection.send("PUT", "/" + index + "/_mapping", body),
        "record progress in the mapping of " + index);
  }

  /**
   * Deletes one concrete index (never the alias); an index already gone is fine.
   *
   * @throws IOException when no node answered
   */
  public void deleteIndex(String index) throws IOException {
    OpenSearchConnection.Answer answer = connection.send("DELETE", "/" + index, null);
    if (answer.status() != 404) {
      require(answer, "delete the index " + index);
    }
  }

  /**
   * Moves the alias to {@code index} in one atomic {@code _aliases} call: searches see either the
   * old index or the new one, never neither nor both. The old index is kept (delete it once happy).
   *
   * @throws IOException when no node answered
   */
  public void swapAliasTo(String index) throws IOException {
    ObjectNode body = connection.json().createObjectNode();
    ArrayNode actions = body.putArray("actions");
    Optional<String> current = currentIndex();
    current.ifPresent(
        old -> actions.addObject().putObject("remove").put("index", old).put("alias", alias));
    actions
        .addObject()
        .putObject("add")
        .put("index", index)
        .put("alias", alias)
        .put("is_write_index", true);
    require(connection.send("POST", "/_aliases", body), "move the alias " + alias + " to " + index);
  }

  private void createIndex(String index, boolean withAlias) throws IOException {
    ObjectNode body = connection.json().createObjectNode();
    if (withAlias) {
      body.putObject("aliases").putObject(alias).put("is_write_index", true);
    }
    OpenSearchConnection.Answer answer = connection.send("PUT", "/" + index, body);
    if (answer.status() == 400 && answer.errorType().equals("resource_already_exists_exception")) {
      // Another zoomdex process created it between our look and our create.
      return;
    }
    require(answer, "create the index " + index);
  }

  static void require(OpenSearchConnection.Answer answer, String action) {
    if (!answer.ok()) {
      throw new OpenSearchFailure(
          "OpenSearch refused to " + action + " (" + answer.error() + ").", answer.retryable());
    }
  }
}
