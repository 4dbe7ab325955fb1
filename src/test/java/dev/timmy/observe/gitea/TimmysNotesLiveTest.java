package dev.timmy.observe.gitea;

import dev.timmy.gitea.FakeGitea;
import dev.timmy.gitea.FakeRepo;
import dev.timmy.gitea.GiteaClient;
import dev.timmy.gitea.GiteaTestServer;
import dev.timmy.gitea.TestClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.facts.Comment;
import dev.timmy.facts.PullRequest;
import dev.timmy.observe.Backlog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live source against a fake Gitea: Timmy's notes come only from the token's own user (read
 * once), a marker anyone else wrote is their comment, and numbers in bodies never cost more than
 * their own link.
 */
class TimmysNotesLiveTest {
  static final Instant T = Instant.parse("2026-11-23T09:00:00Z");
  static final String WARNING = "<!-- timmy:COMMENT:alex/app#1:topic=stale-warning -->";
  GiteaTestServer t;
  FakeRepo repo;
  TestClock clock;

  @BeforeEach
  void seed() throws Exception {
    t = new GiteaTestServer();
    t.gitea.now = T;
    clock = new TestClock(T);
    repo = t.gitea.repo("alex/app");
    repo.addIssue(1, "old idea", "alex", T.minus(Duration.ofDays(30)), "stale");
  }

  @AfterEach
  void stop() {
    t.close();
  }

  GiteaSource source(List<String> repos) {
    return new GiteaSource(t.client(t.config(repos, false)), repos, Duration.ofHours(1), clock);
  }

  Comment by(Backlog b, String author) {
    return b.comments().stream().filter(c -> c.author().equals(author)).findFirst().orElseThrow();
  }

  @Test
  void only_the_tokens_own_user_writes_timmys_notes_and_its_login_is_read_once() {
    repo.addComment(1, FakeGitea.TIMMY, T.minus(Duration.ofDays(9)), "Timmy marked it stale.\n\n" + WARNING);
    repo.addComment(1, "mara", T.minus(Duration.ofDays(8)), "Please close this. " + WARNING);
    repo.addComment(1, "alex", T.minus(Duration.ofDays(7)), "> Timmy marked it stale.\n> " + WARNING + "\n\nKeep it open.");
    GiteaSource source = source(List.of("alex/app"));

    Backlog first = source.read();
    assertTrue(first.complete(), first.gaps().toString());
    Comment timmys = by(first, FakeGitea.TIMMY);
    assertNotNull(timmys.note(), "Timmy's own warning is its note");
    assertEquals("stale-warning", timmys.note().topic());
    assertEquals("alex/app#1", timmys.note().subject());
    assertEquals(T.minus(Duration.ofDays(9)), timmys.note().at());
    assertNull(by(first, "mara").note(), "a pasted marker is mara's comment");
    assertNull(by(first, "alex").note(), "a quote-reply is Alex's comment");
    assertEquals("alex", first.issues().get(0).lastActivityBy(), "the quote-reply is the last activity, by Alex");

    clock.advance(Duration.ofMinutes(1));
    t.gitea.now = t.gitea.now.plusSeconds(60);
    source.read();
    assertEquals(1, t.gitea.lines().stream().filter(l -> l.startsWith("GET /api/v1/user")).count(), t.gitea.lines().toString());
  }

  @Test
  void without_timmys_own_login_every_repository_is_a_gap_and_nothing_is_read() throws Exception {
    t.gitea.repo("alex/other").addIssue(2, "other", "alex", T);
    t.gitea.fail(FakeGitea.path("^/api/v1/user$"), 100,
        new MockResponse.Builder().code(401).body("{\"message\":\"token is required\",\"url\":\"\"}").build());
    Backlog b = source(List.of("alex/app", "alex/other")).read();
    assertFalse(b.complete());
    assertEquals(2, b.gaps().size(), b.gaps().toString());
    assertTrue(b.gaps().get(0).startsWith("alex/app: cannot read Timmy's own login (GET /user)"), b.gaps().toString());
    assertTrue(b.gaps().get(1).startsWith("alex/other: cannot read Timmy's own login (GET /user)"), b.gaps().toString());
    assertTrue(b.issues().isEmpty() && b.comments().isEmpty(), "no comment can be told from a copied marker: none is used");
  }

  @Test
  void a_pull_request_body_with_an_overflowing_number_costs_only_its_link() {
    repo.addPull(2, "overflow", "kimi-code", T, "sha2", "success").put("body", "Fixes #99999999999");
    repo.addPull(3, "overflow, then a real one", "kimi-code", T, "sha3", "success")
        .put("body", "Fixes #99999999999999999999, fixes #-4, closes #١ and closes #1");
    repo.addPull(4, "huge", "kimi-code", T, "sha4", "success").put("body", "Fixes #" + "9".repeat(10_000));
    Backlog b = source(List.of("alex/app")).read();
    assertTrue(b.complete(), b.gaps().toString());
    assertEquals(1, b.issues().size());
    List<Integer> linked = b.pulls().stream().map(PullRequest::linkedIssue).toList();
    assertEquals(List.of(0, 1, 0), linked, "the unreadable numbers name no issue; #3's readable one still links");
  }

  @Test
  void an_issue_the_tokens_user_opened_with_its_marker_carries_timmys_note_and_a_copy_does_not() {
    String marker = "<!-- timmy:CREATE_ISSUE:loop:ci-main:repo=alex/app,title=CI is red: ci-main -->";
    repo.addIssue(5, "CI is red: ci-main", FakeGitea.TIMMY, T).put("body", "Timmy saw CI fail.\n\n" + marker);
    repo.addIssue(6, "CI is red: ci-main", "mara", T).put("body", "Copied.\n\n" + marker);
    Backlog b = source(List.of("alex/app")).read();
    assertTrue(b.complete(), b.gaps().toString());
    var byNumber = b.issues().stream().collect(java.util.stream.Collectors.toMap(i -> i.number(), i -> i));
    assertEquals("loop:ci-main", byNumber.get(5).note().subject());
    assertEquals("CREATE_ISSUE", byNumber.get(5).note().kind());
    assertEquals("alex/app", byNumber.get(5).note().param("repo"));
    assertNull(byNumber.get(6).note(), "mara's copy is her issue");
    assertNull(byNumber.get(1).note());
  }

  @Test
  void without_a_token_there_is_no_own_login_to_ask_for_and_the_gap_says_so() {
    GiteaClient anonymous = new GiteaClient(t.config(List.of("alex/app"), false), null, new okhttp3.OkHttpClient(), d -> {});
    Backlog b = new GiteaSource(anonymous, List.of("alex/app"), Duration.ofHours(1), clock).read();
    assertFalse(b.complete());
    assertTrue(b.gaps().get(0).contains("no Gitea token"), b.gaps().toString());
    assertTrue(t.gitea.lines().isEmpty(), "nothing is read that could not be told apart: " + t.gitea.lines());
  }
}
