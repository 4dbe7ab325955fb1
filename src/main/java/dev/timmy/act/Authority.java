package dev.timmy.act;

import dev.timmy.config.BudgetConfig;
import dev.timmy.config.OwnerConfig;
import dev.timmy.config.TimmyConfig;
import dev.timmy.decide.ActionKind;
import dev.timmy.facts.Snapshot;
import dev.timmy.journal.Journal;
import dev.timmy.journal.JournalReader;
import dev.timmy.act.Mode;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.Set;

/**
 * The hard guard no rule can lift. It refuses vetoed proposals, destructive ones from a partial
 * snapshot, malformed names, Gitea writes outside the configured repositories, anything about a
 * subject whose holds were not seen or that Alex holds (label, explicit instruction or strategy,
 * re-checked here from the snapshot, independently of the rules), a merge the snapshot does not
 * show ready, what a target itself refuses, and whatever is past the budgets or behind the open
 * circuit breaker of its target. One {@link Guard} per cycle holds the
 * cycle's counts.
 */
public final class Authority {
  /** Kinds that write a comment on their subject: the per-issue comment budget counts them. */
  static final Set<ActionKind> COMMENTING = EnumSet.of(ActionKind.COMMENT, ActionKind.ESCALATE);
  /** Telling Alex is never against his hold, so escalation passes the hold guards. */
  static final Set<ActionKind> ALLOWED_ON_HOLD = EnumSet.of(ActionKind.ESCALATE);

  private final OwnerConfig owner;
  private final BudgetConfig budgets;
  private final JournalReader journal;
  private final InstantSource clock;
  private final Breakers breakers;
  private final Scope scope;

  /** An authority whose Gitea writes stay inside the repositories each snapshot shows. */
  public Authority(OwnerConfig owner, BudgetConfig budgets, JournalReader journal, InstantSource clock) {
    this(owner, budgets, journal, clock, Scope.ofSnapshot());
  }

  /** {@code scope}: the repositories Gitea writes may go to (gitea.repos and the escalation repository). */
  public Authority(OwnerConfig owner, BudgetConfig budgets, JournalReader journal, InstantSource clock, Scope scope) {
    this.scope = scope;
    this.owner = owner;
    this.budgets = budgets;
    this.journal = journal;
    this.clock = clock;
    this.breakers = new Breakers(budgets, journal, clock);
  }

  public static Authority from(TimmyConfig config, Journal journal) {
    return new Authority(config.owner(), config.budgets(), journal.reader(), InstantSource.system(), scope(config));
  }

  /** The configured repositories and the escalation repository; the snapshot's own without a gitea: section. */
  public static Scope scope(TimmyConfig config) {
    return config.gitea() == null ? Scope.ofSnapshot()
        : Scope.of(config.gitea().repos(), config.gitea().escalationRepository().orElse(null));
  }

  /** The guard for one cycle acting on {@code snapshot} in {@code mode}. */
  public Guard open(Snapshot snapshot, Mode mode) {
    return new Guard(this, snapshot, mode);
  }

  /** The circuit breakers, one per target (also shown by health). */
  public Breakers breakers() {
    return breakers;
  }

  Scope scope() {
    return scope;
  }

  OwnerConfig owner() {
    return owner;
  }

  BudgetConfig budgets() {
    return budgets;
  }

  JournalReader journal() {
    return journal;
  }

  InstantSource clock() {
    return clock;
  }
}
