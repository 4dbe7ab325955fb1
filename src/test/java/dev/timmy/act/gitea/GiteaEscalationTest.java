package dev.timmy.act.gitea;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.act.ActionRefused;
import dev.timmy.act.Escalations;
import dev.timmy.config.ConfigException;
import dev.timmy.config.GiteaConfig;
import dev.timmy.config.TimmyConfig;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.EscalationItem;
import dev.timmy.decide.ProposalItem;
import dev.timmy.facts.Markers;
import dev.timmy.gitea.FakeRepo;
import dev.timmy.gitea.GiteaTestServer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ESCALATE and CREATE_ISSUE on subjects that are not issues, against the fake Gitea. */
class GiteaEscalationTest {
  static final Instant T = Instant.parse("2026-11-23T09:00:00Z");
  GiteaTestServer t;
  FakeRepo app;
  FakeRepo inbox;

  @BeforeEach
  void seed() throws Exception {
    t = new GiteaTestServer();
    t.gitea.now = T;
    app = t.gitea.repo("alex/app");
    app.addIssue(1, "crash on start", "mara", T.minus(Duration.ofDays(1)), "bug");
    app.addIssue(2, "pricing", "alex", T.minus(Duration.ofDays(1)), "strategy", "on-hold");
    inbox = t.gitea.repo("alex/timmy-inbox");
  }

  @AfterEach
  void stop() {
    t.close();
  }

  /** A target for Alex's login {@code login}, with {@code escalationRepo} (or none). */
  GiteaTarget target(String login, String escalationRepo) {
    return new GiteaTarget(t.client(withEscalationRepo(t.config(List.of("alex/app"), false), escalationRepo)), login);
  }

  static GiteaConfig withEscalationRepo(GiteaConfig c, String repo) {
    return c.withEscalationRepo(repo);
  }

  static ProposalItem escalation(String subject, String ruleId, String reason) {
    return Escalations.proposal(new EscalationItem(subject, reason, ruleId, "Title of " + ruleId, List.of()));
  }

  static ProposalItem createIssue(String subject, Map<String, String> params) {
    return new ProposalItem("CREATE_ISSUE:" + subject, ActionKind.CREATE_ISSUE, subject, params, "LOOP-008",
        "Open one issue when CI is red", "CI is red", List.of(), List.of());
  }

  static String execute(GiteaTarget target, ProposalItem p) throws IOException {
    return target.alreadyDone(p) ? "already done" : target.perform(p);
  }

  @Test
  void an_escalation_on_an_issue_is_one_comment_mentioning_alex_with_the_reason_rule_and_marker() throws IOException {
    GiteaTarget target = target("alex", null);
    ProposalItem p = escalation("alex/app#2", "AUTH-003", "labelled strategy: only Alex decides what happens to it");
    assertEquals(Optional.empty(), target.refusal(p), "an issue needs no escalation repository");

    assertEquals("told @alex on alex/app#2", execute(target, p));
    assertEquals(1, app.comments.size());
    String body = app.comments.get(0).get("body").asText();
    assertTrue(body.startsWith("@alex Timmy needs you here: labelled strategy: only Alex decides what happens to it"), body);
    assertTrue(body.contains("rule AUTH-003 (Title of AUTH-003)"), body);
    assertTrue(body.endsWith(Markers.of(p.id())), body);

    ProposalItem later = escalation("alex/app#2", "AUTH-003", "a reason worded differently a cycle later");
    assertEquals(p.id(), later.id());
    assertEquals("already done", execute(target("alex", null), later));
    assertEquals("already told @alex on alex/app#2", target.perform(later));
    assertEquals(1, app.comments.size());
  }

  @Test
  void a_house_escalation_opens_one_issue_in_the_escalation_repository() throws IOException {
    GiteaTarget target = target("alex", "alex/timmy-inbox");
    ProposalItem p = escalation("loop:heartbeat", "LOOP-005", "failing and not restartable by Timmy: no beat for 2 h");

    assertEquals("opened alex/timmy-inbox#1 to tell @alex about loop:heartbeat", execute(target, p));
    assertEquals(1, inbox.issues.size());
    var issue = inbox.issues.get(1);
    assertEquals("Timmy needs you: loop:heartbeat (Title of LOOP-005)", issue.get("title").asText());
    String body = issue.get("body").asText();
    assertTrue(body.startsWith("@alex loop:heartbeat: failing and not restartable by Timmy: no beat for 2 h"), body);
    assertTrue(body.endsWith(Markers.of(p.id())), body);
    assertTrue(app.issues.size() == 2 && app.comments.isEmpty(), "nothing written to the watched repository");

    assertEquals("already done", execute(target("alex", "alex/timmy-inbox"), p));
    assertEquals(1, t.gitea.writes());
  }

  @Test
  void a_house_escalation_without_an_escalation_repository_is_refused_before_any_request() throws Exception {
    GiteaTarget target = target("alex", null);
    ProposalItem p = escalation("host", "HOUSE-009", "memory is short");
    String why = target.refusal(p).orElseThrow();
    assertTrue(why.contains("no escalation repository configured"), why);
    ActionRefused e = assertThrows(ActionRefused.class, () -> target.perform(p));
    assertEquals(why, e.getMessage());
    assertTrue(t.gitea.requests.isEmpty());
  }

  @Test
  void an_escalation_without_an_owner_login_is_refused() throws Exception {
    GiteaTarget target = new GiteaTarget(t.client(withEscalationRepo(t.config(List.of("alex/app"), false), "alex/timmy-inbox")));
    ProposalItem p = escalation("alex/app#2", "AUTH-003", "strategy");
    String why = target.refusal(p).orElseThrow();
    assertTrue(why.contains("no owner login configured (owner.login)"), why);
    assertThrows(ActionRefused.class, () -> target.perform(p));
    assertEquals(0, t.gitea.writes());
  }

  @Test
  void create_issue_for_a_loop_takes_the_repository_from_its_repo_parameter_and_opens_it_once() throws IOException {
    GiteaTarget target = target("alex", null);
    ProposalItem p = createIssue("loop:ci-main",
        Map.of("repo", "alex/app", "title", "CI is red: ci-main", "body", "Timmy saw CI fail 2 time(s) in a row."));
    assertEquals(Optional.empty(), target.refusal(p));
    assertFalse(target.alreadyDone(p));
    assertEquals("opened alex/app#3", target.perform(p));
    assertEquals("CI is red: ci-main", app.issues.get(3).get("title").asText());
    assertTrue(app.issues.get(3).get("body").asText().endsWith(Markers.of(p.id())));
    assertEquals("already done", execute(target, p));
    assertEquals(1, t.gitea.writes());
  }

  @Test
  void create_issue_with_no_repository_to_go_to_is_refused_with_the_reason() throws Exception {
    GiteaTarget target = target("alex", null);
    ProposalItem none = createIssue("loop:ci-main", Map.of("title", "CI is red", "body", "red"));
    assertEquals("CREATE_ISSUE loop:ci-main: expected a repo parameter or a subject owner/repo[#N], found neither",
        target.refusal(none).orElseThrow());
    assertThrows(ActionRefused.class, () -> target.alreadyDone(none));
    ProposalItem bad = createIssue("loop:ci-main", Map.of("repo", "../etc", "title", "CI is red", "body", "red"));
    assertEquals("CREATE_ISSUE loop:ci-main: expected parameter repo as owner/repo, found ../etc",
        target.refusal(bad).orElseThrow());
    assertTrue(t.gitea.requests.isEmpty());
  }

  @Test
  void a_malformed_issue_subject_is_a_refusal_not_a_crash() {
    ProposalItem p = new ProposalItem("ADD_LABEL:alex/app#x:label=p1", ActionKind.ADD_LABEL, "alex/app#x",
        Map.of("label", "p1"), "T", "t", "t", List.of(), List.of());
    ActionRefused e = assertThrows(ActionRefused.class, () -> target("alex", null).perform(p));
    assertEquals("ADD_LABEL: expected a subject owner/repo#N, found alex/app#x", e.getMessage());
  }

  @Test
  void the_escalation_repository_is_read_from_timmy_yml_and_must_be_owner_slash_repo() throws ConfigException {
    String yaml = """
        owner:
          login: alex
        agents:
          - name: claude
            kind: CLAUDE
            login: claude-code
        gitea:
          baseUrl: http://gitea.local:3000
          repos: [alex/app]
          escalationRepo: %s
        """;
    assertEquals(Optional.of("alex/timmy-inbox"),
        TimmyConfig.parse(yaml.formatted("alex/timmy-inbox"), "timmy.yml").gitea().escalationRepository());
    ConfigException e = assertThrows(ConfigException.class, () -> TimmyConfig.parse(yaml.formatted("inbox"), "timmy.yml"));
    assertTrue(e.getMessage().contains("gitea.escalationRepo: expected owner/repo, found inbox"), e.getMessage());
    assertEquals(Optional.empty(), t.config(List.of("alex/app"), false).escalationRepository());
  }
}
