package dev.timmy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.decide.Decision;
import dev.timmy.decide.Explanation;
import dev.timmy.decide.RouteItem;
import dev.timmy.facts.Agent;
import dev.timmy.facts.Issue;
import dev.timmy.facts.PullRequest;
import dev.timmy.facts.Snapshot;
import dev.timmy.facts.Subjects;
import dev.timmy.journal.ActionRow;
import dev.timmy.journal.CycleRow;
import dev.timmy.service.ServeOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The API over HTTP, on the demo house, the default rules and a temporary journal. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiServerTest {
  private static final Pattern METRIC = Pattern.compile(
      "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{[a-zA-Z_][a-zA-Z0-9_]*=\"(\\\\.|[^\"\\\\])*\"(,[a-zA-Z_][a-zA-Z0-9_]*=\"(\\\\.|[^\"\\\\])*\")*})?"
          + " (-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?|NaN|[+-]Inf)");

  @TempDir static Path dir;
  static Harness h;

  @BeforeAll
  static void serve() throws Exception {
    h = Harness.start(Harness.demoConfig(dir.resolve("timmy.db"), Path.of("rules")), Harness.secrets(),
        ServeOptions.defaults().webhookDebounce(Duration.ofMillis(400), Duration.ofSeconds(3)));
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static Latest.Decided latest() {
    return h.service.latest().decided().orElseThrow();
  }

  @Test
  void health_says_status_mode_rules_revision_last_cycles_and_loop() throws Exception {
    Harness.Reply r = h.get("/api/health");
    assertEquals(200, r.code(), r.body());
    JsonNode j = r.json();
    assertEquals("ok", j.get("status").asText(), r.body());
    assertEquals("dry-run", j.get("mode").asText());
    assertEquals("demo", j.get("source").asText());
    assertEquals(h.service.rules().revision(), j.get("rules").get("revision").asText());
    assertEquals(0, j.get("rules").get("errors").size());
    assertEquals("OK", j.get("lastGoodCycle").get("status").asText());
    assertTrue(j.get("loop").get("started").asBoolean());
  }

  @Test
  void running_a_cycle_needs_the_admin_token() throws Exception {
    long before = h.service.journal().reader().cycles(1, null).total();
    Harness.Reply none = h.post("/api/cycles", "", null);
    assertEquals(401, none.code());
    assertEquals("unauthorized", none.json().get("code").asText());
    assertTrue(none.headers().contains("WWW-Authenticate: Bearer"), none.headers());
    Harness.Reply wrong = h.post("/api/cycles", "", Harness.ADMIN_TOKEN + "x");
    assertEquals(401, wrong.code());
    assertEquals(before, h.service.journal().reader().cycles(1, null).total(), "a refused request runs no cycle");

    Harness.Reply ok = h.admin("/api/cycles", "");
    assertEquals(200, ok.code(), ok.body());
    assertEquals("api", ok.json().get("trigger").asText());
    assertEquals("OK", ok.json().get("status").asText());
    assertEquals(h.service.journal().reader().lastCycle().orElseThrow().id(), ok.json().get("id").asLong());
  }

  @Test
  void cycles_page_newest_first_and_one_cycle_has_its_items_and_actions() throws Exception {
    h.admin("/api/cycles", "");
    Harness.Reply page = h.get("/api/cycles?limit=1");
    assertEquals(200, page.code());
    long newest = page.json().get("cycles").get(0).get("id").asLong();
    long next = page.json().get("nextBefore").asLong();
    assertEquals(newest, next, "the next page starts below the last id shown");
    Harness.Reply older = h.get("/api/cycles?limit=1&before=" + next);
    assertTrue(older.json().get("cycles").get(0).get("id").asLong() < newest);

    Harness.Reply one = h.get("/api/cycles/" + newest);
    assertEquals(200, one.code());
    assertEquals(h.service.journal().reader().cycle(newest).orElseThrow().items().size(), one.json().get("items").size());
    assertTrue(one.json().get("actions").size() > 0);
    assertEquals(404, h.get("/api/cycles/999999").code());
    Harness.Reply bad = h.get("/api/cycles/seven");
    assertEquals(400, bad.code());
    assertEquals("invalid_parameter", bad.json().get("code").asText());
    assertEquals(400, h.get("/api/cycles?limit=0").code());
  }

  @Test
  void decisions_filter_by_subject_rule_kind_and_since() throws Exception {
    String subject = "alex/game-bot#17";
    Harness.Reply bySubject = h.get("/api/decisions?subject=" + enc(subject) + "&limit=50");
    assertEquals(200, bySubject.code());
    assertTrue(bySubject.json().size() > 0);
    for (JsonNode d : bySubject.json()) assertEquals(subject, d.get("subject").asText());

    Harness.Reply byRule = h.get("/api/decisions?rule=PRIO-001&kind=priority&limit=100");
    assertTrue(byRule.json().size() > 0);
    for (JsonNode d : byRule.json()) {
      assertEquals("PRIORITY", d.get("kind").asText());
      assertTrue(d.get("item").get("parts").toString().contains("PRIO-001"), d.toString());
    }
    assertEquals(0, h.get("/api/decisions?since=2999-01-01T00:00:00Z").json().size());
    Harness.Reply badKind = h.get("/api/decisions?kind=vibes");
    assertEquals(400, badKind.code());
    assertTrue(badKind.json().get("message").asText().contains("vibes"));
    assertEquals(400, h.get("/api/decisions?since=yesterday").code());
  }

  @Test
  void answers_kept_for_the_cycle_are_sent_whole_with_their_length_and_type() throws Exception {
    for (String path : List.of("/api/agents", "/api/house", "/api/explain/alex/game-bot/17",
        "/api/decisions?subject=" + enc("alex/game-bot#17") + "&limit=5")) {
      Harness.Reply first = h.get(path);
      Harness.Reply again = h.get(path);
      assertEquals(200, first.code(), path);
      assertTrue(first.contentType().startsWith("application/json"), path + ": " + first.contentType());
      assertTrue(first.json() != null && first.json().size() > 0, path + ": " + first.body());
      int length = first.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      assertTrue(first.headers().toLowerCase(java.util.Locale.ROOT).contains("content-length: " + length + "\n"),
          path + ": " + first.headers());
      assertEquals(first.body(), again.body(), path + " answers the same bytes from the same cycle");
    }
  }

  @Test
  void the_answers_read_in_one_cycle_are_computed_for_the_next_before_it_is_published() throws Exception {
    List<String> paths = List.of("/api/house", "/api/agents", "/api/explain/alex/game-bot/17",
        "/api/decisions?subject=" + enc("alex/game-bot#17") + "&limit=5");
    h.admin("/api/cycles", ""); // carries what other tests read; none of it is read in this cycle
    for (String path : paths) assertEquals(200, h.get(path).code(), path);
    h.admin("/api/cycles", "");
    Latest.Decided next = latest();
    assertEquals(paths.size(), next.answers().size(), "computed on the cycle's thread, before any request");
    JsonNode explained = h.get(paths.get(2)).json();
    assertEquals(next.cycle().id(), explained.get("cycleId").asLong(), "computed from the new cycle: " + explained);
    assertEquals(next.cycle().id(), explained.get("history").get(0).get("newest").get("id").asLong());
    assertEquals(next.cycle().id(), h.get("/api/house").json().get("cycleId").asLong());
    for (String path : paths) h.get(path);
    assertEquals(paths.size(), next.answers().size(), "the requests were answered from what the cycle computed");
  }

  @Test
  void warming_carries_the_answers_read_and_leaves_one_it_cannot_answer_to_its_request() {
    Latest.Decided d = latest();
    java.util.concurrent.atomic.AtomicInteger goneCalls = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger brokenCalls = new java.util.concurrent.atomic.AtomicInteger();
    AnswerCache first = new AnswerCache();
    first.get("read", d, x -> List.of("read", x.cycle().id()));
    first.get("gone", d, x -> {
      if (goneCalls.incrementAndGet() > 1) throw ApiException.notFound("subject gone");
      return "gone";
    });
    first.get("broken", d, x -> {
      if (brokenCalls.incrementAndGet() > 1) throw new IllegalStateException("a bug in an answer");
      return "never";
    });
    AnswerCache second = new AnswerCache();
    assertEquals(1, second.warm(first, d), "the one that still answers");
    assertEquals(1, second.size());
    AnswerCache third = new AnswerCache();
    assertEquals(0, third.warm(second, d), "computed for a cycle, never read in it: not carried");
    second.get("read", d, x -> { throw new AssertionError("kept: not computed again"); });
    assertEquals(1, third.warm(second, d));
    Thread.currentThread().interrupt();
    try {
      assertEquals(0, new AnswerCache().warm(first, d), "Timmy stopping: no more answers computed");
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void explain_says_cycles_that_concluded_the_same_once_as_a_span_with_each_cycles_actions() throws Exception {
    h.admin("/api/cycles", "");
    h.admin("/api/cycles", "");
    String top = latest().decision().priorities().get(0).subject();
    long newest = latest().cycle().id();
    String[] at = top.split("#");
    JsonNode history = h.get("/api/explain/" + at[0] + "/" + at[1]).json().get("history");
    JsonNode span = history.get(0);
    List<Long> ids = new ArrayList<>();
    span.get("cycleIds").forEach(id -> ids.add(id.asLong()));
    assertEquals(List.of(newest, newest - 1), ids.subList(0, 2), "the same demo house twice is one span: " + span);
    assertEquals(newest, span.get("newest").get("id").asLong());
    assertEquals(ids.get(ids.size() - 1), span.get("oldest").get("id").asLong());
    for (JsonNode a : span.get("actions")) assertTrue(ids.contains(a.get("cycleId").asLong()), a.toString());
    List<Long> journaled = h.service.journal().reader().history(top, 10).cycleIds();
    List<Long> listed = new ArrayList<>();
    history.forEach(x -> x.get("cycleIds").forEach(id -> listed.add(id.asLong())));
    assertEquals(journaled, listed, "every cycle that mentions it, once, newest first");
    assertTrue(history.size() < listed.size(), history.size() + " spans for " + listed.size() + " cycles");
  }

  @Test
  void every_subject_of_the_demo_house_is_explained_with_its_parts_and_routes() throws Exception {
    Latest.Decided x = latest();
    Snapshot s = x.snapshot();
    Decision d = x.decision();
    for (Issue i : s.issues()) {
      Harness.Reply r = h.get("/api/explain/" + i.repo() + "/" + i.number());
      assertEquals(200, r.code(), i.subject() + ": " + r.body());
      JsonNode current = r.json().get("current");
      assertEquals(i.title(), r.json().get("title").asText());
      JsonNode parts = current.get("priority").get("parts");
      assertTrue(parts.size() > 0, i.subject());
      int sum = 0;
      for (JsonNode p : parts) sum += p.get("points").asInt();
      assertEquals(current.get("priority").get("total").asInt(), sum, i.subject());
      assertEquals(d.routesOf(i.subject()).size(), current.get("routes").size(), i.subject());
      assertTrue(r.json().get("history").size() > 0, i.subject() + " has journal history");
    }
    for (PullRequest p : s.pulls()) {
      Harness.Reply r = h.get("/api/explain/" + p.repo() + "/" + p.number());
      assertEquals(200, r.code(), p.subject() + ": " + r.body());
      assertEquals(d.checksOf(p.subject()).size(), r.json().get("current").get("checks").size());
    }
    List<String> others = new ArrayList<>(List.of("host"));
    s.models().forEach(m -> others.add("model:" + m.name()));
    s.loops().forEach(l -> others.add("loop:" + l.name()));
    s.staleFiles().forEach(f -> others.add("file:" + f.path()));
    s.agents().forEach(a -> others.add("agent:" + a.name()));
    for (String subject : others) {
      Harness.Reply r = h.get("/api/explain?subject=" + enc(subject));
      assertEquals(200, r.code(), subject + ": " + r.body());
      assertEquals(subject, r.json().get("subject").asText());
      assertEquals(d.proposalsOf(subject).size(), r.json().get("current").get("proposals").size(), subject);
    }
  }

  @Test
  void explain_says_why_not_a_losing_route_and_a_vetoed_proposal() throws Exception {
    Decision d = latest().decision();
    RouteItem lost = d.routes().stream().filter(r -> !r.chosen()).findFirst().orElseThrow();
    Harness.Reply r = h.get("/api/explain?subject=" + enc(lost.subject()));
    assertTrue(r.json().get("whyNot").toString().contains("not " + lost.agent() + ": " + lost.reason()), r.body());
    String vetoed = d.proposals().stream().filter(p -> p.vetoed()).findFirst().orElseThrow().subject();
    Harness.Reply v = h.get("/api/explain?subject=" + enc(vetoed));
    assertTrue(v.json().get("whyNot").toString().contains("vetoed"), v.body());
    // a vetoed proposal is the rules' no, in the decision: the cycle does not hand it to the executor
    String key = d.proposals().stream().filter(p -> p.vetoed() && p.subject().equals(vetoed)).findFirst().orElseThrow().id();
    for (JsonNode a : v.json().get("actions")) assertNotEquals(key, a.get("key").asText(), v.body());
  }

  @Test
  void the_api_why_not_is_the_decided_explanation_s_then_the_refusals_of_that_cycle() throws Exception {
    Decision d = latest().decision();
    String vetoed = d.proposals().stream().filter(p -> p.vetoed()).findFirst().orElseThrow().subject();
    Explanation model = Explanation.of(d, vetoed);
    JsonNode x = h.get("/api/explain?subject=" + enc(vetoed)).json();
    List<String> whyNot = new ArrayList<>();
    x.get("whyNot").forEach(w -> whyNot.add(w.asText()));
    assertFalse(model.whyNot().isEmpty(), vetoed);
    assertEquals(model.whyNot(), whyNot.subList(0, model.whyNot().size()), "the decided lines come first, unchanged");
    long refused = 0;
    for (JsonNode a : x.get("actions")) if (a.get("status").asText().equals("REFUSED")) refused++;
    assertEquals(model.whyNot().size() + refused, whyNot.size(), "then one line per refused action");
    assertEquals(model.checks().size(), x.get("current").get("checks").size());
    for (JsonNode c : x.get("current").get("checks")) {
      assertEquals(c.get("ok").asBoolean() ? "✔" : "✘", c.get("mark").asText(), c.toString());
    }
  }

  @Test
  void explain_of_an_unknown_subject_is_404_and_a_missing_subject_400() throws Exception {
    Harness.Reply r = h.get("/api/explain/alex/game-bot/99999");
    assertEquals(404, r.code());
    assertEquals("not_found", r.json().get("code").asText());
    assertEquals(400, h.get("/api/explain").code());
    assertEquals(400, h.get("/api/explain/alex/game-bot/seven").code());
  }

  @Test
  void agents_show_load_chosen_routes_and_the_proposals_that_hand_them_work() throws Exception {
    Latest.Decided x = latest();
    Harness.Reply r = h.get("/api/agents");
    assertEquals(200, r.code());
    assertEquals(x.snapshot().agents().size(), r.json().get("agents").size());
    int handedWork = 0;
    for (JsonNode view : r.json().get("agents")) {
      String name = view.get("agent").get("name").asText();
      Agent agent = x.snapshot().agents().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
      long chosen = x.decision().routes().stream().filter(rt -> rt.chosen() && rt.agent().equals(name)).count();
      assertEquals(chosen, view.get("routes").size(), name);
      assertEquals("agent:" + name, view.get("subject").asText());
      assertEquals(name, view.get("load").get("agent").asText());
      for (JsonNode p : view.get("proposals")) {
        JsonNode params = p.get("params");
        assertTrue(name.equals(params.path("agent").asText()) || agent.login().equals(params.path("login").asText())
            || agent.readyLabel().equals(params.path("label").asText()), name + " ← " + p);
        handedWork++;
      }
      if (chosen > 0) assertTrue(view.get("proposals").size() >= 3 * chosen, name + ": label, assign and comment per route");
    }
    assertTrue(handedWork > 0);
  }

  @Test
  void agents_say_their_state_work_in_flight_record_and_quota() throws Exception {
    Harness.Reply r = h.get("/api/agents");
    Map<String, JsonNode> byName = new java.util.HashMap<>();
    for (JsonNode view : r.json().get("agents")) byName.put(view.get("agent").get("name").asText(), view);
    JsonNode claude = byName.get("claude");
    assertEquals("BUSY", claude.get("state").asText());
    assertFalse(claude.get("stateReason").asText().isBlank());
    assertTrue(java.util.stream.StreamSupport.stream(claude.get("work").spliterator(), false)
        .anyMatch(w -> w.get("subject").asText().equals("alex/hermes-dashboard#28")), claude.toString());
    assertEquals("anthropic", claude.get("quota").get("provider").asText());
    assertEquals(3, byName.get("kimi").get("record").get("ciFailures").asInt());
    JsonNode refactor = java.util.stream.StreamSupport.stream(claude.get("workRecords").spliterator(), false)
        .filter(w -> w.get("work").asText().equals("refactor")).findFirst().orElseThrow();
    assertEquals("KIND", refactor.get("facet").asText());
    assertEquals(4379 / 60.0, refactor.get("medianHoursToMerge").asDouble(), 1e-9, "HD#19 merged 72 h 59 min after Timmy routed HD#17");
    assertEquals(1, refactor.get("fromDispatch").asInt());
    assertEquals("IDLE", byName.get("researcher").get("state").asText());
  }

  @Test
  void house_shows_each_part_with_its_checks_proposals_escalations_and_actions() throws Exception {
    Latest.Decided x = latest();
    Harness.Reply r = h.get("/api/house");
    assertEquals(200, r.code());
    JsonNode house = r.json();
    List<ActionRow> actions = h.service.journal().reader().actions(x.cycle().id());
    List<JsonNode> concerns = new ArrayList<>(List.of(house.get("host")));
    for (String part : List.of("disks", "models", "loops", "staleFiles", "processes")) house.get(part).forEach(concerns::add);
    assertEquals(x.snapshot().models().size(), house.get("models").size());
    assertEquals(x.snapshot().loops().size(), house.get("loops").size());
    assertEquals(x.snapshot().staleFiles().size(), house.get("staleFiles").size());
    int withProposals = 0;
    for (JsonNode c : concerns) {
      String subject = c.get("subject").asText();
      assertEquals(x.decision().checksOf(subject).size(), c.get("checks").size(), subject);
      assertEquals(x.decision().proposalsOf(subject).size(), c.get("proposals").size(), subject);
      assertEquals(x.decision().escalationsOf(subject).size(), c.get("escalations").size(), subject);
      assertEquals(actions.stream().filter(a -> a.subject().equals(subject)).count(), c.get("actions").size(), subject);
      if (c.get("proposals").size() > 0) withProposals++;
    }
    assertTrue(withProposals > 0, "the demo house has something to do");
    for (JsonNode p : house.get("processes")) {
      // The API names a process as the rules do (process:<pid>), so what the rules said of it shows.
      assertEquals(Subjects.process(p.get("fact").get("pid").asLong()), p.get("subject").asText());
    }
    assertTrue(house.get("host").get("checks").size() > 0);
  }

  @Test
  void metrics_are_prometheus_text_and_count_cycles_and_actions() throws Exception {
    h.admin("/api/cycles", "");
    Harness.Reply r = h.get("/metrics");
    assertEquals(200, r.code());
    assertTrue(r.contentType().startsWith("text/plain; version=0.0.4"), r.contentType());
    Set<String> names = new HashSet<>();
    for (String line : r.body().split("\n")) {
      if (line.startsWith("#")) {
        assertTrue(line.matches("# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+"), line);
        continue;
      }
      assertTrue(METRIC.matcher(line).matches(), "not a sample line: " + line);
      names.add(line.replaceAll("[{ ].*", ""));
    }
    for (String n : List.of("timmy_cycles_total", "timmy_cycle_duration_seconds_bucket", "timmy_cycle_duration_seconds_count",
        "timmy_proposals_total", "timmy_vetoes_total", "timmy_actions_total", "timmy_rule_errors",
        "timmy_last_cycle_timestamp_seconds")) {
      assertTrue(names.contains(n), n + " in\n" + r.body());
    }
    long ok = count(r.body(), "timmy_cycles_total{status=\"ok\"}");
    assertTrue(ok >= 2, r.body());
    assertEquals(count(r.body(), "timmy_cycle_duration_seconds_count"), ok + count(r.body(), "timmy_cycles_total{status=\"failed\"}"));
    assertTrue(r.body().contains("timmy_actions_total{kind=\"ADD_LABEL\",status=\"WOULD_DO\"}"), r.body());
  }

  @Test
  void a_signed_webhook_flood_costs_one_cycle_and_a_bad_signature_none() throws Exception {
    Harness.Reply bad = h.webhook("{\"action\":\"opened\"}", "not-the-secret");
    assertEquals(401, bad.code());
    assertTrue(bad.json().get("message").asText().contains("X-Gitea-Signature"), bad.body());
    assertEquals(401, h.webhook("{\"action\":\"opened\"}", null).code());
    long webhookCyclesBefore = webhookCycles();
    for (int i = 0; i < 20; i++) {
      Harness.Reply ok = h.webhook("{\"action\":\"edited\",\"number\":" + i + "}", Harness.WEBHOOK_SECRET);
      assertEquals(202, ok.code(), ok.body());
    }
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (webhookCycles() == webhookCyclesBefore && System.nanoTime() < until) Thread.sleep(50);
    Thread.sleep(1_500); // longer than the quiet time: a second burst would have fired by now
    assertEquals(webhookCyclesBefore + 1, webhookCycles(), "twenty deliveries, one cycle");
    String metrics = h.get("/metrics").body();
    assertTrue(count(metrics, "timmy_webhooks_total{result=\"accepted\"}") >= 20);
    assertTrue(count(metrics, "timmy_webhooks_total{result=\"rejected\"}") >= 2);
  }

  @Test
  void unknown_routes_and_methods_answer_the_api_error() throws Exception {
    Harness.Reply missing = h.get("/api/nothing-here");
    assertEquals(404, missing.code());
    assertEquals("not_found", missing.json().get("code").asText());
    Harness.Reply method = h.post("/api/health", "{}", Harness.ADMIN_TOKEN);
    assertEquals(405, method.code());
    assertEquals("method_not_allowed", method.json().get("code").asText());
  }

  @Test
  void the_openapi_document_is_served() throws Exception {
    Harness.Reply r = h.get("/api/openapi");
    assertEquals(200, r.code());
    assertEquals("3.0.3", r.json().get("openapi").asText());
    assertNotNull(r.json().get("paths").get("/api/explain/{owner}/{repo}/{number}"));
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void no_answer_ever_carries_a_secret() throws Exception {
    for (String path : List.of("/api/health", "/api/rules", "/api/cycles", "/api/agents", "/api/house", "/metrics",
        "/api/openapi", "/api/decisions?limit=20")) {
      h.get(path);
    }
    h.admin("/api/rules/reload", "");
    h.admin("/api/simulate", "{\"files\":{\"x.drl\":\"package x; rule broken\"}}");
    h.post("/api/simulate", "{}", "guess");
    assertTrue(h.seen.size() > 40, "bodies from the whole class are checked: " + h.seen.size());
    for (String body : h.seen) {
      assertFalse(body.contains(Harness.ADMIN_TOKEN), body);
      assertFalse(body.contains(Harness.WEBHOOK_SECRET), body);
    }
  }

  private static long webhookCycles() {
    return h.service.journal().reader().cycles(1_000, null).cycles().stream().map(CycleRow::trigger)
        .filter("webhook"::equals).count();
  }

  /** A sample's value as a whole count (the text format writes counters as 20.0 or 20). */
  static long count(String metrics, String series) {
    double v = Double.parseDouble(value(metrics, series));
    assertEquals(Math.rint(v), v, series + " is a whole count");
    return (long) v;
  }

  private static String value(String metrics, String series) {
    for (String line : metrics.split("\n")) {
      if (line.startsWith(series + " ")) return line.substring(series.length() + 1);
    }
    throw new AssertionError(series + " not in\n" + metrics);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
