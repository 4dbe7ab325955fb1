package dev.timmy.act.gitea;

import com.fasterxml.jackson.databind.JavaType;
import dev.timmy.Json;
import dev.timmy.gitea.GiteaClient;
import dev.timmy.gitea.GiteaException;
import dev.timmy.gitea.GiteaWire;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Fresh reads of what a write depends on, made right before the write. The target's own view
 * reads Gitea at every call; {@link #oneAction} gives a view for one action that reads each thing
 * once and serves it again to the guard's re-check, the already-done check and the write, so a
 * write costs its reads once. Nothing outlives that action.
 */
final class LiveGitea {
  /** How far back closed pulls are searched for the one that merged a branch. */
  static final int CLOSED_PULL_PAGES = 10;
  private final GiteaClient client;
  /** What this action has read, by URL; null for the view that reads every time. */
  private final Map<String, Object> read;

  LiveGitea(GiteaClient client) {
    this(client, null);
  }

  private LiveGitea(GiteaClient client, Map<String, Object> read) {
    this.client = client;
    this.read = read;
  }

  /** A view for one action: each thing read at most once (a failed read is not kept). */
  LiveGitea oneAction() {
    return new LiveGitea(client, new HashMap<>());
  }

  private interface Read<T> {
    T get() throws GiteaException;
  }

  @SuppressWarnings("unchecked")
  private <T> T once(HttpUrl url, Read<T> fresh) throws GiteaException {
    if (read == null) return fresh.get();
    String key = url.toString();
    if (read.containsKey(key)) return (T) read.get(key);
    T value = fresh.get();
    read.put(key, value);
    return value;
  }

  /** Timmy's own login (the token's user), read once: only what Timmy wrote proves Timmy did it. */
  String self() throws GiteaException {
    return client.self();
  }

  /** True when {@code user} is Timmy itself. */
  boolean byTimmy(GiteaWire.User user) throws GiteaException {
    return user != null && user.login() != null && user.login().equalsIgnoreCase(self());
  }

  GiteaWire.Issue issue(String repo, int n) throws GiteaException {
    HttpUrl url = client.repoUrl(repo, "issues", n);
    return once(url, () -> client.get(url, GiteaWire.Issue.class));
  }

  /** All comments of one issue: this endpoint is not paged (no page/limit in the spec). */
  List<GiteaWire.Comment> comments(String repo, int n) throws GiteaException {
    JavaType list = Json.mapper().getTypeFactory().constructCollectionType(List.class, GiteaWire.Comment.class);
    HttpUrl url = client.repoUrl(repo, "issues", n, "comments");
    return once(url, () -> {
      List<GiteaWire.Comment> all = client.<List<GiteaWire.Comment>>get(url, list).body();
      return all == null ? List.<GiteaWire.Comment>of() : all;
    });
  }

  /** True when Timmy itself wrote a comment with {@code marker}: a marker anyone else wrote proves nothing. */
  boolean markerPresent(String repo, int n, String marker) throws GiteaException {
    for (GiteaWire.Comment c : comments(repo, n)) {
      if (c.body() != null && c.body().contains(marker) && byTimmy(c.user())) return true;
    }
    return false;
  }

  /** The repository label with this name: exact match first, then ignoring case. */
  Optional<GiteaWire.Label> repoLabel(String repo, String name) throws GiteaException {
    HttpUrl url = client.repoUrl(repo, "labels");
    List<GiteaWire.Label> all = once(url, () -> client.getAll(url, GiteaWire.Label.class));
    return all.stream().filter(l -> l.name().equals(name)).findFirst()
        .or(() -> all.stream().filter(l -> l.name().equalsIgnoreCase(name)).findFirst());
  }

  GiteaWire.PullRequest pull(String repo, int n) throws GiteaException {
    HttpUrl url = client.repoUrl(repo, "pulls", n);
    return once(url, () -> client.get(url, GiteaWire.PullRequest.class));
  }

  List<GiteaWire.PullReview> reviews(String repo, int n) throws GiteaException {
    HttpUrl url = client.repoUrl(repo, "pulls", n, "reviews");
    return once(url, () -> client.getAll(url, GiteaWire.PullReview.class));
  }

  GiteaWire.CombinedStatus status(String repo, String sha) throws GiteaException {
    HttpUrl url = client.repoUrl(repo, "commits", sha, "status").newBuilder()
        .addQueryParameter("limit", String.valueOf(client.config().pageLimit())).build();
    return once(url, () -> client.get(url, GiteaWire.CombinedStatus.class));
  }

  Optional<GiteaWire.Branch> branch(String repo, String name) throws GiteaException {
    HttpUrl url = client.repoUrl(repo, "branches", name);
    return once(url, () -> {
      try {
        return Optional.of(client.get(url, GiteaWire.Branch.class));
      } catch (GiteaException e) {
        if (e.notFound()) return Optional.<GiteaWire.Branch>empty();
        throw e;
      }
    });
  }

  List<GiteaWire.PullRequest> openPulls(String repo) throws GiteaException {
    HttpUrl url = client.repoUrl(repo, "pulls").newBuilder().addQueryParameter("state", "open").build();
    return once(url, () -> client.getAll(url, GiteaWire.PullRequest.class));
  }

  /** Recently closed pulls, most recently updated first, up to {@link #CLOSED_PULL_PAGES} pages. */
  List<GiteaWire.PullRequest> recentlyClosedPulls(String repo) throws GiteaException {
    HttpUrl url = client.repoUrl(repo, "pulls").newBuilder()
        .addQueryParameter("state", "closed").addQueryParameter("sort", "recentupdate").build();
    return once(url, () -> client.getPages(url, GiteaWire.PullRequest.class, CLOSED_PULL_PAGES).items());
  }

  /** The open issues Timmy itself opened ({@code created_by}: the few it may have written a marker into). */
  List<GiteaWire.Issue> openIssuesByTimmy(String repo) throws GiteaException {
    HttpUrl url = client.repoUrl(repo, "issues").newBuilder().addQueryParameter("state", "open")
        .addQueryParameter("type", "issues").addQueryParameter("created_by", self()).build();
    return once(url, () -> client.getAll(url, GiteaWire.Issue.class));
  }
}
