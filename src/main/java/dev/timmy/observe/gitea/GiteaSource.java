package dev.timmy.observe.gitea;

import dev.timmy.Bugs;
import dev.timmy.gitea.GiteaClient;
import dev.timmy.gitea.GiteaWire;

import dev.timmy.config.GiteaConfig;
import dev.timmy.facts.Comment;
import dev.timmy.facts.History;
import dev.timmy.facts.Issue;
import dev.timmy.facts.PullRequest;
import dev.timmy.observe.Backlog;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live backlog. The first cycle (and one every {@code fullResync}) reads each repository in
 * full; every other cycle asks only what changed since the previous one: issues and pulls
 * updated since (one list, {@code state=all} so closings are seen), comments since, and the first
 * page of open pulls by recent update (head sha and mergeable change without the pull being
 * updated). Reviews and status are read again only for a pull whose head or update time moved,
 * and status alone, every cycle, for a pull whose CI may move on an unchanged head (pending, red,
 * or not yet reported: {@link RepoState#ciMayMove}), so a re-run that turns it is seen the next
 * cycle; a green head's status is read again at each full read. An unchanged repository costs
 * three requests, plus one per such pull. What cannot be read leaves the previous state in place and makes the backlog partial;
 * nothing is thrown. With an agent window, what closed within it is read as well, but only every
 * history refresh period ({@link GiteaHistory}), so an unchanged cycle in between still costs
 * three requests per repository. Timmy's own login ({@link GiteaClient#self()}, one request ever)
 * decides which marked comments are Timmy's notes; while it cannot be read, every repository is a
 * gap and nothing is used.
 */
public final class GiteaSource {
  private static final Logger LOG = LoggerFactory.getLogger(GiteaSource.class);

  /** Overlap of successive {@code since=} windows, for clock granularity and in-flight writes. */
  static final Duration OVERLAP = Duration.ofSeconds(10);
  /** How long a new head without any status is polled for CI to show up. */
  static final Duration CI_GRACE = Duration.ofMinutes(30);

  private final GiteaClient client;
  private final Duration fullResync;
  private final Clock clock;
  private final Map<String, RepoState> states = new LinkedHashMap<>();
  private final GiteaHistory history;

  /** The configured repositories, resync period, agent window and history refresh, on the system clock. */
  public GiteaSource(GiteaClient client) {
    this(client, Clock.systemUTC());
  }

  /** The configured repositories, resync period, agent window and history refresh, on {@code clock}. */
  public GiteaSource(GiteaClient client, Clock clock) {
    this(client, client.config().repos(), client.config().fullResync(), clock,
        client.config().agentWindow(), client.config().historyRefresh());
  }

  /** A source that reads no history (no agent records). */
  public GiteaSource(GiteaClient client, List<String> repos, Duration fullResync, Clock clock) {
    this(client, repos, fullResync, clock, Duration.ZERO, Duration.ZERO);
  }

  /**
   * @param agentWindow    how far back closed work is read for the agents' records; zero reads none
   * @param historyRefresh how often that closed work is read again
   */
  public GiteaSource(
      GiteaClient client, List<String> repos, Duration fullResync, Clock clock, Duration agentWindow,
      Duration historyRefresh) {
    this.client = client;
    this.fullResync = fullResync;
    this.clock = clock;
    for (String r : repos) states.put(r, new RepoState(r));
    this.history = agentWindow.isZero() ? null : new GiteaHistory(client, agentWindow, historyRefresh, clock);
  }

  /** One cycle's backlog of every repository; partial with a gap per repository not fully read. */
  public synchronized Backlog read() {
    List<Issue> issues = new ArrayList<>();
    List<PullRequest> pulls = new ArrayList<>();
    List<Comment> comments = new ArrayList<>();
    List<String> gaps = new ArrayList<>();
    List<String> unread = new ArrayList<>();
    String self;
    try {
      self = client.self();
    } catch (IOException | RuntimeException e) {
      // Without Timmy's own login its notes cannot be told from a copied marker: read nothing.
      for (String repo : states.keySet()) gaps.add(repo + ": cannot read Timmy's own login (GET /user): " + Bugs.reason(LOG, "GiteaSource.read", e));
      return new Backlog(issues, pulls, comments, false, gaps, History.none(), List.copyOf(states.keySet()));
    }
    for (RepoState s : states.values()) {
      int before = gaps.size();
      try {
        boolean full = s.cursor == null || s.lastFull == null || !clock.instant().isBefore(s.lastFull.plus(fullResync));
        if (full) readAll(s);
        else readChanges(s);
      } catch (IOException | RuntimeException e) {
        gaps.add(s.repo + ": " + Bugs.reason(LOG, "GiteaSource.read (" + s.repo + ")", e));
      }
      // A record Gitea sent malformed drops its whole repository (a gap), never one fact of it: a
      // skipped comment could be Alex's hold, and the other repositories must still be seen.
      try {
        List<Comment> mine = s.commentFacts(self);
        List<Issue> repoIssues = s.issueFacts(mine, self);
        List<PullRequest> repoPulls = s.pullFacts();
        issues.addAll(repoIssues);
        pulls.addAll(repoPulls);
        comments.addAll(mine);
      } catch (IllegalArgumentException e) {
        gaps.add(s.repo + ": cannot map what Gitea sent: " + e.getMessage());
      } catch (RuntimeException e) {
        gaps.add(s.repo + ": cannot map what Gitea sent: " + Bugs.contain(LOG, "GiteaSource mapping (" + s.repo + ")", e));
      }
      if (gaps.size() > before) unread.add(s.repo);
    }
    History closed = history == null ? History.none() : history.read(List.copyOf(states.keySet()), gaps, self);
    return new Backlog(issues, pulls, comments, gaps.isEmpty(), gaps, closed, unread);
  }

  private void readAll(RepoState s) throws IOException {
    HttpUrl issuesUrl = client.repoUrl(s.repo, "issues").newBuilder()
        .addQueryParameter("state", "open").addQueryParameter("type", "issues").build();
    GiteaClient.Listing<GiteaWire.Issue> open = client.getPages(issuesUrl, GiteaWire.Issue.class, Integer.MAX_VALUE);
    Instant start = serverNow(open.serverDate());
    s.issues.clear();
    open.items().forEach(s::putIssue);

    HttpUrl pullsUrl = client.repoUrl(s.repo, "pulls").newBuilder().addQueryParameter("state", "open").build();
    List<GiteaWire.PullRequest> openPulls = client.getAll(pullsUrl, GiteaWire.PullRequest.class);
    Set<Integer> stillOpen = new HashSet<>();
    for (GiteaWire.PullRequest p : openPulls) stillOpen.add((int) p.number());
    s.pulls.keySet().retainAll(stillOpen);

    Instant oldest = start;
    for (GiteaWire.Issue i : open.items()) if (i.createdAt() != null && i.createdAt().isBefore(oldest)) oldest = i.createdAt();
    for (GiteaWire.PullRequest p : openPulls) if (p.createdAt() != null && p.createdAt().isBefore(oldest)) oldest = p.createdAt();
    List<GiteaWire.Comment> all = client.getAll(client.repoUrl(s.repo, "issues", "comments").newBuilder()
        .addQueryParameter("since", oldest.minus(OVERLAP).toString()).build(), GiteaWire.Comment.class);
    s.comments.clear();
    for (GiteaWire.Comment c : all) s.comments.put(c.id(), c);

    for (GiteaWire.PullRequest p : openPulls) {
      // A settled (green) head's status is read again here: a re-run can turn it without a push.
      RepoState.Pull known = refreshPull(s, p) ? null : s.pulls.get((int) p.number());
      if (known != null) readStatus(s, known);
    }
    s.cursor = start.minus(OVERLAP);
    s.lastFull = clock.instant();
  }

  private void readChanges(RepoState s) throws IOException {
    HttpUrl changedUrl = client.repoUrl(s.repo, "issues").newBuilder()
        .addQueryParameter("state", "all").addQueryParameter("since", s.cursor.toString()).build();
    GiteaClient.Listing<GiteaWire.Issue> changed = client.getPages(changedUrl, GiteaWire.Issue.class, Integer.MAX_VALUE);
    Instant start = serverNow(changed.serverDate());
    Set<Integer> pullsToCheck = new HashSet<>();
    for (GiteaWire.Issue i : changed.items()) {
      if (i.pullRequest() == null) s.putIssue(i);
      else if ("open".equals(i.state())) pullsToCheck.add((int) i.number());
      else s.forget((int) i.number());
    }

    HttpUrl commentsUrl = client.repoUrl(s.repo, "issues", "comments").newBuilder()
        .addQueryParameter("since", s.cursor.toString()).build();
    for (GiteaWire.Comment c : client.getAll(commentsUrl, GiteaWire.Comment.class)) s.comments.put(c.id(), c);

    HttpUrl recentUrl = client.repoUrl(s.repo, "pulls").newBuilder()
        .addQueryParameter("state", "open").addQueryParameter("sort", "recentupdate").build();
    Set<Integer> seen = new HashSet<>();
    Set<Integer> statusRead = new HashSet<>();
    for (GiteaWire.PullRequest p : client.getPages(recentUrl, GiteaWire.PullRequest.class, 1).items()) {
      if (refreshPull(s, p)) statusRead.add((int) p.number());
      seen.add((int) p.number());
    }
    for (int n : pullsToCheck) {
      if (seen.contains(n)) continue;
      if (refreshPull(s, client.get(client.repoUrl(s.repo, "pulls", n), GiteaWire.PullRequest.class))) statusRead.add(n);
    }
    for (RepoState.Pull p : s.ciMayMove(clock.instant(), CI_GRACE)) {
      if (!statusRead.contains((int) p.pull().number())) readStatus(s, p);
    }
    s.cursor = start.minus(OVERLAP);
  }

  /**
   * Stores a pull as just read; reviews and status are read again only when its head or update
   * time moved. True when they were.
   */
  private boolean refreshPull(RepoState s, GiteaWire.PullRequest p) throws IOException {
    int n = (int) p.number();
    if (!"open".equals(p.state()) || p.merged()) {
      s.forget(n);
      return false;
    }
    RepoState.Pull known = s.pulls.get(n);
    String sha = p.head() == null ? "" : p.head().sha();
    boolean sameHead = known != null && known.sha().equals(sha);
    boolean sameUpdate = known != null && known.pull().updatedAt() != null && known.pull().updatedAt().equals(p.updatedAt());
    if (sameHead && sameUpdate) {
      s.pulls.put(n, new RepoState.Pull(p, known.reviews(), known.status(), known.headSeenAt()));
      return false;
    }
    List<GiteaWire.PullReview> reviews = client.getAll(client.repoUrl(s.repo, "pulls", n, "reviews"), GiteaWire.PullReview.class);
    GiteaWire.CombinedStatus status = sha.isEmpty() ? null : status(s, sha);
    s.pulls.put(n, new RepoState.Pull(p, reviews, status, sameHead ? known.headSeenAt() : clock.instant()));
    return true;
  }

  /** The status of a pull's unchanged head, read again (a pull without a head has none to read). */
  private void readStatus(RepoState s, RepoState.Pull p) throws IOException {
    if (p.sha().isEmpty()) return;
    s.pulls.put((int) p.pull().number(), new RepoState.Pull(p.pull(), p.reviews(), status(s, p.sha()), p.headSeenAt()));
  }

  private GiteaWire.CombinedStatus status(RepoState s, String sha) throws IOException {
    HttpUrl url = client.repoUrl(s.repo, "commits", sha, "status").newBuilder()
        .addQueryParameter("limit", String.valueOf(client.config().pageLimit())).build();
    return client.get(url, GiteaWire.CombinedStatus.class);
  }

  /** Gitea's clock when it answered, else ours: {@code since} is compared with Gitea's times. */
  private Instant serverNow(Instant serverDate) {
    return (serverDate != null ? serverDate : clock.instant()).truncatedTo(ChronoUnit.SECONDS);
  }

  /** Repositories and the number of open items known of each, for diagnostics. */
  public synchronized Map<String, Integer> known() {
    Map<String, Integer> out = new HashMap<>();
    states.forEach((r, s) -> out.put(r, s.issues.size() + s.pulls.size()));
    return out;
  }
}
