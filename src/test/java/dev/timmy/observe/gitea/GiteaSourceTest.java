package dev.timmy.observe.gitea;

import dev.timmy.gitea.FakeRepo;
import dev.timmy.gitea.GiteaTestServer;
import dev.timmy.gitea.TestClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.facts.CiState;
import dev.timmy.facts.Issue;
import dev.timmy.facts.PullRequest;
import dev.timmy.observe.Backlog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GiteaSourceTest {
  static final Instant T = Instant.parse("2026-11-23T09:00:00Z");
  GiteaTestServer t;
  FakeRepo big;
  TestClock clock;
  GiteaSource source;

  @BeforeEach
  void seed() throws Exception {
    t = new GiteaTestServer();
    t.gitea.now = T;
    big = t.gitea.repo("alex/big");
    for (int n = 1; n <= 300; n++) big.addIssue(n, "issue " + n, "alex", T.minus(Duration.ofDays(2 + n % 20)), "bug");
    for (int n = 301; n <= 305; n++) {
      big.addPull(n, "pull " + n, "kimi-code", T.minus(Duration.ofDays(1)), "sha" + n, "success");
      big.addReview(n, "claude-code", "APPROVED", T.minus(Duration.ofDays(1)));
    }
    big.addComment(7, "kimi-code", T.minus(Duration.ofDays(3)), "on it");
    big.addComment(302, "alex", T.minus(Duration.ofDays(1)), "nice");
    clock = new TestClock(T);
    source = new GiteaSource(t.client(t.config(List.of("alex/big"), false)), List.of("alex/big"), Duration.ofHours(1), clock);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  Backlog cycle() {
    t.gitea.now = t.gitea.now.plusSeconds(60);
    clock.advance(Duration.ofSeconds(60));
    t.gitea.clear();
    return source.read();
  }

  @Test
  void an_unchanged_300_issue_repository_costs_three_requests_after_the_first_full_read() {
    Backlog first = cycle();
    int firstRequests = t.gitea.requests.size();
    assertTrue(first.complete(), first.gaps().toString());
    assertEquals(300, first.issues().size());
    assertEquals(5, first.pulls().size());
    assertEquals(2, first.comments().size());
    // Timmy's own login (once), 6 pages of issues, 1 of pulls, 1 of comments, reviews and status of 5 pulls
    assertEquals(1 + 6 + 1 + 1 + 5 * 2, firstRequests, t.gitea.lines().toString());

    Backlog second = cycle();
    System.out.println("GiteaSource requests per cycle: first (full) " + firstRequests + ", unchanged "
        + t.gitea.requests.size() + ": " + t.gitea.lines());
    assertEquals(3, t.gitea.requests.size(), t.gitea.lines().toString());
    assertEquals(first, second);
  }

  @Test
  void a_new_comment_a_closed_issue_a_new_issue_and_a_moved_pull_are_seen_in_the_next_cycle() {
    cycle();
    Instant now = t.gitea.now.plusSeconds(30);
    big.addComment(12, "kimi-code", now, "picked this up");
    big.issues.get(13).put("state", "closed").put("updated_at", now.toString());
    big.addIssue(400, "fresh", "mara", now, "security", "p0");
    big.pulls.get(303).with("head").put("sha", "sha303b");
    big.pulls.get(303).put("updated_at", now.toString());
    big.setStatus("sha303b", "failure", "ci/build");

    Backlog b = cycle();
    assertTrue(b.complete(), b.gaps().toString());
    Issue twelve = b.issues().stream().filter(i -> i.number() == 12).findFirst().orElseThrow();
    assertEquals("kimi-code", twelve.lastActivityBy());
    assertTrue(b.issues().stream().noneMatch(i -> i.number() == 13));
    assertTrue(b.issues().stream().anyMatch(i -> i.number() == 400 && i.hasLabel("p0")));
    PullRequest moved = b.pulls().stream().filter(p -> p.number() == 303).findFirst().orElseThrow();
    assertEquals(CiState.FAILURE, moved.ciState());
    assertEquals(List.of("ci/build"), moved.ciFailing());
    assertEquals(1, t.gitea.lines().stream().filter(l -> l.contains("/pulls/303/reviews")).count());
    assertEquals(0, t.gitea.lines().stream().filter(l -> l.contains("/pulls/304/reviews")).count(), t.gitea.lines().toString());
  }

  @Test
  void a_closed_or_merged_pull_leaves_and_a_pending_ci_is_polled_until_it_settles() {
    big.setStatus("sha305", "pending", "ci/build");
    cycle();
    Instant now = t.gitea.now.plusSeconds(30);
    big.pulls.get(301).put("state", "closed").put("merged", true).put("updated_at", now.toString());
    big.setStatus("sha305", "success", "ci/build");

    Backlog b = cycle();
    assertTrue(b.pulls().stream().noneMatch(p -> p.number() == 301));
    assertEquals(CiState.SUCCESS, b.pulls().stream().filter(p -> p.number() == 305).findFirst().orElseThrow().ciState());
    assertEquals(4, t.gitea.requests.size(), "issues, comments, recent pulls and the pending status: " + t.gitea.lines());
    cycle();
    assertEquals(3, t.gitea.requests.size(), "settled CI is not polled again: " + t.gitea.lines());
  }

  @Test
  void the_repository_is_read_in_full_again_once_the_resync_period_has_passed() {
    cycle();
    big.comments.remove(0); // a deletion no since= can show
    clock.advance(Duration.ofMinutes(61));
    Backlog b = cycle();
    assertEquals(1, b.comments().size());
    assertEquals(6 + 1 + 1, t.gitea.requests.size(), "unchanged pulls keep their reviews and status: " + t.gitea.lines());
  }

  @Test
  void since_is_taken_from_gitea_s_clock_with_an_overlap() {
    cycle();
    Instant serverAtFirstRead = t.gitea.now;
    cycle();
    String expected = "since=" + serverAtFirstRead.minus(GiteaSource.OVERLAP).toString().replace(":", "%3A");
    assertTrue(t.gitea.lines().get(0).contains(expected), t.gitea.lines().get(0) + " should contain " + expected);
    assertFalse(t.gitea.lines().get(0).contains("type="), "pull conversations are listed too");
  }
}
