package dev.timmy.observe.gitea;

import dev.timmy.gitea.GiteaWire;

import dev.timmy.Json;
import dev.timmy.facts.Agent;
import dev.timmy.facts.CiState;
import dev.timmy.facts.Comment;
import dev.timmy.facts.Issue;
import dev.timmy.facts.Owner;
import dev.timmy.facts.PullRequest;
import dev.timmy.facts.Subjects;
import dev.timmy.observe.Backlog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a backlog in the demo house's layout (demo.yml, agents.yml and Gitea's response shapes
 * under gitea/owner/repo/), so an owner's backlog can be replayed offline by
 * {@code DemoHouse.load}. What facts do not keep is filled in plainly: ids are derived, a pull's
 * body is its {@code Closes #N}, reviews are one per reviewer, CI is one status per failing context
 * (or one {@code recorded} context carrying the combined state).
 */
public final class SnapshotRecorder {
  private final String baseUrl;

  /** @param baseUrl the Gitea URL the recorded objects point at (only used in their URLs) */
  public SnapshotRecorder(String baseUrl) {
    this.baseUrl = baseUrl.replaceAll("/+$", "");
  }

  /** {@code timmyLogin} is Timmy's own Gitea login, so the replay knows Timmy's notes from others' comments. */
  public void write(Path dir, Instant now, Owner owner, String timmyLogin, List<String> repos, List<Agent> agents,
      Backlog backlog) throws IOException {
    Files.createDirectories(dir);
    Map<String, Object> demo = new LinkedHashMap<>();
    demo.put("now", now);
    demo.put("owner", owner);
    demo.put("timmyLogin", timmyLogin);
    demo.put("repos", repos);
    Json.yaml().writeValue(dir.resolve("demo.yml").toFile(), demo);
    Json.yaml().writeValue(dir.resolve("agents.yml").toFile(), agents);
    for (String repo : repos) writeRepo(dir.resolve("gitea").resolve(repo), repo, backlog);
  }

  private void writeRepo(Path dir, String repo, Backlog backlog) throws IOException {
    Files.createDirectories(dir.resolve("reviews"));
    Files.createDirectories(dir.resolve("status"));
    List<Issue> issues = backlog.issues().stream().filter(i -> i.repo().equals(repo) && !i.pull()).toList();
    List<PullRequest> pulls = backlog.pulls().stream().filter(p -> p.repo().equals(repo)).toList();
    Set<Integer> pullNumbers = new TreeSet<>();
    pulls.forEach(p -> pullNumbers.add(p.number()));
    Set<String> labelNames = new TreeSet<>();
    issues.forEach(i -> labelNames.addAll(i.labels()));
    pulls.forEach(p -> labelNames.addAll(p.labels()));

    List<GiteaWire.Issue> wireIssues = new ArrayList<>();
    for (Issue i : issues) wireIssues.add(issue(repo, i));
    List<GiteaWire.PullRequest> wirePulls = new ArrayList<>();
    for (PullRequest p : pulls) {
      wirePulls.add(pull(repo, p));
      json(dir.resolve("reviews").resolve(p.number() + ".json"), reviews(repo, p));
      json(dir.resolve("status").resolve(p.headSha() + ".json"), status(repo, p));
    }
    List<GiteaWire.Comment> comments = new ArrayList<>();
    for (Comment c : backlog.comments()) {
      if (Subjects.repo(c.subject()).equals(repo)) comments.add(comment(repo, c, pullNumbers));
    }
    json(dir.resolve("issues.json"), wireIssues);
    json(dir.resolve("pulls.json"), wirePulls);
    json(dir.resolve("comments.json"), comments);
    json(dir.resolve("labels.json"), labelNames.stream().map(n -> label(repo, n)).toList());
  }

  private GiteaWire.Issue issue(String repo, Issue i) {
    GiteaWire.Milestone ms = i.milestone().isEmpty() ? null
        : new GiteaWire.Milestone(id(repo + ":" + i.milestone()), i.milestone(), "", "open", 0, 0, null, null, null,
            i.milestoneDueOn());
    List<GiteaWire.User> assignees = i.assignees().stream().map(this::user).toList();
    return new GiteaWire.Issue(id(i.subject()), api(repo) + "/issues/" + i.number(), web(repo) + "/issues/" + i.number(),
        i.number(), user(i.author()), i.title(), i.body(), i.labels().stream().map(n -> label(repo, n)).toList(), ms,
        assignees.isEmpty() ? null : assignees.get(0), assignees, i.state(), i.commentCount(), i.createdAt(),
        i.updatedAt(), null, null, new GiteaWire.RepositoryMeta(id(repo), repo.substring(repo.indexOf('/') + 1),
            repo.substring(0, repo.indexOf('/')), repo));
  }

  private GiteaWire.PullRequest pull(String repo, PullRequest p) {
    String url = web(repo) + "/pulls/" + p.number();
    List<GiteaWire.User> assignees = p.assignees().stream().map(this::user).toList();
    return new GiteaWire.PullRequest(id(p.subject()), url, p.number(), user(p.author()), p.title(),
        p.linkedIssue() > 0 ? "Closes #" + p.linkedIssue() : "", p.labels().stream().map(n -> label(repo, n)).toList(),
        null, assignees.isEmpty() ? null : assignees.get(0), assignees, p.state(), p.draft(), 0, url, p.mergeable(),
        p.merged(), null, null, new GiteaWire.PRBranchInfo(p.baseRef(), p.baseRef(), null, id(repo), null),
        new GiteaWire.PRBranchInfo(p.headRef(), p.headRef(), p.headSha(), id(repo), null), null, p.createdAt(),
        p.updatedAt(), null);
  }

  private List<GiteaWire.PullReview> reviews(String repo, PullRequest p) {
    List<GiteaWire.PullReview> out = new ArrayList<>();
    for (String who : p.approvedBy()) out.add(review(repo, p, who, "APPROVED"));
    for (String who : p.changesRequestedBy()) out.add(review(repo, p, who, "REQUEST_CHANGES"));
    return out;
  }

  private GiteaWire.PullReview review(String repo, PullRequest p, String who, String state) {
    return new GiteaWire.PullReview(id(p.subject() + ":" + who), user(who), state, "", p.headSha(), false, true, false, 0,
        p.updatedAt(), p.updatedAt(), web(repo) + "/pulls/" + p.number(), web(repo) + "/pulls/" + p.number());
  }

  private GiteaWire.CombinedStatus status(String repo, PullRequest p) {
    List<GiteaWire.CommitStatus> statuses = new ArrayList<>();
    String state = p.ciState() == CiState.NONE ? "" : p.ciState().name().toLowerCase();
    boolean red = p.ciState() == CiState.FAILURE || p.ciState() == CiState.ERROR;
    for (String context : p.ciFailing()) statuses.add(commitStatus(repo, p, context, red ? state : "failure"));
    if (statuses.isEmpty() && p.ciState() != CiState.NONE) statuses.add(commitStatus(repo, p, "recorded", state));
    return new GiteaWire.CombinedStatus(state, p.headSha(), statuses.size(), statuses,
        api(repo) + "/commits/" + p.headSha(), api(repo) + "/commits/" + p.headSha() + "/status");
  }

  private GiteaWire.CommitStatus commitStatus(String repo, PullRequest p, String context, String state) {
    return new GiteaWire.CommitStatus(id(p.headSha() + context), state, "", "", api(repo) + "/statuses/" + p.headSha(),
        context, null, p.updatedAt(), p.updatedAt());
  }

  private GiteaWire.Comment comment(String repo, Comment c, Set<Integer> pulls) {
    int n = Subjects.number(c.subject());
    boolean onPull = pulls.contains(n);
    String url = web(repo) + (onPull ? "/pulls/" : "/issues/") + n;
    return new GiteaWire.Comment(c.id(), url + "#issuecomment-" + c.id(), onPull ? url : "", onPull ? "" : url,
        user(c.author()), c.body(), c.createdAt(), c.createdAt());
  }

  private GiteaWire.Label label(String repo, String name) {
    long id = id(repo + ":label:" + name);
    return new GiteaWire.Label(id, name, "ededed", "", false, false, api(repo) + "/labels/" + id);
  }

  private GiteaWire.User user(String login) {
    return new GiteaWire.User(id("user:" + login), login, "", login + "@noreply.localhost", baseUrl + "/avatars/" + login,
        baseUrl + "/" + login);
  }

  /** A stable positive id for recorded objects that have none in the facts. */
  private static long id(String of) {
    return (of.hashCode() & 0x7fffffffL) + 1;
  }

  private String api(String repo) {
    return baseUrl + "/api/v1/repos/" + repo;
  }

  private String web(String repo) {
    return baseUrl + "/" + repo;
  }

  private static void json(Path file, Object value) throws IOException {
    Json.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), value);
  }
}
