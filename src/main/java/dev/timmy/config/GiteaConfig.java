package dev.timmy.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code gitea:} section of timmy.yml. The token is never here: it is read from the
 * environment variable named by {@code tokenEnv}. Owned by the Gitea integration; extend freely.
 */
public record GiteaConfig(
    String baseUrl, List<String> repos, String tokenEnv, String mergeMethod, boolean createMissingLabels) {

  public GiteaConfig {
    repos = repos == null ? List.of() : List.copyOf(repos);
    tokenEnv = tokenEnv == null ? "TIMMY_GITEA_TOKEN" : tokenEnv;
    mergeMethod = mergeMethod == null ? "merge" : mergeMethod;
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
    if (!List.of("merge", "rebase", "rebase-merge", "squash", "fast-forward-only").contains(mergeMethod)) {
      out.add(prefix + "mergeMethod: expected merge|rebase|rebase-merge|squash|fast-forward-only, found " + mergeMethod);
    }
    return out;
  }
}
