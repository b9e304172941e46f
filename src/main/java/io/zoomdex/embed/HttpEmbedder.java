package io.zoomdex.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OpenAI-compatible embeddings endpoint ({@code POST {base}/embeddings} with {@code model} and
 * {@code input}, answering {@code data[].embedding}): OpenAI itself, or a local server such as
 * Ollama, vLLM, LocalAI or text-embeddings-inference. Texts go in batches of {@link #BATCH}; the
 * vectors are L2-normalised here whatever the endpoint does. The API key is sent only in the {@code
 * Authorization} header and never appears in a message.
 */
public final class HttpEmbedder implements Embedder {

  /** Most texts sent in one request. */
  static final int BATCH = 64;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI endpoint;
  private final String modelName;
  private final String apiKey;
  private final HttpClient client;
  private final Duration timeout;
  private final EmbeddingModelId model;

  /**
   * Connects and asks for one vector to learn the dimension.
   *
   * @param baseUrl the API's base, e.g. {@code https://api.openai.com/v1}; {@code /embeddings} is
   *     appended
   * @param modelName the endpoint's model name, recorded in the index
   * @param apiKey sent as a bearer token; empty for none
   * @throws EmbeddingException when the endpoint cannot be reached or answers badly
   */
  public HttpEmbedder(String baseUrl, String modelName, String apiKey, Duration timeout)
      throws EmbeddingException {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    try {
      this.endpoint = URI.create(base + "/embeddings");
    } catch (IllegalArgumentException e) {
      throw new EmbeddingException(
          "The embeddings URL '" + baseUrl + "' is not a valid URL; give e.g. http://host:port/v1.",
          false,
          e);
    }
    if (endpoint.getScheme() == null || !endpoint.getScheme().startsWith("http")) {
      throw new EmbeddingException(
          "The embeddings URL '" + baseUrl + "' must start with http:// or https://.", false);
    }
    this.modelName = modelName;
    this.apiKey = apiKey == null ? "" : apiKey;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    int dimension = request(List.of("dimension")).get(0).length;
    this.model = new EmbeddingModelId(modelName, dimension);
  }

  @Override
  public EmbeddingModelId model() {
    return model;
  }

  @Override
  public List<float[]> embedPassages(List<String> texts) throws EmbeddingException {
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += BATCH) {
      List<float[]> batch = request(texts.subList(from, Math.min(texts.size(), from + BATCH)));
      for (float[] vector : batch) {
        if (vector.length != model.dimension()) {
          throw new EmbeddingException(
              "The embeddings endpoint changed its vector size from "
                  + model.dimension()
                  + " to "
                  + vector.length
                  + "; run zoomdex reembed after changing the model.",
              false);
        }
      }
      vectors.addAll(batch);
    }
    return vectors;
  }

  @Override
  public float[] embedQuery(String query) throws EmbeddingException {
    return embedPassages(List.of(query)).get(0);
  }

  private List<float[]> request(List<String> texts) throws EmbeddingException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("model", modelName);
    body.put("input", texts);
    HttpResponse<String> response;
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(endpoint)
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      if (!apiKey.isEmpty()) {
        request.header("Authorization", "Bearer " + apiKey);
      }
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new EmbeddingException(
          "The embeddings endpoint " + where() + " could not be reached; check the URL.", true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddingException("Interrupted while waiting for the embeddings endpoint.", true);
    }
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      throw new EmbeddingException(
          "The embeddings endpoint " + where() + " refused the API key (HTTP " + status + ").",
          false);
    }
    if (status != 200) {
      throw new EmbeddingException(
          "The embeddings endpoint " + where() + " answered HTTP " + status + "; try again later.",
          status == 429 || status >= 500);
    }
    try {
      JsonNode data = JSON.readTree(response.body()).path("data");
      float[][] vectors = new float[texts.size()][];
      for (int i = 0; i < data.size(); i++) {
        JsonNode item = data.get(i);
        int index = item.path("index").asInt(i);
        JsonNode values = item.path("embedding");
        float[] vector = new float[values.size()];
        for (int j = 0; j < vector.length; j++) {
          vector[j] = (float) values.get(j).asDouble();
        }
        if (index < 0 || index >= vectors.length || vector.length == 0) {
          throw new IOException("bad item " + i);
        }
        vectors[index] = Vectors.normalize(vector);
      }
      List<float[]> result = new ArrayList<>(texts.size());
      for (float[] vector : vectors) {
        if (vector == null) {
          throw new IOException("missing vectors");
        }
        result.add(vector);
      }
      return result;
    } catch (IOException | RuntimeException e) {
      throw new EmbeddingException(
          "The embeddings endpoint " + where() + " answered something that is not embeddings.",
          false,
          e);
    }
  }

  /** The endpoint without any user info or query, safe to show. */
  private String where() {
    return endpoint.getScheme()
        + "://"
        + endpoint.getHost()
        + ":"
        + endpoint.getPort()
        + endpoint.getPath();
  }
}
