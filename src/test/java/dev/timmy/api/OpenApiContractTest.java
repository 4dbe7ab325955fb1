package dev.timmy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.service.ServeOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * openapi.yaml stays true: the routes Javalin registered are exactly the documented ones, every
 * reference resolves and every operation documents its answers. (Each answer the API tests get is
 * also checked against the document, in {@link Harness}.)
 */
class OpenApiContractTest {
  @TempDir static Path dir;
  static Harness h;
  final OpenApiDoc doc = new OpenApiDoc();

  @BeforeAll
  static void serve() throws Exception {
    h = Harness.start(Harness.demoConfig(dir.resolve("timmy.db"), Path.of("rules")), Harness.secrets(), ServeOptions.defaults());
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void the_routes_javalin_registered_are_exactly_the_documented_ones() {
    assertEquals(doc.routes(), h.service.api().routes());
    assertTrue(doc.routes().size() >= 15, doc.routes().toString());
  }

  @Test
  void every_reference_resolves_and_every_operation_documents_its_answers() {
    List<String> refs = new ArrayList<>();
    collectRefs(doc.doc, refs);
    assertTrue(refs.size() > 50);
    for (String ref : refs) assertFalse(doc.doc.at(ref.substring(1)).isMissingNode(), ref + " resolves");
    for (ApiServer.Route r : doc.routes()) {
      JsonNode op = doc.doc.get("paths").get(r.path()).get(r.method().toLowerCase());
      JsonNode responses = op.get("responses");
      assertTrue(responses != null && responses.size() > 0, r + " documents its responses");
      boolean success = false;
      // POST /mcp speaks JSON-RPC (the SDK's bodies, a bodiless 202): McpHttpTest checks it in its own terms.
      boolean jsonRpc = r.path().equals("/mcp");
      for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        success |= e.getKey().startsWith("2");
        JsonNode answer = doc.resolve(e.getValue());
        assertTrue(answer.has("description"), r + " " + e.getKey() + " has a description");
        if (jsonRpc) continue;
        assertTrue(answer.has("content"), r + " " + e.getKey() + " says what it answers");
        if (!e.getKey().startsWith("2")) {
          assertEquals("#/components/schemas/ApiError",
              answer.get("content").get("application/json").get("schema").get("$ref").asText(), r + " errors are ApiError");
        }
      }
      assertTrue(success, r + " documents a success");
      for (String segment : r.path().split("/")) {
        if (segment.startsWith("{")) {
          String name = segment.substring(1, segment.length() - 1);
          assertTrue(op.get("parameters").toString().contains("\"name\":\"" + name + "\""), r + " documents {" + name + "}");
        }
      }
    }
  }

  @Test
  void mutating_routes_but_the_webhook_require_the_admin_token_in_the_document_too() {
    for (ApiServer.Route r : doc.routes()) {
      JsonNode op = doc.doc.get("paths").get(r.path()).get(r.method().toLowerCase());
      if (r.method().equals("GET")) {
        assertTrue(op.path("security").isMissingNode(), r + " is open");
        continue;
      }
      if (r.path().equals("/mcp")) {
        // Reading tools and simulate share the route: the token is checked per tool call (a tool error, not a 401).
        assertTrue(op.path("security").isMissingNode(), r + " is open; its admin tool checks the token");
        continue;
      }
      assertTrue(op.get("responses").has("401"), r + " documents 401");
      if (!r.path().equals("/webhooks/gitea")) assertEquals("[{\"adminToken\":[]}]", op.get("security").toString(), r.toString());
    }
  }

  private static void collectRefs(JsonNode node, List<String> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        if (e.getKey().equals("$ref")) out.add(e.getValue().asText());
        else collectRefs(e.getValue(), out);
      });
    } else if (node.isArray()) {
      node.forEach(n -> collectRefs(n, out));
    }
  }
}
