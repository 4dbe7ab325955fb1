package dev.timmy.gitea;

import dev.timmy.observe.gitea.GiteaSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.Json;
import dev.timmy.act.ActionRefused;
import dev.timmy.act.gitea.GiteaTarget;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.Proposal;
import dev.timmy.decide.ProposalItem;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * Every request the Gitea client and target make is one the Gitea 1.25 spec declares: method and
 * path template, query parameters (names, enum values, integer types) and JSON body (properties
 * of its *Option schema, types, required fields). The requests come from a scenario that makes
 * every kind of request, plus whatever the other Gitea tests in this JVM recorded.
 */
class GiteaContractTest {
  static final Instant T = Instant.parse("2026-11-23T09:00:00Z");

  @Test
  void every_request_the_client_and_the_target_make_is_declared_by_the_gitea_spec() throws Exception {
    SwaggerSpec spec = SwaggerSpec.loadOrSkip();
    List<RecordedRequest> requests = new ArrayList<>(scenario());
    requests.addAll(GiteaTestServer.SEEN);
    List<String> problems = new ArrayList<>();
    Set<String> operations = new TreeSet<>();
    for (RecordedRequest r : requests) {
      if (r.getUrl() == null) continue;
      problems.addAll(check(spec, r, operations));
    }
    assertEquals(List.of(), problems.stream().distinct().toList());
    System.out.println("Gitea contract: " + requests.size() + " requests, operations used: " + operations);
    assertTrue(operations.size() >= 17, "the scenario should use every operation, used " + operations);
  }

  @Test
  void the_contract_check_rejects_an_undeclared_query_parameter_and_body_field() throws Exception {
    SwaggerSpec spec = SwaggerSpec.loadOrSkip();
    try (GiteaTestServer t = new GiteaTestServer()) {
      t.gitea.repo("alex/app").addIssue(1, "x", "alex", T, "bug");
      GiteaClient c = t.client(t.config(List.of("alex/app"), false));
      HttpUrl bad = c.repoUrl("alex/app", "issues").newBuilder().addQueryParameter("sort", "newest")
          .addQueryParameter("state", "opened").build();
      c.getAll(bad, GiteaWire.Issue.class);
      try {
        c.send("POST", c.repoUrl("alex/app", "issues", 1, "comments"), Map.of("text", "hi"), null);
      } catch (IOException fakeAnswered) {
        // the fake may answer anything; only the request matters here
      }
      List<String> problems = new ArrayList<>();
      for (RecordedRequest r : t.gitea.requests) problems.addAll(check(spec, r, new TreeSet<>()));
      assertTrue(problems.stream().anyMatch(p -> p.contains("query parameter sort is not declared")), problems.toString());
      assertTrue(problems.stream().anyMatch(p -> p.contains("state=opened: expected one of")), problems.toString());
      assertTrue(problems.stream().anyMatch(p -> p.contains("body.text: not a property")), problems.toString());
      assertTrue(problems.stream().anyMatch(p -> p.contains("required body field body is missing")), problems.toString());
      t.gitea.clear(); // these bad requests are not the client's own: keep them out of the shared record
    }
  }

  /** Source cycles (full with the agent history, then incremental with changes) and every target action, recorded. */
  static List<RecordedRequest> scenario() throws IOException {
    try (GiteaTestServer t = new GiteaTestServer()) {
      t.gitea.now = T;
      FakeRepo repo = t.gitea.repo("alex/app");
      repo.addIssue(1, "bug", "mara", T.minus(Duration.ofDays(2)), "bug");
      repo.addIssue(2, "feature", "alex", T.minus(Duration.ofDays(2)), "feature");
      repo.label("p1");
      repo.addPull(10, "green", "kimi-code", T.minus(Duration.ofHours(5)), "aaa", "success");
      repo.addPull(11, "pending", "kimi-code", T.minus(Duration.ofHours(5)), "bbb", "pending");
      repo.addPull(12, "merged", "kimi-code", T.minus(Duration.ofHours(9)), "ccc", "success");
      repo.pulls.get(12).put("state", "closed").put("merged", true);
      repo.addReview(10, "claude-code", "APPROVED", T.minus(Duration.ofHours(4)));
      repo.addComment(1, "kimi-code", T.minus(Duration.ofDays(1)), "on it");
      TestClock clock = new TestClock(T);
      GiteaClient client = t.client(t.config(List.of("alex/app"), true));
      // With an agent window, so the history reads (closed issues, closed pulls, their details) are checked too.
      GiteaSource source = new GiteaSource(client, List.of("alex/app"), Duration.ofHours(1), clock, Duration.ofDays(14),
          Duration.ofMinutes(30));
      source.read();
      t.gitea.now = T.plusSeconds(60);
      clock.advance(Duration.ofSeconds(60));
      repo.pulls.get(10).with("head").put("sha", "aaa2");
      repo.pulls.get(10).put("updated_at", t.gitea.now.toString());
      repo.setStatus("aaa2", "success", "ci/build");
      source.read();

      GiteaTarget target = new GiteaTarget(client);
      run(target, ActionKind.ADD_LABEL, "alex/app#1", Map.of("label", "p1"));
      run(target, ActionKind.ADD_LABEL, "alex/app#1", Map.of("label", "stale"));
      run(target, ActionKind.REMOVE_LABEL, "alex/app#1", Map.of("label", "bug"));
      run(target, ActionKind.COMMENT, "alex/app#1", Map.of("body", "hello", "topic", "x"));
      run(target, ActionKind.ASSIGN, "alex/app#2", Map.of("login", "kimi-code"));
      run(target, ActionKind.UNASSIGN, "alex/app#2", Map.of("login", "kimi-code"));
      run(target, ActionKind.CLOSE, "alex/app#2", Map.of("body", "closing"));
      run(target, ActionKind.MERGE, "alex/app#10", Map.of("sha", "aaa2"));
      run(target, ActionKind.CREATE_ISSUE, "alex/app", Map.of("title", "Escalation", "body", "decide"));
      run(target, ActionKind.DELETE_BRANCH, "alex/app", Map.of("branch", "feature/12"));
      return List.copyOf(t.gitea.requests);
    }
  }

  static void run(GiteaTarget target, ActionKind kind, String subject, Map<String, String> params) throws IOException {
    Proposal p = new Proposal(kind, subject, params, "contract");
    ProposalItem item = new ProposalItem(p.key(), kind, subject, params, "C", "c", "contract", List.of(), List.of());
    try {
      if (!target.alreadyDone(item)) target.perform(item);
    } catch (ActionRefused refused) {
      throw new AssertionError("the contract scenario should not be refused: " + refused.getMessage(), refused);
    }
  }

  /** Problems of one request against the spec; adds the operation it matched to {@code used}. */
  static List<String> check(SwaggerSpec spec, RecordedRequest r, Set<String> used) throws IOException {
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
