package dev.timmy.act;

import dev.timmy.config.BudgetConfig;
import dev.timmy.decide.ActionKind;
import dev.timmy.journal.FailureStreak;
import dev.timmy.journal.JournalReader;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One circuit breaker per target (Gitea, Ollama, loops, files, processes): a target whose live
 * writes fail N times in a row stops being asked for {@code budgets.breakerCoolDownMinutes},
 * while the other targets go on — a broken restart command no longer blocks a merge. Each
 * breaker is read from the journal (the target's live DONE and FAILED actions), so it holds
 * across cycles and across Timmy's own restarts, and a success of that target closes it.
 */
public final class Breakers {
  private final BudgetConfig budgets;
  private final JournalReader journal;
  private final InstantSource clock;

  public Breakers(BudgetConfig budgets, JournalReader journal, InstantSource clock) {
    this.budgets = budgets;
    this.journal = journal;
    this.clock = clock;
  }

  /** Where one target's breaker stands; {@code resumesAt} is when an open one lets a write through again. */
  public record Breaker(String target, boolean open, int failures, int threshold, Instant lastFailureAt,
      Instant resumesAt) {}

  /** The breaker of {@code target} now. */
  public Breaker of(Target target) {
    int threshold = budgets.writeErrorsBeforeStop();
    FailureStreak streak = journal.failureStreak(kinds(target), threshold);
    Instant resumes = streak.lastFailureAt() == null ? null : streak.lastFailureAt().plus(coolDown());
    boolean open = streak.failures() >= threshold && resumes != null && clock.instant().isBefore(resumes);
    return new Breaker(name(target), open, streak.failures(), threshold, streak.lastFailureAt(), open ? resumes : null);
  }

  /** Every target's breaker, in the order given (for health). */
  public List<Breaker> of(Collection<? extends Target> targets) {
    return targets.stream().map(this::of).toList();
  }

  /** Why {@code target} may not be written to now, or empty while its breaker is closed. */
  public Optional<String> refusal(Target target) {
    Breaker b = of(target);
    if (!b.open()) return Optional.empty();
    return Optional.of("circuit breaker of " + b.target() + " open: " + b.failures() + " write errors in a row, the last at "
        + b.lastFailureAt() + "; writes to " + b.target() + " resume at " + b.resumesAt() + " (cool-down); other targets"
        + " are not affected");
  }

  /** A target's breaker name: its class name without {@code Target}, lower case (gitea, ollama, loop, file, process). */
  public static String name(Target target) {
    String simple = target.getClass().getSimpleName();
    String base = simple.endsWith("Target") && simple.length() > "Target".length()
        ? simple.substring(0, simple.length() - "Target".length()) : simple;
    return base.isEmpty() ? "target" : base.toLowerCase(java.util.Locale.ROOT);
  }

  private static Set<ActionKind> kinds(Target target) {
    Set<ActionKind> kinds = target.kinds();
    return kinds.isEmpty() ? Set.of() : EnumSet.copyOf(kinds);
  }

  private Duration coolDown() {
    return Duration.ofMinutes(budgets.breakerCoolDownMinutes());
  }
}
