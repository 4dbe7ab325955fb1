package dev.timmy.act.gitea;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timmy.Json;
import dev.timmy.act.ActionRefused;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.ProposalItem;
import dev.timmy.facts.Owner;
import dev.timmy.gitea.FakeRepo;
import dev.timmy.gitea.GiteaTestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live re-check right before a merge, against the fake Gitea: each condition a merge needs,
 * read fresh, refuses on its own; the same check is the target's dry-run refusal and writes nothing.
 */
class MergeRecheckTest {
  static final Instant T = Instant.parse("2026-11-23T09:00:00Z");
  GiteaTestServer t;
  FakeRepo repo;
  GiteaTarget target;
  final ProposalItem merge = GiteaTargetTest.proposal(ActionKind.MERGE, "alex/app#10", Map.of("sha", "aaa"));

  @BeforeEach
  void start() throws Exception {
    t = new GiteaTestServer();
    t.gitea.now = T;
    repo = t.gitea.repo("alex/app");
    repo.addIssue(1, "crash", "mara", T.minus(Duration.ofDays(1)), "bug");
    repo.addPull(10, "green", "kimi-code", T.minus(Duration.ofHours(5)), "aaa", "success");
    repo.addReview(10, "claude-code", "APPROVED", T.minus(Duration.ofHours(4)));
    repo.branches.put("main", "0000");
    target = new GiteaTarget(t.client(t.config(List.of("alex/app"), false)), new Owner("alex", List.of("on-hold")));
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private void refused(String why) throws Exception {
    String dry = target.refusal(merge).orElseThrow(() -> new AssertionError("the dry-run check should refuse: " + why));
    assertTrue(dry.contains(why), dry);
    ActionRefused live = assertThrows(ActionRefused.class, () -> target.perform(merge));
    assertTrue(live.getMessage().contains(why), live.getMessage());
    assertEquals(0, t.gitea.writes(), "nothing was merged: " + t.gitea.lines());
  }

  @Test
  void a_ready_pull_passes_the_dry_run_check_with_reads_only_and_then_merges() throws Exception {
    assertTrue(target.refusal(merge).isEmpty(), target.refusal(merge).toString());
    assertEquals(0, t.gitea.writes());
    assertEquals("merged alex/app#10 at aaa (squash)", target.perform(merge));
    assertEquals(1, t.gitea.writes());
  }

  @Test
  void a_skipped_check_is_not_green_even_when_gitea_combines_it_as_success() throws Exception {
    repo.setStatuses("aaa", "success", "ci/build", "success", "ci/e2e", "skipped");
    refused("check ci/e2e is skipped, not success");
  }

  @Test
  void a_required_check_that_never_reported_is_not_green() throws Exception {
    ObjectNode p = Json.mapper().createObjectNode().put("enable_status_check", true).put("required_approvals", 1);
    p.putArray("status_check_contexts").add("ci/build").add("ci/security*");
    repo.protection.put("main", p);
    refused("required check ci/security* has not passed on aaa");
  }

  @Test
  void the_base_branch_may_require_more_approvals_than_one() throws Exception {
    repo.protection.put("main", Json.mapper().createObjectNode().put("required_approvals", 2));
    refused("main requires 2 approvals by others, it has 1");
  }

  @Test
  void an_approval_by_the_author_alone_does_not_count() throws Exception {
    repo.reviews.get(10).clear();
    repo.addReview(10, "kimi-code", "APPROVED", T.minus(Duration.ofHours(3)));
    refused("nobody but its author (kimi-code) approved it");
  }

  @Test
  void a_change_request_after_the_snapshot_stops_the_merge() throws Exception {
    repo.addReview(10, "mara", "REQUEST_CHANGES", T.minus(Duration.ofMinutes(5)));
    refused("changes requested by mara");
  }

  @Test
  void alex_saying_dont_merge_after_the_snapshot_stops_it_on_the_pull_or_its_issue() throws Exception {
    repo.addComment(1, "alex", T.minus(Duration.ofMinutes(1)), "Don\u2019t  MERGE the fix yet");
    refused("alex said \"don't merge\" on #1");
    repo.comments.clear();
    repo.addComment(10, "ALEX", T.minus(Duration.ofMinutes(1)), "/timmy\u00a0hold");
    refused("on #10");
  }

  @Test
  void a_draft_or_a_moved_head_stops_it() throws Exception {
    repo.pulls.get(10).put("draft", true);
    refused("it is a draft");
    repo.pulls.get(10).put("draft", false).with("head").put("sha", "aaa2");
    repo.setStatus("aaa2", "success", "ci/build");
    refused("its head is aaa2, not aaa");
  }

  @Test
  void a_branch_that_would_walk_the_path_is_refused_before_any_request() throws Exception {
    ProposalItem delete = GiteaTargetTest.proposal(ActionKind.DELETE_BRANCH, "alex/app#10", Map.of("branch", "../../../other/victim"));
    assertTrue(target.refusal(delete).orElseThrow().contains("not a valid branch name"));
    assertThrows(ActionRefused.class, () -> target.perform(delete));
    assertTrue(t.gitea.requests.isEmpty(), t.gitea.lines().toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> t.client(t.config(List.of("alex/app"), false)).repoUrl("alex/app", "branches", "../../../other/victim"));
    assertTrue(e.getMessage().contains("refused before it became a URL"), e.getMessage());
  }
}
