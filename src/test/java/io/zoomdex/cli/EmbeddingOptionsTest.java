package io.zoomdex.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zoomdex.config.ConfigException;
import io.zoomdex.embed.EmbedderSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The embedding settings from flags, the environment and the --config file, in that order. */
class EmbeddingOptionsTest {
  @TempDir Path dir;

  private static EmbeddingOptions parsed(Path config, String... flags) {
    EmbeddingOptions options = new EmbeddingOptions();
    new CommandLine(options).parseArgs(flags);
    options.configFile(config);
    return options;
  }

  private Path config(String text) throws Exception {
    Path file = dir.resolve("zoomdex.properties");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void configFile_givesEverySettingTheFlagsGive() throws Exception {
    Path file =
        config(
            "embedding.model = http\nembedding.model_name = nomic-embed-text\n"
                + "embedding.url = http://127.0.0.1:11434/v1\nembedding.threads = 3\n"
                + "embedding.model_file = m.onnx\nembedding.tokenizer_file = t.json\n");

    EmbedderSettings settings = parsed(file).settings(Map.of());

    assertThat(settings.model()).isEqualTo("http");
    assertThat(settings.modelName()).isEqualTo("nomic-embed-text");
    assertThat(settings.url()).isEqualTo("http://127.0.0.1:11434/v1");
    assertThat(settings.threads()).isEqualTo(3);
    assertThat(settings.modelFile()).isEqualTo(Path.of("m.onnx"));
    assertThat(settings.tokenizerFile()).isEqualTo(Path.of("t.json"));
  }

  @Test
  void flagsBeatTheEnvironmentWhichBeatsTheFile() throws Exception {
    Path file =
        config(
            "embedding.model = hashing\nembedding.threads = 3\n"
                + "embedding.url = http://127.0.0.1:1/v1\nembedding.model_name = from-file\n");
    Map<String, String> env =
        Map.of(EmbeddingOptions.MODEL_ENV, "none", EmbeddingOptions.URL_ENV, "http://env:2/v1");

    EmbedderSettings fromEnv = parsed(file).settings(env);
    EmbedderSettings fromFlags =
        parsed(
                file,
                "--embedding-model",
                "http",
                "--embedding-threads",
                "2",
                "--embedding-url",
                "http://flag:3/v1",
                "--embedding-model-name",
                "from-flag")
            .settings(env);

    assertThat(fromEnv.model()).isEqualTo("none");
    assertThat(fromEnv.url()).isEqualTo("http://env:2/v1");
    assertThat(fromEnv.threads()).isEqualTo(3);
    assertThat(fromEnv.modelName()).isEqualTo("from-file");
    assertThat(fromFlags.model()).isEqualTo("http");
    assertThat(fromFlags.url()).isEqualTo("http://flag:3/v1");
    assertThat(fromFlags.threads()).isEqualTo(2);
    assertThat(fromFlags.modelName()).isEqualTo("from-flag");
  }

  @Test
  void unknownModelInTheFile_namesItsLine_unlessAFlagOverridesIt() throws Exception {
    Path file = config("# the model\nembedding.model = minilm-xl\n");

    assertThatThrownBy(() -> parsed(file).settings(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "The setting embedding.model in "
                + file
                + ", line 2, is 'minilm-xl' but must be all-minilm-l6-v2-q (or another model"
                + " zoomdex ships), hashing, onnx, http or none.");
    assertThat(parsed(file, "--embedding-model", "hashing").settings(Map.of()).model())
        .isEqualTo("hashing");
  }
}
