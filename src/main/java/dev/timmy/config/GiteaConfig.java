package dev.timmy.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code gitea:} section of timmy.yml. Secrets are never here: the token is read from the
 * environment variable named by {@code tokenEnv}, the webhook secret from {@code webhookSecretEnv}.
 * Every number is optional (null → the default below), so a minimal section is
 * {@code baseUrl} + {@code repos}.
 *
 * @param connectTimeoutSeconds TCP connect timeout (default 5)
 * @param readTimeoutSeconds    read timeout per response (default 20)
 * @param callTimeoutSeconds    whole call including redirects and body (default 60)
 * @param pageLimit             items per page, Gitea caps it at its MAX_RESPONSE_ITEMS (default 50)
 * @param maxAttempts           tries per read request before it counts as missing (default 3)
 * @param retryBackoffMillis    first backoff, doubled per retry (default 250)
 * @param retryAfterCapSeconds  longest Retry-After honoured; longer gives up at once (default 10)
 * @param fullResyncMinutes     a full re-read of each repo at least this often, healing anything
 *                              incremental polling cannot see (deleted comments; default 60)
 * @param newLabelColor         colour of labels Timmy creates when {@code createMissingLabels}
 * @param escalationRepo        {@code owner/repo} where Timmy opens an issue to tell Alex about
 *                              something that is not an issue (a loop, a model, the host);
 *                              optional: without it such escalations are refused and journaled
 * @param agentWindowDays       days of closed work behind each agent's record (merged and failed
 *                              pull requests, CI failures, review rounds, closed issues; default 14)
 * @param historyRefreshMinutes how often that closed work is read again (default 30); between two
 *                              reads a cycle costs no request for it
 */
public record GiteaConfig(
    String baseUrl, List<String> repos, String tokenEnv, String mergeMethod, boolean createMissingLabels,
    String webhookSecretEnv, Integer connectTimeoutSeconds, Integer readTimeoutSeconds, Integer callTimeoutSeconds,
    Integer pageLimit, Integer maxAttempts, Integer retryBackoffMillis, Integer retryAfterCapSeconds,
    Integer fullResyncMinutes, String newLabelColor, String escalationRepo, Integer agentWindowDays,
    Integer historyRefreshMinutes) {

  public static final List<String> MERGE_METHODS = List.of("merge", "rebase", "rebase-merge", "squash", "fast-forward-only");

  public GiteaConfig {
    repos = repos == null ? List.of() : List.copyOf(repos);
    tokenEnv = tokenEnv == null ? "TIMMY_GITEA_TOKEN" : tokenEnv;
    mergeMethod = mergeMethod == null ? "merge" : mergeMethod;
    webhookSecretEnv = webhookSecretEnv == null ? "TIMMY_WEBHOOK_SECRET" : webhookSecretEnv;
    connectTimeoutSeconds = or(connectTimeoutSeconds, 5);
    readTimeoutSeconds = or(readTimeoutSeconds, 20);
    callTimeoutSeconds = or(callTimeoutSeconds, 60);
    pageLimit = or(pageLimit, 50);
    maxAttempts = or(maxAttempts, 3);
    retryBackoffMillis = or(retryBackoffMillis, 250);
    retryAfterCapSeconds = or(retryAfterCapSeconds, 10);
    fullResyncMinutes = or(fullResyncMinutes, 60);
    newLabelColor = newLabelColor == null ? "ededed" : newLabelColor;
    escalationRepo = escalationRepo == null || escalationRepo.isBlank() ? null : escalationRepo.strip();
    agentWindowDays = or(agentWindowDays, 14);
    historyRefreshMinutes = or(historyRefreshMinutes, 30);
  }

  /** Settings for {@code baseUrl} and {@code repos}, every other one its default until set by name. */
  public static Builder builder(String baseUrl, List<String> repos) {
    return new Builder(new GiteaConfig(baseUrl, repos, null, null, false, null, null, null, null, null, null, null, null,
        null, null, null, null, null));
  }

  /** A builder holding these settings, to change a few. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The same settings with another escalation repository (null for none). */
  public GiteaConfig withEscalationRepo(String repo) {
    return toBuilder().escalationRepo(repo).build();
  }

  /** The repository for escalations that have no issue of their own, if one is configured. */
  public Optional<String> escalationRepository() {
    return Optional.ofNullable(escalationRepo);
  }

  /** The API token from the environment variable {@code tokenEnv}; empty when unset or blank. */
  public Optional<String> token(Map<String, String> env) {
    return nonBlank(env.get(tokenEnv));
  }

  /** The webhook secret from the environment variable {@code webhookSecretEnv}; empty when unset. */
  public Optional<String> webhookSecret(Map<String, String> env) {
    return nonBlank(env.get(webhookSecretEnv));
  }

  private static Optional<String> nonBlank(String v) {
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  public Duration connectTimeout() {
    return Duration.ofSeconds(connectTimeoutSeconds);
  }

  public Duration readTimeout() {
    return Duration.ofSeconds(readTimeoutSeconds);
  }

  public Duration callTimeout() {
    return Duration.ofSeconds(callTimeoutSeconds);
  }

  public Duration retryBackoff() {
    return Duration.ofMillis(retryBackoffMillis);
  }

  public Duration retryAfterCap() {
    return Duration.ofSeconds(retryAfterCapSeconds);
  }

  public Duration fullResync() {
    return Duration.ofMinutes(fullResyncMinutes);
  }

  public Duration agentWindow() {
    return Duration.ofDays(agentWindowDays);
  }

  public Duration historyRefresh() {
    return Duration.ofMinutes(historyRefreshMinutes);
  }

  /** Problems with this section, each naming its key under {@code prefix} (e.g. "gitea."). */
  public List<String> problems(String prefix) {
    List<String> out = new ArrayList<>();
    if (baseUrl == null || !baseUrl.matches("https?://.+")) {
      out.add(prefix + "baseUrl: expected an http(s) URL, found " + baseUrl);
    }
    if (repos.isEmpty()) out.add(prefix + "repos: expected at least one owner/repo");
    for (String r : repos) {
      if (!r.matches("[\\w.-]+/[\\w.-]+")) out.add(prefix + "repos: expected owner/repo, found " + r);
    }
    if (escalationRepo != null && !escalationRepo.matches("[\\w.-]+/[\\w.-]+")) {
      out.add(prefix + "escalationRepo: expected owner/repo, found " + escalationRepo);
    }
    Secrets.envName(prefix + "tokenEnv", tokenEnv).ifPresent(out::add);
    Secrets.envName(prefix + "webhookSecretEnv", webhookSecretEnv).ifPresent(out::add);
    if (!MERGE_METHODS.contains(mergeMethod)) {
      out.add(prefix + "mergeMethod: expected " + String.join("|", MERGE_METHODS) + ", found " + mergeMethod);
    }
    positive(out, prefix + "connectTimeoutSeconds", connectTimeoutSeconds, 1, 300);
    positive(out, prefix + "readTimeoutSeconds", readTimeoutSeconds, 1, 600);
    positive(out, prefix + "callTimeoutSeconds", callTimeoutSeconds, 1, 1800);
    positive(out, prefix + "pageLimit", pageLimit, 1, 50);
    positive(out, prefix + "maxAttempts", maxAttempts, 1, 10);
    positive(out, prefix + "retryBackoffMillis", retryBackoffMillis, 0, 60_000);
    positive(out, prefix + "retryAfterCapSeconds", retryAfterCapSeconds, 0, 600);
    positive(out, prefix + "fullResyncMinutes", fullResyncMinutes, 1, 7 * 24 * 60);
    positive(out, prefix + "agentWindowDays", agentWindowDays, 1, 90);
    positive(out, prefix + "historyRefreshMinutes", historyRefreshMinutes, 1, 24 * 60);
    if (!newLabelColor.matches("#?[0-9a-fA-F]{6}")) {
      out.add(prefix + "newLabelColor: expected a hex colour like ededed, found " + newLabelColor);
    }
    return out;
  }

  private static void positive(List<String> out, String key, int value, int min, int max) {
    if (value < min || value > max) out.add(key + ": expected " + min + ".." + max + ", found " + value);
  }

  private static Integer or(Integer value, int fallback) {
    return value == null ? fallback : value;
  }

  /** {@link GiteaConfig} by named settings; what is not set keeps the value it was built from. */
  public static final class Builder {
    private String baseUrl;
    private List<String> repos;
    private String tokenEnv;
    private String mergeMethod;
    private boolean createMissingLabels;
    private String webhookSecretEnv;
    private Integer connectTimeoutSeconds;
    private Integer readTimeoutSeconds;
    private Integer callTimeoutSeconds;
    private Integer pageLimit;
    private Integer maxAttempts;
    private Integer retryBackoffMillis;
    private Integer retryAfterCapSeconds;
    private Integer fullResyncMinutes;
    private String newLabelColor;
    private String escalationRepo;
    private Integer agentWindowDays;
    private Integer historyRefreshMinutes;

    private Builder(GiteaConfig c) {
      baseUrl = c.baseUrl;
      repos = c.repos;
      tokenEnv = c.tokenEnv;
      mergeMethod = c.mergeMethod;
      createMissingLabels = c.createMissingLabels;
      webhookSecretEnv = c.webhookSecretEnv;
      connectTimeoutSeconds = c.connectTimeoutSeconds;
      readTimeoutSeconds = c.readTimeoutSeconds;
      callTimeoutSeconds = c.callTimeoutSeconds;
      pageLimit = c.pageLimit;
      maxAttempts = c.maxAttempts;
      retryBackoffMillis = c.retryBackoffMillis;
      retryAfterCapSeconds = c.retryAfterCapSeconds;
      fullResyncMinutes = c.fullResyncMinutes;
      newLabelColor = c.newLabelColor;
      escalationRepo = c.escalationRepo;
      agentWindowDays = c.agentWindowDays;
      historyRefreshMinutes = c.historyRefreshMinutes;
    }

    public Builder tokenEnv(String v) { tokenEnv = v; return this; }
    public Builder mergeMethod(String v) { mergeMethod = v; return this; }
    public Builder createMissingLabels(boolean v) { createMissingLabels = v; return this; }
    public Builder webhookSecretEnv(String v) { webhookSecretEnv = v; return this; }
    public Builder connectTimeoutSeconds(int v) { connectTimeoutSeconds = v; return this; }
    public Builder readTimeoutSeconds(int v) { readTimeoutSeconds = v; return this; }
    public Builder callTimeoutSeconds(int v) { callTimeoutSeconds = v; return this; }
    public Builder pageLimit(int v) { pageLimit = v; return this; }
    public Builder maxAttempts(int v) { maxAttempts = v; return this; }
    public Builder retryBackoffMillis(int v) { retryBackoffMillis = v; return this; }
    public Builder retryAfterCapSeconds(int v) { retryAfterCapSeconds = v; return this; }
    public Builder fullResyncMinutes(int v) { fullResyncMinutes = v; return this; }
    public Builder newLabelColor(String v) { newLabelColor = v; return this; }
    public Builder escalationRepo(String v) { escalationRepo = v; return this; }
    public Builder agentWindowDays(int v) { agentWindowDays = v; return this; }
    public Builder historyRefreshMinutes(int v) { historyRefreshMinutes = v; return this; }

    public GiteaConfig build() {
      return new GiteaConfig(baseUrl, repos, tokenEnv, mergeMethod, createMissingLabels, webhookSecretEnv,
          connectTimeoutSeconds, readTimeoutSeconds, callTimeoutSeconds, pageLimit, maxAttempts, retryBackoffMillis,
          retryAfterCapSeconds, fullResyncMinutes, newLabelColor, escalationRepo, agentWindowDays, historyRefreshMinutes);
    }
  }
}
