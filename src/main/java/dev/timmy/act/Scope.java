package dev.timmy.act;

import dev.timmy.decide.ActionKind;
import dev.timmy.decide.ProposalItem;
import dev.timmy.facts.Snapshot;
import dev.timmy.facts.Subjects;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where Gitea writes may go: the configured repositories ({@code gitea.repos}) and the escalation
 * repository. {@link #writesTo} is the one answer to "which repository does this proposal write
 * to", asked by the guard and by the Gitea target alike. Without a configured list (the demo
 * house), the repositories of the snapshot's own items.
 */
public final class Scope {
  /** The kinds that write to Gitea. */
  public static final Set<ActionKind> GITEA = EnumSet.of(ActionKind.ADD_LABEL, ActionKind.REMOVE_LABEL,
      ActionKind.COMMENT, ActionKind.ASSIGN, ActionKind.UNASSIGN, ActionKind.CLOSE, ActionKind.MERGE,
      ActionKind.CREATE_ISSUE, ActionKind.ESCALATE, ActionKind.DELETE_BRANCH);

  private final Set<String> repos;
  private final String escalationRepo;

  private Scope(Set<String> repos, String escalationRepo) {
    this.repos = repos;
    this.escalationRepo = escalationRepo;
  }

  /** The configured repositories and the escalation repository (may be null). */
  public static Scope of(List<String> repos, String escalationRepo) {
    return new Scope(repos.stream().map(Scope::lower).collect(Collectors.toUnmodifiableSet()), escalationRepo);
  }

  /** No configured list: writes stay inside the repositories the snapshot shows. */
  public static Scope ofSnapshot() {
    return new Scope(null, null);
  }

  /**
   * The repository {@code p} writes to, or why it has none: an item subject's repository; for
   * CREATE_ISSUE the {@code repo} parameter, else the subject's repository; for an ESCALATE whose
   * subject is not an item, the escalation repository.
   */
  public static Destination writesTo(ProposalItem p, String escalationRepo) {
    String subject = p.subject();
    Optional<String> item = Subjects.canonical(subject);
    if (p.kind() == ActionKind.ESCALATE && item.isEmpty()) {
      return escalationRepo == null ? Destination.none("no escalation repository configured (gitea.escalationRepo),"
          + " and " + subject + " is not an issue to comment on") : Destination.of(escalationRepo);
    }
    if (p.kind() == ActionKind.CREATE_ISSUE && !p.param("repo").isBlank()) {
      String repo = p.param("repo").strip();
      return Subjects.isRepo(repo) ? Destination.of(repo) : Destination.none("expected parameter repo as owner/repo, found " + repo);
    }
    if (item.isPresent()) return Destination.of(Subjects.repo(subject));
    if ((p.kind() == ActionKind.CREATE_ISSUE || p.kind() == ActionKind.DELETE_BRANCH) && Subjects.isRepo(subject)) {
      return Destination.of(subject);
    }
    return Destination.none(p.kind() == ActionKind.CREATE_ISSUE
        ? "expected a repo parameter or a subject owner/repo[#N], found neither"
        : "expected a subject owner/repo#N, found " + subject);
  }

  /**
   * Why {@code p} may not write where it would, or empty; kinds that do not write to Gitea pass.
   * {@code allowed} is {@link #allowedIn} of the cycle's snapshot, computed once per cycle.
   */
  Optional<String> refusal(ProposalItem p, Set<String> allowed) {
    if (!GITEA.contains(p.kind())) return Optional.empty();
    // Telling Alex about the house goes to the escalation repository: the target knows it, or refuses.
    if (p.kind() == ActionKind.ESCALATE && Subjects.canonical(p.subject()).isEmpty()) return Optional.empty();
    Destination d = writesTo(p, escalationRepo);
    if (d.repo() == null) return Optional.of(p.kind() + " " + p.subject() + ": " + d.problem());
    String repo = lower(d.repo());
    if (repo.equals(lower(escalationRepo)) || allowed.contains(repo)) return Optional.empty();
    return Optional.of(p.kind() + " " + p.subject() + " would write to " + d.repo()
        + ", which is not a configured repository (gitea.repos) nor the escalation repository");
  }

  /** The repositories (lower case) writes may go to: the configured ones, or without them those the snapshot read. */
  Set<String> allowedIn(Snapshot snapshot) {
    if (repos != null) return repos;
    return java.util.stream.Stream.concat(snapshot.issues().stream().map(i -> i.repo()), snapshot.pulls().stream().map(pr -> pr.repo()))
        .map(Scope::lower).collect(Collectors.toSet());
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }

  /** A repository to write to, or the reason there is none. */
  public record Destination(String repo, String problem) {
    static Destination of(String repo) {
      return new Destination(repo, null);
    }

    static Destination none(String problem) {
      return new Destination(null, problem);
    }
  }
}
