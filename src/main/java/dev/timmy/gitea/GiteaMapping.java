package dev.timmy.gitea;

import dev.timmy.facts.AgentRecords;
import dev.timmy.facts.CiState;
import dev.timmy.facts.Dispatch;
import dev.timmy.facts.Comment;
import dev.timmy.facts.Issue;
import dev.timmy.facts.IssueNumbers;
import dev.timmy.facts.PastIssue;
import dev.timmy.facts.PastPull;
import dev.timmy.facts.PullRequest;
import dev.timmy.facts.TimmyNote;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gitea wire records to facts. The demo house and the live source both go through here, so the
 * rules see the same facts whether the backlog was recorded or read live.
 */
public final class GiteaMapping {
  /** Gitea's own closing keywords; the first one in the body names the linked issue. */
  private static final Pattern CLOSES =
      Pattern.compile("(?i)\\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\\s*:?\\s+#(\\d+)\\b");
  private static final Pattern CONVERSATION_NUMBER = Pattern.compile("/(?:issues|pulls)/(\\d+)/?$");

  private GiteaMapping() {}

  /**
   * An issue with its last activity: the latest of its comments, else its own update by its
   * author. {@code comments} are this issue's comments (any order; others are ignored). An issue
   * {@code timmyLogin} opened with its marker carries Timmy's note.
   */
  public static Issue issue(String repo, GiteaWire.Issue w, List<Comment> comments, String timmyLogin) {
    String subject = repo + "#" + w.number();
    Comment latest = comments.stream()
        .filter(c -> c.subject().equals(subject))
        .max(Comparator.comparing(Comment::createdAt))
        .orElse(null);
    // Label and assignee changes bump updated_at but are nobody working: only comments count,
    // and an issue nobody commented on was last touched by its author.
    Instant lastAt = latest != null ? latest.createdAt() : w.updatedAt();
    String lastBy = latest != null ? latest.author() : login(w.user());
    return new Issue(repo, number(repo, w.number()), w.title(), w.body(), labelNames(w.labels()), login(w.user()),
        logins(w.assignees()), w.state(), w.createdAt(), w.updatedAt(), lastAt, lastBy, w.comments(),
        w.pullRequest() != null, w.milestone() == null ? "" : w.milestone().title(),
        w.milestone() == null ? null : w.milestone().dueOn(),
        TimmyNote.ofIssue(login(w.user()), w.body(), w.createdAt(), timmyLogin).orElse(null));
  }

  /**
   * A pull request with the reviews that count and its head's combined status. {@code status}
   * may be null when it was never read (CI state NONE).
   */
  public static PullRequest pull(
      String repo, GiteaWire.PullRequest w, List<GiteaWire.PullReview> reviews, GiteaWire.CombinedStatus status) {
    Map<String, String> verdicts = latestVerdicts(reviews);
    List<String> approved = new ArrayList<>();
    List<String> changes = new ArrayList<>();
    verdicts.forEach((who, state) -> {
      if (state.equals("APPROVED")) approved.add(who);
      else changes.add(who);
    });
    return new PullRequest(repo, number(repo, w.number()), w.title(), login(w.user()), w.state(), w.merged(),
        w.head() == null ? "" : w.head().ref(), w.base() == null ? "" : w.base().ref(),
        w.head() == null ? "" : w.head().sha(), w.draft(), w.mergeable(), ciState(status), ciFailing(status),
        approved, changes, labelNames(w.labels()), logins(w.assignees()), linkedIssue(w.body()),
        w.createdAt(), w.updatedAt());
  }

  /**
   * A closed pull request for the agents' records: CI failures are the distinct heads Timmy's
   * ci-failed notices in {@code comments} name, plus the final head when its status is red;
   * review rounds are the reviews that requested changes (dismissed ones too: each was a round).
   */
  public static PastPull pastPull(
      String repo, GiteaWire.PullRequest w, List<GiteaWire.PullReview> reviews, GiteaWire.CombinedStatus status,
      List<Comment> comments, List<Dispatch> dispatches) {
    String subject = repo + "#" + w.number();
    CiState ci = ciState(status);
    String sha = w.head() == null ? "" : w.head().sha();
    int failures = AgentRecords.failedHeads(subject, comments, sha, ci == CiState.FAILURE || ci == CiState.ERROR).size();
    int rounds = (int) reviews.stream().filter(r -> "REQUEST_CHANGES".equals(r.state())).count();
    return new PastPull(repo, number(repo, w.number()), login(w.user()), w.merged(), closedAt(w), failures, rounds,
        labelNames(w.labels()), w.createdAt(), linkedIssue(w.body()), dispatches);
  }

  /**
   * The dispatches in the timeline of issue {@code subject}: each assignment Gitea records (not its
   * removal), and each routing note Timmy's own login {@code timmyLogin} wrote there (a marker
   * anyone else wrote is no note, so no dispatch).
   */
  public static List<Dispatch> dispatches(String subject, List<GiteaWire.TimelineComment> timeline, String timmyLogin) {
    List<Dispatch> out = new ArrayList<>();
    for (GiteaWire.TimelineComment e : timeline) {
      if (e.createdAt() == null) continue;
      if ("assignees".equals(e.type()) && !e.removedAssignee() && e.assignee() != null) {
        out.add(new Dispatch(login(e.assignee()), "", e.createdAt()));
      } else if ("comment".equals(e.type())) {
        TimmyNote.of(subject, e.id(), login(e.user()), e.body(), e.createdAt(), timmyLogin)
            .filter(n -> n.topic().equals("routing") && !n.param("agent").isBlank())
            .ifPresent(n -> out.add(new Dispatch("", n.param("agent"), n.at())));
      }
    }
    return out;
  }

  /** A closed issue for the agents' records, with its assignees when it closed. */
  public static PastIssue pastIssue(String repo, GiteaWire.Issue w) {
    return new PastIssue(repo, number(repo, w.number()), logins(w.assignees()), w.closedAt() != null ? w.closedAt() : w.updatedAt(),
        labelNames(w.labels()));
  }

  /** When a pull request closed: merged_at for a merge, else closed_at, else its last update. */
  public static Instant closedAt(GiteaWire.PullRequest w) {
    if (w.merged() && w.mergedAt() != null) return w.mergedAt();
    return w.closedAt() != null ? w.closedAt() : w.updatedAt();
  }

  /**
   * A comment; its subject comes from the issue or pull request URL it carries. It is Timmy's note
   * only when {@code timmyLogin} (the token's own user) wrote it.
   */
  public static Comment comment(String repo, GiteaWire.Comment w, String timmyLogin) {
    return onSubject(repo + "#" + conversationNumber(w), w, timmyLogin);
  }

  /** A comment on {@code subject}, known without its URLs. */
  public static Comment onSubject(String subject, GiteaWire.Comment w, String timmyLogin) {
    return Comment.read(subject, w.id(), login(w.user()), w.body(), w.createdAt(), timmyLogin);
  }

  /**
   * The number of the issue a pull request body closes ({@code Closes #N}, ...), 0 if none: the
   * first that can be an issue number ({@link IssueNumbers}); one that cannot is ignored.
   */
  public static int linkedIssue(String body) {
    if (body == null) return 0;
    Matcher m = CLOSES.matcher(body);
    while (m.find()) {
      int n = IssueNumbers.read(m.group(1));
      if (n > 0) return n;
    }
    return 0;
  }

  /** The conversation (issue or pull) number a comment belongs to, from its URLs. */
  public static int conversationNumber(GiteaWire.Comment w) {
    for (String url : new String[] {w.issueUrl(), w.pullRequestUrl()}) {
      if (url == null || url.isEmpty()) continue;
      Matcher m = CONVERSATION_NUMBER.matcher(url);
      int n = m.find() ? IssueNumbers.read(m.group(1)) : 0;
      if (n > 0) return n;
    }
    throw new IllegalArgumentException("comment " + w.id()
        + ": expected issue_url or pull_request_url ending in /issues/N or /pulls/N (N from 1 to " + Integer.MAX_VALUE
        + "), found "
        + w.issueUrl() + " / " + w.pullRequestUrl());
  }

  public static CiState ciState(GiteaWire.CombinedStatus status) {
    if (status == null || status.statuses() == null || status.statuses().isEmpty()) return CiState.NONE;
    return CiState.parse(status.state());
  }

  /** Contexts whose latest status is failure or error, in the order Gitea lists them. */
  public static List<String> ciFailing(GiteaWire.CombinedStatus status) {
    if (status == null || status.statuses() == null) return List.of();
    return status.statuses().stream()
        .filter(s -> "failure".equalsIgnoreCase(s.status()) || "error".equalsIgnoreCase(s.status()))
        .map(GiteaWire.CommitStatus::context)
        .distinct()
        .toList();
  }

  /**
   * Each reviewer's latest verdict (APPROVED or REQUEST_CHANGES), ignoring dismissed reviews and
   * plain comments, which neither grant nor withdraw an approval. Ordered by reviewer login.
   */
  public static Map<String, String> latestVerdicts(List<GiteaWire.PullReview> reviews) {
    Map<String, GiteaWire.PullReview> latest = new LinkedHashMap<>();
    reviews.stream()
        .filter(r -> !r.dismissed() && r.user() != null)
        .filter(r -> "APPROVED".equals(r.state()) || "REQUEST_CHANGES".equals(r.state()))
        .sorted(Comparator.comparing((GiteaWire.PullReview r) -> r.user().login())
            .thenComparing(r -> r.submittedAt() == null ? Instant.EPOCH : r.submittedAt())
            .thenComparingLong(GiteaWire.PullReview::id))
        .forEach(r -> latest.put(r.user().login(), r));
    Map<String, String> out = new LinkedHashMap<>();
    latest.forEach((who, r) -> out.put(who, r.state()));
    return out;
  }

  /**
   * An issue or pull number as Gitea sent it. Gitea's are 1 and up; one past an int would wrap onto
   * another issue's number, so it is a malformed record (its repository becomes a gap), never an alias.
   */
  public static int number(String repo, long n) {
    if (n < 1 || n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(repo + ": expected an issue number from 1 to " + Integer.MAX_VALUE + ", found " + n);
    }
    return (int) n;
  }

  public static List<String> labelNames(List<GiteaWire.Label> labels) {
    return labels == null ? List.of() : labels.stream().map(GiteaWire.Label::name).toList();
  }

  public static List<String> logins(List<GiteaWire.User> users) {
    return users == null ? List.of() : users.stream().map(GiteaMapping::login).toList();
  }

  public static String login(GiteaWire.User u) {
    return u == null || u.login() == null ? "" : u.login();
  }
}
