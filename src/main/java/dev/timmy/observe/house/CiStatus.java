package dev.timmy.observe.house;

import dev.timmy.facts.CiState;
import java.time.Instant;

/**
 * The CI state of a branch, as the Gitea side reports it: the combined status of the branch head,
 * when that head's status was last updated, and a short detail ("failure on ci/build").
 */
public record CiStatus(CiState state, Instant at, String detail) {

  /** Where CI states come from; the Gitea integration implements it. */
  @FunctionalInterface
  public interface Source {
    /** The state of {@code branch} in {@code repo}, or null when there is none to report. */
    CiStatus of(String repo, String branch) throws java.io.IOException;

    static Source none() {
      return (repo, branch) -> null;
    }
  }
}
