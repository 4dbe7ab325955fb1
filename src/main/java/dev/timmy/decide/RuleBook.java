package dev.timmy.decide;

import dev.timmy.facts.Snapshot;
import java.nio.file.Path;
import java.util.List;

/**
 * The policy in force: every {@code rules/*.drl} compiled from disk. A reload that fails keeps
 * the last good rules running and remembers the errors until a reload succeeds.
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

  private final Path dir;
  private volatile RuleSet current;
  private volatile List<RuleError> errors = List.of();
  /** The session {@link #decide} keeps across cycles; null until the first call or after a restart. */
  private RuleSession live;

  private RuleBook(Path dir, RuleSet first) {
    this.dir = dir;
    this.current = first;
  }

  /** Compiles {@code dir}; fails with every error when the first compile fails. */
  public static RuleBook open(Path dir) throws RuleErrors {
    return new RuleBook(dir, RuleCompiler.compile(dir));
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

  public List<String> files() {
    return current.files();
  }

  /** The decision for {@code snapshot} from a fresh session. */
  public Decision evaluate(Snapshot snapshot) {
    return evaluate(snapshot, 0);
  }

  public Decision evaluate(Snapshot snapshot, int firingLimit) {
    return Evaluation.fresh(current, snapshot, firingLimit);
  }

  /**
   * The decision for this cycle's snapshot from the session that lives across cycles, told only
   * what changed since the previous call: the same decision as {@link #evaluate} (but for the
   * firings, which count this cycle's). A reload that changed the rules, a {@link #restart} (a
   * config change) or a failed evaluation starts a fresh session.
   */
  public synchronized Decision decide(Snapshot snapshot) {
    RuleSet rules = current;
    if (live != null && live.rules() != rules) restart();
    if (live == null) live = new RuleSession(rules);
    try {
      return new Evaluation(0).run(live, snapshot);
    } catch (RuntimeException | Error e) {
      restart();
      throw e;
    }
  }

  /** Drops the live session: the next {@link #decide} starts from an empty one. */
  public synchronized void restart() {
    if (live != null) live.close();
    live = null;
  }
}
