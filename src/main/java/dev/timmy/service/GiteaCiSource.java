package dev.timmy.service;

import dev.timmy.facts.CiState;
import dev.timmy.gitea.GiteaClient;
import dev.timmy.gitea.GiteaMapping;
import dev.timmy.gitea.GiteaWire;
import dev.timmy.observe.house.CiStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * CI loops ({@code kind: CI} in {@code house.loops}) read from Gitea: the combined status of the
 * branch head, when it last changed, and which contexts fail.
 */
final class GiteaCiSource implements CiStatus.Source {
  private final GiteaClient client;

  GiteaCiSource(GiteaClient client) {
    this.client = client;
  }

  @Override
  public CiStatus of(String repo, String branch) throws IOException {
    GiteaWire.CombinedStatus s = client.get(client.repoUrl(repo, "commits", branch, "status"), GiteaWire.CombinedStatus.class);
    CiState state = GiteaMapping.ciState(s);
    if (state == CiState.NONE) return null;
    Instant at = s.statuses().stream().map(GiteaWire.CommitStatus::updatedAt).filter(Objects::nonNull)
        .max(Instant::compareTo).orElse(null);
    List<String> failing = GiteaMapping.ciFailing(s);
    return new CiStatus(state, at, failing.isEmpty() ? state.name().toLowerCase() : "failure on " + String.join(", ", failing));
  }
}
