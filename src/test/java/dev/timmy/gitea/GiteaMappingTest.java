package dev.timmy.gitea;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.timmy.facts.CiState;
import dev.timmy.facts.Comment;
import dev.timmy.facts.Dispatch;
import dev.timmy.facts.Issue;
import dev.timmy.facts.PullRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GiteaMappingTest {
  static final String BASE = "http://gitea.test";
  static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

  static GiteaWire.User user(String login) {
    return GiteaWire.User.of(login.length(), login, BASE);
  }

  static GiteaWire.Issue issue(int number, String author, Instant updated, int comments) {
    return new GiteaWire.Issue(100 + number, BASE + "/api/v1/repos/o/r/issues/" + number, BASE + "/o/r/issues/" + number,
        number, user(author), "title " + number, "body", List.of(label("bug")), null, null, List.of(user("kimi-code")),
        "open", comments, T0, updated, null, null, null);
  }

  static GiteaWire.Label label(String name) {
    return new GiteaWire.Label(name.hashCode(), name, "ee0701", "", false, false, "");
  }

  static GiteaWire.PullRequest pull(int number, String author, String body) {
    GiteaWire.PRBranchInfo head = new GiteaWire.PRBranchInfo("feature", "feature", "abc123", 1, null);
    GiteaWire.PRBranchInfo base = new GiteaWire.PRBranchInfo("main", "main", "def456", 1, null);
    return new GiteaWire.PullRequest(number, BASE + "/o/r/pulls/" + number, number, user(author), "pr", body, List.of(),
        null, null, List.of(), "open", false, 0, BASE + "/o/r/pulls/" + number, true, false, null, null, base, head, "def456",
        T0, T0.plusSeconds(60), null);
  }

  static GiteaWire.PullReview review(long id, String who, String state, Instant at, boolean dismissed) {
    return new GiteaWire.PullReview(id, user(who), state, "", "abc123", false, true, dismissed, 0, at, at, "", "");
  }

  static GiteaWire.CommitStatus status(String context, String state) {
    return new GiteaWire.CommitStatus(context.hashCode(), state, "", "", "", context, null, T0, T0);
  }

  static GiteaWire.Comment comment(long id, int number, boolean onPull, String who, Instant at, String body) {
    String url = BASE + "/o/r/" + (onPull ? "pulls/" : "issues/") + number;
    return new GiteaWire.Comment(id, url + "#issuecomment-" + id, onPull ? url : "", onPull ? "" : url, user(who),
        body, at, at);
  }

  @Test
  void approvals_count_each_reviewers_latest_verdict_and_ignore_dismissed_reviews_and_plain_comments() {
    List<GiteaWire.PullReview> reviews = List.of(
        review(1, "kimi-code", "REQUEST_CHANGES", T0, false),
        review(2, "kimi-code", "APPROVED", T0.plusSeconds(10), false),
        review(3, "kimi-code", "COMMENT", T0.plusSeconds(20), false),
        review(4, "alex", "APPROVED", T0.plusSeconds(5), true),
        review(5, "mara", "APPROVED", T0, false),
        review(6, "mara", "REQUEST_CHANGES", T0.plusSeconds(30), false),
        review(7, "claude-code", "APPROVED", T0, false));
    PullRequest pr = GiteaMapping.pull("o/r", pull(4, "claude-code", ""), reviews, null);
    assertEquals(List.of("claude-code", "kimi-code"), pr.approvedBy());
    assertEquals(List.of("mara"), pr.changesRequestedBy());
    assertEquals(1, pr.approvalsByOthers());
  }

  @Test
  void a_pull_links_the_issue_its_body_closes_fixes_or_resolves() {
    assertEquals(18, GiteaMapping.linkedIssue("Pagination.\n\nCloses #18"));
    assertEquals(12, GiteaMapping.linkedIssue("fixes #12 and mentions #3"));
    assertEquals(11, GiteaMapping.linkedIssue("Resolves: #11"));
    assertEquals(0, GiteaMapping.linkedIssue("See #18, related to #12"));
    assertEquals(0, GiteaMapping.linkedIssue(null));
    assertEquals(7, GiteaMapping.pull("o/r", pull(8, "kimi-code", "Fixed #7"), List.of(), null).linkedIssue());
  }

  @Test
  void ci_state_comes_from_the_combined_status_with_its_failing_contexts() {
    GiteaWire.CombinedStatus red = new GiteaWire.CombinedStatus("failure", "abc123", 3,
        List.of(status("ci/build", "failure"), status("ci/test", "success"), status("ci/lint", "error")), "", "");
    PullRequest pr = GiteaMapping.pull("o/r", pull(4, "kimi-code", ""), List.of(), red);
    assertEquals(CiState.FAILURE, pr.ciState());
    assertEquals(List.of("ci/build", "ci/lint"), pr.ciFailing());
    assertEquals("abc123", pr.headSha());
    assertEquals("feature", pr.headRef());
    assertEquals("main", pr.baseRef());
  }

  @Test
  void a_commit_without_statuses_has_ci_state_none() {
    GiteaWire.CombinedStatus empty = new GiteaWire.CombinedStatus("", "abc123", 0, List.of(), "", "");
    assertEquals(CiState.NONE, GiteaMapping.pull("o/r", pull(4, "a", ""), List.of(), empty).ciState());
    assertEquals(CiState.NONE, GiteaMapping.pull("o/r", pull(4, "a", ""), List.of(), null).ciState());
  }

  @Test
  void last_activity_is_the_latest_comment_of_the_issue() {
    List<Comment> comments = List.of(
        GiteaMapping.comment("o/r", comment(1, 7, false, "kimi-code", T0.plusSeconds(3600), "on it"), "timmy"),
        GiteaMapping.comment("o/r", comment(2, 7, false, "alex", T0.plusSeconds(7200), "thanks"), "timmy"),
        GiteaMapping.comment("o/r", comment(3, 8, false, "mara", T0.plusSeconds(9000), "other issue"), "timmy"));
    Issue issue = GiteaMapping.issue("o/r", issue(7, "mara", T0.plusSeconds(8000), 2), comments, "timmy");
    assertEquals(T0.plusSeconds(7200), issue.lastActivityAt());
    assertEquals("alex", issue.lastActivityBy());
    assertEquals("o/r#7", issue.subject());
    assertEquals(List.of("bug"), issue.labels());
    assertEquals(List.of("kimi-code"), issue.assignees());
  }

  @Test
  void an_issue_without_comments_was_last_touched_by_its_author_when_updated() {
    Issue issue = GiteaMapping.issue("o/r", issue(9, "mara", T0.plusSeconds(500), 0), List.of(), "timmy");
    assertEquals(T0.plusSeconds(500), issue.lastActivityAt());
    assertEquals("mara", issue.lastActivityBy());
  }

  @Test
  void a_comment_on_a_pull_belongs_to_the_pull_subject() {
    Comment c = GiteaMapping.comment("alex/game-bot", comment(9, 24, true, "alex", T0, "do not merge"), "timmy");
    assertEquals("alex/game-bot#24", c.subject());
    assertEquals("alex", c.author());
  }

  @Test
  void milestone_title_and_due_date_reach_the_issue() {
    Instant due = Instant.parse("2026-11-28T17:00:00Z");
    GiteaWire.Milestone ms = new GiteaWire.Milestone(3, "v0.4", "", "open", 1, 0, T0, T0, null, due);
    GiteaWire.Issue w = issue(17, "alex", T0, 0);
    GiteaWire.Issue withMs = new GiteaWire.Issue(w.id(), w.url(), w.htmlUrl(), w.number(), w.user(), w.title(), w.body(),
        w.labels(), ms, null, w.assignees(), w.state(), 0, w.createdAt(), w.updatedAt(), null, null, null);
    Issue issue = GiteaMapping.issue("o/r", withMs, List.of(), "timmy");
    assertEquals("v0.4", issue.milestone());
    assertEquals(due, issue.milestoneDueOn());
  }

  static GiteaWire.TimelineComment event(long id, String type, String who, String body, String assignee, boolean removed, Instant at) {
    return new GiteaWire.TimelineComment(id, type, user(who), body, assignee == null ? null : user(assignee), removed, at);
  }

  @Test
  void dispatches_are_gitea_assignments_and_timmys_own_routing_notes_and_nothing_else() {
    String routing = "routed <!-- timmy:COMMENT:o/r#5:agent=kimi,topic=routing -->";
    List<GiteaWire.TimelineComment> timeline = List.of(
        event(1, "assignees", "alex", "", "kimi-code", false, T0),
        event(2, "assignees", "alex", "", "kimi-code", true, T0.plusSeconds(10)),
        event(3, "comment", "timmy", routing, null, false, T0.plusSeconds(20)),
        event(4, "comment", "mara", routing, null, false, T0.plusSeconds(30)),
        event(5, "comment", "timmy", "quoting: " + routing + " and more", null, false, T0.plusSeconds(40)),
        event(6, "comment", "timmy", "a nudge <!-- timmy:COMMENT:o/r#5:agent=kimi,stage=WORKING,topic=nudge -->", null, false,
            T0.plusSeconds(50)),
        event(7, "comment", "timmy", "elsewhere <!-- timmy:COMMENT:o/r#6:agent=kimi,topic=routing -->", null, false, T0.plusSeconds(60)),
        event(8, "assignees", "alex", "", "claude-code", false, null),
        event(9, "label", "alex", "", null, false, T0.plusSeconds(70)));
    assertEquals(List.of(new Dispatch("kimi-code", "", T0), new Dispatch("", "kimi", T0.plusSeconds(20))),
        GiteaMapping.dispatches("o/r#5", timeline, "timmy"),
        "a removal is no dispatch; Mara's copy, a quoted marker, a nudge and a note about #6 are none either; an event "
            + "without a time cannot say when");
    assertEquals(List.of(new Dispatch("kimi-code", "", T0)), GiteaMapping.dispatches("o/r#5", timeline, ""),
        "without Timmy's login no note is Timmy's");
  }
}
