package io.zoomdex.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a webhook body against the request-body schema Zoom's webhook OpenAPI document gives for
 * its event: required properties present, types and enums respected (recursively). A small JSON
 * schema subset is enough: the documents use type, required, properties, items, enum and $ref.
 */
final class WebhookSchemaCheck {
  private final JsonNode document;

  WebhookSchemaCheck(Path document) throws IOException {
    this.document = new ObjectMapper().readTree(document.toFile());
  }

  boolean knows(String event) {
    return !document.path("webhooks").path(event).isMissingNode();
  }

  List<String> problems(String event, JsonNode body) {
    JsonNode schema =
        document
            .path("webhooks")
            .path(event)
            .path("post")
            .path("requestBody")
            .path("content")
            .path("application/json")
            .path("schema");
    List<String> problems = new ArrayList<>();
    check(schema, body, event, problems);
    return problems;
  }

  private JsonNode resolve(JsonNode schema) {
    JsonNode current = schema;
    while (current.has("$ref")) {
      JsonNode target = document.at(current.get("$ref").asText().substring(1));
      if (target.isMissingNode()) {
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
      }
      current = target;
    }
    return current;
  }

  private void check(JsonNode schemaNode, JsonNode value, String path, List<String> problems) {
    JsonNode schema = resolve(schemaNode);
    if (schema.isMissingNode()) {
      return;
    }
    String type = schema.path("type").asText("");
    boolean fits =
        switch (type) {
          case "object" -> value.isObject();
          case "array" -> value.isArray();
          case "string" -> value.isTextual();
          case "integer" -> value.isIntegralNumber();
          case "number" -> value.isNumber();
          case "boolean" -> value.isBoolean();
          default -> true;
        };
    if (!fits) {
      problems.add(path + ": expected " + type + ", got " + value.getNodeType());
      return;
    }
    if (schema.has("enum")) {
      boolean listed = false;
      for (JsonNode allowed : schema.get("enum")) {
        listed |= allowed.equals(value) || allowed.asText().equals(value.asText());
      }
      if (!listed) {
        problems.add(path + ": " + value + " not in " + schema.get("enum"));
      }
    }
    for (JsonNode required : schema.path("required")) {
      if (value.isObject() && !value.has(required.asText())) {
        problems.add(path + ": missing required " + required.asText());
      }
    }
    if (value.isObject()) {
      schema
          .path("properties")
          .fields()
          .forEachRemaining(
              p -> {
                if (value.has(p.getKey())) {
                  check(p.getValue(), value.get(p.getKey()), path + "." + p.getKey(), problems);
                }
              });
    }
    if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        check(schema.get("items"), value.get(i), path + "[" + i + "]", problems);
      }
    }
  }
}
