package dev.timmy.facts;

import java.util.List;

/**
 * A worker from the roster. {@code readyLabel} is the label that hands it work; strengths and
 * avoid are label-like words the routing rules match against an issue's labels and title.
 * {@code provider} names the quota it spends ({@link Quota#provider()}); left out, it follows the
 * kind (CLAUDE: anthropic, KIMI: moonshot); empty means it spends no metered quota (local work).
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
    boolean enabled,
    String provider) {

  public Agent {
    strengths = strengths == null ? List.of() : List.copyOf(strengths);
    avoid = avoid == null ? List.of() : List.copyOf(avoid);
    processNames = processNames == null ? List.of() : List.copyOf(processNames);
    if (provider == null && kind != null) provider = defaultProvider(kind);
  }

  /** An agent whose provider follows its kind. */
  public Agent(
      String name, AgentKind kind, String login, String readyLabel, List<String> strengths, List<String> avoid,
      int maxConcurrent, List<String> processNames, boolean enabled) {
    this(name, kind, login, readyLabel, strengths, avoid, maxConcurrent, processNames, enabled, null);
  }

  /** The quota provider an agent of {@code kind} spends when the roster does not say. */
  public static String defaultProvider(AgentKind kind) {
    return switch (kind) {
      case CLAUDE -> "anthropic";
      case KIMI -> "moonshot";
      case TIMMY, API -> "";
    };
  }

  /** True when a process named {@code processName} (as the host probe reports it) is this agent's. */
  public boolean runsAs(String processName) {
    return processName != null && anyIgnoringCase(processNames, processName);
  }

  public boolean strongAt(String word) {
    return anyIgnoringCase(strengths, word);
  }

  public boolean avoids(String word) {
    return anyIgnoringCase(avoid, word);
  }

  /** True when this agent spends {@code quota}'s provider. */
  public boolean spends(Quota quota) {
    return provider != null && !provider.isBlank() && provider.equalsIgnoreCase(quota.provider());
  }

  /** A loop, not a stream: routing asks it of each agent for each issue in the window. */
  private static boolean anyIgnoringCase(List<String> words, String word) {
    for (String w : words) {
      if (w.equalsIgnoreCase(word)) return true;
    }
    return false;
  }
}
