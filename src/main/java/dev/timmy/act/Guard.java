package dev.timmy.act;

import dev.timmy.decide.ProposalItem;
import dev.timmy.decide.VetoItem;
import dev.timmy.facts.Comment;
import dev.timmy.facts.Owner;
import dev.timmy.facts.Issue;
import dev.timmy.facts.PullRequest;
import dev.timmy.facts.Snapshot;
import dev.timmy.journal.ActionStatus;
import dev.timmy.journal.Mode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The authority's view of one cycle: the snapshot it judges holds against and the operations
 * spent so far; each target's circuit breaker is its own ({@link Breakers}). The executor asks
 * {@link #review} before every action and reports each outcome to {@link #recorded}.
 */
public final class Guard {
  private final Authority authority;
  private final Snapshot snapshot;
  private final Mode mode;
  private int operations;

  Guard(Authority authority, Snapshot snapshot, Mode mode) {
    this.authority = authority;
    this.snapshot = snapshot;
    this.mode = mode;
  }

  /** Allowed, or refused by the first guard that objects, checked from the cheapest up. */
  public Verdict review(ProposalItem p, Target target) {
    if (p.vetoed()) return Verdict.refuse("veto", vetoes(p));
    if (p.kind().destructive() && !snapshot.complete()) {
      return Verdict.refuse("partial-snapshot", p.kind() + " is destructive and the snapshot is partial (missing: "
          + String.join("; ", snapshot.gaps()) + ")");
    }
    if (!Authority.ALLOWED_ON_HOLD.contains(p.kind())) {
      Optional<String> held = holdLabel(p.subject());
      if (held.isPresent()) return Verdict.refuse("on-hold", held.get());
      Optional<String> told = instruction(p.subject());
      if (told.isPresent()) return Verdict.refuse("owner-instruction", told.get());
    }
    Optional<String> refused = targetRefusal(p, target);
    if (refused.isPresent()) return Verdict.refuse("target", refused.get());
    if (mode == Mode.LIVE) {
      Optional<String> open = authority.breakers().refusal(target);
      if (open.isPresent()) return Verdict.refuse("circuit-breaker", open.get());
    }
    int budget = authority.budgets().operationsPerCycle();
    if (operations >= budget) {
      return Verdict.refuse("operations-budget", "operations budget spent: " + operations + " of " + budget + " this cycle");
    }
    if (Authority.COMMENTING.contains(p.kind())) return commentBudget(p);
    return Verdict.allow();
  }

  /** Counts what an action cost: attempts spend the budget (the journal feeds the breakers). */
  public void recorded(ProposalItem p, ActionStatus status) {
    if (status.attempted()) operations++;
  }

  public int operations() {
    return operations;
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
      return Verdict.refuse("comment-budget", "comment budget spent on " + p.subject() + ": " + keys.size() + " of "
          + limit + " comments in the last 24h");
    }
    return Verdict.allow();
  }

  private Optional<String> holdLabel(String subject) {
    Owner owner = authority.owner().toOwner();
    for (String s : related(subject)) {
      Optional<String> label = owner.holdLabelAmong(labelsOf(s));
      if (label.isPresent()) {
        return Optional.of(s + " carries hold label " + label.get() + (s.equals(subject) ? "" : " (linked to " + subject + ")"));
      }
    }
    return Optional.empty();
  }

  private Optional<String> instruction(String subject) {
    String login = authority.owner().login();
    List<String> related = related(subject);
    for (Comment c : snapshot.comments()) {
      if (login == null || !login.equalsIgnoreCase(c.author()) || !related.contains(c.subject())) continue;
      String body = c.body().toLowerCase(Locale.ROOT);
      for (String phrase : authority.owner().holdPhrases()) {
        if (body.contains(phrase.toLowerCase(Locale.ROOT))) {
          return Optional.of(c.author() + " said \"" + excerpt(c.body()) + "\" on " + c.subject() + " (comment " + c.id() + ")");
        }
      }
    }
    return Optional.empty();
  }

  /** The subject and, for a pull request, the issue it closes: a hold on either holds both. */
  private List<String> related(String subject) {
    List<String> out = new ArrayList<>(List.of(subject));
    for (PullRequest pr : snapshot.pulls()) {
      if (pr.subject().equals(subject) && !pr.linkedSubject().isEmpty()) out.add(pr.linkedSubject());
      if (pr.linkedSubject().equals(subject)) out.add(pr.subject());
    }
    return out;
  }

  private List<String> labelsOf(String subject) {
    List<String> labels = new ArrayList<>();
    for (Issue i : snapshot.issues()) if (i.subject().equals(subject)) labels.addAll(i.labels());
    for (PullRequest pr : snapshot.pulls()) if (pr.subject().equals(subject)) labels.addAll(pr.labels());
    return labels;
  }

  private static Optional<String> targetRefusal(ProposalItem p, Target target) {
    try {
      return target.refusal(p);
    } catch (IOException | RuntimeException e) {
      return Optional.of("could not check whether " + p.kind() + " is allowed on " + p.subject() + ": " + e.getMessage());
    }
  }

  private static String vetoes(ProposalItem p) {
    return p.vetoes().stream().map(Guard::veto).collect(Collectors.joining("; "));
  }

  private static String veto(VetoItem v) {
    return "vetoed by " + v.ruleId() + " (" + v.title() + "): " + v.reason();
  }

  private static String excerpt(String body) {
    String line = body.strip().replaceAll("\\s+", " ");
    return line.length() <= 80 ? line : line.substring(0, 77) + "...";
  }
}
