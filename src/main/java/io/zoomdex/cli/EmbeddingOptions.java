package io.zoomdex.cli;

import io.zoomdex.config.ConfigException;
import io.zoomdex.config.EmbeddingFileSettings;
import io.zoomdex.embed.Embedder;
import io.zoomdex.embed.EmbedderSettings;
import io.zoomdex.embed.EmbeddingException;
import io.zoomdex.passage.PassageVectors;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Which embedding model builds and searches the index's passage vectors, as a picocli
 * {@code @Mixin} of {@link IndexOptions}. Flags win, then the environment ({@code
 * ZOOMDEX_EMBEDDING_MODEL}, {@code ZOOMDEX_EMBEDDING_URL}, {@code ZOOMDEX_EMBEDDING_API_KEY}), then
 * the {@code embedding.*} keys of the command's {@code --config} file ({@link #configFile(Path)}),
 * then the built-in default (the quantized all-MiniLM-L6-v2 in the jar; the test build sets the
 * system property {@code zoomdex.embedding.default} to {@code hashing} so tests that are not about
 * meaning stay fast). The model is loaded once per process, on first use, and closed with {@link
 * #close()}.
 */
public final class EmbeddingOptions implements AutoCloseable {

  static final String MODEL_ENV = "ZOOMDEX_EMBEDDING_MODEL";
  static final String URL_ENV = "ZOOMDEX_EMBEDDING_URL";
  static final String API_KEY_ENV = "ZOOMDEX_EMBEDDING_API_KEY";

  /** How many documents may wait for the embedding pool before the crawl waits for it. */
  private static final int MAX_PENDING_PER_THREAD = 64;

  @Option(
      names = "--embedding-model",
      paramLabel = "NAME",
      description =
          "The embedding model for semantic search: all-minilm-l6-v2-q (in the jar; the default),"
              + " hashing (no model: shared words only), onnx (--embedding-model-file), http"
              + " (--embedding-url, OpenAI-compatible) or none (keyword search only). Changing it"
              + " needs `zoomdex reembed`.")
  String model;

  @Option(
      names = "--embedding-model-file",
      paramLabel = "FILE",
      description = "For --embedding-model onnx: the sentence-embedding model (model.onnx).")
  Path modelFile;

  @Option(
      names = "--embedding-tokenizer-file",
      paramLabel = "FILE",
      description = "For --embedding-model onnx: its tokenizer.json.")
  Path tokenizerFile;

  @Option(
      names = "--embedding-model-name",
      paramLabel = "NAME",
      description =
          "For onnx and http: the model's name, recorded in the index (and sent to the endpoint).")
  String modelName;

  @Option(
      names = "--embedding-url",
      paramLabel = "URL",
      description =
          "For --embedding-model http: the API base, e.g. http://localhost:11434/v1; the key comes"
              + " from $ZOOMDEX_EMBEDDING_API_KEY.")
  String url;

  @Option(
      names = "--embedding-threads",
      paramLabel = "N",
      description = "Documents embedded at once (default: the cores, at most 4).")
  Integer threads;

  private Path configFile;
  private PassageVectors vectors;
  private boolean loaded;

  /**
   * The command's {@code --config} file, whose {@code embedding.*} keys count below the flags and
   * the environment; null for none.
   */
  public void configFile(Path file) {
    this.configFile = file;
  }

  /**
   * The settings these flags, the environment and the config file give.
   *
   * @throws ConfigException when the thread count is not positive, or the config file cannot be
   *     read or has a malformed or unknown embedding setting (naming its line)
   */
  public EmbedderSettings settings(Map<String, String> environment) {
    EmbeddingFileSettings file = EmbeddingFileSettings.read(configFile);
    Optional<EmbeddingFileSettings.FileValue> fileModel = file.get(EmbeddingFileSettings.MODEL);
    boolean modelFromFile =
        isBlank(model) && isBlank(environment.get(MODEL_ENV)) && fileModel.isPresent();
    if (modelFromFile && !EmbedderSettings.isKnownModel(fileModel.get().text())) {
      throw new ConfigException(
          "The setting "
              + fileModel.get().name()
              + " is '"
              + fileModel.get().text()
              + "' but must be "
              + EmbedderSettings.DEFAULT_MODEL
              + " (or another model zoomdex ships), hashing, onnx, http or none.");
    }
    String chosen =
        firstNonBlank(
            model,
            environment.get(MODEL_ENV),
            fileModel.map(EmbeddingFileSettings.FileValue::text).orElse(null),
            defaultModel());
    try {
      return new EmbedderSettings(
          chosen,
          modelFile != null ? modelFile : file.path(EmbeddingFileSettings.MODEL_FILE).orElse(null),
          tokenizerFile != null
              ? tokenizerFile
              : file.path(EmbeddingFileSettings.TOKENIZER_FILE).orElse(null),
          firstNonBlank(
              modelName,
              file.get(EmbeddingFileSettings.MODEL_NAME)
                  .map(EmbeddingFileSettings.FileValue::text)
                  .orElse(null),
              ""),
          firstNonBlank(url, environment.get(URL_ENV), file.url().orElse(null), ""),
          environment.getOrDefault(API_KEY_ENV, ""),
          threads != null ? threads : file.threads().orElseGet(EmbedderSettings::defaultThreads));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          e.getMessage().replace("Embedding threads", "--embedding-threads"), e);
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  /**
   * The embedding pipeline, loaded on first use; null when embeddings are switched off ({@code
   * none}).
   *
   * @throws ConfigException when the model cannot be loaded or reached (one sentence)
   */
  public synchronized PassageVectors vectors(Map<String, String> environment) {
    if (!loaded) {
      EmbedderSettings settings = settings(environment);
      if (!settings.disabled()) {
        try {
          Embedder embedder = settings.open();
          vectors =
              new PassageVectors(
                  embedder, settings.threads(), settings.threads() * MAX_PENDING_PER_THREAD);
        } catch (EmbeddingException e) {
          throw new ConfigException(e.getMessage(), e);
        }
      }
      loaded = true;
    }
    return vectors;
  }

  private static String defaultModel() {
    return System.getProperty("zoomdex.embedding.default", EmbedderSettings.DEFAULT_MODEL);
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return "";
  }

  /** Closes the model, if one was loaded. */
  @Override
  public synchronized void close() {
    if (vectors != null) {
      vectors.close();
      vectors = null;
    }
    loaded = false;
  }
}
