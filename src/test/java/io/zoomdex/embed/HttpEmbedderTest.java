package io.zoomdex.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible embedder against a tiny fake endpoint on 127.0.0.1. */
class HttpEmbedderTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private HttpServer server;
  private final AtomicInteger status = new AtomicInteger(200);
  private final AtomicReference<String> authorization = new AtomicReference<>();
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/embeddings",
        exchange -> {
          requests.incrementAndGet();
          authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
          JsonNode body = JSON.readTree(exchange.getRequestBody());
          List<Object> data = new ArrayList<>();
          JsonNode input = body.get("input");
          // Answer in reverse order, with index, as the API allows: the client must reorder.
          for (int i = input.size() - 1; i >= 0; i--) {
            String text = input.get(i).asText();
            data.add(java.util.Map.of("index", i, "embedding", List.of(text.length(), 3.0, 4.0)));
          }
          byte[] answer =
              JSON.writeValueAsString(
                      java.util.Map.of("data", data, "model", body.get("model").asText()))
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status.get(), answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  @Test
  void embeds_inOrder_normalised_withTheKeyAsBearerToken() throws Exception {
    HttpEmbedder embedder =
        new HttpEmbedder(base(), "text-embedding-3-small", "sk-test", Duration.ofSeconds(5));
    assertThat(embedder.model()).isEqualTo(new EmbeddingModelId("text-embedding-3-small", 3));
    List<float[]> vectors = embedder.embedPassages(List.of("", "abc"));
    assertThat(vectors.get(0)).containsExactly(new float[] {0f, 0.6f, 0.8f}, offset(1e-6f));
    assertThat(vectors.get(1)[0]).isGreaterThan(vectors.get(0)[0]);
    assertThat(Vectors.dot(vectors.get(1), vectors.get(1))).isCloseTo(1f, offset(1e-5f));
    assertThat(authorization.get()).isEqualTo("Bearer sk-test");
  }

  @Test
  void manyTexts_goInBatches() throws Exception {
    HttpEmbedder embedder = new HttpEmbedder(base(), "m", "", Duration.ofSeconds(5));
    requests.set(0);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < HttpEmbedder.BATCH * 2 + 1; i++) {
      texts.add("t" + i);
    }
    assertThat(embedder.embedPassages(texts)).hasSize(texts.size());
    assertThat(requests.get()).isEqualTo(3);
    assertThat(authorization.get()).isNull();
  }

  @Test
  void refusedKey_andServerErrors_areOneSentence_withoutTheKey() throws Exception {
    HttpEmbedder embedder = new HttpEmbedder(base(), "m", "sk-secret", Duration.ofSeconds(5));
    status.set(401);
    assertThatThrownBy(() -> embedder.embedQuery("x"))
        .isInstanceOf(EmbeddingException.class)
        .hasMessageContaining("refused the API key")
        .satisfies(e -> assertThat(((EmbeddingException) e).retryable()).isFalse())
        .hasMessageNotContaining("sk-secret");
    status.set(503);
    assertThatThrownBy(() -> embedder.embedQuery("x"))
        .isInstanceOf(EmbeddingException.class)
        .satisfies(e -> assertThat(((EmbeddingException) e).retryable()).isTrue());
  }

  @Test
  void unreachableEndpoint_isRetryable() {
    server.stop(0);
    assertThatThrownBy(() -> new HttpEmbedder(base(), "m", "", Duration.ofSeconds(2)))
        .isInstanceOf(EmbeddingException.class)
        .hasMessageContaining("could not be reached")
        .satisfies(e -> assertThat(((EmbeddingException) e).retryable()).isTrue());
  }
}
