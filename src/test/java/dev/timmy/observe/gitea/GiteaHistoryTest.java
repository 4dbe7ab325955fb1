package dev.timmy.observe.gitea;

import dev.timmy.gitea.FakeGitea;
import dev.timmy.gitea.FakeRepo;
import dev.timmy.gitea.GiteaTestServer;
import dev.timmy.gitea.SwaggerSpec;
import dev.timmy.gitea.TestClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.facts.Dispatch;
import dev.timmy.facts.History;
import dev.timmy.facts.PastIssue;
import dev.timmy.facts.PastPull;
import dev.timmy.observe.Backlog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Closed work within the agent window, read cheaply: every refresh period, each closed pull's details once. */
class GiteaHistoryTest {
  static final Instant T = Instant.parse("2026-11-23T09:00:00Z");
  GiteaTestServer t;
  FakeRepo app;
  TestClock clock;
  GiteaSource source;

  static Instant daysAgo(int d) {
    return T.minus(Duration.ofDays(d));
  }

  @BeforeEach
  void seed() throws Exception {
    t = new GiteaTestServer();
    t.gitea.now = T;
    app = t.gitea.repo("alex/app");
    app.addIssue(1, "open work", "alex", daysAgo(1), "feature");
    app.addIssue(2, "done by kimi", "alex", daysAgo(7), "feature");
    // #2's timeline: Alex assigns Kimi, Timmy's routing note, and a routing marker forged by Mara.
    app.assign(2, "alex", "kimi-code", daysAgo(6), false);
    app.addComment(2, "timmy", daysAgo(6).plusSeconds(60), "routed <!-- timmy:COMMENT:alex/app#2:agent=kimi,topic=routing -->");
    app.addComment(2, "mara", daysAgo(6).plusSeconds(120), "sure <!-- timmy:COMMENT:alex/app#2:agent=kimi,topic=routing -->");
    // After #12 opened (four days ago): no dispatch of #12's, and not read.
    app.assign(2, "alex", "kimi-code", daysAgo(3), false);
    app.closeIssue(2, daysAgo(2), daysAgo(2), "kimi-code");
    app.addIssue(3, "closed long ago, commented yesterday", "alex", daysAgo(40), "bug");
    app.closeIssue(3, daysAgo(30), daysAgo(1), "kimi-code");
    app.addPull(10, "open and green", "kimi-code", daysAgo(1), "sha10", "success");
    app.addPull(11, "red twice, given up", "kimi-code", daysAgo(4), "sha11", "failure");
    app.addComment(11, "timmy", daysAgo(4), "red <!-- timmy:COMMENT:alex/app#11:sha=old11,topic=ci-failed -->");
    app.addComment(11, "timmy", daysAgo(3), "red <!-- timmy:COMMENT:alex/app#11:sha=sha11,topic=ci-failed -->");
    app.closePull(11, false, daysAgo(3));
    app.addPull(12, "merged after one round", "kimi-code", daysAgo(3), "sha12", "success").put("body", "Fixes #2");
    app.addReview(12, "alex", "REQUEST_CHANGES", daysAgo(3));
    app.addReview(12, "alex", "APPROVED", daysAgo(2));
    app.closePull(12, true, daysAgo(2));
    app.addPull(13, "merged before the window", "claude-code", daysAgo(41), "sha13", "success");
    app.closePull(13, true, daysAgo(40));
    clock = new TestClock(T);
    source = new GiteaSource(t.client(t.config(List.of("alex/app"), false)), List.of("alex/app"), Duration.ofHours(1), clock,
        Duration.ofDays(14), Duration.ofMinutes(30));
  }

  @AfterEach
  void stop() {
    t.close();
  }

  Backlog cycle(Duration later) {
    t.gitea.now = t.gitea.now.plus(later);
    clock.advance(later);
    t.gitea.clear();
    return source.read();
  }

  long requests(String pathPart) {
    return t.gitea.lines().stream().filter(l -> l.contains(pathPart)).count();
  }

  @Test
  void the_first_read_finds_the_closed_work_of_the_window_with_failures_and_review_rounds() {
    Backlog b = cycle(Duration.ofSeconds(60));
    assertTrue(b.complete(), b.gaps().toString());
    History h = b.history();
    assertEquals(14, h.windowDays());
    assertEquals(List.of(
        new PastPull("alex/app", 11, "kimi-code", false, daysAgo(3), 2, 0, List.of(), daysAgo(5), 1, List.of()),
        new PastPull("alex/app", 12, "kimi-code", true, daysAgo(2), 0, 1, List.of(), daysAgo(4), 2, List.of(
            new Dispatch("kimi-code", "", daysAgo(6)), new Dispatch("", "kimi", daysAgo(6).plusSeconds(60))))), h.pulls(),
        "only merged #12 reads its issue's timeline; Mara's copy of the routing marker is no dispatch");
    assertEquals(List.of(new PastIssue("alex/app", 2, List.of("kimi-code"), daysAgo(2), List.of("feature"))), h.issues(),
        "#3 was updated within the window but closed before it");
    // Timmy's own login (once); full read: issues, open pulls, comments, reviews + status of #10; history: closed
    // issues, one page of closed pulls (it reaches #13, closed before the window), reviews + status + comments of #11
    // and #12, and the timeline of #2, the issue merged #12 closes
    assertEquals(1 + 5 + 2 + 2 * 3 + 1, t.gitea.requests.size(), t.gitea.lines().toString());
    assertEquals(1, requests("/issues/2/timeline?before=" + daysAgo(4).plusSeconds(1).toString().replace(":", "%3A")),
        t.gitea.lines().toString());
    assertEquals(0, requests("/pulls/13/"), "nothing is read of a pull closed before the window");
    assertTrue(t.gitea.lines().stream().anyMatch(l -> l.contains("/pulls?state=closed&sort=recentclose")), t.gitea.lines().toString());
    assertTrue(t.gitea.lines().stream().anyMatch(l -> l.contains("/issues?state=closed&type=issues&since=")), t.gitea.lines().toString());
  }

  @Test
  void unchanged_cycles_cost_three_requests_until_the_history_is_due_and_then_only_its_two_lists() {
    Backlog first = cycle(Duration.ofSeconds(60));
    Backlog second = cycle(Duration.ofMinutes(10));
    assertEquals(3, t.gitea.requests.size(), t.gitea.lines().toString());
    assertEquals(first.history(), second.history());
    Backlog due = cycle(Duration.ofMinutes(25));
    assertEquals(3 + 2, t.gitea.requests.size(), "known closed pulls are not read again: " + t.gitea.lines());
    assertEquals(first.history(), due.history());
  }

  @Test
  void a_merged_pull_closed_since_the_last_read_costs_four_requests_once_and_old_work_leaves_the_window() {
    cycle(Duration.ofSeconds(60));
    app.closePull(10, true, t.gitea.now.plusSeconds(30));
    cycle(Duration.ofMinutes(31));
    assertEquals(1, requests("/pulls/10/reviews"), t.gitea.lines().toString());
    assertEquals(1, requests("/issues/10/comments"), t.gitea.lines().toString());
    assertEquals(1, requests("/issues/1/timeline"), "#10 closes #1: " + t.gitea.lines());
    Backlog later = cycle(Duration.ofMinutes(31));
    assertEquals(0, requests("/pulls/10/reviews"), t.gitea.lines().toString());
    assertEquals(0, requests("/timeline"), t.gitea.lines().toString());
    assertEquals(List.of(10, 11, 12), later.history().pulls().stream().map(PastPull::number).toList());

    Backlog weeksLater = cycle(Duration.ofDays(12));
    assertEquals(List.of(10), weeksLater.history().pulls().stream().map(PastPull::number).toList(),
        "#11 and #12 closed more than 14 days before");
  }

  @Test
  void a_failed_history_read_is_a_gap_keeps_what_was_known_and_is_tried_again_next_cycle() {
    Backlog first = cycle(Duration.ofSeconds(60));
    t.gitea.fail(r -> r.getUrl().encodedPath().endsWith("/pulls") && "closed".equals(r.getUrl().queryParameter("state")), 3,
        FakeGitea.error(500, "database is locked"));
    Backlog failed = cycle(Duration.ofMinutes(31));
    assertFalse(failed.complete());
    assertEquals(1, failed.gaps().size(), failed.gaps().toString());
    assertTrue(failed.gaps().get(0).startsWith("alex/app: history: "), failed.gaps().get(0));
    assertEquals(first.history(), failed.history());
    Backlog retried = cycle(Duration.ofSeconds(60));
    assertTrue(retried.complete(), retried.gaps().toString());
    assertEquals(3 + 2, t.gitea.requests.size(), "retried at once, not after another refresh period: " + t.gitea.lines());
  }

  @Test
  void a_flooded_timeline_costs_at_most_its_page_cap_and_its_earlier_dispatch_still_counts() {
    // 400 comments after the dispatch and before the opening (three days ago: addPull opens a day before its update),
    // 400 more after the opening, which the read skips.
    app.addIssue(4, "flooded", "alex", daysAgo(9), "bug");
    app.assign(4, "alex", "claude-code", daysAgo(9), false);
    for (int k = 0; k < 400; k++) app.addComment(4, "mara", daysAgo(8).plusSeconds(k), "spam " + k);
    for (int k = 0; k < 400; k++) app.addComment(4, "mara", daysAgo(2).plusSeconds(k), "review talk " + k);
    app.closeIssue(4, daysAgo(1), daysAgo(1), "claude-code");
    app.addPull(14, "fixes the flooded one", "claude-code", daysAgo(2), "sha14", "success").put("body", "Closes #4");
    app.closePull(14, true, daysAgo(1));
    Backlog b = cycle(Duration.ofSeconds(60));
    assertTrue(b.complete(), b.gaps().toString());
    assertEquals(GiteaHistory.TIMELINE_PAGES, requests("/issues/4/timeline"), t.gitea.lines().toString());
    PastPull p14 = b.history().pulls().stream().filter(p -> p.number() == 14).findFirst().orElseThrow();
    assertEquals(List.of(new Dispatch("claude-code", "", daysAgo(9))), p14.dispatches());
  }

  @Test
  void a_merged_pull_that_names_an_issue_gitea_lacks_has_no_dispatch_and_a_failing_timeline_is_a_gap() {
    app.addPull(15, "closes nothing real", "kimi-code", daysAgo(2), "sha15", "success").put("body", "Closes #9999");
    app.closePull(15, true, daysAgo(1));
    Backlog b = cycle(Duration.ofSeconds(60));
    assertTrue(b.complete(), b.gaps().toString());
    assertEquals(1, requests("/issues/9999/timeline"), t.gitea.lines().toString());
    PastPull p15 = b.history().pulls().stream().filter(p -> p.number() == 15).findFirst().orElseThrow();
    assertEquals(9999, p15.linkedIssue());
    assertEquals(List.of(), p15.dispatches());

    app.addPull(16, "merged later", "kimi-code", daysAgo(1), "sha16", "success").put("body", "Closes #2");
    app.closePull(16, true, t.gitea.now);
    t.gitea.fail(FakeGitea.path("/issues/2/timeline$"), 3, FakeGitea.error(500, "database is locked"));
    Backlog failed = cycle(Duration.ofMinutes(31));
    assertFalse(failed.complete());
    assertTrue(failed.gaps().get(0).startsWith("alex/app: history: "), failed.gaps().toString());
    assertEquals(b.history(), failed.history(), "what was known is kept");
  }

  @Test
  void without_an_agent_window_no_history_is_read() {
    GiteaSource plain = new GiteaSource(t.client(t.config(List.of("alex/app"), false)), List.of("alex/app"),
        Duration.ofHours(1), clock);
    Backlog b = plain.read();
    assertEquals(History.none(), b.history());
    assertTrue(t.gitea.lines().stream().noneMatch(l -> l.contains("state=closed")), t.gitea.lines().toString());
  }
}
