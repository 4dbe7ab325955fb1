package dev.timmy.act.gitea;

import com.fasterxml.jackson.databind.JavaType;
import dev.timmy.Json;
import dev.timmy.gitea.GiteaClient;
import dev.timmy.gitea.GiteaException;
import dev.timmy.gitea.GiteaWire;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;

/** Fresh reads of what a write depends on, made right before the write; nothing is cached. */
final class LiveGitea {
  /** How far back closed pulls are searched for the one that merged a branch. */
  static final int CLOSED_PULL_PAGES = 10;
  private final GiteaClient client;

  LiveGitea(GiteaClient client) {
    this.client = client;
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
    return client.get(client.repoUrl(repo, "issues", n), GiteaWire.Issue.class);
  }

  /** All comments of one issue: this endpoint is not paged (no page/limit in the spec). */
  List<GiteaWire.Comment> comments(String repo, int n) throws GiteaException {
    JavaType list = Json.mapper().getTypeFactory().constructCollectionType(List.class, GiteaWire.Comment.class);
    List<GiteaWire.Comment> all = client.<List<GiteaWire.Comment>>get(client.repoUrl(repo, "issues", n, "comments"), list).body();
    return all == null ? List.of() : all;
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
    List<GiteaWire.Label> all = client.getAll(client.repoUrl(repo, "labels"), GiteaWire.Label.class);
    return all.stream().filter(l -> l.name().equals(name)).findFirst()
        .or(() -> all.stream().filter(l -> l.name().equalsIgnoreCase(name)).findFirst());
  }

  GiteaWire.PullRequest pull(String repo, int n) throws GiteaException {
    return client.get(client.repoUrl(repo, "pulls", n), GiteaWire.PullRequest.class);
  }

  List<GiteaWire.PullReview> reviews(String repo, int n) throws GiteaException {
    return client.getAll(client.repoUrl(repo, "pulls", n, "reviews"), GiteaWire.PullReview.class);
  }

  GiteaWire.CombinedStatus status(String repo, String sha) throws GiteaException {
    HttpUrl url = client.repoUrl(repo, "commits", sha, "status").newBuilder()
        .addQueryParameter("limit", String.valueOf(client.config().pageLimit())).build();
    return client.get(url, GiteaWire.CombinedStatus.class);
  }

  Optional<GiteaWire.Branch> branch(String repo, String name) throws GiteaException {
    try {
      return Optional.of(client.get(client.repoUrl(repo, "branches", name), GiteaWire.Branch.class));
    } catch (GiteaException e) {
      if (e.notFound()) return Optional.empty();
      throw e;
    }
  }

  List<GiteaWire.PullRequest> openPulls(String repo) throws GiteaException {
    return client.getAll(client.repoUrl(repo, "pulls").newBuilder().addQueryParameter("state", "open").build(),
        GiteaWire.PullRequest.class);
  }

  /** Recently closed pulls, most recently updated first, up to {@link #CLOSED_PULL_PAGES} pages. */
  List<GiteaWire.PullRequest> recentlyClosedPulls(String repo) throws GiteaException {
    HttpUrl url = client.repoUrl(repo, "pulls").newBuilder()
        .addQueryParameter("state", "closed").addQueryParameter("sort", "recentupdate").build();
    return client.getPages(url, GiteaWire.PullRequest.class, CLOSED_PULL_PAGES).items();
  }

  List<GiteaWire.Issue> openIssues(String repo) throws GiteaException {
    return client.getAll(client.repoUrl(repo, "issues").newBuilder()
        .addQueryParameter("state", "open").addQueryParameter("type", "issues").build(), GiteaWire.Issue.class);
  }
}
