package io.zoomdex.embed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Which embedder to use and how, as the operator configured it.
 *
 * @param model {@code none} (keyword search only, no vectors), {@code hashing} (no model: shared
 *     words only), a model zoomdex ships or knows ({@code all-minilm-l6-v2-q}, the default, or
 *     {@code minilm-q}, {@code minilm}, {@code bge-small-q}, {@code e5-small-q}), {@code onnx} (the
 *     files below) or {@code http} (an OpenAI-compatible endpoint)
 * @param modelFile for {@code onnx}: the model file
 * @param tokenizerFile for {@code onnx}: its {@code tokenizer.json}
 * @param modelName for {@code onnx} and {@code http}: the name recorded in the index and, for
 *     {@code http}, sent to the endpoint
 * @param url for {@code http}: the API base, e.g. {@code http://localhost:11434/v1}
 * @param apiKey for {@code http}: the bearer token, or empty; never printed
 * @param threads how many documents are embedded at once during a crawl or re-embed
 */
public record EmbedderSettings(
    String model,
    Path modelFile,
    Path tokenizerFile,
    String modelName,
    String url,
    String apiKey,
    int threads) {

  /** The model used when none is configured. */
  public static final String DEFAULT_MODEL = OnnxModel.ALL_MINILM_L6_V2_Q.modelName();

  /** Embedding threads when none are configured: the cores, at most 4. */
  public static int defaultThreads() {
    return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }

  public EmbedderSettings {
    model =
        model == null || model.isBlank() ? DEFAULT_MODEL : model.strip().toLowerCase(Locale.ROOT);
    modelName = modelName == null ? "" : modelName.strip();
    url = url == null ? "" : url.strip();
    apiKey = apiKey == null ? "" : apiKey;
    if (threads < 1) {
      throw new IllegalArgumentException(
          "Embedding threads must be at least 1, not " + threads + ".");
    }
  }

  /** The default: the model in the jar, {@link #defaultThreads()} threads. */
  public static EmbedderSettings defaults() {
    return named(DEFAULT_MODEL);
  }

  /** A model by name with default threads and no files or endpoint. */
  public static EmbedderSettings named(String model) {
    return new EmbedderSettings(model, null, null, "", "", "", defaultThreads());
  }

  /**
   * Whether {@code name} is a model this build can be configured with: none, hashing, onnx, http or
   * a model zoomdex knows by name (whether its files are in this build is checked on loading).
   */
  public static boolean isKnownModel(String name) {
    String model = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    return switch (model) {
      case "none", HashingEmbedder.NAME, "onnx", "http" -> true;
      default -> OnnxModel.byName(model) != null;
    };
  }

  /** Whether vectors are switched off (keyword search only). */
  public boolean disabled() {
    return model.equals("none");
  }

  /**
   * Loads the configured embedder.
   *
   * @return the embedder; never called when {@link #disabled()}
   * @throws EmbeddingException with one sentence naming the setting to fix
   */
  public Embedder open() throws EmbeddingException {
    switch (model) {
      case "none" -> throw new IllegalStateException("Embeddings are switched off.");
      case HashingEmbedder.NAME -> {
        return new HashingEmbedder(1024);
      }
      case "onnx" -> {
        if (modelFile == null || tokenizerFile == null || modelName.isEmpty()) {
          throw new EmbeddingException(
              "An ONNX embedding model needs --embedding-model-file, --embedding-tokenizer-file"
                  + " and --embedding-model-name.",
              false);
        }
        return OnnxEmbedder.fromFiles(modelName, modelFile, tokenizerFile, true);
      }
      case "http" -> {
        if (url.isEmpty() || modelName.isEmpty()) {
          throw new EmbeddingException(
              "An embeddings endpoint needs --embedding-url and --embedding-model-name.", false);
        }
        return new HttpEmbedder(url, modelName, apiKey, Duration.ofSeconds(30));
      }
      default -> {
        OnnxModel known = OnnxModel.byName(model);
        if (known == null) {
          throw new EmbeddingException(
              "Unknown embedding model '"
                  + model
                  + "'; use all-minilm-l6-v2-q, hashing, onnx, http or none.",
              false);
        }
        return OnnxEmbedder.load(known);
      }
    }
  }

  @Override
  public String toString() {
    return "EmbedderSettings[model="
        + model
        + ", modelName="
        + modelName
        + ", url="
        + url
        + ", apiKey="
        + (apiKey.isEmpty() ? "" : "***")
        + ", threads="
        + threads
        + "]";
  }
}
