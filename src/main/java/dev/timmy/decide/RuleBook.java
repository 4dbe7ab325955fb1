package dev.timmy.decide;

import dev.timmy.facts.Snapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The policy in force: every {@code rules/*.drl} compiled from disk. A reload that fails keeps
 * the last good rules running and remembers the errors until a reload succeeds. Every evaluation
 * has a deadline ({@link Watchdog}); a freshly loaded revision that overruns it is put aside for
 * the last revision that decided, with the overrun kept as its error, until the files change.
 */
public final class RuleBook {
  /** What a reload did. */
  public record Reload(boolean changed, String revision, List<RuleError> errors) {
    public Reload {
      errors = List.copyOf(errors);
    }

    public boolean ok() {
      return errors.isEmpty();
    }
  }

  /** How long one evaluation may take unless configured otherwise. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(5);
  /** Evaluation threads at most, stuck ones included. */
  private static final int WORKERS = 3;

  private final Path dir;
  private final Duration deadline;
  private final Watchdog watchdog = new Watchdog(WORKERS);
  private volatile RuleSet current;
  private volatile RuleSet lastGood;
  private volatile List<RuleError> errors = List.of();
  private volatile String overdue;
  /** The session {@link #decide} keeps across cycles; null until the first call or after a restart. */
  private RuleSession live;

  private RuleBook(Path dir, RuleSet first, Duration deadline) {
    if (deadline.isZero() || deadline.isNegative()) throw new IllegalArgumentException("deadline: expected > 0, found " + deadline);
    this.dir = dir;
    this.current = first;
    this.deadline = deadline;
  }

  /** Compiles {@code dir}; fails with every error when the first compile fails. */
  public static RuleBook open(Path dir) throws RuleErrors {
    return open(dir, DEFAULT_DEADLINE);
  }

  /** Compiles {@code dir}, every evaluation bounded by {@code deadline}. */
  public static RuleBook open(Path dir, Duration deadline) throws RuleErrors {
    return new RuleBook(dir, RuleCompiler.compile(dir), deadline);
  }

  public Duration deadline() {
    return deadline;
  }

  /** The last evaluation's overrun ("evaluation past its deadline … in rule X"); empty once one decides in time. */
  public Optional<String> overdue() {
    return Optional.ofNullable(overdue);
  }

  /** Recompiles the directory; on failure the previous rules stay in force. */
  public synchronized Reload reload() {
    try {
      RuleSet next = RuleCompiler.compile(dir);
      boolean changed = !next.revision().equals(current.revision());
      if (changed) current = next; // the same rules keep their live session
      errors = List.of();
      return new Reload(changed, next.revision(), List.of());
    } catch (RuleErrors e) {
      errors = e.errors();
      return new Reload(false, current.revision(), e.errors());
    }
  }

  public Path dir() {
    return dir;
  }

  public String revision() {
    return current.revision();
  }

  /** Errors of the last failed reload, empty once a reload succeeds. */
  public List<RuleError> errors() {
    return errors;
  }

  public List<RuleInfo> rules() {
    return current.rules();
  }

  /**
   * Where the rules in force change the session other than by insertLogical (a plain insert, an
   * update, a delete), which makes {@link #decide} evaluate afresh; empty when they may be decided
   * in a session that lives across cycles.
   */
  public Optional<RuleError> afresh() {
    return current.afresh();
  }

  public List<String> files() {
    return current.files();
  }

  /** The decision for {@code snapshot} from a fresh session. */
  public Decision evaluate(Snapshot snapshot) {
    return evaluate(snapshot, 0);
  }

  /** Evaluates in a fresh session within the deadline; {@code firingLimit} 0 is the default limit. */
  public Decision evaluate(Snapshot snapshot, int firingLimit) {
    RuleSet set = current;
    return bounded(set, Evaluation.fresh(set, firingLimit), snapshot);
  }

  /**
   * The decision for this cycle's snapshot from the session that lives across cycles, told only
   * what changed since the previous call: the same decision as {@link #evaluate} (but for the
   * firings, which count this cycle's). A reload that changed the rules, a {@link #restart} (a
   * config change, a failed cycle) or a failed evaluation starts a fresh session. Rules that change
   * the session other than by insertLogical ({@link #afresh}) are evaluated afresh every call.
   */
  public synchronized Decision decide(Snapshot snapshot) {
    RuleSet set = current;
    if (live != null && live.rules() != set) restart();
    if (set.afresh().isPresent()) return bounded(set, Evaluation.fresh(set, 0), snapshot);
    if (live == null) live = RuleSession.living(set);
    try {
      return bounded(set, Evaluation.in(live), snapshot);
    } catch (RuntimeException | Error e) {
      live = null; // its worker (maybe still inside it, past the deadline) disposes it
      throw e;
    }
  }

  /** Drops the live session: the next {@link #decide} starts from an empty one. */
  public synchronized void restart() {
    if (live != null) live.close();
    live = null;
  }

  private Decision bounded(RuleSet set, Evaluation evaluation, Snapshot snapshot) {
    try {
      Decision d = watchdog.run(evaluation, snapshot, deadline);
      lastGood = set;
      overdue = null;
      return d;
    } catch (Watchdog.Overdue e) {
      overdue = e.getMessage();
      putAside(set, e);
      throw e;
    }
  }

  /** Ends the evaluations under way now, each failing with "cancelled" (for a stop that must not wait). */
  public void cancelEvaluations() {
    watchdog.cancelAll();
  }

  /** A new revision that hangs gives way to the last one that decided, until the files change. */
  private synchronized void putAside(RuleSet set, Watchdog.Overdue e) {
    RuleSet good = lastGood;
    if (good == null || good == set || current != set) return;
    current = good;
    RuleInfo rule = set.rules().stream().filter(r -> e.where().contains(r.id() + " \"")).findFirst().orElse(null);
    errors = List.of(new RuleError(rule == null ? dir.toString() : rule.file(), rule == null ? 0 : rule.line(),
        "revision " + set.revision() + " put aside, " + good.revision() + " serves again: " + e.getMessage()));
  }
}
