package dev.timmy.cycle;

import static dev.timmy.host.OllamaFixtures.json;
import static dev.timmy.host.OllamaFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.Json;
import dev.timmy.config.TriageConfig;
import dev.timmy.decide.Decision;
import dev.timmy.decide.RuleBook;
import dev.timmy.facts.HostMetrics;
import dev.timmy.facts.Issue;
import dev.timmy.facts.ModelRole;
import dev.timmy.facts.OllamaModel;
import dev.timmy.facts.Owner;
import dev.timmy.facts.Snapshot;
import dev.timmy.facts.Triage;
import dev.timmy.facts.TriageBackoff;
import dev.timmy.facts.TriageFacts;
import dev.timmy.journal.Journal;
import dev.timmy.gitea.TestClock;
import dev.timmy.host.OllamaClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The brain beside the cycle against a MockWebServer playing Ollama's /api/chat with recorded
 * replies: the rules ask, the runner calls, judges and journals; the next cycle sees the fact.
 */
class TriageRunnerTest {
  static final Instant T = Instant.parse("2026-11-23T09:00:00Z");
  static final Instant UPDATED = Instant.parse("2026-11-22T10:00:00Z");
  static final HostMetrics ROOMY = new HostMetrics("hermes", "macOS", 38_654_705_664L, 20_000_000_000L, 0, 0, 0.2, 12);
  static final List<OllamaModel> BOTH = List.of(
      new OllamaModel("qwen3:8b", ModelRole.FAST, 5_225_376_047L, true, 5_225_376_047L, T.plusSeconds(600)),
      new OllamaModel("qwen3:14b", ModelRole.COMPLEX, 9_276_198_565L, false, 0, null));
  static RuleBook rules;

  @TempDir Path dir;
  MockWebServer ollama;
  TestClock clock;
  Journal journal;
  TriageRunner runner;

  @BeforeAll
  static void compile() throws Exception {
    rules = RuleBook.open(Path.of("rules"));
  }

  @BeforeEach
  void start() throws Exception {
    ollama = new MockWebServer();
    ollama.start();
    clock = new TestClock(T);
    journal = Journal.open(dir.resolve("timmy.db"), clock);
    runner = runner(journal, new TriageConfig(true, 2, 30, 1, 30, 6000));
  }

  @AfterEach
  void stop() {
    runner.close();
    ollama.close();
  }

  private TriageRunner runner(Journal j, TriageConfig config) {
    OkHttpClient http = new OkHttpClient.Builder().readTimeout(config.timeout()).callTimeout(config.timeout()).build();
    return new TriageRunner(new OllamaClient(http, ollama.url("/").toString(), "qwen3:8b", "qwen3:14b", config.timeout()),
        j.triage(), config, clock);
  }

  private static Issue issue(int n, String title) {
    return new Issue("alex/app", n, title, "It fails now and then.", List.of(), "alex", List.of(), "open",
        UPDATED.minus(Duration.ofDays(1)), UPDATED, UPDATED, "alex", 0, false, null, null);
  }

  /** One cycle's view: the backlog, a roomy host, both models, and what the runner knows. */
  private Snapshot snapshot(TriageRunner r, List<Issue> issues) {
    Snapshot s = Snapshot.ofBacklog(clock.instant(), true, List.of(), new Owner("alex", List.of("on-hold")), issues,
        List.of(), List.of(), List.of())
        .withHouse(ROOMY, List.of(), List.of(), BOTH, null, List.of(), List.of(), List.of());
    return s.withTriage(r.facts(issues));
  }

  /** Evaluates, hands the requests to the runner, and waits for its calls. */
  private Decision cycle(TriageRunner r, List<Issue> issues) throws InterruptedException {
    Snapshot s = snapshot(r, issues);
    Decision d = rules.evaluate(s);
    r.submit(s, d);
    assertTrue(r.idle(Duration.ofSeconds(10)), "the runner finished its calls");
    return d;
  }

  @Test
  void a_good_answer_is_journaled_and_becomes_a_fact_of_the_next_cycle() throws Exception {
    ollama.enqueue(ok(json("chat-good.json")));
    List<Issue> backlog = List.of(issue(3, "Pipeline flakes"));

    Decision first = cycle(runner, backlog);

    assertEquals(List.of("qwen3:8b"), first.triage().stream().map(t -> t.model()).toList());
    assertEquals("TRIAGE-022", first.triage().get(0).ruleId());
    RecordedRequest asked = ollama.takeRequest();
    assertEquals("/api/chat", asked.getTarget());
    JsonNode body = Json.mapper().readTree(asked.getBody().utf8());
    assertEquals("qwen3:8b", body.get("model").asText());
    assertEquals(false, body.get("stream").asBoolean(true));
    assertEquals("object", body.at("/format/type").asText());
    assertTrue(body.at("/messages/1/content").asText().contains("Pipeline flakes"));

    TriageFacts known = runner.facts(backlog);
    assertEquals(1, known.answers().size());
    Triage t = known.answers().get(0);
    assertEquals("ci", t.area());
    assertEquals(UPDATED, t.issueUpdatedAt());
    Decision second = rules.evaluate(snapshot(runner, backlog));
    assertEquals(List.of(), second.triage(), "an answered issue version is not asked again");
    assertTrue(second.checksOf("alex/app#3").stream().anyMatch(c -> c.name().equals("triage") && c.ok()
        && c.detail().equals("area: ci, kind: chore, complexity: small, from qwen3:8b, confidence 0.82")), second.checksOf("alex/app#3").toString());
  }

  @Test
  void the_cache_survives_a_restart_and_nothing_is_asked_again() throws Exception {
    ollama.enqueue(ok(json("chat-good.json")));
    List<Issue> backlog = List.of(issue(3, "Pipeline flakes"));
    cycle(runner, backlog);
    runner.close();

    Journal reopened = Journal.open(dir.resolve("timmy.db"), clock);
    TriageRunner again = runner(reopened, new TriageConfig(true, 2, 30, 1, 30, 6000));
    try {
      Decision d = cycle(again, backlog);
      assertEquals(List.of(), d.triage());
      assertEquals(1, ollama.getRequestCount(), "the restart asked nothing");
      assertEquals("ci", again.facts(backlog).answers().get(0).area());
    } finally {
      again.close();
    }
  }

  @Test
  void an_edited_issue_is_a_new_version_and_is_asked_again() throws Exception {
    ollama.enqueue(ok(json("chat-good.json")));
    cycle(runner, List.of(issue(3, "Pipeline flakes")));
    Issue edited = new Issue("alex/app", 3, "Pipeline flakes on arm64", "", List.of(), "alex", List.of(), "open",
        UPDATED.minus(Duration.ofDays(1)), UPDATED.plusSeconds(3600), UPDATED.plusSeconds(3600), "alex", 0, false, null, null);
    assertEquals(List.of(), runner.facts(List.of(edited)).answers());
    assertEquals(1, rules.evaluate(snapshot(runner, List.of(edited))).triage().size());
  }

  @Test
  void malformed_out_of_vocabulary_empty_and_500_answers_make_no_fact_and_back_off_with_their_reason() throws Exception {
    List<String> reasons = List.of("malformed JSON", "out of vocabulary", "empty answer", "HTTP 500: llama runner process has terminated");
    List<MockResponse> replies = List.of(ok(json("chat-malformed.json")), ok(json("chat-out-of-vocabulary.json")),
        ok(json("chat-empty.json")), new MockResponse.Builder().code(500).body(json("error-500.json")).build());
    for (int n = 0; n < replies.size(); n++) {
      ollama.enqueue(replies.get(n));
      Issue i = issue(10 + n, "Button misaligned");
      cycle(runner, List.of(i));
      TriageFacts known = runner.facts(List.of(i));
      assertEquals(List.of(), known.answers(), reasons.get(n));
      TriageBackoff b = known.backoffs().get(0);
      assertTrue(b.reason().contains(reasons.get(n)), b.reason());
      assertEquals(T.plus(Duration.ofMinutes(30)), b.retryAfter());
      Decision d = rules.evaluate(snapshot(runner, List.of(i)));
      assertEquals(List.of(), d.triage(), "not asked again during the back-off");
      assertTrue(d.checksOf(i.subject()).stream().anyMatch(c -> c.ruleId().equals("TRIAGE-031")), d.checksOf(i.subject()).toString());
    }
  }

  @Test
  void a_slow_model_times_out_and_the_cycle_never_waited_for_it() throws Exception {
    ollama.enqueue(ok(json("chat-good.json")).newBuilder().headersDelay(5, TimeUnit.SECONDS).build());
    Issue i = issue(3, "Pipeline flakes");
    Snapshot s = snapshot(runner, List.of(i));
    Decision d = rules.evaluate(s);
    long began = System.nanoTime();
    runner.submit(s, d);
    assertTrue(System.nanoTime() - began < Duration.ofMillis(500).toNanos(), "submit returns at once");
    assertTrue(runner.idle(Duration.ofSeconds(10)));
    TriageBackoff b = runner.facts(List.of(i)).backoffs().get(0);
    assertEquals("timeout after 1 s", b.reason());
  }

  @Test
  void back_off_doubles_with_each_failure_in_a_row_and_ends() throws Exception {
    Issue i = issue(3, "Pipeline flakes");
    ollama.enqueue(ok(json("chat-malformed.json")));
    cycle(runner, List.of(i));
    clock.advance(Duration.ofMinutes(31));
    ollama.enqueue(ok(json("chat-malformed.json")));
    Decision retried = cycle(runner, List.of(i));
    assertEquals(1, retried.triage().size(), "asked again once the back-off ended");
    assertEquals(clock.instant().plus(Duration.ofMinutes(60)), runner.facts(List.of(i)).backoffs().get(0).retryAfter());
  }

  @Test
  void an_unsure_fast_answer_sends_the_issue_to_the_complex_model_whose_answer_wins() throws Exception {
    Issue i = issue(3, "Something is off");
    ollama.enqueue(ok(json("chat-unsure.json")));
    cycle(runner, List.of(i));
    ollama.enqueue(ok(json("chat-complex.json")));
    Decision second = cycle(runner, List.of(i));
    assertEquals("qwen3:14b", second.triage().get(0).model());
    assertEquals("TRIAGE-024", second.triage().get(0).ruleId());
    JsonNode asked = Json.mapper().readTree(ollama.takeRequest(1, TimeUnit.SECONDS).getBody().utf8());
    assertEquals("qwen3:8b", asked.get("model").asText());
    assertEquals("qwen3:14b", Json.mapper().readTree(ollama.takeRequest(1, TimeUnit.SECONDS).getBody().utf8()).get("model").asText());
    Triage used = runner.facts(List.of(i)).answers().get(0);
    assertEquals(ModelRole.COMPLEX, used.role());
    assertEquals("architecture", used.area());
  }

  @Test
  void java_carries_out_at_most_calls_per_cycle_whatever_the_rules_ask() throws Exception {
    for (int n = 0; n < 2; n++) ollama.enqueue(ok(json("chat-good.json")));
    List<Issue> backlog = List.of(issue(1, "A"), issue(2, "B"), issue(3, "C"), issue(4, "D"));
    Decision d = cycle(runner, backlog);
    assertEquals(4, d.triage().size(), "the rules asked for every issue");
    assertEquals(2, ollama.getRequestCount(), "callsPerCycle is 2");
    assertEquals(2, runner.facts(backlog).budget().usedLastHour());
  }

  @Test
  void a_request_for_a_model_outside_the_configured_roles_or_an_unknown_issue_is_not_carried_out() throws Exception {
    Issue i = issue(3, "Pipeline flakes");
    Snapshot s = snapshot(runner, List.of(i));
    Decision hostile = new Decision("rev", new Decision.SnapshotInfo(true, T, List.of()), 0, List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(
            new dev.timmy.decide.TriageRequestItem(i.subject(), "evil:70b", ModelRole.COMPLEX, "a rule says so", "EVIL-1", "x", List.of()),
            new dev.timmy.decide.TriageRequestItem(i.subject(), "qwen3:8b", ModelRole.COMPLEX, "wrong role", "EVIL-2", "x", List.of()),
            new dev.timmy.decide.TriageRequestItem("alex/app#404", "qwen3:8b", ModelRole.FAST, "no such issue", "EVIL-3", "x", List.of())));
    runner.submit(s, hostile);
    assertTrue(runner.idle(Duration.ofSeconds(5)));
    assertEquals(0, ollama.getRequestCount());
  }
}
