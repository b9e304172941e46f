package io.zoomdex.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class HashingEmbedderTest {

  private final HashingEmbedder embedder = new HashingEmbedder(256);

  @Test
  void vectorsAreUnitLength_deterministic_andNamedWithTheirDimension() {
    float[] a = embedder.embedQuery("Quarterly budget review");
    assertThat(Vectors.dot(a, a)).isCloseTo(1f, offset(1e-5f));
    assertThat(new HashingEmbedder(256).embedQuery("Quarterly budget review")).containsExactly(a);
    assertThat(embedder.model()).isEqualTo(new EmbeddingModelId("hashing-v1", 256));
  }

  @Test
  void sharedWords_scoreCloserThanNone() {
    List<float[]> passages =
        embedder.embedPassages(
            List.of("The budget meetings moved to March.", "Garden club planted tomatoes."));
    float[] query = embedder.embedQuery("budget meeting");
    assertThat(Vectors.dot(query, passages.get(0)))
        .isGreaterThan(Vectors.dot(query, passages.get(1)) + 0.2f);
  }

  @Test
  void emptyText_isTheZeroVector() {
    assertThat(embedder.embedQuery("  ")).containsOnly(0f);
  }
}
