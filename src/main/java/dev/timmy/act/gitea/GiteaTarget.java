package dev.timmy.act.gitea;

import dev.timmy.act.Target;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.ProposalItem;
import dev.timmy.facts.Markers;
import dev.timmy.facts.Subjects;
import dev.timmy.observe.gitea.GiteaClient;
import dev.timmy.observe.gitea.GiteaException;
import dev.timmy.observe.gitea.GiteaWire;
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
 * Parameters: {@code label}, {@code body}, {@code login}, {@code sha}, {@code title}, {@code branch}.
 */
public final class GiteaTarget implements Target {
  private static final Set<ActionKind> KINDS = EnumSet.of(ActionKind.ADD_LABEL, ActionKind.REMOVE_LABEL,
      ActionKind.COMMENT, ActionKind.ASSIGN, ActionKind.UNASSIGN, ActionKind.CLOSE, ActionKind.MERGE,
      ActionKind.CREATE_ISSUE, ActionKind.DELETE_BRANCH);

  private final GiteaClient client;
  private final LiveGitea live;

  public GiteaTarget(GiteaClient client) {
    this.client = client;
    this.live = new LiveGitea(client);
  }

  @Override
  public Set<ActionKind> kinds() {
    return KINDS;
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
      case CREATE_ISSUE -> issueWithMarker(repo, marker).isPresent();
      case DELETE_BRANCH -> live.branch(repo, need(p, "branch")).isEmpty();
      default -> throw new ActionRefused("GiteaTarget does not carry out " + p.kind());
    };
  }

  @Override
  public String perform(ProposalItem p) throws IOException {
    if (p.vetoed()) throw new ActionRefused(p.id() + " is vetoed: " + p.vetoes());
    String repo = repoOf(p.subject());
    return switch (p.kind()) {
      case ADD_LABEL -> addLabel(repo, number(p), need(p, "label"));
      case REMOVE_LABEL -> removeLabel(repo, number(p), need(p, "label"));
      case COMMENT -> comment(repo, number(p), need(p, "body"), Markers.of(p.id()));
      case ASSIGN -> assign(repo, number(p), need(p, "login"), true);
      case UNASSIGN -> assign(repo, number(p), need(p, "login"), false);
      case CLOSE -> close(repo, number(p), p);
      case MERGE -> new MergeGuard(client, live).merge(repo, number(p), need(p, "sha"));
      case CREATE_ISSUE -> createIssue(repo, need(p, "title"), need(p, "body"), Markers.of(p.id()));
      case DELETE_BRANCH -> new MergeGuard(client, live).deleteBranch(repo, need(p, "branch"));
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
    if (live.markerPresent(repo, n, marker)) return "comment already on " + Subjects.of(repo, n);
    client.send("POST", client.repoUrl(repo, "issues", n, "comments"),
        new GiteaWire.CreateIssueCommentOption(withMarker(body, marker)), GiteaWire.Comment.class);
    return "commented on " + Subjects.of(repo, n);
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

  private Optional<GiteaWire.Issue> issueWithMarker(String repo, String marker) throws GiteaException {
    return live.openIssues(repo).stream().filter(i -> i.body() != null && i.body().contains(marker)).findFirst();
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

  static int number(ProposalItem p) throws ActionRefused {
    if (!p.subject().contains("#")) throw new ActionRefused(p.kind() + ": expected a subject owner/repo#N, found " + p.subject());
    return Subjects.number(p.subject());
  }

  static String need(ProposalItem p, String param) throws ActionRefused {
    String v = p.param(param);
    if (v.isBlank()) throw new ActionRefused(p.kind() + " " + p.subject() + ": expected parameter " + param + ", found none");
    return v;
  }
}
