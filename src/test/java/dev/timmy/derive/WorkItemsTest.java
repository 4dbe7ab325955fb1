package dev.timmy.derive;

import dev.timmy.facts.Agent;
import dev.timmy.facts.AgentKind;
import dev.timmy.facts.CiState;
import dev.timmy.facts.Comment;
import dev.timmy.facts.Issue;
import dev.timmy.facts.Owner;
import dev.timmy.facts.PullBuilder;
import dev.timmy.facts.PullRequest;
import dev.timmy.facts.Snapshot;
import dev.timmy.facts.WorkItem;
import dev.timmy.facts.WorkStage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where each piece of dispatched work stands, from assignees, labels, comments and linked pull requests. */
class WorkItemsTest {
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final Agent CLAUDE = new Agent("claude", AgentKind.CLAUDE, "claude-code", "claude-ready", List.of("tests"), List.of(), 3, List.of(), true);
  static final Agent TIMMY = new Agent("timmy", AgentKind.TIMMY, "timmy", "timmy-ready", List.of("docs"), List.of(), 1, List.of(), true);

  static Instant ago(int hours) {
    return NOW.minus(Duration.ofHours(hours));
  }

  static Issue issue(int n, List<String> labels, List<String> assignees, Instant updated) {
    return new Issue("alex/x", n, "issue " + n, "", labels, "alex", assignees, "open", ago(500), updated, updated, "alex",
        0, false, "", null);
  }

  static PullRequest pull(int n, String author, int closes, CiState ci, List<String> approved, List<String> changes,
      Instant created, Instant updated) {
    return PullBuilder.pull("alex/x", n, created).updated(updated).author(author).head("b" + n, "sha" + n)
        .ci(ci, ci == CiState.FAILURE ? new String[] {"ci/build"} : new String[0]).approvedBy(approved)
        .changesRequestedBy(changes).closes(closes).build();
  }

  /** A comment as Gitea gives it, Timmy's login being {@code timmy}. */
  static Comment said(String subject, long id, String who, String body, Instant at) {
    return Comment.read(subject, id, who, body, at, "timmy");
  }

  static WorkItem only(List<Issue> issues, List<PullRequest> pulls, List<Comment> comments) {
    List<WorkItem> items = WorkItems.derive(List.of(CLAUDE, TIMMY), issues, pulls, comments);
    assertEquals(1, items.size(), items.toString());
    return items.get(0);
  }

  @Test
  void an_issue_only_labelled_for_an_agent_is_ready() {
    WorkItem w = only(List.of(issue(1, List.of("tests", "claude-ready"), List.of(), ago(5))), List.of(), List.of());
    assertEquals(new WorkItem("alex/x#1", "claude", "claude-code", WorkStage.READY, ago(5), null, "",
        "labelled claude-ready, not assigned yet"), w);
  }

  @Test
  void an_assigned_issue_is_dispatched_from_timmys_routing_comment_on() {
    Comment routed = said("alex/x#1", 1, "timmy", "routed <!-- timmy:COMMENT:alex/x#1:agent=claude,topic=routing -->", ago(80));
    WorkItem w = only(List.of(issue(1, List.of("tests"), List.of("claude-code"), ago(2))), List.of(), List.of(routed));
    assertEquals(WorkStage.DISPATCHED, w.stage());
    assertEquals(ago(80), w.since(), "the routing comment, not the issue's later update");
    assertNull(w.activeAt());
    assertEquals(ago(80), w.quietSince());
  }

  @Test
  void without_a_routing_comment_the_dispatch_dates_from_the_issue_update_or_an_earlier_reminder() {
    WorkItem plain = only(List.of(issue(1, List.of(), List.of("claude-code"), ago(30))), List.of(), List.of());
    assertEquals(ago(30), plain.since());
    Comment nudge = said("alex/x#1", 1, "timmy",
        "still there? <!-- timmy:COMMENT:alex/x#1:agent=claude,stage=DISPATCHED,topic=nudge -->", ago(50));
    WorkItem nudged = only(List.of(issue(1, List.of(), List.of("claude-code"), ago(50))), List.of(), List.of(nudge));
    assertEquals(ago(50), nudged.since(), "Timmy's own reminder bumps the update; it cannot restart the silence");
  }

  @Test
  void work_given_again_to_an_agent_it_was_taken_back_from_dates_from_after_the_take_back() {
    List<Comment> comments = List.of(
        said("alex/x#1", 1, "timmy", "routed <!-- timmy:COMMENT:alex/x#1:agent=claude,topic=routing -->", ago(400)),
        said("alex/x#1", 2, "timmy", "still? <!-- timmy:COMMENT:alex/x#1:agent=claude,stage=DISPATCHED,topic=nudge -->", ago(300)),
        said("alex/x#1", 3, "claude-code", "looking", ago(290)),
        said("alex/x#1", 4, "timmy", "taken back <!-- timmy:COMMENT:alex/x#1:agent=claude,topic=reassign -->", ago(200)));
    WorkItem again = only(List.of(issue(1, List.of("tests"), List.of("claude-code"), ago(5))), List.of(), comments);
    assertEquals(WorkStage.DISPATCHED, again.stage(), "its words before the take-back belong to the earlier assignment");
    assertEquals(ago(5), again.since(), "the routing comment and reminder before the take-back do not date it");
    WorkItem unchanged = only(List.of(issue(1, List.of("tests"), List.of("claude-code"), ago(250))), List.of(), comments);
    assertEquals(ago(200), unchanged.since(), "never before the take-back");
  }

  @Test
  void the_agents_own_comments_after_the_dispatch_make_it_working_and_timmys_comments_never_count() {
    List<Comment> comments = List.of(
        said("alex/x#1", 1, "claude-code", "an old remark", ago(200)),
        said("alex/x#1", 2, "timmy", "routed <!-- timmy:COMMENT:alex/x#1:agent=claude,topic=routing -->", ago(100)),
        said("alex/x#1", 3, "claude-code", "on it", ago(90)),
        said("alex/x#1", 4, "claude-code", "half done", ago(20)));
    WorkItem w = only(List.of(issue(1, List.of(), List.of("claude-code"), ago(20))), List.of(), comments);
    assertEquals(WorkStage.WORKING, w.stage());
    assertEquals(ago(90), w.since());
    assertEquals(ago(20), w.activeAt());

    // The local agent shares Timmy's login; Timmy's marked comments are not its work.
    Comment timmysOwn = said("alex/x#2", 5, "timmy", "stale <!-- timmy:COMMENT:alex/x#2:topic=stale-warning -->", ago(10));
    WorkItem t = only(List.of(issue(2, List.of("docs"), List.of("timmy"), ago(40))), List.of(), List.of(timmysOwn));
    assertEquals(WorkStage.DISPATCHED, t.stage());
  }

  @Test
  void a_linked_pull_request_sets_the_stage_from_its_ci_and_reviews() {
    Issue i = issue(1, List.of("tests"), List.of("claude-code"), ago(10));
    assertEquals(WorkStage.PR_OPEN, only(List.of(i), List.of(pull(2, "claude-code", 1, CiState.PENDING, List.of(), List.of(), ago(30), ago(3))),
        List.of()).stage());
    assertEquals(WorkStage.APPROVED, only(List.of(i), List.of(pull(2, "claude-code", 1, CiState.SUCCESS, List.of("alex"), List.of(), ago(30), ago(3))),
        List.of()).stage());
    assertEquals(WorkStage.PR_OPEN, only(List.of(i), List.of(pull(2, "claude-code", 1, CiState.SUCCESS, List.of("claude-code"), List.of(), ago(30), ago(3))),
        List.of()).stage(), "approved only by its author is not approved");
    assertEquals(WorkStage.CHANGES_REQUESTED, only(List.of(i), List.of(pull(2, "claude-code", 1, CiState.SUCCESS, List.of(), List.of("alex"), ago(30), ago(3))),
        List.of()).stage());

    Comment red = said("alex/x#2", 9, "timmy", "red <!-- timmy:COMMENT:alex/x#2:sha=sha2,topic=ci-failed -->", ago(60));
    WorkItem failed = only(List.of(i), List.of(pull(2, "claude-code", 1, CiState.FAILURE, List.of("alex"), List.of(), ago(70), ago(61))),
        List.of(red));
    assertEquals(WorkStage.CI_FAILED, failed.stage(), "red CI comes before an approval");
    assertEquals(ago(60), failed.since(), "from Timmy's notice of the red head");
    assertEquals(ago(61), failed.activeAt(), "the agent's last push");
    assertEquals("alex/x#2", failed.pull());
    assertTrue(failed.detail().contains("ci/build"), failed.detail());
  }

  @Test
  void an_unassigned_issue_with_an_agents_pull_request_is_that_agents_work() {
    Issue i = issue(1, List.of("tests"), List.of(), ago(10));
    WorkItem w = only(List.of(i), List.of(pull(2, "claude-code", 1, CiState.PENDING, List.of(), List.of(), ago(30), ago(3))), List.of());
    assertEquals("claude", w.agent());
    assertEquals("alex/x#1", w.subject());
  }

  @Test
  void an_agents_pull_request_that_closes_no_open_issue_is_work_on_the_pull_request() {
    WorkItem w = only(List.of(issue(1, List.of(), List.of(), ago(10))),
        List.of(pull(2, "claude-code", 0, CiState.SUCCESS, List.of(), List.of(), ago(30), ago(3))), List.of());
    assertEquals("alex/x#2", w.subject());
    assertEquals(WorkStage.PR_OPEN, w.stage());
  }

  @Test
  void issues_nobody_in_the_roster_holds_and_closed_issues_are_not_work_in_flight() {
    Issue mara = issue(1, List.of("bug"), List.of("mara"), ago(10));
    Issue closed = new Issue("alex/x", 2, "done", "", List.of(), "alex", List.of("claude-code"), "closed", ago(100), ago(1),
        ago(1), "alex", 0, false, "", null);
    assertEquals(List.of(), WorkItems.derive(List.of(CLAUDE), List.of(mara, closed),
        List.of(pull(3, "mara", 0, CiState.SUCCESS, List.of(), List.of(), ago(3), ago(2))), List.of()));
  }

  @Test
  void timmys_marked_comments_are_not_the_last_activity_of_an_agent_sharing_its_login() {
    Comment warning = said("alex/x#1", 1, "timmy", "stale <!-- timmy:COMMENT:alex/x#1:topic=stale-warning -->", ago(1));
    Comment own = said("alex/x#1", 2, "timmy", "fixed the typo", ago(30));
    Snapshot s = Derive.from(Snapshot.ofBacklog(NOW, true, List.of(), new Owner("alex", List.of()),
        List.of(issue(1, List.of("docs"), List.of("timmy"), ago(1))), List.of(), List.of(warning, own), List.of(TIMMY)));
    assertEquals(ago(30), s.loads().get(0).lastActivityAt());
  }

  @Test
  void the_snapshot_carries_the_work_and_puts_it_before_the_rules() {
    Snapshot s = Derive.from(Snapshot.ofBacklog(NOW, true, List.of(), new Owner("alex", List.of()),
        List.of(issue(1, List.of(), List.of("claude-code"), ago(3))), List.of(), List.of(), List.of(CLAUDE)));
    assertEquals(1, s.work().size());
    assertTrue(s.facts().contains(s.work().get(0)));
    assertEquals(s.work(), Derive.from(s.at(NOW.plusSeconds(3600))).work());
  }
}
