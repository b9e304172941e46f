package io.zoomdex.zoom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads Zoom's JSON answers into typed values; a body that is not the documented JSON becomes an
 * {@link ZoomExchange.UnreadableBody}, so the call is retried like a 5xx.
 */
final class ZoomReaders {
  private final ObjectMapper mapper;

  ZoomReaders(ObjectMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  /** A reader of a body that is one JSON object of {@code type}. */
  <T> Function<HttpResponse<byte[]>, T> object(Class<T> type) {
    return response -> value(readObject(response.body()), type, "the object has the wrong shape");
  }

  /**
   * {@code node} as a {@code type}.
   *
   * @throws ZoomExchange.UnreadableBody with {@code wrongShape} as the problem when it is not one
   */
  <T> T value(JsonNode node, Class<T> type, String wrongShape) {
    try {
      return mapper.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new ZoomExchange.UnreadableBody(wrongShape);
    }
  }

  /**
   * The body as a JSON object.
   *
   * @throws ZoomExchange.UnreadableBody when it is not valid JSON or not an object
   */
  JsonNode readObject(byte[] body) {
    try {
      JsonNode root = mapper.readTree(body);
      if (root == null || !root.isObject()) {
        throw new ZoomExchange.UnreadableBody("the body is not a JSON object");
      }
      return root;
    } catch (IOException e) {
      throw new ZoomExchange.UnreadableBody("the body is not valid JSON");
    }
  }
}
