package dev.timmy.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.facts.HostMetrics;
import dev.timmy.facts.Issue;
import dev.timmy.facts.ModelRole;
import dev.timmy.facts.OllamaDown;
import dev.timmy.facts.OllamaModel;
import dev.timmy.facts.Owner;
import dev.timmy.facts.Snapshot;
import dev.timmy.facts.TriageBudget;
import dev.timmy.facts.TriageFacts;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which model the rules ask (the typed requests Java carries out), as memory and Ollama's models change. */
class TriageModelChoiceTest {
  static final Instant T = Instant.parse("2026-11-23T09:00:00Z");
  static final HostMetrics ROOMY = new HostMetrics("hermes", "macOS", 38_654_705_664L, 20_000_000_000L, 0, 0, 0.2, 12);
  static final HostMetrics TIGHT = new HostMetrics("hermes", "macOS", 38_654_705_664L, 2_000_000_000L, 0, 0, 0.2, 12);
  static final OllamaModel FAST = new OllamaModel("qwen3:8b", ModelRole.FAST, 5_225_376_047L, true, 5_225_376_047L, T.plusSeconds(600));
  static final OllamaModel COMPLEX_UNLOADED = new OllamaModel("qwen3:14b", ModelRole.COMPLEX, 9_276_198_565L, false, 0, null);
  static RuleBook rules;

  @BeforeAll
  static void compile() throws Exception {
    rules = RuleBook.open(Path.of("rules"));
  }

  private static Issue issue(int n, String title, String body) {
    return new Issue("alex/app", n, title, body, List.of(), "alex", List.of(), "open", T, T, T, "alex", 0, false, null, null);
  }

  private static final List<Issue> BACKLOG = List.of(
      issue(1, "Button misaligned", ""), issue(2, "Long report", "the export fails. ".repeat(300)),
      issue(3, "Rework the security of sessions", ""));

  private static List<TriageRequestItem> asked(HostMetrics host, List<OllamaModel> models, OllamaDown down) {
    Snapshot s = Snapshot.ofBacklog(T, true, List.of(), new Owner("alex", List.of("on-hold")), BACKLOG, List.of(), List.of(), List.of())
        .withHouse(host, List.of(), List.of(), models, down, List.of(), List.of(), List.of())
        .withTriage(new TriageFacts(List.of(), List.of(), new TriageBudget(2, 30, 0)));
    return rules.evaluate(s).triage();
  }

  private static String roles(List<TriageRequestItem> asked) {
    return String.join(" | ", asked.stream().map(Subjectless::of).sorted().toList());
  }

  @Test
  void with_room_the_plain_issue_goes_to_the_fast_model_and_the_hard_ones_to_the_unloaded_complex_one() {
    List<TriageRequestItem> asked = asked(ROOMY, List.of(FAST, COMPLEX_UNLOADED), null);
    assertEquals("#1 FAST qwen3:8b TRIAGE-022 | #2 COMPLEX qwen3:14b TRIAGE-023 | #3 COMPLEX qwen3:14b TRIAGE-023", roles(asked));
  }

  @Test
  void under_memory_pressure_no_model_is_asked_not_even_the_loaded_fast_one() {
    assertEquals(List.of(), asked(TIGHT, List.of(FAST, COMPLEX_UNLOADED), null));
  }

  @Test
  void without_the_complex_model_the_hard_issues_fall_back_to_the_fast_one() {
    List<TriageRequestItem> asked = asked(ROOMY, List.of(FAST), null);
    assertEquals("#1 FAST qwen3:8b TRIAGE-022 | #2 FAST qwen3:8b TRIAGE-026 | #3 FAST qwen3:8b TRIAGE-026", roles(asked));
  }

  @Test
  void with_ollama_down_or_triage_off_nothing_is_asked() {
    assertEquals(List.of(), asked(ROOMY, List.of(), new OllamaDown("connection refused")));
    Snapshot off = Snapshot.ofBacklog(T, true, List.of(), new Owner("alex", List.of("on-hold")), BACKLOG, List.of(), List.of(), List.of())
        .withHouse(ROOMY, List.of(), List.of(), List.of(FAST, COMPLEX_UNLOADED), null, List.of(), List.of(), List.of());
    Decision d = rules.evaluate(off);
    assertEquals(List.of(), d.triage());
    assertTrue(d.checks().stream().noneMatch(c -> c.name().startsWith("triage") || c.name().equals("needs-triage")),
        "triage off leaves no trace in the decision");
  }

  /** A request in a few words, in subject order. */
  private static final class Subjectless {
    static String of(TriageRequestItem r) {
      return r.subject().substring(r.subject().indexOf('#')) + " " + r.role() + " " + r.model() + " " + r.ruleId();
    }
  }
}
