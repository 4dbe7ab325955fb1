package dev.timmy.cycle;

import dev.timmy.Bugs;
import dev.timmy.act.Acted;
import dev.timmy.act.Authority;
import dev.timmy.act.Escalations;
import dev.timmy.act.Executor;
import dev.timmy.act.Guard;
import dev.timmy.decide.EvaluationException;
import dev.timmy.decide.Decision;
import dev.timmy.decide.PriorityItem;
import dev.timmy.decide.ProposalItem;
import dev.timmy.decide.RuleBook;
import dev.timmy.facts.Snapshot;
import dev.timmy.journal.ActionRow;
import dev.timmy.journal.CycleCounts;
import dev.timmy.journal.CycleRow;
import dev.timmy.journal.CycleStatus;
import dev.timmy.journal.Journal;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One pass of the pipeline: observe, evaluate, authorise, execute, record. Every step is
 * journaled as it happens. It decides in the rule book's session that lives across cycles
 * ({@link RuleBook#decide}); a cycle that fails starts the next one from a fresh session. A cycle
 * that cannot observe or decide is FAILED with its reason and acts on nothing. Not thread-safe: {@link CycleLoop} makes sure cycles never overlap.
 */
public final class Cycle {
  private static final Logger LOG = LoggerFactory.getLogger(Cycle.class);
  private final Observer observer;
  private final RuleBook rules;
  private final Authority authority;
  private final Executor executor;
  private final Journal journal;
  private final Duration retention;
  private final CycleListener listener;

  public Cycle(Observer observer, RuleBook rules, Authority authority, Executor executor, Journal journal,
      Duration retention) {
    this(observer, rules, authority, executor, journal, retention, CycleListener.NONE);
  }

  /** {@code listener} hears of every cycle once it is journaled (see {@link CycleListener}). */
  public Cycle(Observer observer, RuleBook rules, Authority authority, Executor executor, Journal journal,
      Duration retention, CycleListener listener) {
    this.listener = listener;
    this.observer = observer;
    this.rules = rules;
    this.authority = authority;
    this.executor = executor;
    this.journal = journal;
    this.retention = retention;
  }

  /** Runs one cycle; {@code trigger} says why (schedule, api, webhook, cli). Returns its journal row. */
  public CycleRow run(String trigger) {
    long began = System.nanoTime();
    long id = journal.beginCycle(trigger, executor.mode(), rules.revision());
    try (MDC.MDCCloseable tagged = MDC.putCloseable("cycle", Long.toString(id))) {
      return run(id, trigger, began);
    }
  }

  private CycleRow run(long id, String trigger, long began) {
    Snapshot snapshot = null;
    Decision decision = null;
    List<ActionRow> actions = List.of();
    try {
      snapshot = observe(id);
      decision = evaluate(id, snapshot);
      Guard guard = authority.open(snapshot, executor.mode());
      Acted acted = executor.execute(id, byPriority(decision), guard);
      actions = acted.actions();
      journal.finishCycle(id, CycleStatus.OK, null, CycleCounts.of(decision, actions, acted.deferred().size()));
    } catch (Failed e) {
      rules.restart(); // a failed cycle: the next one decides from a fresh session
      LOG.warn("cycle {} ({}) failed: {}", id, trigger, e.getMessage());
      journal.finishCycle(id, CycleStatus.FAILED, e.getMessage(), CycleCounts.none());
    } catch (RuntimeException | Error e) {
      rules.restart();
      LOG.error("cycle {} ({}) stopped by a bug: {}", id, trigger, describe(e), e);
      // A bug, a broken journal or an Error from rule code (deep recursion) mid-cycle: say so on
      // the cycle if the journal still takes it.
      try {
        journal.finishCycle(id, CycleStatus.FAILED, "internal error: " + describe(e), CycleCounts.none());
      } catch (RuntimeException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
    journal.prune(retention);
    CycleRow row = journal.reader().cycleRow(id).orElseThrow();
    listener.finished(new CycleOutcome(row, snapshot, decision, actions, Duration.ofNanos(System.nanoTime() - began)));
    return row;
  }

  /** Fails the evaluation under way at once (the loop is stopping); observing and acting are let finish. */
  void cancelEvaluation() {
    rules.cancelEvaluations();
  }

  /** After a restart: closes cycles left RUNNING and re-checks actions left INTENDED. */
  public List<ActionRow> recover() {
    journal.failRunningCycles("interrupted: Timmy stopped during this cycle");
    return executor.recover();
  }

  private Snapshot observe(long id) throws Failed {
    Snapshot snapshot;
    try {
      snapshot = observer.observe();
    } catch (IOException | RuntimeException e) {
      throw new Failed("observe: " + (Bugs.ofTheWorld(e) ? describe(e) : Bugs.contain(LOG, "observe", e)));
    }
    if (snapshot == null) throw new Failed("observe: the observer returned no snapshot");
    journal.observed(id, snapshot);
    return snapshot;
  }

  private Decision evaluate(long id, Snapshot snapshot) throws Failed {
    Decision decision;
    try {
      decision = rules.decide(snapshot); // the live session: told only what changed
    } catch (EvaluationException e) {
      // A rule that fails is the rule file's fault, said with the rule's name: no bug of Timmy's.
      throw new Failed("evaluate (rules " + rules.revision() + "): " + e.getMessage());
    } catch (RuntimeException e) {
      throw new Failed("evaluate (rules " + rules.revision() + "): " + Bugs.contain(LOG, "evaluate", e));
    }
    journal.decided(id, decision);
    return decision;
  }

  /**
   * What the cycle acts on: the proposals that stand, and each escalation as an ESCALATE action
   * (telling Alex is a write like any other, so it passes the authority and the budgets). A vetoed
   * proposal is the rules' own no, already in the decision with its veto: it is not an action (the
   * guard would refuse it, as it refuses any vetoed proposal it is given). Budgets are spent on the
   * most important work first: by their subject's rank, unranked subjects (the house) last, and at
   * equal rank escalations before proposals.
   */
  static List<ProposalItem> byPriority(Decision decision) {
    Map<String, Integer> rank = new HashMap<>();
    for (PriorityItem p : decision.priorities()) rank.put(p.subject(), p.rank());
    List<ProposalItem> all = new ArrayList<>(Escalations.proposals(decision.escalations()));
    for (ProposalItem p : decision.proposals()) if (!p.vetoed()) all.add(p);
    return all.stream()
        .sorted(Comparator.comparingInt(p -> rank.getOrDefault(p.subject(), Integer.MAX_VALUE)))
        .toList();
  }

  private static String describe(Throwable e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  /** A cycle that could not observe or decide; its message is the journaled reason. */
  private static final class Failed extends Exception {
    Failed(String message) {
      super(message);
    }
  }
}
