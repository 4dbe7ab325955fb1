package dev.timmy.act;

import dev.timmy.Bugs;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.ProposalItem;
import dev.timmy.journal.ActionRow;
import dev.timmy.journal.ActionStatus;
import dev.timmy.journal.Journal;
import dev.timmy.journal.PendingAction;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumSet;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries authorised proposals out, one target per action kind. Both modes ask the target whether
 * the effect is already there (a read). Dry-run (the default) then journals WOULD_DO and touches
 * nothing; live writes the intent first, acts, and writes the outcome. "Already done" is read from the world, never
 * from the journal: what someone undid is done again — until the same action has been undone
 * twice (done twice and missing again), when Timmy stops redoing it and tells Alex once instead
 * of fighting. A reported problem (ESCALATE, CREATE_ISSUE) is reported once per occurrence: when
 * it goes away and comes back, its key carries the next occurrence and Alex is told again.
 * A target's {@link ActionRefused} is journaled REFUSED; any other error FAILED (a write error,
 * which that target's circuit breaker counts). A runtime exception of a target is a bug: logged
 * once with its stack ({@link Bugs}), journaled FAILED with code {@link ActionCode#BUG} and its
 * class named in the outcome.
 */
public final class Executor {
  private static final Logger LOG = LoggerFactory.getLogger(Executor.class);
  /** Gitea state a person can undo (unlabel, unassign, reopen, delete the comment, re-push the branch). */
  static final Set<ActionKind> UNDOABLE = EnumSet.of(ActionKind.ADD_LABEL, ActionKind.REMOVE_LABEL, ActionKind.ASSIGN,
      ActionKind.UNASSIGN, ActionKind.CLOSE, ActionKind.COMMENT, ActionKind.DELETE_BRANCH);
  /** Telling about a problem: once per occurrence of the problem. */
  static final Set<ActionKind> REPORTS = EnumSet.of(ActionKind.ESCALATE, ActionKind.CREATE_ISSUE);

  private final Map<ActionKind, Target> targets = new EnumMap<>(ActionKind.class);
  private final Journal journal;
  private final Mode mode;

  /** Fails when two targets claim the same kind: which one acts must never be a guess. */
  public Executor(Collection<? extends Target> targets, Journal journal, Mode mode) {
    for (Target t : targets) {
      for (ActionKind k : t.kinds()) {
        Target clash = this.targets.putIfAbsent(k, t);
        if (clash != null) {
          throw new IllegalArgumentException("two targets for " + k + ": " + clash.getClass().getSimpleName()
              + " and " + t.getClass().getSimpleName());
        }
      }
    }
    this.journal = journal;
    this.mode = mode;
  }

  public Mode mode() {
    return mode;
  }

  /** The kinds some target can carry out. */
  public Set<ActionKind> kinds() {
    return Set.copyOf(targets.keySet());
  }

  /**
   * Each proposal in order, each journaled with its outcome. Once the cycle's operations budget is
   * spent, what the snapshot alone refuses (a veto, a hold, strategy…: {@link Guard#snapshotRefusal})
   * is still journaled REFUSED, and the rest is deferred: not read, not journaled as actions, counted
   * on the cycle, proposed again by the next one; so a large backlog costs a cycle its budget's worth
   * of live checks, not one budget refusal per proposal. An action found undone twice adds its
   * escalation to Alex right after it, through the same guard.
   */
  public Acted execute(long cycleId, List<ProposalItem> proposals, Guard guard) {
    Set<String> handled = new HashSet<>();
    List<ActionRow> rows = new ArrayList<>();
    List<ProposalItem> deferred = new ArrayList<>();
    Deque<ProposalItem> queue = new ArrayDeque<>(proposals);
    while (!queue.isEmpty()) {
      ProposalItem p = queue.removeFirst();
      if (guard.budgetSpent()) {
        Optional<Verdict> refused = guard.snapshotRefusal(p);
        if (refused.isPresent()) rows.add(refuse(cycleId, p, refused.get()));
        else deferred.add(p);
        continue;
      }
      ActionRow row = act(cycleId, p, guard, handled);
      rows.add(row);
      if (row.code() == ActionCode.UNDONE_TWICE && UNDOABLE.contains(p.kind())) queue.addFirst(undoneTwice(p));
    }
    return new Acted(rows, deferred);
  }

  private ActionRow act(long cycleId, ProposalItem proposal, Guard guard, Set<String> handled) {
    ProposalItem p = REPORTS.contains(proposal.kind()) ? occurrence(cycleId, proposal) : proposal;
    if (!handled.add(p.id())) {
      return skip(cycleId, p, ActionCode.DUPLICATE, "the same action was already handled in this cycle");
    }
    Target kind = targets.get(p.kind());
    if (kind == null) return journal.record(cycleId, p, mode, ActionStatus.REFUSED, ActionCode.NO_EXECUTOR, "no executor for " + p.kind());
    Target target = kind.oneAction(); // the guard's live re-check, the already-done check and the write share their reads
    Verdict verdict = guard.review(p, target);
    if (!verdict.allowed()) return refuse(cycleId, p, verdict);
    ActionRow row = mode == Mode.LIVE ? live(cycleId, p, target) : dryRun(cycleId, p, target);
    guard.recorded(p, row.status());
    return row;
  }

  /**
   * A refusal (the target found the proposal unusable or the live state unsafe; nothing written)
   * is REFUSED and leaves the breaker alone; any other exception is a FAILED write that feeds it.
   * Neither ends the cycle: the next proposal is still carried out.
   */
  private ActionRow live(long cycleId, ProposalItem p, Target target) {
    long id = journal.intend(cycleId, p, mode);
    try {
      Optional<Stop> stop = beforeActing(p, target);
      if (stop.isPresent()) return journal.complete(id, stop.get().status(), stop.get().code(), stop.get().why());
      return journal.complete(id, ActionStatus.DONE, null, target.perform(p));
    } catch (ActionRefused e) {
      return journal.complete(id, ActionStatus.REFUSED, ActionCode.TARGET_LIVE, e.getMessage());
    } catch (IOException | RuntimeException e) {
      if (!Bugs.ofTheWorld(e)) return journal.complete(id, ActionStatus.FAILED, ActionCode.BUG, Bugs.contain(LOG, where(p, target), e));
      return journal.complete(id, ActionStatus.FAILED, null, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** The same live checks (reads only), so WOULD_DO means live would do it; nothing is written. */
  private ActionRow dryRun(long cycleId, ProposalItem p, Target target) {
    String would = "would " + describe(p);
    try {
      Optional<Stop> stop = beforeActing(p, target);
      if (stop.isPresent()) return journal.record(cycleId, p, mode, stop.get().status(), stop.get().code(), stop.get().why());
    } catch (IOException | RuntimeException e) {
      would += " (the live state could not be read: " + Bugs.reason(LOG, where(p, target), e) + ")";
    }
    return journal.record(cycleId, p, mode, ActionStatus.WOULD_DO, null, would);
  }

  /** Why not to act although the guard allows it: the effect is there, or a person undid it twice. */
  private Optional<Stop> beforeActing(ProposalItem p, Target target) throws IOException {
    if (target.alreadyDone(p)) return Optional.of(new Stop(ActionStatus.SKIPPED_ALREADY_DONE, ActionCode.LIVE_STATE, "already present in live state"));
    int times = UNDOABLE.contains(p.kind()) || REPORTS.contains(p.kind()) ? journal.reader().timesDone(p.id()) : 0;
    if (times < 2) return Optional.empty();
    return Optional.of(new Stop(ActionStatus.REFUSED, ActionCode.UNDONE_TWICE, "done " + times + " times and undone again in the world"
        + " since: Timmy does not fight a person" + (UNDOABLE.contains(p.kind()) ? " and tells the owner once" : "")));
  }

  private record Stop(ActionStatus status, ActionCode code, String why) {}

  private static String where(ProposalItem p, Target target) {
    return target.getClass().getSimpleName() + " (" + p.kind() + " " + p.subject() + ")";
  }

  /**
   * The proposal as this occurrence of its problem: the first keeps its key (and so the markers
   * already in Gitea), a later one gets {@code :occurrence=N}, a new marker, so it is told again.
   */
  private ProposalItem occurrence(long cycleId, ProposalItem p) {
    int n = journal.occurrence(p.id(), cycleId);
    if (n <= 1) return p;
    return new ProposalItem(p.id() + ":occurrence=" + n, p.kind(), p.subject(), p.params(), p.ruleId(), p.title(),
        p.reason() + " (occurrence " + n + ": the problem went away and came back)", p.facts(), p.vetoes());
  }

  /** Telling Alex that {@code p} was undone twice; its key is the same every cycle, so he is told once. */
  static ProposalItem undoneTwice(ProposalItem p) {
    String why = "Timmy did " + describe(p) + " twice and someone undid it each time, so Timmy stops redoing it."
        + " Decide whether it should stay undone (rule " + p.ruleId() + " proposed it: " + p.reason() + ").";
    return new ProposalItem(Escalations.key(p.subject(), "undone " + p.id()), ActionKind.ESCALATE, p.subject(),
        Map.of("rule", p.ruleId(), "body", why), p.ruleId(), "An action undone twice: tell Alex instead of fighting",
        why, p.facts(), List.of());
  }

  private ActionRow refuse(long cycleId, ProposalItem p, Verdict verdict) {
    return journal.record(cycleId, p, mode, ActionStatus.REFUSED, verdict.code(), verdict.reason());
  }

  private ActionRow skip(long cycleId, ProposalItem p, ActionCode code, String why) {
    return journal.record(cycleId, p, mode, ActionStatus.SKIPPED_ALREADY_DONE, code, why);
  }

  /**
   * After a stop between intent and outcome: re-checks each INTENDED action on live state.
   * Present → DONE (never repeated); absent → INTERRUPTED (attempted again if still proposed,
   * through the usual live check). Call once at start, before the first cycle.
   */
  public List<ActionRow> recover() {
    List<ActionRow> out = new ArrayList<>();
    for (PendingAction a : journal.pendingActions()) {
      Target target = targets.get(a.proposal().kind());
      String stopped = "Timmy stopped between intent (" + a.intendedAt() + ") and outcome; ";
      if (target == null) {
        out.add(journal.complete(a.actionId(), ActionStatus.INTERRUPTED, ActionCode.INTERRUPTED, stopped + "no executor to re-check it"));
        continue;
      }
      try {
        out.add(target.alreadyDone(a.proposal())
            ? journal.complete(a.actionId(), ActionStatus.DONE, ActionCode.RECOVERED, stopped + "effect found on re-check")
            : journal.complete(a.actionId(), ActionStatus.INTERRUPTED, ActionCode.INTERRUPTED, stopped
                + "effect absent on re-check; attempted again if still proposed"));
      } catch (IOException | RuntimeException e) {
        out.add(interrupted(a, stopped + "re-check failed: " + Bugs.reason(LOG, where(a.proposal(), target), e)));
      }
    }
    return out;
  }

  private ActionRow interrupted(PendingAction a, String why) {
    return journal.complete(a.actionId(), ActionStatus.INTERRUPTED, ActionCode.INTERRUPTED,
        why + "; the live check runs again before any new attempt");
  }

  /** What a dry run would have done, in words; the free-text body shortened. */
  static String describe(ProposalItem p) {
    String params = p.params().entrySet().stream().filter(e -> !e.getKey().equals("body"))
        .sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    String body = p.param("body").strip().replaceAll("\\s+", " ");
    if (body.length() > 100) body = body.substring(0, 97) + "...";
    return p.kind() + " " + p.subject() + (params.isEmpty() ? "" : " (" + params + ")") + (body.isEmpty() ? "" : ": \"" + body + "\"");
  }
}
