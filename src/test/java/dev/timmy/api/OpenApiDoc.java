package dev.timmy.api;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The checked-in OpenAPI document as tests use it: its (method, path) pairs, and a check that a
 * response the server gave is documented (status) and has the documented shape (a small schema
 * walker: $ref, allOf, nullable, object properties and required, additionalProperties, arrays,
 * scalar types, string enums).
 */
final class OpenApiDoc {
  final JsonNode doc = StatusRoutes.openApi();

  Set<ApiServer.Route> routes() {
    Set<ApiServer.Route> out = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> p = doc.get("paths").fields(); p.hasNext(); ) {
      Map.Entry<String, JsonNode> path = p.next();
      for (Iterator<String> m = path.getValue().fieldNames(); m.hasNext(); ) {
        out.add(new ApiServer.Route(m.next().toUpperCase(), path.getKey()));
      }
    }
    return out;
  }

  /** The documented path template a concrete path matches, e.g. /api/cycles/7 → /api/cycles/{id}. */
  String template(String path) {
    for (Iterator<String> it = doc.get("paths").fieldNames(); it.hasNext(); ) {
      String t = it.next();
      if (Pattern.matches(t.replaceAll("\\{[^}]+}", "[^/]+"), path)) return t;
    }
    return null;
  }

  /** Fails unless {@code status} is documented for the operation and {@code body} has its schema. */
  void check(String method, String path, int status, String contentType, JsonNode body) {
    String t = template(path);
    if (t == null) fail(method + " " + path + " is not documented");
    JsonNode op = doc.get("paths").get(t).get(method.toLowerCase());
    if (op == null) {
      assertTrue(status == 405 || status == 404, method + " " + t + " is not documented, yet answered " + status);
      return;
    }
    JsonNode response = resolve(op.get("responses").get(String.valueOf(status)));
    if (response == null) fail(method + " " + t + " answered " + status + ", which is not documented: " + body);
    if (body == null || contentType == null || !contentType.startsWith("application/json")) return;
    JsonNode schema = response.path("content").path("application/json").path("schema");
    if (schema.isMissingNode()) fail(method + " " + t + " " + status + " answered JSON, documented without a JSON schema");
    List<String> problems = new ArrayList<>();
    validate(schema, body, "$", problems);
    if (!problems.isEmpty()) fail(method + " " + t + " " + status + " does not match openapi.yaml:\n" + String.join("\n", problems));
  }

  JsonNode resolve(JsonNode node) {
    while (node != null && node.has("$ref")) {
      String ref = node.get("$ref").asText();
      if (!ref.startsWith("#/")) throw new AssertionError("external $ref " + ref);
      node = doc.at(ref.substring(1));
      if (node.isMissingNode()) throw new AssertionError("$ref " + ref + " resolves to nothing");
    }
    return node;
  }

  private void validate(JsonNode schema, JsonNode value, String at, List<String> problems) {
    schema = resolve(schema);
    if (value == null || value.isNull()) {
      if (!schema.path("nullable").asBoolean(false)) problems.add(at + ": null where " + schema + " is not nullable");
      return;
    }
    if (schema.has("allOf")) {
      for (JsonNode part : schema.get("allOf")) validate(part, value, at, problems);
      return;
    }
    String type = schema.path("type").asText("");
    switch (type) {
      case "object" -> object(schema, value, at, problems);
      case "array" -> {
        if (!value.isArray()) problems.add(at + ": expected an array, found " + value.getNodeType());
        else for (int i = 0; i < value.size(); i++) validate(schema.path("items"), value.get(i), at + "[" + i + "]", problems);
      }
      case "string" -> {
        if (!value.isTextual()) problems.add(at + ": expected a string, found " + value);
        else if (schema.has("enum") && !contains(schema.get("enum"), value.asText())) {
          problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
      }
      case "integer" -> {
        if (!value.isIntegralNumber()) problems.add(at + ": expected an integer, found " + value);
      }
      case "number" -> {
        if (!value.isNumber()) problems.add(at + ": expected a number, found " + value);
      }
      case "boolean" -> {
        if (!value.isBoolean()) problems.add(at + ": expected a boolean, found " + value);
      }
      default -> { } // untyped: anything goes
    }
  }

  private void object(JsonNode schema, JsonNode value, String at, List<String> problems) {
    if (!value.isObject()) {
      problems.add(at + ": expected an object, found " + value.getNodeType());
      return;
    }
    JsonNode props = schema.path("properties");
    for (JsonNode r : schema.path("required")) {
      if (!value.has(r.asText())) problems.add(at + ": required property " + r.asText() + " is missing");
    }
    JsonNode extra = schema.get("additionalProperties");
    for (Iterator<Map.Entry<String, JsonNode>> f = value.fields(); f.hasNext(); ) {
      Map.Entry<String, JsonNode> e = f.next();
      if (props.has(e.getKey())) validate(props.get(e.getKey()), e.getValue(), at + "." + e.getKey(), problems);
      else if (extra != null && extra.isObject()) validate(extra, e.getValue(), at + "." + e.getKey(), problems);
      else if (extra != null && !extra.asBoolean(true)) problems.add(at + ": property " + e.getKey() + " is not documented");
    }
  }

  private static boolean contains(JsonNode values, String v) {
    for (JsonNode x : values) if (x.asText().equals(v)) return true;
    return false;
  }
}
