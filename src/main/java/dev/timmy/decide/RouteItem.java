package dev.timmy.decide;

import java.util.List;

/**
 * One candidate agent for a subject. Losing routes are kept: they answer "why not this agent".
 * {@code ruleId} and {@code reason} say what decided the outcome (the strongest part, the
 * exclusion, or the capacity-aware choice).
 */
public record RouteItem(
    String subject, String agent, int score, boolean chosen, boolean eligible, String ruleId,
    String reason, List<Scored> parts) {
  public RouteItem {
    parts = List.copyOf(parts);
  }
}
