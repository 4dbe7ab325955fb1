package dev.timmy.facts;

import java.util.List;

/**
 * A worker from the roster. {@code readyLabel} is the label that hands it work; strengths and
 * avoid are label-like words the routing rules match against an issue's labels and title.
 */
public record Agent(
    String name,
    AgentKind kind,
    String login,
    String readyLabel,
    List<String> strengths,
    List<String> avoid,
    int maxConcurrent,
    List<String> processNames,
    boolean enabled) {

  public Agent {
    strengths = List.copyOf(strengths);
    avoid = List.copyOf(avoid);
    processNames = List.copyOf(processNames);
  }

  public boolean strongAt(String word) {
    return strengths.stream().anyMatch(s -> s.equalsIgnoreCase(word));
  }

  public boolean avoids(String word) {
    return avoid.stream().anyMatch(s -> s.equalsIgnoreCase(word));
  }
}
