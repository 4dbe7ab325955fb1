package dev.timmy.act;

import dev.timmy.Bugs;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.ProposalItem;
import dev.timmy.decide.VetoItem;
import dev.timmy.facts.PullRequest;
import dev.timmy.facts.Snapshot;
import dev.timmy.facts.Subjects;
import dev.timmy.journal.ActionStatus;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authority's view of one cycle: the snapshot it judges holds against and the operations
 * spent so far; each target's circuit breaker is its own ({@link Breakers}). The executor asks
 * {@link #review} before every action and reports each outcome to {@link #recorded}.
 */
public final class Guard {
  private static final Logger LOG = LoggerFactory.getLogger(Guard.class);
  private final Authority authority;
  private final Snapshot snapshot;
  private final Mode mode;
  private final Holds holds;
  private final Set<String> repos;
  private int operations;

  Guard(Authority authority, Snapshot snapshot, Mode mode) {
    this.authority = authority;
    this.snapshot = snapshot;
    this.mode = mode;
    this.holds = new Holds(authority.owner().toOwner(), snapshot);
    this.repos = authority.scope().allowedIn(snapshot);
  }

  /**
   * Allowed, or refused by the first guard that objects, checked from the cheapest up. Every check
   * before the breaker reads only the proposal and the snapshot, so dry-run refuses what live
   * refuses: vetoes, partial snapshots, malformed names, writes outside the configured
   * repositories, subjects whose holds were not seen, holds and instructions, strategy, and a
   * merge the snapshot does not show ready.
   */
  public Verdict review(ProposalItem p, Target target) {
    Optional<Verdict> seen = snapshotRefusal(p);
    if (seen.isPresent()) return seen.get();
    Optional<String> refused = targetRefusal(p, target);
    if (refused.isPresent()) return Verdict.refuse(ActionCode.TARGET, refused.get());
    if (mode == Mode.LIVE) {
      Optional<String> open = authority.breakers().refusal(target);
      if (open.isPresent()) return Verdict.refuse(ActionCode.CIRCUIT_BREAKER, open.get());
    }
    if (budgetSpent()) {
      return Verdict.refuse(ActionCode.OPERATIONS_BUDGET, "operations budget spent: " + operations + " of "
          + authority.budgets().operationsPerCycle() + " this cycle");
    }
    if (Authority.COMMENTING.contains(p.kind())) return commentBudget(p);
    return Verdict.allow();
  }

  /**
   * The refusal the proposal and the snapshot alone give (no read, no budget): vetoes, a partial
   * snapshot, malformed names, writes outside the configured repositories, unseen holds, holds and
   * instructions, strategy, a merge the snapshot does not show ready. Empty when none objects.
   */
  public Optional<Verdict> snapshotRefusal(ProposalItem p) {
    if (p.vetoed()) return Optional.of(Verdict.refuse(ActionCode.VETO, vetoes(p)));
    if (p.kind().destructive() && !snapshot.complete()) {
      return refuse(ActionCode.PARTIAL_SNAPSHOT, p.kind() + " is destructive and the snapshot is partial (missing: "
          + String.join("; ", snapshot.gaps()) + ")");
    }
    Optional<String> bad = Names.problem(p);
    if (bad.isPresent()) return refuse(ActionCode.INVALID_NAME, p.kind() + " " + Names.printable(p.subject()) + ": " + bad.get());
    Optional<String> outside = authority.scope().refusal(p, repos);
    if (outside.isPresent()) return refuse(ActionCode.OUTSIDE_SCOPE, outside.get());
    if (!Authority.ALLOWED_ON_HOLD.contains(p.kind())) {
      Optional<String> unseen = holds.unseen(p.subject());
      if (unseen.isPresent()) return refuse(ActionCode.HOLDS_UNSEEN, unseen.get());
      Optional<String> held = holds.label(p.subject());
      if (held.isPresent()) return refuse(ActionCode.ON_HOLD, held.get());
      Optional<String> told = holds.instruction(p.subject());
      if (told.isPresent()) return refuse(ActionCode.OWNER_INSTRUCTION, told.get());
      Optional<String> strategy = holds.strategy(p.subject());
      if (strategy.isPresent()) return refuse(ActionCode.STRATEGY, strategy.get());
    }
    if (p.kind() == ActionKind.MERGE) {
      Optional<String> notReady = mergeReadiness(p);
      if (notReady.isPresent()) return refuse(ActionCode.MERGE_CHECK, notReady.get());
    }
    return Optional.empty();
  }

  private static Optional<Verdict> refuse(ActionCode code, String why) {
    return Optional.of(Verdict.refuse(code, why));
  }

  /** Counts what an action cost: attempts spend the budget (the journal feeds the breakers). */
  public void recorded(ProposalItem p, ActionStatus status) {
    if (status.attempted()) operations++;
  }

  public int operations() {
    return operations;
  }

  /** Whether this cycle's operations budget is spent: every further proposal would be refused for it. */
  public boolean budgetSpent() {
    return operations >= authority.budgets().operationsPerCycle();
  }

  private Verdict commentBudget(ProposalItem p) {
    Instant since = authority.clock().instant().minus(Duration.ofDays(1));
    Set<ActionStatus> counted = mode == Mode.LIVE
        ? EnumSet.of(ActionStatus.DONE, ActionStatus.INTENDED, ActionStatus.INTERRUPTED)
        : EnumSet.of(ActionStatus.DONE, ActionStatus.WOULD_DO);
    Set<String> keys = new HashSet<>(authority.journal().keysSince(p.subject(), Authority.COMMENTING, counted, since));
    // The same comment again is not a new comment: its key is idempotent.
    if (keys.contains(p.id())) return Verdict.allow();
    int limit = authority.budgets().commentsPerIssuePerDay();
    if (keys.size() >= limit) {
      return Verdict.refuse(ActionCode.COMMENT_BUDGET, "comment budget spent on " + p.subject() + ": " + keys.size() + " of "
          + limit + " comments in the last 24h");
    }
    return Verdict.allow();
  }

  /** The snapshot's pull request must show every condition of a merge, at the head the proposal names. */
  private Optional<String> mergeReadiness(ProposalItem p) {
    String c = Subjects.canonical(p.subject()).orElse("");
    Optional<PullRequest> pr = snapshot.pulls().stream().filter(x -> Subjects.canonical(x.subject()).orElse("-").equals(c)).findFirst();
    if (pr.isEmpty()) return Optional.of("not merging " + p.subject() + ": it is not an open pull request of this snapshot");
    List<String> problems = MergeReadiness.problems(pr.get(), p.param("sha"));
    return problems.isEmpty() ? Optional.empty() : Optional.of("not merging " + p.subject() + ": " + String.join("; ", problems));
  }

  private static Optional<String> targetRefusal(ProposalItem p, Target target) {
    try {
      return target.refusal(p);
    } catch (IOException | RuntimeException e) {
      return Optional.of("could not check whether " + p.kind() + " is allowed on " + p.subject() + ": "
          + Bugs.reason(LOG, target.getClass().getSimpleName() + ".refusal", e));
    }
  }

  private static String vetoes(ProposalItem p) {
    return p.vetoes().stream().map(Guard::veto).collect(Collectors.joining("; "));
  }

  private static String veto(VetoItem v) {
    return "vetoed by " + v.ruleId() + " (" + v.title() + "): " + v.reason();
  }
}
