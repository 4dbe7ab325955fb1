package dev.timmy.observe.gitea;

import dev.timmy.gitea.GiteaMapping;
import dev.timmy.gitea.GiteaWire;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timmy.Json;
import dev.timmy.facts.Comment;
import dev.timmy.facts.Dispatch;
import dev.timmy.facts.Subjects;
import dev.timmy.facts.History;
import dev.timmy.facts.Issue;
import dev.timmy.facts.PastIssue;
import dev.timmy.facts.PastPull;
import dev.timmy.facts.PullRequest;
import dev.timmy.observe.Backlog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Set;

/**
 * One repository's recorded Gitea responses, laid out by endpoint:
 * {@code issues.json} (GET /repos/{o}/{r}/issues?state=open&type=issues), {@code pulls.json}
 * (GET .../pulls?state=open), {@code comments.json} (GET .../issues/comments),
 * {@code reviews/<N>.json} (GET .../pulls/{N}/reviews), {@code status/<sha>.json}
 * (GET .../commits/{sha}/status) and {@code labels.json}. What closed within the agent window is
 * optional: {@code closed-issues.json} (GET .../issues?state=closed&type=issues&since=…) and
 * {@code closed-pulls.json} (GET .../pulls?state=closed&sort=recentclose), each closed pull with
 * its {@code reviews/<N>.json} and {@code status/<sha>.json}; its comments are in {@code comments.json}.
 */
public final class RecordedRepo {
  private RecordedRepo() {}

  /**
   * The open backlog of {@code repo} ("owner/name") recorded in {@code dir}, mapped to facts;
   * comments {@code timmyLogin} wrote with a marker are Timmy's notes.
   */
  public static Backlog read(Path dir, String repo, String timmyLogin) throws IOException {
    List<GiteaWire.Issue> wireIssues = list(dir.resolve("issues.json"), GiteaWire.Issue.class);
    List<GiteaWire.PullRequest> wirePulls = list(dir.resolve("pulls.json"), GiteaWire.PullRequest.class);
    Path commentsFile = dir.resolve("comments.json");
    List<Comment> all = new ArrayList<>();
    for (GiteaWire.Comment c : list(commentsFile, GiteaWire.Comment.class)) {
      try {
        all.add(GiteaMapping.comment(repo, c, timmyLogin));
      } catch (IllegalArgumentException e) {
        throw new IOException(commentsFile + ": " + e.getMessage(), e);
      }
    }
    Set<String> open = new HashSet<>();
    List<Issue> issues = new ArrayList<>();
    Map<String, List<Comment>> bySubject = all.stream().collect(Collectors.groupingBy(Comment::subject));
    for (GiteaWire.Issue w : wireIssues) {
      Issue issue = GiteaMapping.issue(repo, w, bySubject.getOrDefault(repo + "#" + w.number(), List.of()), timmyLogin);
      if (!issue.open()) continue;
      issues.add(issue);
      open.add(issue.subject());
    }
    List<PullRequest> pulls = new ArrayList<>();
    for (GiteaWire.PullRequest w : wirePulls) {
      if (!"open".equals(w.state())) continue;
      if (w.head() == null || w.head().sha() == null) {
        throw new IOException(dir.resolve("pulls.json") + ": pull #" + w.number() + ": expected head.sha, found none");
      }
      List<GiteaWire.PullReview> reviews =
          list(need(dir.resolve("reviews").resolve(w.number() + ".json"), "pull #" + w.number()), GiteaWire.PullReview.class);
      GiteaWire.CombinedStatus status =
          one(need(dir.resolve("status").resolve(w.head().sha() + ".json"), "pull #" + w.number()), GiteaWire.CombinedStatus.class);
      PullRequest pull = GiteaMapping.pull(repo, w, reviews, status);
      pulls.add(pull);
      open.add(pull.subject());
    }
    List<Comment> comments = all.stream().filter(c -> open.contains(c.subject())).toList();
    return new Backlog(issues, pulls, comments, true, List.of());
  }

  /**
   * What closed in {@code repo} from {@code from} on, as recorded in {@code dir}: closed issues and
   * pulls (mapped as the live source maps them); nothing when the files are absent.
   */
  public static History history(Path dir, String repo, String timmyLogin, int windowDays, Instant from) throws IOException {
    List<PastIssue> issues = new ArrayList<>();
    Path closedIssues = dir.resolve("closed-issues.json");
    if (Files.exists(closedIssues)) {
      for (GiteaWire.Issue w : list(closedIssues, GiteaWire.Issue.class)) {
        PastIssue i = GiteaMapping.pastIssue(repo, w);
        if (w.pullRequest() == null && i.closedAt() != null && !i.closedAt().isBefore(from)) issues.add(i);
      }
    }
    List<PastPull> pulls = new ArrayList<>();
    Path closedPulls = dir.resolve("closed-pulls.json");
    if (Files.exists(closedPulls)) {
      List<Comment> all = new ArrayList<>();
      Path commentsFile = dir.resolve("comments.json");
      for (GiteaWire.Comment c : list(commentsFile, GiteaWire.Comment.class)) all.add(GiteaMapping.comment(repo, c, timmyLogin));
      for (GiteaWire.PullRequest w : list(closedPulls, GiteaWire.PullRequest.class)) {
        Instant closed = GiteaMapping.closedAt(w);
        if ("open".equals(w.state()) || closed == null || closed.isBefore(from)) continue;
        if (w.head() == null || w.head().sha() == null) {
          throw new IOException(closedPulls + ": pull #" + w.number() + ": expected head.sha, found none");
        }
        String what = "closed pull #" + w.number();
        List<GiteaWire.PullReview> reviews = list(need(dir.resolve("reviews").resolve(w.number() + ".json"), what), GiteaWire.PullReview.class);
        GiteaWire.CombinedStatus status = one(need(dir.resolve("status").resolve(w.head().sha() + ".json"), what), GiteaWire.CombinedStatus.class);
        String subject = repo + "#" + w.number();
        pulls.add(GiteaMapping.pastPull(repo, w, reviews, status, all.stream().filter(c -> c.subject().equals(subject)).toList(),
            dispatches(dir, repo, w, timmyLogin)));
      }
    }
    return new History(windowDays, pulls, issues);
  }

  /** The dispatches of the issue merged pull {@code w} closes, from {@code timeline/<issue>.json} when it is recorded. */
  private static List<Dispatch> dispatches(Path dir, String repo, GiteaWire.PullRequest w, String timmyLogin) throws IOException {
    int linked = GiteaMapping.linkedIssue(w.body());
    Path file = dir.resolve("timeline").resolve(linked + ".json");
    if (!w.merged() || linked <= 0 || !Files.exists(file)) return List.of();
    return GiteaMapping.dispatches(Subjects.of(repo, linked), list(file, GiteaWire.TimelineComment.class), timmyLogin);
  }

  /** A JSON array file as a list of {@code type}; errors name the file, line and column. */
  public static <T> List<T> list(Path file, Class<T> type) throws IOException {
    ObjectMapper m = Json.mapper();
    List<T> out = read(file, m.getTypeFactory().constructCollectionType(List.class, type));
    if (out == null) throw new IOException(file + ": expected a JSON array, found null");
    return out;
  }

  /** A JSON object file as {@code type}; errors name the file, line and column. */
  public static <T> T one(Path file, Class<T> type) throws IOException {
    T out = read(file, Json.mapper().constructType(type));
    if (out == null) throw new IOException(file + ": expected a JSON object, found null");
    return out;
  }

  private static <T> T read(Path file, JavaType type) throws IOException {
    need(file, null);
    try {
      return Json.mapper().readValue(file.toFile(), type);
    } catch (JsonProcessingException e) {
      throw new IOException(where(file, e) + ": " + e.getOriginalMessage(), e);
    }
  }

  /** {@code file:line:column} of a Jackson error, or just the file when it has no location. */
  public static String where(Path file, JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    return at == null || at.getLineNr() < 1 ? file.toString() : file + ":" + at.getLineNr() + ":" + at.getColumnNr();
  }

  private static Path need(Path file, String forWhat) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("expected file " + file + (forWhat == null ? "" : " for " + forWhat) + ", found none");
    }
    return file;
  }
}
