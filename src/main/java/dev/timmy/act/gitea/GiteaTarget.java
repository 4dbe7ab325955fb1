package dev.timmy.act.gitea;

import dev.timmy.act.ActionRefused;
import dev.timmy.act.Names;
import dev.timmy.act.Scope;
import dev.timmy.act.Target;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.ProposalItem;
import dev.timmy.facts.Markers;
import dev.timmy.facts.Owner;
import dev.timmy.facts.Subjects;
import dev.timmy.gitea.GiteaClient;
import dev.timmy.gitea.GiteaException;
import dev.timmy.gitea.GiteaWire;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Gitea writes. Everything Timmy writes carries {@code <!-- timmy:ID -->} (the proposal id), and
 * {@link #alreadyDone} reads live state, so a write whose journal entry was lost is never
 * repeated. Merging and deleting a branch are checked again on fresh data right before the
 * write; when a condition no longer holds the proposal is refused ({@link ActionRefused}).
 * Parameters: {@code label}, {@code body}, {@code login}, {@code sha}, {@code title}, {@code branch},
 * and {@code repo} for CREATE_ISSUE (which otherwise takes the subject's repository).
 * ESCALATE tells Alex: a comment mentioning him on an {@code owner/repo#N} subject, else an issue
 * in {@code gitea.escalationRepo} (a loop, a model, the host, an agent).
 */
public final class GiteaTarget implements Target {
  private static final Set<ActionKind> KINDS = EnumSet.of(ActionKind.ADD_LABEL, ActionKind.REMOVE_LABEL,
      ActionKind.COMMENT, ActionKind.ASSIGN, ActionKind.UNASSIGN, ActionKind.CLOSE, ActionKind.MERGE,
      ActionKind.CREATE_ISSUE, ActionKind.ESCALATE, ActionKind.DELETE_BRANCH);

  private final GiteaClient client;
  private final LiveGitea live;
  private final EscalationNote escalation;
  private final MergeGuard mergeGuard;

  /** A target whose escalations are refused: no owner login to mention. */
  public GiteaTarget(GiteaClient client) {
    this(client, (String) null);
  }

  /** {@code ownerLogin} is Alex's Gitea login ({@code owner.login}), mentioned in every escalation. */
  public GiteaTarget(GiteaClient client, String ownerLogin) {
    this(client, ownerLogin, List.of());
  }

  /**
   * {@code holdLabels} ({@code owner.holdLabels}) are re-checked on fresh data right before a merge:
   * a hold Alex adds after the snapshot still stops it.
   */
  public GiteaTarget(GiteaClient client, String ownerLogin, List<String> holdLabels) {
    this(client, new Owner(ownerLogin, holdLabels));
  }

  /** {@code owner}: Alex, mentioned in every escalation, whose holds are re-checked on fresh data right before a merge. */
  public GiteaTarget(GiteaClient client, Owner owner) {
    this.client = client;
    this.live = new LiveGitea(client);
    this.escalation = new EscalationNote(owner.login(), client.config().escalationRepository().orElse(null));
    this.mergeGuard = new MergeGuard(client, live, owner);
  }

  @Override
  public Set<ActionKind> kinds() {
    return KINDS;
  }

  /**
   * What is wrong with a proposal, found without writing anything, so a dry-run refuses what live
   * would: malformed names, no place to write, and for MERGE and DELETE_BRANCH every condition
   * re-read from Gitea (reads only). Live asks it too, and checks again right before the write.
   */
  @Override
  public Optional<String> refusal(ProposalItem p) throws IOException {
    Optional<String> bad = Names.problem(p);
    if (bad.isPresent()) return Optional.of(p.kind() + " " + p.subject() + ": " + bad.get());
    try {
      switch (p.kind()) {
        case ESCALATE -> escalation.check(p);
        case CREATE_ISSUE -> issueRepo(p);
        case MERGE -> mergeGuard.mergeable(repoOf(p.subject()), number(p), need(p, "sha"));
        case DELETE_BRANCH -> mergeGuard.deletable(repoOf(p.subject()), need(p, "branch"));
        default -> {}
      }
      return Optional.empty();
    } catch (ActionRefused e) {
      return Optional.of(e.getMessage());
    }
  }

  @Override
  public boolean alreadyDone(ProposalItem p) throws IOException {
    String repo = repoOf(p.subject());
    String marker = Markers.of(p.id());
    return switch (p.kind()) {
      case ADD_LABEL -> hasLabel(live.issue(repo, number(p)), need(p, "label"));
      case REMOVE_LABEL -> !hasLabel(live.issue(repo, number(p)), need(p, "label"));
      case COMMENT -> live.markerPresent(repo, number(p), marker);
      case ASSIGN -> assignees(live.issue(repo, number(p))).contains(need(p, "login").toLowerCase());
      case UNASSIGN -> !assignees(live.issue(repo, number(p))).contains(need(p, "login").toLowerCase());
      case CLOSE -> "closed".equals(live.issue(repo, number(p)).state());
      case MERGE -> live.pull(repo, number(p)).merged();
      case CREATE_ISSUE -> issueWithMarker(issueRepo(p), marker).isPresent();
      case ESCALATE -> escalated(p, marker);
      case DELETE_BRANCH -> live.branch(repo, need(p, "branch")).isEmpty();
      default -> throw new ActionRefused("GiteaTarget does not carry out " + p.kind());
    };
  }

  @Override
  public String perform(ProposalItem p) throws IOException {
    if (p.vetoed()) throw new ActionRefused(p.id() + " is vetoed: " + p.vetoes());
    Optional<String> bad = Names.problem(p);
    if (bad.isPresent()) throw new ActionRefused(p.kind() + " " + p.subject() + ": " + bad.get());
    String repo = repoOf(p.subject());
    return switch (p.kind()) {
      case ADD_LABEL -> addLabel(repo, number(p), need(p, "label"));
      case REMOVE_LABEL -> removeLabel(repo, number(p), need(p, "label"));
      case COMMENT -> comment(repo, number(p), need(p, "body"), Markers.of(p.id()));
      case ASSIGN -> assign(repo, number(p), need(p, "login"), true);
      case UNASSIGN -> assign(repo, number(p), need(p, "login"), false);
      case CLOSE -> close(repo, number(p), p);
      case MERGE -> mergeGuard.merge(repo, number(p), need(p, "sha"));
      case CREATE_ISSUE -> createIssue(issueRepo(p), need(p, "title"), need(p, "body"), Markers.of(p.id()));
      case ESCALATE -> escalate(p);
      case DELETE_BRANCH -> mergeGuard.deleteBranch(repo, need(p, "branch"));
      default -> throw new ActionRefused("GiteaTarget does not carry out " + p.kind());
    };
  }

  private String addLabel(String repo, int n, String name) throws IOException {
    if (hasLabel(live.issue(repo, n), name)) return "label " + name + " already on " + Subjects.of(repo, n);
    GiteaWire.Label label = live.repoLabel(repo, name).orElse(null);
    if (label == null) {
      if (!client.config().createMissingLabels()) {
        throw new ActionRefused("label " + name + " does not exist in " + repo
            + " and gitea.createMissingLabels is false: create it in Gitea or allow Timmy to");
      }
      label = client.send("POST", client.repoUrl(repo, "labels"),
          new GiteaWire.CreateLabelOption(name, "#" + client.config().newLabelColor().replace("#", ""),
              "Created by Timmy"), GiteaWire.Label.class);
    }
    client.send("POST", client.repoUrl(repo, "issues", n, "labels"),
        new GiteaWire.IssueLabelsOption(List.of(label.id())), null);
    return "added label " + name + " to " + Subjects.of(repo, n);
  }

  private String removeLabel(String repo, int n, String name) throws IOException {
    GiteaWire.Issue issue = live.issue(repo, n);
    Optional<GiteaWire.Label> on = labels(issue).stream().filter(l -> l.name().equalsIgnoreCase(name)).findFirst();
    if (on.isEmpty()) return "label " + name + " not on " + Subjects.of(repo, n);
    client.send("DELETE", client.repoUrl(repo, "issues", n, "labels", on.get().id()), null, null);
    return "removed label " + name + " from " + Subjects.of(repo, n);
  }

  private String comment(String repo, int n, String body, String marker) throws IOException {
    return post(repo, n, body, marker) ? "commented on " + Subjects.of(repo, n) : "comment already on " + Subjects.of(repo, n);
  }

  /** Writes the comment unless one with its marker is there; false when it was. */
  private boolean post(String repo, int n, String body, String marker) throws IOException {
    if (live.markerPresent(repo, n, marker)) return false;
    client.send("POST", client.repoUrl(repo, "issues", n, "comments"),
        new GiteaWire.CreateIssueCommentOption(withMarker(body, marker)), GiteaWire.Comment.class);
    return true;
  }

  /** The note is on the issue, or an open issue in the escalation repository carries it. */
  private boolean escalated(ProposalItem p, String marker) throws IOException {
    escalation.check(p);
    return escalation.onIssue(p) ? live.markerPresent(repoOf(p.subject()), number(p), marker)
        : issueWithMarker(escalation.repo(), marker).isPresent();
  }

  private String escalate(ProposalItem p) throws IOException {
    escalation.check(p);
    String marker = Markers.of(p.id());
    if (escalation.onIssue(p)) {
      String repo = repoOf(p.subject());
      boolean posted = post(repo, number(p), escalation.comment(p), marker);
      return (posted ? "told @" : "already told @") + escalation.login() + " on " + p.subject();
    }
    String opened = createIssue(escalation.repo(), escalation.title(p), escalation.issueBody(p), marker);
    return opened + " to tell @" + escalation.login() + " about " + p.subject();
  }

  private String assign(String repo, int n, String login, boolean add) throws IOException {
    List<String> now = new ArrayList<>();
    for (GiteaWire.User u : users(live.issue(repo, n).assignees())) now.add(u.login());
    boolean present = now.stream().anyMatch(a -> a.equalsIgnoreCase(login));
    if (present == add) return login + (add ? " already assigned to " : " not assigned to ") + Subjects.of(repo, n);
    if (add) now.add(login);
    else now.removeIf(a -> a.equalsIgnoreCase(login));
    client.send("PATCH", client.repoUrl(repo, "issues", n), new GiteaWire.EditIssueOption(null, now), GiteaWire.Issue.class);
    return (add ? "assigned " : "unassigned ") + login + (add ? " to " : " from ") + Subjects.of(repo, n);
  }

  /** The note goes first, so a crash between the two leaves the reason visible and is completed on re-run. */
  private String close(String repo, int n, ProposalItem p) throws IOException {
    if ("closed".equals(live.issue(repo, n).state())) return Subjects.of(repo, n) + " already closed";
    String note = p.param("body").isBlank() ? "Closed by Timmy: " + p.reason() : p.param("body");
    comment(repo, n, note, Markers.of(p.id()));
    client.send("PATCH", client.repoUrl(repo, "issues", n), new GiteaWire.EditIssueOption("closed", null),
        GiteaWire.Issue.class);
    return "closed " + Subjects.of(repo, n) + " with a note";
  }

  private String createIssue(String repo, String title, String body, String marker) throws IOException {
    Optional<GiteaWire.Issue> existing = issueWithMarker(repo, marker);
    if (existing.isPresent()) return "issue already open as " + Subjects.of(repo, (int) existing.get().number());
    GiteaWire.Issue created = client.send("POST", client.repoUrl(repo, "issues"),
        new GiteaWire.CreateIssueOption(title, withMarker(body, marker)), GiteaWire.Issue.class);
    return "opened " + (created == null ? "an issue in " + repo : Subjects.of(repo, (int) created.number()));
  }

  /** An open issue Timmy itself opened with {@code marker}. */
  private Optional<GiteaWire.Issue> issueWithMarker(String repo, String marker) throws GiteaException {
    for (GiteaWire.Issue i : live.openIssues(repo)) {
      if (i.body() != null && i.body().contains(marker) && live.byTimmy(i.user())) return Optional.of(i);
    }
    return Optional.empty();
  }

  static String withMarker(String body, String marker) {
    return body.contains(marker) ? body : body.stripTrailing() + "\n\n" + marker;
  }

  static boolean hasLabel(GiteaWire.Issue issue, String name) {
    return labels(issue).stream().anyMatch(l -> l.name().equalsIgnoreCase(name));
  }

  static List<GiteaWire.Label> labels(GiteaWire.Issue issue) {
    return issue.labels() == null ? List.of() : issue.labels();
  }

  static List<GiteaWire.User> users(List<GiteaWire.User> users) {
    return users == null ? List.of() : users;
  }

  static List<String> assignees(GiteaWire.Issue issue) {
    return users(issue.assignees()).stream().map(u -> u.login().toLowerCase()).toList();
  }

  /** {@code owner/repo} of a subject {@code owner/repo#N}, or the subject itself when it names a repo. */
  static String repoOf(String subject) {
    return subject.contains("#") ? Subjects.repo(subject) : subject;
  }

  /** Where CREATE_ISSUE opens its issue: the one answer the guard also asks ({@link Scope#writesTo}). */
  static String issueRepo(ProposalItem p) throws ActionRefused {
    Scope.Destination d = Scope.writesTo(p, null);
    if (d.repo() == null) throw new ActionRefused(p.kind() + " " + p.subject() + ": " + d.problem());
    return d.repo();
  }

  static boolean isIssueSubject(String subject) {
    return Subjects.canonical(subject).isPresent();
  }

  static int number(ProposalItem p) throws ActionRefused {
    if (!isIssueSubject(p.subject())) {
      throw new ActionRefused(p.kind() + ": expected a subject owner/repo#N, found " + p.subject());
    }
    return Subjects.number(p.subject());
  }

  static String need(ProposalItem p, String param) throws ActionRefused {
    String v = p.param(param);
    if (v.isBlank()) throw new ActionRefused(p.kind() + " " + p.subject() + ": expected parameter " + param + ", found none");
    return v;
  }
}
