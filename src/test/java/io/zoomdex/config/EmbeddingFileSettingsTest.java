package io.zoomdex.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmbeddingFileSettingsTest {
  @TempDir Path dir;

  private Path file(String text) throws Exception {
    Path path = dir.resolve("zoomdex.properties");
    Files.writeString(path, text);
    return path;
  }

  @Test
  void read_everyEmbeddingKey_withWhereItWasWritten() throws Exception {
    Path file =
        file(
            "zoom.plan = pro\n"
                + "embedding.model = onnx\n"
                + "embedding.model_file = /models/model.onnx\n"
                + "embedding.tokenizer_file = /models/tokenizer.json\n"
                + "embedding.model_name = my-model\n"
                + "embedding.url = http://127.0.0.1:11434/v1\n"
                + "embedding.threads = 3\n");

    EmbeddingFileSettings settings = EmbeddingFileSettings.read(file);

    assertThat(settings.get(EmbeddingFileSettings.MODEL).orElseThrow().text()).isEqualTo("onnx");
    assertThat(settings.get(EmbeddingFileSettings.MODEL).orElseThrow().name())
        .isEqualTo("embedding.model in " + file + ", line 2,");
    assertThat(settings.path(EmbeddingFileSettings.MODEL_FILE))
        .contains(Path.of("/models/model.onnx"));
    assertThat(settings.path(EmbeddingFileSettings.TOKENIZER_FILE))
        .contains(Path.of("/models/tokenizer.json"));
    assertThat(settings.get(EmbeddingFileSettings.MODEL_NAME).orElseThrow().text())
        .isEqualTo("my-model");
    assertThat(settings.url()).contains("http://127.0.0.1:11434/v1");
    assertThat(settings.threads()).contains(3);
  }

  @Test
  void read_noFileOrNoEmbeddingKeys_givesNothing() throws Exception {
    assertThat(EmbeddingFileSettings.read(null).values()).isEmpty();
    assertThat(EmbeddingFileSettings.read(file("zoom.plan = pro\nembedding.model =\n")).values())
        .isEmpty();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "embedding.threads | 0 | is '0' but must be a whole number of at least 1",
        "embedding.threads | many | is 'many' but must be a whole number of at least 1",
        "embedding.url | ftp://models.example/v1 | which is not an http or https URL",
        "embedding.url | localhost:11434 | which is not an http or https URL",
      })
  void read_malformedSetting_namesTheFileAndLine(String key, String value, String problem)
      throws Exception {
    Path file = file("# embeddings\n\n" + key + " = " + value + "\n");

    assertThatThrownBy(() -> EmbeddingFileSettings.read(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("The setting " + key + " in " + file + ", line 3, ")
        .hasMessageContaining(problem)
        .hasMessageEndingWith(".");
  }

  @Test
  void read_misspelledEmbeddingKey_isAnUnknownKeyOnItsLine() throws Exception {
    Path file = file("embedding.model = hashing\nembedding.thread = 2\n");

    assertThatThrownBy(() -> EmbeddingFileSettings.read(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(", line 2, has an unknown key 'embedding.thread'")
        .hasMessageContaining("embedding.threads");
  }

  @Test
  void zoomSettings_acceptAFileThatAlsoHoldsEmbeddingKeys() throws Exception {
    Path file =
        file(
            "zoom.account_id=a\nzoom.client_id=c\nzoom.client_secret=s\n"
                + "embedding.model=hashing\nembedding.threads=2\n");

    ZoomSettings settings =
        new ZoomSettingsLoader(Map.of())
            .load(new ZoomFlags(null, null, null, null, null, null, null, null, null, file));

    assertThat(settings.accountId()).isEqualTo("a");
  }
}
