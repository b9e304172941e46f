package io.zoomdex.sink.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zoomdex.document.Change;
import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import io.zoomdex.document.Readers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BulkBufferTest {

  private final ObjectMapper json = new ObjectMapper();

  private static Change upsert(String key, String body) {
    return new Change.Upsert(
        new Document(
            new DocumentId(DocumentType.PAST_MEETING, key),
            "Title",
            body,
            "Host@Example.com",
            null,
            0,
            "",
            Readers.of(List.of("a@example.com")),
            Map.of("uuid", key)));
  }

  @Test
  void render_upsertIsAnIndexActionAndItsSource_deleteIsOneLine() throws Exception {
    BulkBuffer buffer = new BulkBuffer(json, 10, 1 << 20);
    String[] upsert =
        new String(buffer.render(upsert("/a//b==", "x")).lines(), StandardCharsets.UTF_8)
            .split("\n");
    assertThat(upsert).hasSize(2);
    assertThat(json.readTree(upsert[0]).path("index").path("_id").asText())
        .isEqualTo("past_meeting:/a//b==");
    JsonNode source = json.readTree(upsert[1]);
    assertThat(source.path("readers").get(0).asText()).isEqualTo("a@example.com");
    assertThat(source.path("host").asText()).isEqualTo("host@example.com");
    assertThat(source.has("start_time")).isFalse();

    String delete =
        new String(
            buffer.render(new Change.Delete(new DocumentId(DocumentType.MEETING, "9"))).lines(),
            StandardCharsets.UTF_8);
    assertThat(delete).isEqualTo("{\"delete\":{\"_id\":\"meeting:9\"}}\n");
  }

  @Test
  void full_atTheCountBound() {
    BulkBuffer buffer = new BulkBuffer(json, 2, 1 << 20);
    buffer.add(buffer.render(upsert("1", "x")));
    assertThat(buffer.full()).isFalse();
    buffer.add(buffer.render(upsert("2", "x")));
    assertThat(buffer.full()).isTrue();
  }

  @Test
  void wouldOverflow_byBytes_butAnEmptyBufferAlwaysTakesOneItem() {
    BulkBuffer buffer = new BulkBuffer(json, 100, 2_000);
    BulkBuffer.Item big = buffer.render(upsert("big", "y".repeat(5_000)));
    assertThat(buffer.wouldOverflow(big)).as("alone it goes out by itself").isFalse();
    buffer.add(buffer.render(upsert("small", "x")));
    assertThat(buffer.wouldOverflow(big)).isTrue();
    assertThat(buffer.wouldOverflow(buffer.render(upsert("small2", "x")))).isFalse();
  }
}
