package dev.timmy.facts;

import java.time.Instant;
import java.util.List;

/**
 * What the backlog says about one agent right now: the open issues and PRs assigned to it (or
 * authored PRs still open), and its last visible activity. Computed from the snapshot by
 * the derive stage ({@code dev.timmy.derive.Derive}), so the rules never count by themselves.
 */
public record AgentLoad(
    String agent, int openAssignments, List<String> assigned, Instant lastActivityAt, boolean processSeen) {

  public AgentLoad {
    assigned = List.copyOf(assigned);
  }
}
