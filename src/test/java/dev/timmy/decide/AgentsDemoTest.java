package dev.timmy.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.derive.Derive;
import dev.timmy.facts.Agent;
import dev.timmy.facts.AgentLoad;
import dev.timmy.facts.Issue;
import dev.timmy.facts.Snapshot;
import dev.timmy.facts.WorkItem;
import dev.timmy.facts.WorkStage;
import dev.timmy.observe.DemoHouse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The agents policy on the demo house, and across two cycles: dispatch happens once. */
class AgentsDemoTest {
  static RuleBook book;
  static Snapshot demo;
  static Decision decision;

  @BeforeAll
  static void evaluate() throws Exception {
    book = RuleBook.open(Path.of("rules"));
    demo = Derive.from(DemoHouse.load(Path.of("fixtures/demo")));
    decision = book.evaluate(demo);
  }

  static CheckItem check(Decision d, String subject, String name) {
    return d.checksOf(subject).stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no check " + name + " on " + subject + ": " + d.checksOf(subject)));
  }

  static List<ProposalItem> dispatches(Decision d) {
    return d.proposals().stream().filter(p -> p.ruleId().equals("LIFE-005")).toList();
  }

  @Test
  void every_agent_has_one_state_and_the_idle_ones_get_work_in_the_same_evaluation() {
    for (Agent a : demo.agents()) {
      assertEquals(1, decision.checksOf("agent:" + a.name()).stream().filter(c -> c.name().equals("state")).count(), a.name());
    }
    assertTrue(check(decision, "agent:claude", "state").detail().startsWith("BUSY: "));
    assertTrue(check(decision, "agent:kimi", "state").detail().startsWith("BUSY: "));
    for (String idle : List.of("timmy", "researcher")) {
      CheckItem state = check(decision, "agent:" + idle, "state");
      assertTrue(state.ok() && state.detail().startsWith("IDLE: "), state.toString());
      assertTrue(decision.routes().stream().anyMatch(r -> r.chosen() && r.agent().equals(idle)), idle + " is chosen for work");
    }
    Set<String> assignedTo = dispatches(decision).stream().filter(p -> p.kind() == ActionKind.ASSIGN)
        .map(p -> p.param("login")).collect(Collectors.toSet());
    assertTrue(assignedTo.containsAll(Set.of("timmy", "api-researcher")), assignedTo.toString());
  }

  @Test
  void claudes_low_quota_keeps_it_for_the_top_bug_and_its_stuck_issue_is_taken_back() {
    assertTrue(decision.chosenRoute("alex/hermes-dashboard#29").map(r -> r.agent().equals("claude")).orElse(false),
        "the p0 security bug (priority 120) still goes to claude");
    RouteItem review = decision.routesOf("alex/local-agent#24").stream().filter(r -> r.agent().equals("claude")).findFirst().orElseThrow();
    assertFalse(review.eligible());
    assertEquals("AGENT-021", review.ruleId());
    assertTrue(review.reason().contains("180000 of 5000000 left (4%), resets 2026-11-23T14:00:00Z"), review.reason());

    assertTrue(check(decision, "alex/hermes-dashboard#28", "stuck").ok());
    Map<ActionKind, ProposalItem> back = decision.proposalsOf("alex/hermes-dashboard#28").stream()
        .filter(p -> p.ruleId().equals("AGENT-012")).collect(Collectors.toMap(ProposalItem::kind, p -> p));
    assertEquals(Set.of(ActionKind.UNASSIGN, ActionKind.REMOVE_LABEL, ActionKind.COMMENT), back.keySet());
    assertEquals("claude-code", back.get(ActionKind.UNASSIGN).param("login"));
    assertFalse(back.get(ActionKind.UNASSIGN).vetoed());
  }

  @Test
  void the_demo_shows_a_nudge_a_take_back_and_a_reroute_forced_by_quota_each_explained() {
    ProposalItem nudge = decision.proposalsOf("alex/hermes-dashboard#24").stream()
        .filter(p -> p.kind() == ActionKind.COMMENT && p.id().contains("topic=nudge")).findFirst().orElseThrow();
    assertEquals("AGENT-011", nudge.ruleId());
    assertTrue(nudge.param("body").contains("@claude-code"), nudge.param("body"));

    List<ActionKind> takeBack = decision.proposalsOf("alex/hermes-dashboard#28").stream().map(ProposalItem::kind).toList();
    assertTrue(takeBack.containsAll(List.of(ActionKind.UNASSIGN, ActionKind.REMOVE_LABEL, ActionKind.COMMENT)), takeBack.toString());

    // GB#17 is refactoring, Claude's kind of work, but Claude's low quota is kept for top priority.
    RouteItem claude = decision.routesOf("alex/game-bot#17").stream().filter(r -> r.agent().equals("claude")).findFirst().orElseThrow();
    assertFalse(claude.eligible());
    assertEquals("AGENT-021", claude.ruleId());
    assertTrue(claude.reason().contains("quota"), claude.reason());
    assertEquals("kimi", decision.chosenRoute("alex/game-bot#17").orElseThrow().agent());
    assertTrue(claude.score() > decision.chosenRoute("alex/game-bot#17").orElseThrow().score(),
        "without the quota Claude would have won");
  }

  @Test
  void kimis_failing_pull_requests_cost_it_points_with_the_numbers_in_the_reason() {
    CheckItem ci = check(decision, "agent:kimi", "ci-record");
    assertFalse(ci.ok());
    RouteItem kimi = decision.chosenRoute("alex/hermes-dashboard#27").orElseThrow();
    assertEquals("kimi", kimi.agent());
    Scored penalty = kimi.parts().stream().filter(s -> s.ruleId().equals("AGENT-031")).findFirst().orElseThrow();
    assertEquals(-15, penalty.points());
    assertTrue(penalty.reason().contains("3 CI failure(s) against 1 merged in 14 days"), penalty.reason());
  }

  @Test
  void a_dispatch_carried_out_is_never_proposed_again_in_the_next_cycle() {
    List<ProposalItem> first = dispatches(decision);
    Set<String> dispatched = first.stream().filter(p -> p.kind() == ActionKind.ASSIGN).map(ProposalItem::subject)
        .collect(Collectors.toSet());
    assertTrue(dispatched.size() >= 4, dispatched.toString());

    Decision next = book.evaluate(carryOut(demo, first));

    assertEquals(List.of(), dispatches(next).stream().filter(p -> dispatched.contains(p.subject())).toList());
    Snapshot after = carryOut(demo, first);
    for (String s : dispatched) {
      WorkItem w = after.work().stream().filter(x -> x.subject().equals(s)).findFirst().orElseThrow();
      assertEquals(WorkStage.DISPATCHED, w.stage(), s);
      assertTrue(next.proposalsOf(s).stream().noneMatch(p -> p.ruleId().equals("AGENT-011")), "no reminder right after " + s);
    }
    for (Agent a : after.agents()) {
      AgentLoad load = after.loads().stream().filter(l -> l.agent().equals(a.name())).findFirst().orElseThrow();
      long more = dispatches(next).stream().filter(p -> p.kind() == ActionKind.ASSIGN && p.param("login").equals(a.login())).count();
      assertTrue(load.openAssignments() + more <= a.maxConcurrent(), a.name() + " over capacity: " + load + " + " + more);
    }
  }

  /** The snapshot after the executor labelled and assigned each dispatched issue (Gitea bumps its update). */
  static Snapshot carryOut(Snapshot s, List<ProposalItem> dispatch) {
    List<Issue> issues = new ArrayList<>();
    for (Issue i : s.issues()) {
      List<String> labels = new ArrayList<>(i.labels());
      List<String> assignees = new ArrayList<>(i.assignees());
      boolean touched = false;
      for (ProposalItem p : dispatch) {
        if (!p.subject().equals(i.subject())) continue;
        if (p.kind() == ActionKind.ADD_LABEL) labels.add(p.param("label"));
        if (p.kind() == ActionKind.ASSIGN) assignees.add(p.param("login"));
        touched = true;
      }
      issues.add(!touched ? i : new Issue(i.repo(), i.number(), i.title(), i.body(), labels, i.author(), assignees,
          i.state(), i.createdAt(), s.takenAt(), i.lastActivityAt(), i.lastActivityBy(), i.commentCount(), i.pull(),
          i.milestone(), i.milestoneDueOn()));
    }
    return Derive.from(s.toBuilder().takenAt(s.takenAt().plusSeconds(60)).issues(issues).loads(List.of()).work(List.of())
        .records(List.of()).triage(null).unreadRepos(List.of()).build());
  }
}
