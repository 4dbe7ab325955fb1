package dev.timmy.gitea;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import mockwebserver3.RecordedRequest;

/**
 * One request against the Gitea swagger spec: method and path template, query parameters (names,
 * enum values, integer types) and JSON body (properties of its *Option schema, types, required
 * fields). Used by {@link GiteaTestServer} on every request it served and by {@link GiteaContractTest}.
 */
final class GiteaContract {
  private GiteaContract() {}

  /** Problems of one request against the spec; adds the operation it matched to {@code used}. */
  static List<String> problems(SwaggerSpec spec, RecordedRequest r, Set<String> used) throws IOException {
    List<String> out = new ArrayList<>();
    String method = r.getMethod().toLowerCase();
    String path = r.getUrl().encodedPath();
    String what = r.getMethod() + " " + path;
    if (!path.startsWith(spec.basePath() + "/")) return List.of(what + ": not under " + spec.basePath());
    List<String> segments = r.getUrl().pathSegments().subList(2, r.getUrl().pathSegments().size());
    String template = null;
    int bestLiterals = -1;
    for (Iterator<String> it = spec.paths().fieldNames(); it.hasNext(); ) {
      String candidate = it.next();
      if (spec.operation(method, candidate).isMissingNode()) continue;
      int literals = matches(candidate, segments);
      if (literals > bestLiterals) {
        bestLiterals = literals;
        template = candidate;
      }
    }
    if (template == null) return List.of(what + ": no operation in the spec");
    JsonNode op = spec.operation(method, template);
    used.add(r.getMethod() + " " + template);
    JsonNode bodyParam = null;
    List<String> templateParts = List.of(template.substring(1).split("/"));
    for (JsonNode param : op.path("parameters")) {
      JsonNode p = spec.resolve(param);
      String name = p.path("name").asText();
      switch (p.path("in").asText()) {
        case "path" -> {
          int i = templateParts.indexOf("{" + name + "}");
          if (i >= 0 && p.path("type").asText().equals("integer") && !segments.get(i).matches("\\d+")) {
            out.add(what + ": path parameter " + name + " expected an integer, found " + segments.get(i));
          }
        }
        case "body" -> bodyParam = p;
        default -> { }
      }
    }
    for (String name : r.getUrl().queryParameterNames()) {
      JsonNode p = queryParam(spec, op, name);
      if (p == null) {
        out.add(what + ": query parameter " + name + " is not declared by " + op.path("operationId").asText());
        continue;
      }
      for (String value : r.getUrl().queryParameterValues(name)) {
        if (p.has("enum") && !p.get("enum").toString().contains("\"" + value + "\"")) {
          out.add(what + ": " + name + "=" + value + ": expected one of " + p.get("enum"));
        }
        if (p.path("type").asText().equals("integer") && (value == null || !value.matches("\\d+"))) {
          out.add(what + ": " + name + "=" + value + ": expected an integer");
        }
      }
    }
    boolean hasBody = r.getBody() != null && r.getBody().size() > 0;
    if (hasBody && bodyParam == null) out.add(what + ": sends a body the operation does not take");
    if (hasBody && bodyParam != null) {
      JsonNode body = Json.mapper().readTree(r.getBody().utf8());
      JsonNode schema = spec.resolve(bodyParam.path("schema"));
      out.addAll(spec.problems(body, schema, what + " body"));
      for (JsonNode req : schema.path("required")) {
        if (!body.has(req.asText())) out.add(what + ": required body field " + req.asText() + " is missing");
      }
    }
    return out;
  }

  private static JsonNode queryParam(SwaggerSpec spec, JsonNode op, String name) {
    for (JsonNode param : op.path("parameters")) {
      JsonNode p = spec.resolve(param);
      if (p.path("in").asText().equals("query") && p.path("name").asText().equals(name)) return p;
    }
    return null;
  }

  /**
   * Literal segments matched when {@code template} fits {@code segments}, else -1. A trailing
   * {@code {branch}} takes the rest of the path: Gitea routes branch names with slashes there.
   */
  static int matches(String template, List<String> segments) {
    String[] parts = template.substring(1).split("/");
    boolean greedyTail = parts[parts.length - 1].equals("{branch}");
    if (segments.size() != parts.length && !(greedyTail && segments.size() > parts.length)) return -1;
    int literals = 0;
    for (int i = 0; i < parts.length; i++) {
      boolean param = parts[i].startsWith("{") && parts[i].endsWith("}");
      if (param) {
        if (segments.get(i).isEmpty()) return -1;
      } else if (parts[i].equals(segments.get(i))) {
        literals++;
      } else {
        return -1;
      }
    }
    return literals;
  }
}
