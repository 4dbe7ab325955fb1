package dev.timmy.act.gitea;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.Json;
import dev.timmy.act.ActionRefused;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.Proposal;
import dev.timmy.decide.ProposalItem;
import dev.timmy.decide.VetoItem;
import dev.timmy.facts.Markers;
import dev.timmy.gitea.FakeGitea;
import dev.timmy.gitea.FakeRepo;
import dev.timmy.gitea.GiteaTestServer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GiteaTargetTest {
  static final Instant T = Instant.parse("2026-11-23T09:00:00Z");
  GiteaTestServer t;
  FakeRepo repo;
  GiteaTarget target;

  @BeforeEach
  void seed() throws Exception {
    t = new GiteaTestServer();
    t.gitea.now = T;
    repo = t.gitea.repo("alex/app");
    repo.addIssue(1, "crash on start", "mara", T.minus(Duration.ofDays(1)), "bug");
    repo.addIssue(2, "paginate", "alex", T.minus(Duration.ofDays(1)), "feature");
    repo.issues.get(2).withArray("assignees").add(Json.mapper().createObjectNode().put("login", "kimi-code"));
    repo.label("p1");
    repo.addPull(10, "green", "kimi-code", T.minus(Duration.ofHours(5)), "aaa", "success");
    repo.addPull(11, "red", "kimi-code", T.minus(Duration.ofHours(5)), "bbb", "failure");
    repo.addReview(10, "claude-code", "APPROVED", T.minus(Duration.ofHours(4)));
    target = targetWith(false);
  }

  GiteaTarget targetWith(boolean createMissingLabels) {
    return new GiteaTarget(t.client(t.config(List.of("alex/app"), createMissingLabels)));
  }

  @AfterEach
  void stop() {
    t.close();
  }

  static ProposalItem proposal(ActionKind kind, String subject, Map<String, String> params) {
    Proposal p = new Proposal(kind, subject, params, "because the rules said so");
    return new ProposalItem(p.key(), kind, subject, params, "TEST-001", "test", p.reason(), List.of(), List.of());
  }

  List<RecordedRequest> writes() {
    return t.gitea.requests.stream().filter(r -> !r.getMethod().equals("GET")).toList();
  }

  static JsonNode body(RecordedRequest r) throws IOException {
    return Json.mapper().readTree(r.getBody().utf8());
  }

  /** What the executor does: check live state, act only when not yet done. */
  String execute(GiteaTarget target, ProposalItem p) throws IOException {
    return target.alreadyDone(p) ? "already done" : target.perform(p);
  }

  @Test
  void add_label_puts_an_existing_label_on_by_id_and_is_then_already_done() throws IOException {
    ProposalItem p = proposal(ActionKind.ADD_LABEL, "alex/app#1", Map.of("label", "p1"));
    assertFalse(target.alreadyDone(p));
    assertEquals("added label p1 to alex/app#1", target.perform(p));
    RecordedRequest w = writes().get(0);
    assertEquals("/api/v1/repos/alex/app/issues/1/labels", w.getUrl().encodedPath());
    assertEquals(repo.label("p1").get("id").asLong(), body(w).get("labels").get(0).asLong());
    assertTrue(target.alreadyDone(p));
    assertEquals("s3cret", w.getHeaders().get("Authorization").replace("token ", ""));
  }

  @Test
  void a_missing_label_is_refused_unless_labels_may_be_created() throws IOException {
    ProposalItem p = proposal(ActionKind.ADD_LABEL, "alex/app#1", Map.of("label", "stale"));
    ActionRefused refused = assertThrows(ActionRefused.class, () -> target.perform(p));
    assertTrue(refused.getMessage().contains("gitea.createMissingLabels is false"), refused.getMessage());
    assertTrue(writes().isEmpty());

    assertEquals("added label stale to alex/app#1", targetWith(true).perform(p));
    assertEquals(List.of("POST /api/v1/repos/alex/app/labels", "POST /api/v1/repos/alex/app/issues/1/labels"),
        writes().stream().map(r -> r.getMethod() + " " + r.getUrl().encodedPath()).toList());
    assertEquals("stale", body(writes().get(0)).get("name").asText());
    assertTrue(target.alreadyDone(p));
  }

  @Test
  void remove_label_deletes_it_by_id_and_does_nothing_when_it_is_not_there() throws IOException {
    ProposalItem p = proposal(ActionKind.REMOVE_LABEL, "alex/app#1", Map.of("label", "bug"));
    long id = repo.label("bug").get("id").asLong();
    assertEquals("removed label bug from alex/app#1", execute(target, p));
    assertEquals("DELETE /api/v1/repos/alex/app/issues/1/labels/" + id,
        writes().get(0).getMethod() + " " + writes().get(0).getUrl().encodedPath());
    assertEquals("already done", execute(target, p));
    assertEquals(1, writes().size());
  }

  @Test
  void a_comment_carries_the_hidden_marker_of_its_proposal_and_is_written_once() throws IOException {
    ProposalItem p = proposal(ActionKind.COMMENT, "alex/app#1", Map.of("topic", "stale-warning", "body", "No activity for 20 days."));
    assertEquals("COMMENT:alex/app#1:topic=stale-warning", p.id());
    execute(target, p);
    assertEquals("No activity for 20 days.\n\n" + Markers.of(p.id()), body(writes().get(0)).get("body").asText());
    assertEquals("already done", execute(target, p));
    assertEquals("comment already on alex/app#1", target.perform(p));
    assertEquals(1, writes().size());
  }

  @Test
  void assign_and_unassign_send_the_whole_assignee_list() throws IOException {
    execute(target, proposal(ActionKind.ASSIGN, "alex/app#2", Map.of("login", "claude-code")));
    assertEquals("[\"kimi-code\",\"claude-code\"]", body(writes().get(0)).get("assignees").toString());
    execute(target, proposal(ActionKind.UNASSIGN, "alex/app#2", Map.of("login", "kimi-code")));
    assertEquals("[\"claude-code\"]", body(writes().get(1)).get("assignees").toString());
    assertEquals("already done", execute(target, proposal(ActionKind.ASSIGN, "alex/app#2", Map.of("login", "claude-code"))));
    assertEquals(2, writes().size());
  }

  @Test
  void close_writes_its_note_first_and_a_crash_before_closing_is_completed_without_a_second_note() throws IOException {
    ProposalItem p = proposal(ActionKind.CLOSE, "alex/app#1", Map.of("body", "Closing: no activity for 7 days after the warning."));
    t.gitea.fail(r -> r.getMethod().equals("PATCH"), 1, FakeGitea.error(500, "boom"));
    assertThrows(IOException.class, () -> execute(target, p));
    assertEquals(1, repo.comments.size());
    assertEquals("open", repo.issues.get(1).get("state").asText());

    assertEquals("closed alex/app#1 with a note", execute(targetWith(false), p));
    assertEquals(1, repo.comments.size(), "the note is not repeated");
    assertTrue(repo.comments.get(0).get("body").asText().endsWith(Markers.of(p.id())));
    assertEquals("closed", repo.issues.get(1).get("state").asText());
    assertEquals("already done", execute(target, p));
  }

  @Test
  void a_write_whose_answer_was_lost_is_not_repeated_when_the_cycle_runs_again() throws IOException {
    ProposalItem comment = proposal(ActionKind.COMMENT, "alex/app#1", Map.of("topic", "route", "body", "Routed to kimi."));
    ProposalItem escalate = proposal(ActionKind.CREATE_ISSUE, "alex/app",
        Map.of("title", "Timmy needs you: strategy", "body", "alex/app#2 is labelled strategy."));
    t.gitea.loseAnswers(r -> !r.getMethod().equals("GET"), 2);
    assertThrows(IOException.class, () -> execute(target, comment));
    assertThrows(IOException.class, () -> execute(target, escalate));
    // the process dies here: no journal entry; a new process runs the same proposals
    GiteaTarget restarted = targetWith(false);
    assertEquals("already done", execute(restarted, comment));
    assertEquals("already done", execute(restarted, escalate));
    assertEquals(2, writes().size());
    assertEquals(1, repo.comments.size());
    assertEquals(3, repo.issues.size());
  }

  @Test
  void create_issue_marks_its_body_and_finds_it_again() throws IOException {
    ProposalItem p = proposal(ActionKind.CREATE_ISSUE, "alex/app#2",
        Map.of("title", "Decision needed: pricing", "body", "Only Alex decides strategy."));
    assertEquals("opened alex/app#12", execute(target, p));
    assertTrue(repo.issues.get(12).get("body").asText().endsWith(Markers.of(p.id())));
    assertEquals("issue already open as alex/app#12", target.perform(p));
    assertEquals(1, writes().size());
  }

  @Test
  void merge_rechecks_the_pull_and_sends_the_configured_method_with_the_head_it_checked() throws IOException {
    ProposalItem p = proposal(ActionKind.MERGE, "alex/app#10", Map.of("sha", "aaa"));
    assertEquals("merged alex/app#10 at aaa (squash)", execute(target, p));
    JsonNode b = body(writes().get(0));
    assertEquals("squash", b.get("Do").asText());
    assertEquals("aaa", b.get("head_commit_id").asText());
    assertEquals("already done", execute(target, p));
  }

  @Test
  void merge_is_refused_when_anything_moved_since_the_decision() {
    repo.pulls.get(10).with("head").put("sha", "aaa2");
    repo.setStatus("aaa2", "success", "ci/build");
    assertRefused(proposal(ActionKind.MERGE, "alex/app#10", Map.of("sha", "aaa")), "its head is aaa2, not aaa");
    assertRefused(proposal(ActionKind.MERGE, "alex/app#11", Map.of("sha", "bbb")), "CI on bbb is FAILURE (failing: ci/build)");
    repo.pulls.get(10).put("mergeable", false).put("draft", true);
    assertRefused(proposal(ActionKind.MERGE, "alex/app#10", Map.of("sha", "aaa2")), "it is a draft; Gitea says it is not mergeable");
    assertRefused(proposal(ActionKind.MERGE, "alex/app#10", Map.of()), "expected parameter sha");
    assertTrue(writes().isEmpty());
  }

  @Test
  void a_marker_someone_else_wrote_does_not_count_as_timmy_s_comment() throws IOException {
    ProposalItem p = proposal(ActionKind.COMMENT, "alex/app#1", Map.of("topic", "x", "body", "hello"));
    repo.addComment(1, "mara", T.minus(Duration.ofHours(1)), "copied " + Markers.of(p.id()));
    assertFalse(target.alreadyDone(p), "mara's copy of the marker proves nothing");
    assertEquals("commented on alex/app#1", target.perform(p));
    assertTrue(target.alreadyDone(p), "Timmy's own comment does");
    assertEquals(1, writes().size());
  }

  @Test
  void a_hold_alex_adds_after_the_snapshot_stops_the_merge_on_the_pull_or_its_issue() {
    target = new GiteaTarget(t.client(t.config(List.of("alex/app"), false)), "alex", List.of("on-hold"));
    repo.pulls.get(10).withArray("labels").add(repo.label("on-hold"));
    assertRefused(proposal(ActionKind.MERGE, "alex/app#10", Map.of("sha", "aaa")), "it is now labelled on-hold");
    repo.pulls.get(10).putArray("labels");
    repo.issues.get(1).withArray("labels").add(repo.label("on-hold"));   // #10 closes #1
    assertRefused(proposal(ActionKind.MERGE, "alex/app#10", Map.of("sha", "aaa")), "its issue #1 is now labelled on-hold");
    assertTrue(writes().isEmpty());
  }

  @Test
  void a_merge_gitea_refuses_is_a_refusal_with_gitea_s_message() {
    t.gitea.fail(FakeGitea.path("/merge$"), 1, FakeGitea.error(409, "head out of date"));
    assertRefused(proposal(ActionKind.MERGE, "alex/app#10", Map.of("sha", "aaa")), "(409): head out of date");
  }

  @Test
  void only_a_merged_branch_at_its_merged_commit_with_no_open_pull_is_deleted() throws IOException {
    ProposalItem p = proposal(ActionKind.DELETE_BRANCH, "alex/app#10", Map.of("branch", "feature/10"));
    assertRefused(p, "open pull #10 uses it");
    repo.pulls.get(10).put("state", "closed").put("merged", true);
    repo.branches.put("feature/10", "aaa-later");
    assertRefused(p, "no merged pull has its current commit aaa-later");
    repo.branches.put("feature/10", "aaa");
    assertEquals("deleted merged branch alex/app:feature/10", execute(target, p));
    assertEquals("/api/v1/repos/alex/app/branches/feature/10", writes().get(0).getUrl().encodedPath());
    assertEquals("already done", execute(target, p));
  }

  @Test
  void a_vetoed_proposal_is_refused_whatever_the_caller_does() {
    Proposal p = new Proposal(ActionKind.COMMENT, "alex/app#1", Map.of("body", "hi"), "r");
    ProposalItem vetoed = new ProposalItem(p.key(), p.kind(), p.subject(), p.params(), "R", "t", "r", List.of(),
        List.of(new VetoItem("AUTH-001", "Hold", "Alex holds it", List.of())));
    assertRefused(vetoed, "is vetoed");
  }

  void assertRefused(ProposalItem p, String reason) {
    ActionRefused e = assertThrows(ActionRefused.class, () -> target.perform(p));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }
}
