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
      current = next;
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

  public Decision evaluate(Snapshot snapshot) {
    return new Evaluation(current).run(snapshot);
  }

  public Decision evaluate(Snapshot snapshot, int firingLimit) {
    return new Evaluation(current, firingLimit).run(snapshot);
  }
}
