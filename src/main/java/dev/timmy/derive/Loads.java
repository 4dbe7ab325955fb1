package dev.timmy.derive;

import dev.timmy.facts.Agent;
import dev.timmy.facts.AgentLoad;
import dev.timmy.facts.Comment;
import dev.timmy.facts.Issue;
import dev.timmy.facts.PullRequest;
import dev.timmy.facts.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counts each agent's {@link AgentLoad} from the open backlog: the issues assigned to its login and
 * its open pull requests that close none of them, its last activity (its pull requests' updates and
 * its comments, never Timmy's own notes), and whether a process of it runs on the host.
 */
final class Loads {
  private Loads() {}

  static List<AgentLoad> count(Snapshot s) {
    Map<String, List<String>> assigned = new HashMap<>();
    Map<String, Instant> last = new HashMap<>();
    for (Issue i : s.issues()) {
      if (!i.open()) continue;
      for (String a : i.assignees()) assigned.computeIfAbsent(login(a), k -> new ArrayList<>()).add(i.subject());
    }
    for (PullRequest p : s.pulls()) {
      if (!p.open()) continue;
      List<String> mine = assigned.computeIfAbsent(login(p.author()), k -> new ArrayList<>());
      if (!mine.contains(p.linkedSubject())) mine.add(p.subject());
      last.merge(login(p.author()), p.updatedAt(), WorkItems::later);
    }
    for (Comment c : s.comments()) {
      // Timmy's own notes are not the activity of an agent sharing its login.
      if (c.note() == null) last.merge(login(c.author()), c.createdAt(), WorkItems::later);
    }
    List<AgentLoad> counted = new ArrayList<>();
    for (Agent a : s.agents()) {
      String login = login(a.login());
      List<String> mine = assigned.getOrDefault(login, List.of());
      boolean seen = s.processes().stream().anyMatch(p -> a.runsAs(p.name()));
      counted.add(new AgentLoad(a.name(), mine.size(), mine, last.get(login), seen));
    }
    return counted;
  }

  private static String login(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
