package dev.timmy.decide;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Points a routing rule gives an agent for a subject; an agent's score is the sum. */
public record RouteScore(String subject, String agent, int points, String reason) {
  private static final Comparator<RouteScore> STRONGEST_FIRST =
      Comparator.comparingInt(RouteScore::points).reversed().thenComparing(RouteScore::reason);

  /** The reasons of some parts of a score, strongest first, joined: why a route was chosen, in words. */
  public static String reasons(Collection<RouteScore> parts) {
    List<RouteScore> sorted = new ArrayList<>(parts);
    sorted.sort(STRONGEST_FIRST);
    return sorted.stream().map(RouteScore::reason).collect(Collectors.joining("; "));
  }
}
