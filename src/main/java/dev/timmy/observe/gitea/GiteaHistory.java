package dev.timmy.observe.gitea;

import dev.timmy.Bugs;
import dev.timmy.gitea.GiteaClient;
import dev.timmy.gitea.GiteaException;
import dev.timmy.gitea.GiteaMapping;
import dev.timmy.gitea.GiteaWire;

import com.fasterxml.jackson.databind.JavaType;
import dev.timmy.Json;
import dev.timmy.facts.Comment;
import dev.timmy.facts.Dispatch;
import dev.timmy.facts.History;
import dev.timmy.facts.PastIssue;
import dev.timmy.facts.PastPull;
import dev.timmy.facts.Subjects;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What closed within the agent window, per repository, for the agents' records. It is read again
 * only every {@code refresh}, so cycles in between cost no request for it. A read asks for the
 * closed issues updated since the window began ({@code state=closed&type=issues&since=}) and the
 * closed pulls, most recently closed first ({@code sort=recentclose}), page by page until one
 * closed before the window; each pull closed since the last read costs three more requests, once
 * (its reviews, its head's status and its comments, where Timmy's ci-failed notices are), and a
 * merged one that closes an issue a fourth: that issue's timeline up to the pull's opening, at most
 * {@value #TIMELINE_PAGES} pages, for when the work was dispatched (Gitea's assignments and Timmy's
 * routing notes; a dispatch past the cap, behind a flood of older comments, is not seen).
 * A failed read keeps what was known and is a gap; it is tried again next cycle.
 */
final class GiteaHistory {
  private static final Logger LOG = LoggerFactory.getLogger(GiteaHistory.class);
  /** The most pages of one issue's timeline read for its dispatches: a flooded timeline costs no more. */
  static final int TIMELINE_PAGES = 4;

  private record Known(Instant updatedAt, PastPull pull) {}

  private static final class Repo {
    Instant readAt;
    Map<Integer, Known> pulls = new TreeMap<>();
    Map<Integer, PastIssue> issues = new TreeMap<>();
  }

  private final GiteaClient client;
  private final Duration window;
  private final Duration refresh;
  private final Clock clock;
  private final Map<String, Repo> repos = new LinkedHashMap<>();

  GiteaHistory(GiteaClient client, Duration window, Duration refresh, Clock clock) {
    this.client = client;
    this.window = window;
    this.refresh = refresh;
    this.clock = clock;
  }

  /** The history of {@code names}, reading those whose refresh is due; failures are added to {@code gaps}. */
  History read(List<String> names, List<String> gaps, String self) {
    Instant now = clock.instant();
    Instant from = now.minus(window);
    List<PastPull> pulls = new ArrayList<>();
    List<PastIssue> issues = new ArrayList<>();
    for (String name : names) {
      Repo r = repos.computeIfAbsent(name, n -> new Repo());
      if (r.readAt == null || !now.isBefore(r.readAt.plus(refresh))) {
        try {
          readRepo(name, r, from, self);
          r.readAt = now;
        } catch (IOException | RuntimeException e) {
          gaps.add(name + ": history: " + Bugs.reason(LOG, "GiteaHistory.read (" + name + ")", e));
        }
      }
      r.pulls.values().removeIf(k -> k.pull().closedAt() == null || k.pull().closedAt().isBefore(from));
      r.issues.values().removeIf(i -> i.closedAt() == null || i.closedAt().isBefore(from));
      r.pulls.values().forEach(k -> pulls.add(k.pull()));
      issues.addAll(r.issues.values());
    }
    return new History((int) window.toDays(), pulls, issues);
  }

  private void readRepo(String name, Repo r, Instant from, String self) throws IOException {
    HttpUrl issuesUrl = client.repoUrl(name, "issues").newBuilder().addQueryParameter("state", "closed")
        .addQueryParameter("type", "issues").addQueryParameter("since", from.toString()).build();
    Map<Integer, PastIssue> issues = new TreeMap<>();
    for (GiteaWire.Issue w : client.getAll(issuesUrl, GiteaWire.Issue.class)) {
      if (w.pullRequest() != null) continue;
      PastIssue i = GiteaMapping.pastIssue(name, w);
      if (i.closedAt() != null && !i.closedAt().isBefore(from)) issues.put(i.number(), i);
    }
    Map<Integer, Known> pulls = new TreeMap<>();
    for (GiteaWire.PullRequest w : closedPulls(name, from)) {
      int n = (int) w.number();
      Known known = r.pulls.get(n);
      if (known != null && Objects.equals(known.updatedAt(), w.updatedAt())) pulls.put(n, known);
      else pulls.put(n, new Known(w.updatedAt(), pastPull(name, w, self)));
    }
    r.issues = issues;
    r.pulls = pulls;
  }

  /** Closed pulls, most recently closed first, up to the first one closed before {@code from}. */
  private List<GiteaWire.PullRequest> closedPulls(String name, Instant from) throws IOException {
    JavaType listType = Json.mapper().getTypeFactory().constructCollectionType(List.class, GiteaWire.PullRequest.class);
    int limit = client.config().pageLimit();
    List<GiteaWire.PullRequest> out = new ArrayList<>();
    for (int page = 1; ; page++) {
      HttpUrl url = client.repoUrl(name, "pulls").newBuilder().addQueryParameter("state", "closed")
          .addQueryParameter("sort", "recentclose").addQueryParameter("page", String.valueOf(page))
          .addQueryParameter("limit", String.valueOf(limit)).build();
      GiteaClient.Reply<List<GiteaWire.PullRequest>> reply = client.get(url, listType);
      List<GiteaWire.PullRequest> items = reply.body() == null ? List.of() : reply.body();
      boolean older = false;
      for (GiteaWire.PullRequest w : items) {
        Instant closed = GiteaMapping.closedAt(w);
        if (closed == null || closed.isBefore(from)) older = true;
        else out.add(w);
      }
      boolean more = reply.totalCount() >= 0 ? (long) page * limit < reply.totalCount() : items.size() >= limit;
      if (older || !more || items.isEmpty()) return out;
    }
  }

  /** {@code self} is Timmy's own login: only its ci-failed notes count. */
  private PastPull pastPull(String name, GiteaWire.PullRequest w, String self) throws IOException {
    int n = (int) w.number();
    List<GiteaWire.PullReview> reviews = client.getAll(client.repoUrl(name, "pulls", n, "reviews"), GiteaWire.PullReview.class);
    String sha = w.head() == null || w.head().sha() == null ? "" : w.head().sha();
    GiteaWire.CombinedStatus status = sha.isEmpty() ? null : client.get(client.repoUrl(name, "commits", sha, "status")
        .newBuilder().addQueryParameter("limit", String.valueOf(client.config().pageLimit())).build(),
        GiteaWire.CombinedStatus.class);
    JavaType commentsType = Json.mapper().getTypeFactory().constructCollectionType(List.class, GiteaWire.Comment.class);
    List<GiteaWire.Comment> wire = client.<List<GiteaWire.Comment>>get(client.repoUrl(name, "issues", n, "comments"), commentsType).body();
    List<Comment> comments = new ArrayList<>();
    for (GiteaWire.Comment c : wire == null ? List.<GiteaWire.Comment>of() : wire) {
      comments.add(GiteaMapping.onSubject(name + "#" + n, c, self));
    }
    return GiteaMapping.pastPull(name, w, reviews, status, comments, dispatches(name, w, self));
  }

  /**
   * The dispatches of the issue merged pull {@code w} closes; none for an unmerged pull, one that
   * closes no issue, or one whose body names an issue Gitea does not have (anyone can write "Closes #9999").
   */
  private List<Dispatch> dispatches(String name, GiteaWire.PullRequest w, String self) throws IOException {
    int linked = GiteaMapping.linkedIssue(w.body());
    if (!w.merged() || linked <= 0) return List.of();
    // Only what came before the pull opened can be its dispatch: the review talk after it costs no page.
    HttpUrl url = client.repoUrl(name, "issues", linked, "timeline");
    if (w.createdAt() != null) url = url.newBuilder().addQueryParameter("before", w.createdAt().plusSeconds(1).toString()).build();
    try {
      return GiteaMapping.dispatches(Subjects.of(name, linked), client.getPages(url, GiteaWire.TimelineComment.class, TIMELINE_PAGES)
          .items(), self);
    } catch (GiteaException e) {
      if (e.notFound()) return List.of();
      throw e;
    }
  }
}
