package dev.timmy.gitea;

import dev.timmy.observe.gitea.GiteaSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.act.ActionRefused;
import dev.timmy.act.gitea.GiteaTarget;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.Proposal;
import dev.timmy.decide.ProposalItem;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * every kind of request; every other test's requests are checked by its own
 * {@link GiteaTestServer} when it closes.
 */
class GiteaContractTest {
  static final Instant T = Instant.parse("2026-11-23T09:00:00Z");

  @Test
  void every_request_the_client_and_the_target_make_is_declared_by_the_gitea_spec() throws Exception {
    SwaggerSpec spec = SwaggerSpec.loadOrSkip();
    List<RecordedRequest> requests = scenario();
    List<String> problems = new ArrayList<>();
    Set<String> operations = new TreeSet<>();
    for (RecordedRequest r : requests) {
      if (r.getUrl() == null) continue;
      problems.addAll(GiteaContract.problems(spec, r, operations));
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
      for (RecordedRequest r : t.gitea.requests) problems.addAll(GiteaContract.problems(spec, r, new TreeSet<>()));
      assertTrue(problems.stream().anyMatch(p -> p.contains("query parameter sort is not declared")), problems.toString());
      assertTrue(problems.stream().anyMatch(p -> p.contains("state=opened: expected one of")), problems.toString());
      assertTrue(problems.stream().anyMatch(p -> p.contains("body.text: not a property")), problems.toString());
      assertTrue(problems.stream().anyMatch(p -> p.contains("required body field body is missing")), problems.toString());
      t.gitea.clear(); // these bad requests are not the client's own: the server's own check on close must not see them
    }
  }

  @Test
  void each_test_server_checks_its_own_requests_when_it_closes() throws Exception {
    SwaggerSpec.loadOrSkip();
    GiteaTestServer t = new GiteaTestServer();
    t.gitea.repo("alex/app").addIssue(1, "x", "alex", T, "bug");
    GiteaClient c = t.client(t.config(List.of("alex/app"), false));
    c.getAll(c.repoUrl("alex/app", "issues").newBuilder().addQueryParameter("sort", "newest").build(), GiteaWire.Issue.class);
    AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, t::close);
    assertTrue(e.getMessage().contains("query parameter sort is not declared"), e.getMessage());
    try (GiteaTestServer other = new GiteaTestServer()) {
      assertEquals(List.of(), other.gitea.requests, "a new server shares nothing with another");
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
}
