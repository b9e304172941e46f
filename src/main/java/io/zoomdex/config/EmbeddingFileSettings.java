package io.zoomdex.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The embedding settings a {@code --config} file gives (the {@code embedding.*} keys, the same
 * settings as the {@code --embedding-*} flags), each with where it was written so that a message
 * can name the file and line. Their form is checked when the file is read (a whole number, a URL, a
 * path); which model names exist is for the embedding options to say.
 *
 * @param values the keys the file sets (not blank), in {@link #KEYS} order
 */
public record EmbeddingFileSettings(Map<String, FileValue> values) {

  public static final String MODEL = "embedding.model";
  public static final String MODEL_FILE = "embedding.model_file";
  public static final String TOKENIZER_FILE = "embedding.tokenizer_file";
  public static final String MODEL_NAME = "embedding.model_name";
  public static final String URL = "embedding.url";
  public static final String THREADS = "embedding.threads";

  /** Every embedding key a config file may hold. */
  public static final List<String> KEYS =
      List.of(MODEL, MODEL_FILE, TOKENIZER_FILE, MODEL_NAME, URL, THREADS);

  /**
   * One setting as the file wrote it.
   *
   * @param text the value, stripped
   * @param name where it is, for messages: {@code embedding.threads in FILE, line 4}
   */
  public record FileValue(String text, String name) {}

  public EmbeddingFileSettings {
    values = Map.copyOf(values);
  }

  /** No config file: no settings. */
  public static EmbeddingFileSettings none() {
    return new EmbeddingFileSettings(Map.of());
  }

  /**
   * Reads the embedding settings of {@code configFile}, or none when it is null.
   *
   * @throws ConfigException naming the file and line when the file cannot be read, holds an unknown
   *     key, or an embedding setting is malformed (threads not a whole number of at least 1, a URL
   *     that is not http or https, a path that is not one)
   */
  public static EmbeddingFileSettings read(Path configFile) {
    if (configFile == null) {
      return none();
    }
    ConfigFile file = ZoomSettingsLoader.readCheckedFile(configFile);
    Map<String, FileValue> values = new LinkedHashMap<>();
    for (String key : KEYS) {
      String text = file.properties().getProperty(key);
      if (text != null && !text.isBlank()) {
        String name =
            key
                + " in "
                + configFile
                + file.lineOf(key).map(line -> ", line " + line + ",").orElse("");
        values.put(key, new FileValue(text.strip(), name));
      }
    }
    EmbeddingFileSettings settings = new EmbeddingFileSettings(values);
    settings.threads();
    settings.url();
    settings.path(MODEL_FILE);
    settings.path(TOKENIZER_FILE);
    return settings;
  }

  /** The value of {@code key}, when the file sets it. */
  public Optional<FileValue> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** {@code embedding.threads}, a whole number of at least 1. */
  public Optional<Integer> threads() {
    return get(THREADS)
        .map(
            value -> {
              try {
                int threads = Integer.parseInt(value.text());
                if (threads >= 1) {
                  return threads;
                }
              } catch (NumberFormatException e) {
                // reported below with the same sentence
              }
              throw new ConfigException(
                  "The setting "
                      + value.name()
                      + " is '"
                      + value.text()
                      + "' but must be a whole number of at least 1 (documents embedded at"
                      + " once).");
            });
  }

  /** {@code embedding.url}, an absolute http or https URL. */
  public Optional<String> url() {
    return get(URL)
        .map(
            value -> {
              String problem =
                  "The setting "
                      + value.name()
                      + " is '"
                      + value.text()
                      + "', which is not an http or https URL; give the embeddings API base such"
                      + " as http://localhost:11434/v1.";
              try {
                URI uri = new URI(value.text());
                String scheme =
                    uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                  return value.text();
                }
                throw new ConfigException(problem);
              } catch (URISyntaxException e) {
                throw new ConfigException(problem, e);
              }
            });
  }

  /** {@code embedding.model_file} or {@code embedding.tokenizer_file}, as a path. */
  public Optional<Path> path(String key) {
    return get(key)
        .map(
            value -> {
              try {
                return Path.of(value.text());
              } catch (InvalidPathException e) {
                throw new ConfigException(
                    "The setting "
                        + value.name()
                        + " is '"
                        + value.text()
                        + "', which is not a file path; give the path of the file.",
                    e);
              }
            });
  }
}
