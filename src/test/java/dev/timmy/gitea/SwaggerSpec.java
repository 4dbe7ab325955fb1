package dev.timmy.gitea;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Gitea's swagger 2.0 spec as the tests see it: response schemas of endpoints and a structural
 * check of JSON values against a schema. The spec is shared data, never copied into the repo: it
 * is found through {@code -Dtimmy.shared}, then {@code ../shared} next to the project, then
 * {@code /work/shared}; tests are skipped with a message when none holds it.
 */
public final class SwaggerSpec {
  static final String RELATIVE = "data/gitea-swagger/swagger.v1.json";
  private final JsonNode root;

  private SwaggerSpec(JsonNode root) {
    this.root = root;
  }

  /**
   * The spec, or the calling test is skipped saying where it was looked for; with
   * {@code -Dtimmy.requireSpec=true} (as {@code .ci/run} sets) a missing spec fails it instead.
   */
  public static SwaggerSpec loadOrSkip() {
    List<Path> tried = candidates();
    Path found = find(tried, Boolean.getBoolean("timmy.requireSpec"));
    try {
      return new SwaggerSpec(Json.mapper().readTree(found.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The spec when it is found (read once per JVM: it is large and never changes), else empty —
   * or, with {@code -Dtimmy.requireSpec=true}, a failure. For checks that run beside a test
   * rather than as one.
   */
  public static java.util.Optional<SwaggerSpec> ifPresent() {
    return Once.SPEC;
  }

  /** The spec read once, an immutable value (the holder idiom: loaded at first use). */
  private static final class Once {
    static final java.util.Optional<SwaggerSpec> SPEC = read();

    private static java.util.Optional<SwaggerSpec> read() {
      List<Path> tried = candidates();
      Path found = tried.stream().filter(Files::isRegularFile).findFirst().orElse(null);
      if (found == null) {
        if (Boolean.getBoolean("timmy.requireSpec")) find(tried, true);
        return java.util.Optional.empty();
      }
      try {
        return java.util.Optional.of(new SwaggerSpec(Json.mapper().readTree(found.toFile())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The first candidate that exists; none: a skip, or a failure when the spec is required. */
  static Path find(List<Path> tried, boolean required) {
    Path found = tried.stream().filter(Files::isRegularFile).findFirst().orElse(null);
    String missing = "Gitea swagger spec not found (looked in " + tried + "); set -Dtimmy.shared=DIR to the shared folder holding "
        + RELATIVE;
    if (found == null && required) throw new AssertionError(missing + " (required: -Dtimmy.requireSpec=true)");
    assumeTrue(found != null, missing);
    return found;
  }

  static List<Path> candidates() {
    List<Path> out = new ArrayList<>();
    String prop = System.getProperty("timmy.shared");
    if (prop != null && !prop.isBlank()) out.add(Path.of(prop).resolve(RELATIVE));
    Path project = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    if (project.getParent() != null) out.add(project.getParent().resolve("shared").resolve(RELATIVE));
    out.add(Path.of("/work/shared").resolve(RELATIVE));
    return out;
  }

  public String basePath() {
    return root.path("basePath").asText();
  }

  public JsonNode paths() {
    return root.path("paths");
  }

  /** The operation for a method and a path template, or a missing node. */
  public JsonNode operation(String method, String template) {
    return root.path("paths").path(template).path(method.toLowerCase());
  }

  /** The schema of an endpoint's response with {@code status}, $refs resolved at the top. */
  public JsonNode responseSchema(String method, String template, int status) {
    JsonNode op = operation(method, template);
    if (op.isMissingNode()) throw new AssertionError("no operation " + method + " " + template + " in the spec");
    JsonNode response = resolve(op.path("responses").path(String.valueOf(status)));
    if (response.isMissingNode()) throw new AssertionError("no " + status + " response for " + method + " " + template);
    return resolve(response.path("schema"));
  }

  public JsonNode definition(String name) {
    return root.path("definitions").path(name);
  }

  /** Follows {@code $ref} (to definitions, responses or parameters) until a concrete node. */
  public JsonNode resolve(JsonNode node) {
    while (node.has("$ref")) {
      String ref = node.get("$ref").asText();
      if (!ref.startsWith("#/")) throw new AssertionError("unsupported $ref " + ref);
      node = root.at(ref.substring(1));
    }
    return node;
  }

  /**
   * Every property of {@code value} the schema does not declare, and every value whose JSON type
   * differs from the declared one, each as {@code where.path: problem}.
   */
  public List<String> problems(JsonNode value, JsonNode schema, String where) {
    List<String> out = new ArrayList<>();
    check(value, resolve(schema), where, out);
    return out;
  }

  private void check(JsonNode value, JsonNode schema, String where, List<String> out) {
    if (value.isNull()) return;
    String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
    switch (type) {
      case "object" -> {
        if (!value.isObject()) {
          out.add(where + ": expected object, found " + value.getNodeType());
          return;
        }
        JsonNode props = schema.path("properties");
        if (props.isMissingNode()) return; // a free-form map
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> f = it.next();
          JsonNode p = props.path(f.getKey());
          if (p.isMissingNode()) out.add(where + "." + f.getKey() + ": not a property of the schema");
          else check(f.getValue(), resolve(p), where + "." + f.getKey(), out);
        }
      }
      case "array" -> {
        if (!value.isArray()) {
          out.add(where + ": expected array, found " + value.getNodeType());
          return;
        }
        for (int i = 0; i < value.size(); i++) check(value.get(i), resolve(schema.path("items")), where + "[" + i + "]", out);
      }
      case "string" -> {
        if (!value.isTextual()) out.add(where + ": expected string, found " + value.getNodeType());
        else if (schema.has("enum") && !contains(schema.get("enum"), value.asText())) {
          out.add(where + ": expected one of " + schema.get("enum") + ", found " + value.asText());
        }
      }
      case "integer" -> {
        if (!value.isIntegralNumber()) out.add(where + ": expected integer, found " + value.getNodeType());
      }
      case "number" -> {
        if (!value.isNumber()) out.add(where + ": expected number, found " + value.getNodeType());
      }
      case "boolean" -> {
        if (!value.isBoolean()) out.add(where + ": expected boolean, found " + value.getNodeType());
      }
      default -> { } // untyped: anything goes
    }
  }

  private static boolean contains(JsonNode array, String text) {
    for (JsonNode e : array) if (e.asText().equals(text)) return true;
    return false;
  }
}
