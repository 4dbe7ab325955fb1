package dev.timmy.cycle;

import dev.timmy.act.ActionCode;
import static dev.timmy.journal.Given.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timmy.act.Authority;
import dev.timmy.act.Escalations;
import dev.timmy.act.Executor;
import dev.timmy.act.Scope;
import dev.timmy.act.gitea.GiteaTarget;
import dev.timmy.config.BudgetConfig;
import dev.timmy.config.GiteaConfig;
import dev.timmy.config.OwnerConfig;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.RuleBook;
import dev.timmy.facts.AutomationLoop;
import dev.timmy.facts.Issue;
import dev.timmy.facts.LoopKind;
import dev.timmy.facts.Markers;
import dev.timmy.facts.Snapshot;
import dev.timmy.journal.ActionRow;
import dev.timmy.journal.ActionStatus;
import dev.timmy.journal.CycleRow;
import dev.timmy.journal.Given;
import dev.timmy.journal.Journal;
import dev.timmy.act.Mode;
import dev.timmy.gitea.FakeRepo;
import dev.timmy.gitea.GiteaTestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Escalations and house issues through the whole pipeline, against the fake Gitea. */
class EscalationCycleTest {
  static final String INBOX = "alex/timmy-inbox";
  private static RuleBook escalate;
  private static RuleBook policy;

  @TempDir Path dir;
  private Given.Clock clock;
  private GiteaTestServer t;
  private FakeRepo app;
  private FakeRepo inbox;
  private List<Issue> issues = List.of(Given.issue("alex/app", 3, "on-hold"));
  private List<AutomationLoop> loops = List.of();

  @BeforeAll
  static void compile(@TempDir Path rules) throws Exception {
    Drl.write(rules, "escalate.drl", Drl.ESCALATE);
    escalate = RuleBook.open(rules);
    policy = RuleBook.open(Path.of("rules"));
  }

  @BeforeEach
  void open() throws Exception {
    clock = new Given.Clock(NOW);
    t = new GiteaTestServer();
    t.gitea.now = NOW;
    app = t.gitea.repo("alex/app");
    for (int n = 1; n <= 3; n++) app.addIssue(n, "issue " + n, "alex", NOW.minus(Duration.ofDays(3)));
    inbox = t.gitea.repo(INBOX);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  /** What the observer sees now: {@link #issues} and {@link #loops}, at the clock's time. */
  private Snapshot world() {
    return Snapshot.ofBacklog(clock.instant(), true, List.of(), Given.ALEX, issues, List.of(), List.of(),
        List.of(Given.agent("claude"))).withHouse(null, List.of(), List.of(), List.of(), null, loops, List.of(), List.of());
  }

  private Cycle cycle(Journal journal, RuleBook rules, Mode mode, String escalationRepo, BudgetConfig budgets) {
    GiteaConfig c = t.config(List.of("alex/app"), false);
    GiteaConfig config = c.withEscalationRepo(escalationRepo);
    OwnerConfig owner = new OwnerConfig("alex", List.of("on-hold"), null);
    Authority authority = new Authority(owner, budgets, journal.reader(), clock, Scope.of(config.repos(), escalationRepo));
    Executor executor = new Executor(List.of(new GiteaTarget(t.client(config), owner.login())), journal, mode);
    return new Cycle(this::world, rules, authority, executor, journal, Duration.ofDays(30));
  }

  private Cycle live(Journal journal, RuleBook rules) {
    return cycle(journal, rules, Mode.LIVE, INBOX, BudgetConfig.defaults());
  }

  private Journal journal(String name) {
    return Journal.open(dir.resolve(name), clock);
  }

  private static List<ActionRow> actions(Journal journal, CycleRow row) {
    return journal.reader().actions(row.id());
  }

  private static List<ActionStatus> statuses(List<ActionRow> rows) {
    return rows.stream().map(ActionRow::status).toList();
  }

  @Test
  void an_escalation_on_a_held_issue_is_one_comment_and_later_cycles_neither_repeat_it_nor_need_the_journal_to_know() {
    Journal journal = journal("timmy.db");
    Cycle live = live(journal, escalate);

    List<ActionRow> first = actions(journal, live.run("test"));
    assertEquals(1, first.size());
    ActionRow told = first.get(0);
    assertEquals(ActionKind.ESCALATE, told.kind());
    assertEquals(Escalations.key("alex/app#3", "T-020"), told.key());
    assertEquals(ActionStatus.DONE, told.status(), "the hold does not stop Timmy from telling Alex: " + told.outcome());
    assertEquals(1, app.comments.size());
    String body = app.comments.get(0).get("body").asText();
    assertTrue(body.startsWith("@alex Timmy needs you here: needs a decision (seen at " + NOW + ")"), body);
    assertTrue(body.endsWith(Markers.of(told.key())), body);

    clock.advance(Duration.ofMinutes(5)); // the reason's words change; the key does not
    ActionRow again = actions(journal, live.run("test")).get(0);
    assertEquals(ActionStatus.SKIPPED_ALREADY_DONE, again.status());
    assertEquals(ActionCode.LIVE_STATE, again.code(), "its marker is in Gitea");

    Journal lost = journal("lost.db");
    ActionRow fresh = actions(lost, live(lost, escalate).run("test")).get(0);
    assertEquals(ActionStatus.SKIPPED_ALREADY_DONE, fresh.status());
    assertEquals(ActionCode.LIVE_STATE, fresh.code());
    assertEquals(1, app.comments.size());
    assertEquals(1, t.gitea.writes());
  }

  @Test
  void a_failing_loop_opens_one_issue_in_the_escalation_repository() {
    issues = List.of();
    loops = List.of(new AutomationLoop("heartbeat", LoopKind.HEARTBEAT, NOW.minus(Duration.ofHours(2)), NOW, 300, 3, false, 0,
        "no beat for 2 h"));
    Journal journal = journal("timmy.db");
    Cycle live = live(journal, escalate);

    ActionRow opened = actions(journal, live.run("test")).get(0);
    assertEquals(ActionStatus.DONE, opened.status(), opened.outcome());
    assertEquals("opened " + INBOX + "#1 to tell @alex about loop:heartbeat", opened.outcome());
    ObjectNode issue = inbox.issues.get(1);
    assertTrue(issue.get("body").asText().startsWith("@alex loop:heartbeat: 3 failures"), issue.get("body").asText());
    assertTrue(issue.get("body").asText().endsWith(Markers.of(opened.key())));

    clock.advance(Duration.ofMinutes(5));
    assertEquals(List.of(ActionStatus.SKIPPED_ALREADY_DONE), statuses(actions(journal, live.run("test"))));
    Journal lost = journal("lost.db");
    assertEquals(ActionCode.LIVE_STATE, actions(lost, live(lost, escalate).run("test")).get(0).code());
    assertEquals(1, inbox.issues.size());
    assertEquals(1, t.gitea.writes());
  }

  @Test
  void without_an_escalation_repository_a_house_escalation_is_refused_even_in_a_dry_run() {
    issues = List.of();
    loops = List.of(new AutomationLoop("heartbeat", LoopKind.HEARTBEAT, null, null, 300, 3, false, 0, "never beat"));
    Journal journal = journal("timmy.db");
    ActionRow row = actions(journal, cycle(journal, escalate, Mode.DRY_RUN, null, BudgetConfig.defaults()).run("test")).get(0);
    assertEquals(ActionStatus.REFUSED, row.status());
    assertEquals(ActionCode.TARGET, row.code());
    assertTrue(row.outcome().contains("no escalation repository configured"), row.outcome());
    assertTrue(t.gitea.requests.isEmpty());
  }

  @Test
  void an_escalation_goes_before_the_subject_s_proposals_and_counts_against_its_comment_budget() {
    issues = List.of(Given.issue("alex/app", 1, "chatty"));
    Journal journal = journal("timmy.db");
    List<ActionRow> rows = actions(journal, cycle(journal, escalate, Mode.LIVE, INBOX, new BudgetConfig(20, 1, 3, 30)).run("test"));
    assertEquals(List.of(ActionKind.ESCALATE, ActionKind.COMMENT), rows.stream().map(ActionRow::kind).toList());
    assertEquals(List.of(ActionStatus.DONE, ActionStatus.REFUSED), statuses(rows));
    assertEquals(ActionCode.COMMENT_BUDGET, rows.get(1).code());
    assertEquals(1, app.comments.size());
  }

  @Test
  void with_the_real_rules_red_ci_opens_one_issue_in_its_repository_and_an_unrestartable_loop_goes_to_alex_once() {
    issues = List.of();
    loops = List.of(
        new AutomationLoop("ci-main", LoopKind.CI, NOW.minus(Duration.ofDays(1)), NOW, 3600, 2, false, 0,
            "ci/build failed on main at abc123", "alex/app"),
        new AutomationLoop("heartbeat", LoopKind.HEARTBEAT, NOW.minus(Duration.ofHours(2)), NOW, 300, 3, false, 0,
            "no beat for 2 h"));
    Journal journal = journal("timmy.db");
    Cycle live = live(journal, policy);

    List<ActionRow> first = actions(journal, live.run("test"));
    assertEquals(List.of("CREATE_ISSUE loop:ci-main DONE", "ESCALATE loop:heartbeat DONE"),
        first.stream().map(a -> a.kind() + " " + a.subject() + " " + a.status()).sorted().toList(),
        first.toString());
    assertEquals("CI is red: ci-main", app.issues.get(4).get("title").asText());
    assertEquals(1, inbox.issues.size());
    assertTrue(inbox.issues.get(1).get("body").asText().contains("LOOP-005"));

    clock.advance(Duration.ofMinutes(10));
    assertEquals(List.of(ActionStatus.SKIPPED_ALREADY_DONE, ActionStatus.SKIPPED_ALREADY_DONE),
        statuses(actions(journal, live.run("test"))));
    assertEquals(2, t.gitea.writes());
  }

  @Test
  void red_ci_that_turns_green_and_red_again_opens_a_new_issue_for_the_new_occurrence() {
    issues = List.of();
    AutomationLoop red = new AutomationLoop("ci-main", LoopKind.CI, NOW.minus(Duration.ofDays(1)), NOW, 3600, 2, false, 0,
        "ci/build failed on main at abc123", "alex/app");
    loops = List.of(red);
    Journal journal = journal("timmy.db");
    Cycle live = live(journal, policy);
    assertEquals(List.of(ActionStatus.DONE), statuses(actions(journal, live.run("test"))));
    clock.advance(Duration.ofMinutes(10));
    assertEquals(List.of(ActionStatus.SKIPPED_ALREADY_DONE), statuses(actions(journal, live.run("test"))), "the same red CI");

    loops = List.of(new AutomationLoop("ci-main", LoopKind.CI, NOW, NOW, 3600, 0, false, 0, "ci/build passed on main", "alex/app"));
    clock.advance(Duration.ofMinutes(10));
    assertEquals(List.of(), actions(journal, live.run("test")), "green: nothing to say");

    loops = List.of(red);
    clock.advance(Duration.ofMinutes(10));
    List<ActionRow> back = actions(journal, live.run("test"));
    assertEquals(List.of(ActionStatus.DONE), statuses(back), back.toString());
    assertTrue(back.get(0).key().endsWith(":occurrence=2"), back.get(0).key());
    assertEquals(List.of("CI is red: ci-main", "CI is red: ci-main"),
        app.issues.values().stream().filter(i -> i.get("user").get("login").asText().equals("timmy"))
            .map(i -> i.get("title").asText()).toList());
  }
}
