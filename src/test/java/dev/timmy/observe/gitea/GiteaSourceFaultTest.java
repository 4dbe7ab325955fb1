package dev.timmy.observe.gitea;

import dev.timmy.gitea.FakeGitea;
import dev.timmy.gitea.FakeRepo;
import dev.timmy.gitea.GiteaTestServer;
import dev.timmy.gitea.TestClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.observe.Backlog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each way Gitea can fail: bounded retries, then a partial backlog naming what is missing. */
class GiteaSourceFaultTest {
  static final Instant T = Instant.parse("2026-11-23T09:00:00Z");
  static final Predicate<RecordedRequest> ISSUES = FakeGitea.path("/issues$");
  GiteaTestServer t;
  FakeRepo repo;
  TestClock clock;
  GiteaSource source;

  @BeforeEach
  void seed() throws Exception {
    t = new GiteaTestServer();
    t.gitea.now = T;
    repo = t.gitea.repo("alex/app");
    for (int n = 1; n <= 120; n++) repo.addIssue(n, "issue " + n, "alex", T.minus(Duration.ofDays(3)), "bug");
    repo.addPull(121, "pull", "kimi-code", T.minus(Duration.ofDays(1)), "abc121", "success");
    clock = new TestClock(T);
    source = newSource(List.of("alex/app"));
  }

  GiteaSource newSource(List<String> repos) {
    return new GiteaSource(t.client(t.config(repos, false)), repos, Duration.ofHours(1), clock);
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

  long requestsTo(String part) {
    return t.gitea.lines().stream().filter(l -> l.contains(part)).count();
  }

  static MockResponse status(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }

  @Test
  void a_read_timeout_is_retried_and_the_cycle_completes() {
    t.gitea.fail(ISSUES, 1, new MockResponse.Builder(status(200, "[]")).headersDelay(1200, TimeUnit.MILLISECONDS).build());
    Backlog b = cycle();
    assertTrue(b.complete(), b.gaps().toString());
    assertEquals(120, b.issues().size());
    assertEquals(List.of(Duration.ofMillis(100)), t.sleeps);
  }

  @Test
  void server_errors_are_retried_with_a_growing_backoff() {
    t.gitea.fail(ISSUES, 2, FakeGitea.error(502, "bad gateway"));
    Backlog b = cycle();
    assertTrue(b.complete(), b.gaps().toString());
    assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), t.sleeps);
  }

  @Test
  void a_server_error_that_persists_makes_the_backlog_partial_with_gitea_s_message() {
    t.gitea.fail(ISSUES, 99, FakeGitea.error(500, "database is locked"));
    Backlog b = cycle();
    assertFalse(b.complete());
    assertEquals(1, b.gaps().size());
    String gap = b.gaps().get(0);
    assertTrue(gap.startsWith("alex/app: GET /api/v1/repos/alex/app/issues"), gap);
    assertTrue(gap.contains("500") && gap.contains("database is locked") && gap.contains("after 3 tries"), gap);
    assertEquals(3, requestsTo("/issues?"));
  }

  @Test
  void a_connection_reset_is_retried() {
    t.gitea.fail(ISSUES, 1, new MockResponse.Builder(status(200, "[]"))
        .onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build());
    Backlog b = cycle();
    assertTrue(b.complete(), b.gaps().toString());
    assertEquals(1, t.sleeps.size());
  }

  @Test
  void a_body_cut_off_mid_stream_is_retried() {
    t.gitea.fail(ISSUES, 1, new MockResponse.Builder(status(200, "[" + "{\"number\":1},".repeat(2000) + "{}]"))
        .onResponseBody(new SocketEffect.CloseSocket(true, false, false)).build());
    Backlog b = cycle();
    assertTrue(b.complete(), b.gaps().toString());
    assertEquals(120, b.issues().size());
    assertEquals(1, t.sleeps.size(), "the cut-off body was read again");
  }

  @Test
  void rate_limiting_honours_a_short_retry_after() {
    t.gitea.fail(ISSUES, 1, new MockResponse.Builder(FakeGitea.error(429, "rate limited")).setHeader("Retry-After", "2").build());
    Backlog b = cycle();
    assertTrue(b.complete(), b.gaps().toString());
    assertEquals(List.of(Duration.ofSeconds(2)), t.sleeps);
  }

  @Test
  void a_retry_after_beyond_the_cap_gives_up_at_once() {
    t.gitea.fail(ISSUES, 99, new MockResponse.Builder(FakeGitea.error(503, "maintenance")).setHeader("Retry-After", "3600").build());
    Backlog b = cycle();
    assertFalse(b.complete());
    assertTrue(b.gaps().get(0).contains("maintenance") && b.gaps().get(0).contains("Retry-After 3600 s exceeds the cap of 10 s"),
        b.gaps().toString());
    assertEquals(1, requestsTo("/issues?"));
    assertTrue(t.sleeps.isEmpty());
  }

  @Test
  void malformed_json_is_retried_and_named_when_it_persists() {
    t.gitea.fail(ISSUES, 1, status(200, "[{\"number\": 1, \"title\": "));
    assertTrue(cycle().complete());
    t.gitea.fail(FakeGitea.path("/issues/comments$"), 99, status(200, "{\"oops\": true}"));
    Backlog b = cycle();
    assertFalse(b.complete());
    assertTrue(b.gaps().get(0).contains("malformed JSON at line 1 column 1"), b.gaps().toString());
    assertEquals(120, b.issues().size(), "what was read before stays");
  }

  @Test
  void a_page_missing_in_the_middle_makes_the_backlog_partial_until_it_can_be_read() {
    Predicate<RecordedRequest> page2 = ISSUES.and(r -> "2".equals(r.getUrl().queryParameter("page")));
    t.gitea.fail(page2, 3, FakeGitea.error(500, "page exploded"));
    Backlog b = cycle();
    assertFalse(b.complete());
    assertTrue(b.gaps().get(0).contains("page=2") && b.gaps().get(0).contains("page exploded"), b.gaps().toString());
    Backlog healed = cycle();
    assertTrue(healed.complete(), healed.gaps().toString());
    assertEquals(120, healed.issues().size());
  }

  @Test
  void a_page_that_comes_back_short_is_a_gap_not_a_smaller_backlog() {
    t.gitea.fail(ISSUES.and(r -> "2".equals(r.getUrl().queryParameter("page"))), 1,
        new MockResponse.Builder(status(200, "[]")).setHeader("X-Total-Count", "120").build());
    Backlog b = cycle();
    assertFalse(b.complete());
    assertTrue(b.gaps().get(0).contains("X-Total-Count said 120 items, the pages held 50"), b.gaps().toString());
  }

  @Test
  void a_failed_incremental_read_keeps_the_previous_state_and_does_not_move_the_cursor() {
    assertTrue(cycle().complete());
    t.gitea.fail(ISSUES, 3, FakeGitea.error(500, "down"));
    Backlog failed = cycle();
    String failedSince = sinceOfFirstRequest();
    assertFalse(failed.complete());
    assertEquals(120, failed.issues().size());
    assertEquals(1, failed.pulls().size());
    Backlog next = cycle();
    assertTrue(next.complete());
    assertEquals(failedSince, sinceOfFirstRequest(), "the window that failed is asked again");
    cycle();
    assertTrue(sinceOfFirstRequest().compareTo(failedSince) > 0, "and the cursor moves once it was read");
  }

  String sinceOfFirstRequest() {
    return t.gitea.requests.get(0).getUrl().queryParameter("since");
  }

  @Test
  void a_missing_repository_is_not_retried_and_the_others_are_still_read() {
    source = newSource(List.of("alex/gone", "alex/app"));
    Backlog b = cycle();
    assertFalse(b.complete());
    assertEquals(1, b.gaps().size());
    assertTrue(b.gaps().get(0).startsWith("alex/gone: ") && b.gaps().get(0).contains("404"), b.gaps().toString());
    assertTrue(b.gaps().get(0).contains("The target couldn't be found."), b.gaps().toString());
    assertEquals(1, requestsTo("/alex/gone/"));
    assertEquals(120, b.issues().size());
  }

  @Test
  void an_unreachable_server_gives_a_partial_empty_backlog_and_never_throws() {
    t.server.close();
    Backlog b = cycle();
    assertFalse(b.complete());
    assertTrue(b.issues().isEmpty());
    assertTrue(b.gaps().get(0).contains("after 3 tries"), b.gaps().toString());
  }

  @Test
  void a_comment_gitea_sends_malformed_leaves_a_gap_for_its_repository_and_the_others_are_still_read() {
    FakeRepo other = t.gitea.repo("alex/lib");
    other.addIssue(1, "lib issue", "alex", T.minus(Duration.ofDays(2)), "bug");
    repo.addComment(5, "alex", T.minus(Duration.ofHours(2)), "hello").put("issue_url", "not a url")
        .put("pull_request_url", "");
    source = newSource(List.of("alex/app", "alex/lib"));
    Backlog b = cycle();
    assertFalse(b.complete());
    assertEquals(1, b.gaps().size(), b.gaps().toString());
    assertTrue(b.gaps().get(0).startsWith("alex/app: "), b.gaps().toString());
    assertEquals(List.of("alex/lib#1"), b.issues().stream().map(i -> i.subject()).toList());
  }

  @Test
  void a_server_that_caps_the_page_size_below_the_asked_limit_is_still_read_in_full() {
    t.gitea.maxItems = 30;
    Backlog b = cycle();
    assertTrue(b.complete(), b.gaps().toString());
    assertEquals(120, b.issues().size());
  }
}
