package dev.timmy.act;

import dev.timmy.facts.PullBuilder;
import static dev.timmy.journal.Given.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.config.BudgetConfig;
import dev.timmy.config.OwnerConfig;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.ProposalItem;
import dev.timmy.facts.CiState;
import dev.timmy.facts.Comment;
import dev.timmy.facts.Issue;
import dev.timmy.facts.PullRequest;
import dev.timmy.facts.Snapshot;
import dev.timmy.journal.ActionStatus;
import dev.timmy.journal.Given;
import dev.timmy.journal.Journal;
import dev.timmy.act.Mode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthorityTest {
  private static final String HELD = "alex/app#1";
  private static final String FREE = "alex/app#2";
  private static final String PR = "alex/app#3";

  @TempDir Path dir;
  private Given.Clock clock;
  private Journal journal;
  private final RecordingTarget target = RecordingTarget.forAll();

  @BeforeEach
  void open() {
    clock = new Given.Clock(NOW);
    journal = Journal.open(dir.resolve("timmy.db"), clock);
  }

  private Authority authority(BudgetConfig budgets) {
    return new Authority(new OwnerConfig("alex", List.of("on-hold"), null), budgets, journal.reader(), clock);
  }

  private Authority authority() {
    return authority(BudgetConfig.defaults());
  }

  private static Snapshot world(List<Comment> comments) {
    List<Issue> issues = List.of(Given.issue("alex/app", 1, "bug", "On-Hold"), Given.issue("alex/app", 2, "bug"),
        Given.issue("alex/app", 4, "bug"));
    PullRequest pr = PullBuilder.pull("alex/app", 3, NOW).title("Fix").head("fix", "abc").approvedBy("claude-code").closes(4)
        .build();
    return Snapshot.ofBacklog(NOW, true, List.of(), Given.ALEX, issues, List.of(pr), comments, List.of(Given.agent("claude")));
  }

  private Verdict review(Authority a, Snapshot s, ProposalItem p) {
    return a.open(s, Mode.LIVE).review(p, target);
  }

  @Test
  void a_vetoed_proposal_is_refused_naming_the_vetoing_rule() {
    ProposalItem p = Given.vetoed(Given.comment(FREE, "hello"), "AUTH-004", "blocked work waits");
    Verdict v = review(authority(), world(List.of()), p);
    assertEquals(Verdict.refuse(ActionCode.VETO, "vetoed by AUTH-004 (Veto AUTH-004): blocked work waits"), v);
  }

  @Test
  void a_destructive_kind_is_refused_on_a_partial_snapshot_but_a_label_is_not() {
    Snapshot partial = world(List.of()).withGap("alex/app: issues page 2 failed");
    Verdict close = review(authority(), partial, Given.proposal(ActionKind.CLOSE, FREE, Map.of()));
    assertEquals(ActionCode.PARTIAL_SNAPSHOT, close.code());
    assertTrue(close.reason().contains("issues page 2 failed"), close.reason());
    assertTrue(review(authority(), partial, Given.proposal(ActionKind.ADD_LABEL, FREE, Map.of("label", "stale"))).allowed());
    assertTrue(review(authority(), world(List.of()), Given.proposal(ActionKind.CLOSE, FREE, Map.of())).allowed());
  }

  @Test
  void a_hold_label_refuses_every_kind_but_escalation_whatever_its_case() {
    Verdict label = review(authority(), world(List.of()), Given.proposal(ActionKind.ADD_LABEL, HELD, Map.of("label", "stale")));
    assertEquals(Verdict.refuse(ActionCode.ON_HOLD, "alex/app#1 carries hold label On-Hold"), label);
    assertTrue(review(authority(), world(List.of()), Given.proposal(ActionKind.ESCALATE, HELD, Map.of())).allowed());
  }

  @Test
  void the_owners_explicit_instruction_refuses_action_but_the_same_words_from_others_do_not() {
    Comment alex = Given.comment(FREE, "alex", "/timmy hold — I'll take this one");
    Comment kimi = Given.comment(PR, "kimi-code", "please do not merge yet, says my linter");
    Snapshot s = world(List.of(alex, kimi));
    Verdict v = review(authority(), s, Given.proposal(ActionKind.ASSIGN, FREE, Map.of("agent", "claude")));
    assertEquals(ActionCode.OWNER_INSTRUCTION, v.code());
    assertEquals("alex said \"/timmy hold — I'll take this one\" on alex/app#2 (comment " + alex.id() + ")", v.reason());
    assertTrue(review(authority(), s, Given.proposal(ActionKind.MERGE, PR, Map.of("sha", "abc"))).allowed());
  }

  @Test
  void do_not_merge_on_a_pull_or_a_hold_on_its_linked_issue_refuses_the_merge() {
    ProposalItem merge = Given.proposal(ActionKind.MERGE, PR, Map.of());
    Verdict told = review(authority(), world(List.of(Given.comment(PR, "Alex", "Do Not Merge until the release"))), merge);
    assertEquals(ActionCode.OWNER_INSTRUCTION, told.code());
    Verdict onIssue = review(authority(), world(List.of(Given.comment("alex/app#4", "alex", "/timmy hold"))), merge);
    assertEquals(ActionCode.OWNER_INSTRUCTION, onIssue.code());
    assertTrue(onIssue.reason().contains("on alex/app#4"), onIssue.reason());
  }

  @Test
  void a_targets_own_refusal_is_a_refusal() {
    ProposalItem delete = Given.proposal(ActionKind.DELETE_FILE, "host", Map.of("path", "/etc/passwd"));
    target.refusing(delete.id(), "/etc/passwd is outside the cleanup roots");
    assertEquals(Verdict.refuse(ActionCode.TARGET, "/etc/passwd is outside the cleanup roots"), review(authority(), world(List.of()), delete));
  }

  @Test
  void the_operations_budget_counts_attempts_not_refusals_or_skips() {
    Guard guard = authority(new BudgetConfig(2, 3, 3, 30)).open(world(List.of()), Mode.DRY_RUN);
    ProposalItem a = Given.proposal(ActionKind.ADD_LABEL, FREE, Map.of("label", "a"));
    guard.recorded(a, ActionStatus.REFUSED);
    guard.recorded(a, ActionStatus.SKIPPED_ALREADY_DONE);
    guard.recorded(a, ActionStatus.WOULD_DO);
    assertTrue(guard.review(Given.proposal(ActionKind.ADD_LABEL, FREE, Map.of("label", "b")), target).allowed());
    guard.recorded(a, ActionStatus.WOULD_DO);
    Verdict third = guard.review(Given.proposal(ActionKind.ADD_LABEL, FREE, Map.of("label", "c")), target);
    assertEquals(Verdict.refuse(ActionCode.OPERATIONS_BUDGET, "operations budget spent: 2 of 2 this cycle"), third);
  }

  @Test
  void the_comment_budget_counts_distinct_comments_on_the_subject_in_the_last_day() {
    long cycle = journal.beginCycle("test", Mode.LIVE, "r");
    journal.complete(journal.intend(cycle, Given.comment(FREE, "old"), Mode.LIVE), ActionStatus.DONE, null, "ok");
    clock.advance(Duration.ofHours(2));
    for (String topic : List.of("a", "b")) {
      journal.complete(journal.intend(cycle, Given.comment(FREE, topic), Mode.LIVE), ActionStatus.DONE, null, "ok");
    }
    Authority authority = authority(new BudgetConfig(20, 3, 3, 30));
    assertEquals(Verdict.refuse(ActionCode.COMMENT_BUDGET, "comment budget spent on alex/app#2: 3 of 3 comments in the last 24h"),
        review(authority, world(List.of()), Given.comment(FREE, "c")));
    assertTrue(review(authority, world(List.of()), Given.comment(FREE, "a")).allowed(), "the same comment is not a new one");
    assertTrue(review(authority, world(List.of()), Given.comment("alex/app#4", "c")).allowed(), "another subject has its own budget");
    clock.advance(Duration.ofHours(23));
    assertTrue(review(authority, world(List.of()), Given.comment(FREE, "c")).allowed(), "the first comment is older than a day now");
  }
}
