package io.zoomdex.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxEmbedderTest {

  private static OnnxEmbedder minilm;

  @BeforeAll
  static void loadTheModelShippedInTheJar() throws EmbeddingException {
    minilm = OnnxEmbedder.load(OnnxModel.ALL_MINILM_L6_V2_Q);
  }

  @AfterAll
  static void close() {
    minilm.close();
  }

  @Test
  void modelFromTheJar_hasItsNameAndDimension_andUnitVectors() throws EmbeddingException {
    assertThat(minilm.model()).isEqualTo(new EmbeddingModelId("all-minilm-l6-v2-q", 384));
    float[] vector = minilm.embedQuery("quarterly revenue review");
    assertThat(vector).hasSize(384);
    assertThat(Vectors.dot(vector, vector))
        .isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
  }

  @Test
  void paraphrases_scoreCloserThanUnrelatedSentences() throws EmbeddingException {
    float[] question = minilm.embedQuery("When is the old payments endpoint being retired?");
    List<float[]> passages =
        minilm.embedPassages(
            List.of(
                "We'll sunset the legacy billing API in March.",
                "The office kitchen gets a new coffee machine next week.",
                "Marketing wants brighter colours for the spring campaign."));
    float related = Vectors.dot(question, passages.get(0));
    assertThat(related).isGreaterThan(Vectors.dot(question, passages.get(1)) + 0.1f);
    assertThat(related).isGreaterThan(Vectors.dot(question, passages.get(2)) + 0.1f);
  }

  @Test
  void sameText_givesTheSameVector_inAnyBatch() throws EmbeddingException {
    List<float[]> batch = minilm.embedPassages(List.of("alpha beta", "hiring plan for Q3"));
    assertThat(minilm.embedPassages(List.of("hiring plan for Q3")).get(0))
        .containsExactly(batch.get(1), org.assertj.core.data.Offset.offset(1e-5f));
  }

  @Test
  void missingModelFiles_areOneSentence(@TempDir Path dir) {
    assertThatThrownBy(
            () ->
                OnnxEmbedder.fromFiles(
                    "mine", dir.resolve("model.onnx"), dir.resolve("tokenizer.json"), true))
        .isInstanceOf(EmbeddingException.class)
        .hasMessageContaining("model.onnx")
        .hasMessageContaining("does not exist");
  }

  @Test
  void operatorModelFromDisk_loadsAndLearnsItsDimension(@TempDir Path dir) throws Exception {
    Path onnx = dir.resolve("model.onnx");
    Path tokenizer = dir.resolve("tokenizer.json");
    try (var in = OnnxModel.class.getResourceAsStream("/all-minilm-l6-v2-q.onnx")) {
      java.nio.file.Files.copy(in, onnx);
    }
    try (var in = OnnxModel.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
      java.nio.file.Files.copy(in, tokenizer);
    }
    try (OnnxEmbedder own = OnnxEmbedder.fromFiles("my-minilm", onnx, tokenizer, true)) {
      assertThat(own.model()).isEqualTo(new EmbeddingModelId("my-minilm", 384));
      assertThat(own.embedQuery("budget"))
          .containsExactly(minilm.embedQuery("budget"), org.assertj.core.data.Offset.offset(1e-5f));
    }
  }
}
