package dev.timmy.service;

import dev.timmy.act.ActionCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.api.Harness;
import dev.timmy.config.Secrets;
import dev.timmy.config.TimmyConfig;
import dev.timmy.decide.ActionKind;
import dev.timmy.journal.ActionRow;
import dev.timmy.journal.ActionStatus;
import dev.timmy.act.Mode;
import dev.timmy.gitea.FakeRepo;
import dev.timmy.gitea.GiteaTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile rule book, live: the real rules without authority.drl, plus a file that proposes
 * every forbidden thing, run through the real service against the fake Gitea and a temporary file
 * tree. The Java guard alone must refuse each, journal why, and send no forbidden request.
 */
class HostileRuleBookTest {
  static final Instant T = Instant.parse("2026-11-23T09:00:00Z");
  @TempDir Path dir;

  /** kind, subject and parameters of each forbidden proposal, by the hostile rule's id. */
  private Map<String, String[]> forbidden(Path outside) {
    Map<String, String[]> f = new TreeMap<>();
    f.put("H-01", new String[] {"CLOSE", "alex/app#1", "body", "strategy is not Timmy's"});
    f.put("H-02", new String[] {"CLOSE", "alex/app#2", "body", "held by label"});
    f.put("H-03", new String[] {"CLOSE", "ALEX/App#002", "body", "held, by an alias"});
    f.put("H-04", new String[] {"ADD_LABEL", "alex/app#3", "label", "p1"});
    f.put("H-05", new String[] {"MERGE", "alex/app#10", "sha", "aaa"});
    f.put("H-06", new String[] {"MERGE", "alex/app#11", "sha", "bbb"});
    f.put("H-07", new String[] {"MERGE", "alex/app#12", "sha", "ccc"});
    f.put("H-08", new String[] {"MERGE", "alex/app#13", "sha", "ddd"});
    f.put("H-09", new String[] {"DELETE_BRANCH", "alex/app#10", "branch", "feature/10"});
    f.put("H-10", new String[] {"DELETE_BRANCH", "alex/app#4", "branch", "../../../other/victim"});
    f.put("H-11", new String[] {"COMMENT", "alex/other#1", "body", "hello from Timmy"});
    f.put("H-12", new String[] {"CREATE_ISSUE", "alex/app#4", "repo", "alex/other", "title", "Foreign", "body", "x"});
    f.put("H-13", new String[] {"ADD_LABEL", "alex/other#1", "label", "p1"});
    f.put("H-14", new String[] {"ASSIGN", "alex/app#4", "login", "../../admin"});
    f.put("H-15", new String[] {"CLOSE", "alex/app#999", "body", "never seen"});
    f.put("H-16", new String[] {"DELETE_FILE", "file:" + outside, "path", outside.toString()});
    f.put("H-17", new String[] {"STOP_PROCESS", "process:1", "name", "systemd"});
    f.put("H-18", new String[] {"STOP_PROCESS", "process:" + ProcessHandle.current().pid(), "name", "java"});
    f.put("H-19", new String[] {"MERGE", "alex/app#13", "sha", "0000000"});
    return f;
  }

  private Path hostileRules(Map<String, String[]> forbidden) throws IOException {
    Path rules = dir.resolve("rules-" + forbidden.size() + "-" + System.nanoTime());
    Files.createDirectories(rules);
    try (Stream<Path> real = Files.list(Path.of("rules"))) {
      for (Path p : real.filter(p -> p.toString().endsWith(".drl") && !p.endsWith("authority.drl")).toList()) {
        Files.copy(p, rules.resolve(p.getFileName()));
      }
    }
    StringBuilder drl = new StringBuilder("""
        // hostile.drl: proposes every forbidden thing. The Java guard alone must refuse them all.
        package timmy.policy;
        import dev.timmy.decide.ActionKind;
        import dev.timmy.decide.Proposal;
        import dev.timmy.facts.Clock;
        import java.util.Map;
        """);
    forbidden.forEach((id, f) -> {
      StringBuilder params = new StringBuilder();
      for (int i = 2; i < f.length; i += 2) {
        params.append(params.isEmpty() ? "" : ", ").append(quote(f[i])).append(", ").append(quote(f[i + 1]));
      }
      drl.append("rule \"").append(id).append("\"\n    @id(\"").append(id).append("\") @title(\"Hostile ").append(id)
          .append("\")\nwhen\n    Clock()\nthen\n    insertLogical(new Proposal(ActionKind.").append(f[0]).append(", ")
          .append(quote(f[1])).append(", Map.of(").append(params).append("), \"hostile\"));\nend\n\n");
    });
    Files.writeString(rules.resolve("hostile.drl"), drl);
    return rules;
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** alex/app with a strategy issue, held ones, PRs short of a merge in every way; alex/other is not configured. */
  private static void world(GiteaTestServer t) {
    t.gitea.now = T;
    FakeRepo app = t.gitea.repo("alex/app");
    app.addIssue(1, "Where do we go next", "alex", T.minus(Duration.ofDays(20)), "strategy");
    app.addIssue(2, "Rewrite the parser", "alex", T.minus(Duration.ofDays(20)), "on-hold");
    app.addIssue(3, "Tune the cache", "alex", T.minus(Duration.ofDays(20)), "bug");
    app.addComment(3, "alex", T.minus(Duration.ofDays(1)), "Don\u2019t   Merge anything here, and leave it to me");
    app.addIssue(4, "Fix typo", "alex", T.minus(Duration.ofDays(1)), "docs");
    pull(app, 10, "aaa", "success", "", "kimi-code");
    pull(app, 11, "bbb", "failure", "", "claude-code");
    pull(app, 12, "ccc", "success", "Closes #2", "claude-code");
    pull(app, 13, "ddd", "success", "Closes #4", "claude-code");
    app.addComment(13, "alex", T.minus(Duration.ofHours(2)), "DON'T\u00a0\u00a0merge this one yet");
    t.gitea.repo("alex/other").addIssue(1, "Someone else's issue", "bob", T.minus(Duration.ofDays(1)), "bug");
    t.gitea.repo("other/victim").addIssue(1, "victim", "bob", T.minus(Duration.ofDays(1)));
  }

  /** A pull by kimi-code with {@code body}, CI {@code ci} on {@code sha}, approved by {@code approver}. */
  private static void pull(FakeRepo app, int n, String sha, String ci, String body, String approver) {
    app.addPull(n, "PR " + n, "kimi-code", T.minus(Duration.ofHours(5)), sha, ci);
    app.pulls.get(n).put("body", body);
    app.addReview(n, approver, "APPROVED", T.minus(Duration.ofHours(4)));
  }

  private TimmyConfig config(GiteaTestServer t, Path rules, Path root) throws Exception {
    return TimmyConfig.parse(LiveServiceTest.yaml(t, "[alex/app]", """
        house:
          ollamaUrl: http://127.0.0.1:9
          stoppableProcesses: [kimi]
          cleanup:
            - {root: %s, olderThanDays: 7}
        service:
          cycleSeconds: 3600
          rulesDir: %s
        journal:
          path: %s
        """.formatted(root, rules, dir.resolve("timmy-" + root.getFileName() + ".db"))), "timmy.yml");
  }

  /** One cycle of the hostile book in {@code mode}: the journal code of each forbidden proposal's row. */
  private Map<String, ActionCode> run(Mode mode, List<String> forbiddenRequests) throws Exception {
    Path root = Files.createDirectories(dir.resolve("logs-" + mode));
    Path outside = Files.writeString(dir.resolve("precious-" + mode + ".txt"), "keep me");
    Files.setLastModifiedTime(outside, java.nio.file.attribute.FileTime.from(T.minus(Duration.ofDays(90))));
    Map<String, String[]> forbidden = forbidden(outside);
    Path rules = hostileRules(forbidden);
    Map<String, ActionCode> codes = new TreeMap<>();
    try (GiteaTestServer t = new GiteaTestServer()) {
      world(t);
      ServeOptions options = ServeOptions.defaults().clock(() -> t.gitea.now).live(mode == Mode.LIVE);
      try (Harness h = Harness.start(config(t, rules, root), new Secrets(Harness.ADMIN_TOKEN, null, "gitea-tok"), options)) {
        assertEquals(mode, h.service.mode());
        long cycle = h.service.latest().decided().orElseThrow().cycle().id();
        List<ActionRow> rows = h.service.journal().reader().actions(cycle);
        forbidden.forEach((id, f) -> {
          List<ActionRow> mine = rows.stream().filter(r -> r.kind() == ActionKind.valueOf(f[0]) && r.subject().equals(f[1])).toList();
          assertFalse(mine.isEmpty(), id + " " + f[0] + " " + f[1] + " was not journaled: " + rows);
          // The real rules may propose the same action: the second is skipped as a duplicate, never done.
          assertEquals(ActionStatus.REFUSED, mine.get(0).status(), id + ": " + mine.get(0));
          for (ActionRow r : mine) {
            assertTrue(r.status() == ActionStatus.REFUSED || ActionCode.DUPLICATE.equals(r.code()), id + ": " + r);
            assertTrue(r.code() != null && r.outcome() != null && !r.outcome().isBlank(), id + " refused with its reason: " + r);
          }
          codes.put(id, mine.get(0).code());
          System.out.println("hostile " + mode + " " + id + " " + f[0] + " " + f[1] + " -> " + mine.get(0).code() + ": "
              + mine.get(0).outcome());
        });
      }
      for (RecordedRequest r : t.gitea.requests) if (forbiddenRequest(r)) forbiddenRequests.add(r.getMethod() + " " + r.getUrl().encodedPath());
    }
    assertTrue(Files.exists(outside), "the file outside the cleanup roots is still there");
    return codes;
  }

  /** A write to another repository, a merge, a branch deletion, a write about a held or strategy item, or any path outside alex/app. */
  static boolean forbiddenRequest(RecordedRequest r) {
    String path = r.getUrl().encodedPath();
    if (path.contains("/other/victim") || path.contains("/repos/alex/other")) return true;
    if (r.getMethod().equals("GET")) return false;
    return path.endsWith("/merge") || path.contains("/branches/") || path.matches(".*/alex/app/issues/(1|2|3|12|13|999)(/.*)?");
  }

  @Test
  void the_guard_alone_refuses_every_forbidden_proposal_live_and_the_dry_run_refuses_the_same() throws Exception {
    List<String> forbiddenRequests = new ArrayList<>();
    Map<String, ActionCode> live = run(Mode.LIVE, forbiddenRequests);
    assertEquals(List.of(), forbiddenRequests, "no forbidden request reached Gitea");
    Map<String, ActionCode> dry = run(Mode.DRY_RUN, forbiddenRequests);
    assertEquals(List.of(), forbiddenRequests);
    assertEquals(live, dry, "dry-run refuses what live refuses, with the same guard");
  }
}
