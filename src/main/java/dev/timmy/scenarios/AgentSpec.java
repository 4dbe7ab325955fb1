package dev.timmy.scenarios;

import dev.timmy.facts.Agent;
import dev.timmy.facts.AgentKind;
import java.util.List;

/**
 * An agent as a scenario writes it: name and kind required; login = name, readyLabel = name-ready,
 * enabled, 1 slot, provider after its kind.
 */
record AgentSpec(
    String name, AgentKind kind, String login, String readyLabel, List<String> strengths, List<String> avoid,
    Integer maxConcurrent, List<String> processNames, Boolean enabled, String provider) {

  AgentSpec {
    Defaults.require(name != null && !name.isBlank(), "an agent needs a name");
    Defaults.require(kind != null, "agent " + name + " needs a kind (CLAUDE, KIMI, TIMMY or API)");
  }

  Agent toFact() {
    return new Agent(name, kind, Defaults.or(login, name), Defaults.or(readyLabel, name + "-ready"),
        Defaults.list(strengths), Defaults.list(avoid), Defaults.or(maxConcurrent, 1), Defaults.list(processNames),
        Defaults.or(enabled, true), provider);
  }
}
