package dev.timmy.observe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timmy.Json;
import dev.timmy.facts.Agent;
import dev.timmy.facts.Comment;
import dev.timmy.facts.History;
import dev.timmy.facts.Issue;
import dev.timmy.facts.Owner;
import dev.timmy.facts.PastIssue;
import dev.timmy.facts.PastPull;
import dev.timmy.facts.PullRequest;
import dev.timmy.facts.Quota;
import dev.timmy.facts.Snapshot;
import dev.timmy.observe.gitea.RecordedRepo;
import dev.timmy.observe.quota.QuotaReading;
import dev.timmy.observe.quota.QuotaSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled demo house: recorded Gitea responses under {@code gitea/<owner>/<repo>/} read
 * through the same mapping as the live source (what closed within the agent window included), the
 * roster ({@code agents.yml}), the clock, owner, repositories and agent window ({@code demo.yml})
 * and, when present, a host snapshot ({@code house.json}) and the providers' quotas
 * ({@code quota.json}, read by the same {@link QuotaSource} as a configured quota file).
 */
public final class DemoHouse {
  /**
   * {@code demo.yml}: the instant the demo is taken at, the owner, Timmy's own Gitea login (whose
   * marked comments are Timmy's notes), the repositories and the days of closed work behind the
   * agents' records (default 14).
   */
  public record Settings(Instant now, Owner owner, String timmyLogin, List<String> repos, Integer agentWindowDays) {
    public Settings {
      repos = repos == null ? List.of() : List.copyOf(repos);
      agentWindowDays = agentWindowDays == null ? 14 : agentWindowDays;
    }
  }

  private DemoHouse() {}

  /** The whole demo snapshot, complete, at {@code demo.yml}'s {@code now}, as observed (the derive stage counts the rest). */
  public static Snapshot load(Path dir) throws IOException {
    Settings settings = settings(dir);
    Backlog backlog = backlog(dir);
    Snapshot snapshot = Snapshot.ofBacklog(settings.now(), backlog.complete(), backlog.gaps(), settings.owner(),
        backlog.issues(), backlog.pulls(), backlog.comments(), agents(dir)).withHistory(backlog.history());
    Path houseFile = dir.resolve("house.json");
    if (Files.exists(houseFile)) {
      House h = readYamlOrJson(Json.mapper(), houseFile, House.class);
      snapshot = snapshot.withHouse(h.host(), h.disks(), h.processes(), h.models(), h.ollamaDown(), h.loops(),
          h.staleFiles(), h.quotas());
    }
    Path quotaFile = dir.resolve("quota.json");
    if (!Files.exists(quotaFile)) return snapshot;
    QuotaReading q = QuotaSource.file(quotaFile).read();
    List<Quota> quotas = new ArrayList<>(snapshot.quotas());
    quotas.addAll(q.quotas());
    snapshot = snapshot.withQuotas(quotas);
    for (String gap : q.gaps()) snapshot = snapshot.withGap(gap);
    return snapshot;
  }

  /** The backlog of every repository named in {@code demo.yml}, with what closed within the agent window. */
  public static Backlog backlog(Path dir) throws IOException {
    Settings settings = settings(dir);
    Instant from = settings.now().minus(Duration.ofDays(settings.agentWindowDays()));
    List<Issue> issues = new ArrayList<>();
    List<PullRequest> pulls = new ArrayList<>();
    List<Comment> comments = new ArrayList<>();
    List<PastPull> closedPulls = new ArrayList<>();
    List<PastIssue> closedIssues = new ArrayList<>();
    for (String repo : settings.repos()) {
      Backlog one = RecordedRepo.read(repoDir(dir, repo), repo, settings.timmyLogin());
      issues.addAll(one.issues());
      pulls.addAll(one.pulls());
      comments.addAll(one.comments());
      History closed = RecordedRepo.history(repoDir(dir, repo), repo, settings.timmyLogin(), settings.agentWindowDays(), from);
      closedPulls.addAll(closed.pulls());
      closedIssues.addAll(closed.issues());
    }
    return new Backlog(issues, pulls, comments, true, List.of(),
        new History(settings.agentWindowDays(), closedPulls, closedIssues));
  }

  /** Where {@code owner/repo}'s recorded responses live under a demo directory. */
  public static Path repoDir(Path dir, String repo) {
    return dir.resolve("gitea").resolve(repo);
  }

  public static Settings settings(Path dir) throws IOException {
    Path file = dir.resolve("demo.yml");
    Settings s = readYamlOrJson(Json.yaml(), file, Settings.class);
    if (s == null || s.now() == null || s.owner() == null || s.owner().login() == null
        || s.timmyLogin() == null || s.timmyLogin().isBlank()) {
      throw new IOException(file + ": expected now, owner.login, timmyLogin and repos, found " + s);
    }
    for (String repo : s.repos()) {
      if (!repo.matches("[\\w.-]+/[\\w.-]+")) throw new IOException(file + ": repos: expected owner/repo, found " + repo);
    }
    if (s.agentWindowDays() < 1 || s.agentWindowDays() > 90) {
      throw new IOException(file + ": agentWindowDays: expected 1..90, found " + s.agentWindowDays());
    }
    return s;
  }

  public static List<Agent> agents(Path dir) throws IOException {
    Path file = dir.resolve("agents.yml");
    List<Agent> agents = readYamlOrJson(Json.yaml(), file,
        Json.yaml().getTypeFactory().constructCollectionType(List.class, Agent.class));
    if (agents == null) throw new IOException(file + ": expected a list of agents, found nothing");
    return agents;
  }

  private static <T> T readYamlOrJson(ObjectMapper mapper, Path file, Class<T> type) throws IOException {
    return readYamlOrJson(mapper, file, mapper.constructType(type));
  }

  private static <T> T readYamlOrJson(ObjectMapper mapper, Path file, com.fasterxml.jackson.databind.JavaType type)
      throws IOException {
    if (!Files.isRegularFile(file)) throw new IOException("expected file " + file + ", found none");
    try {
      return mapper.readValue(file.toFile(), type);
    } catch (JsonProcessingException e) {
      throw new IOException(RecordedRepo.where(file, e) + ": " + e.getOriginalMessage(), e);
    }
  }
}
