package dev.timmy.mcp;

import dev.timmy.api.Answers;
import dev.timmy.api.ApiException;
import dev.timmy.api.Latest;
import dev.timmy.api.Wire;
import dev.timmy.decide.Decision;
import dev.timmy.decide.PriorityItem;
import dev.timmy.decide.ProposalItem;
import dev.timmy.decide.RouteItem;
import dev.timmy.decide.Scored;
import dev.timmy.facts.WorkItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code next_task} tool's answer for one agent: of the subjects the latest decision routed
 * to it, the highest-ranked one to take now (null when none), why (its priority parts, the route's
 * reason, the dispatch proposals and their vetoes), the rest of its queue in rank order, the work
 * it already holds, and its state. Nothing here decides: it reads the agent's chosen routes and
 * the proposals addressed to it, as {@code GET /api/agents} shows them.
 */
record NextTask(
    String agent, String subject, Long cycleId, String state, String stateReason, Task take, List<String> why,
    List<Task> queue, List<WorkItem> work, List<ProposalItem> proposals) {

  /** One routed subject: its rank and priority, the chosen route, and the proposals about it addressed to the agent. */
  record Task(String subject, String title, Integer rank, Integer total, RouteItem route, List<ProposalItem> proposals) {}

  static NextTask of(Answers answers, String agent) {
    Wire.Agents agents = answers.agents();
    Wire.AgentView v = agents.agents().stream().filter(a -> a.agent().name().equalsIgnoreCase(agent)).findFirst()
        .orElseThrow(() -> ApiException.notFound("agent " + Param.excerpt(agent) + ": expected one of "
            + agents.agents().stream().map(a -> a.agent().name()).toList() + ", found none by that name"));
    Latest.Decided x = answers.latest();
    Decision d = x.decision();
    List<Task> queue = v.routes().stream().map(r -> task(x, v, r))
        .sorted(Comparator.comparing(Task::rank, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    Task take = queue.isEmpty() ? null : queue.get(0);
    List<String> why = take == null ? idle(v, d) : why(d, take);
    return new NextTask(v.agent().name(), v.subject(), x.cycle().id(), v.state(), v.stateReason(), take, why,
        queue.size() > 1 ? queue.subList(1, queue.size()) : List.of(), v.work(), v.proposals());
  }

  private static Task task(Latest.Decided x, Wire.AgentView v, RouteItem r) {
    PriorityItem p = x.decision().priorityOf(r.subject()).orElse(null);
    return new Task(r.subject(), Answers.title(x.snapshot(), r.subject()), p == null ? null : p.rank(),
        p == null ? null : p.total(), r, v.proposals().stream().filter(q -> q.subject().equals(r.subject())).toList());
  }

  private static List<String> why(Decision d, Task t) {
    List<String> out = new ArrayList<>();
    out.add(t.subject() + (t.rank() == null ? " is not ranked" : " ranks " + t.rank() + " of " + d.priorities().size()
        + " with " + t.total() + " points"));
    d.priorityOf(t.subject()).ifPresent(p -> {
      for (Scored s : p.parts()) out.add("  " + (s.points() >= 0 ? "+" : "") + s.points() + " " + s.reason() + " [" + s.ruleId() + "]");
    });
    out.add("routed to " + t.route().agent() + " (score " + t.route().score() + "): " + t.route().reason() + " ["
        + t.route().ruleId() + "]");
    for (RouteItem other : d.routesOf(t.subject())) {
      if (!other.chosen()) out.add("  not " + other.agent() + ": " + other.reason() + " [" + other.ruleId() + "]");
    }
    for (ProposalItem p : t.proposals()) {
      out.add(p.kind() + " " + p.params() + ": " + p.reason() + " [" + p.ruleId() + "]"
          + (p.vetoed() ? " — vetoed: " + p.vetoes().get(0).reason() + " [" + p.vetoes().get(0).ruleId() + "]" : ""));
    }
    return out;
  }

  private static List<String> idle(Wire.AgentView v, Decision d) {
    List<String> out = new ArrayList<>();
    out.add("nothing is routed to " + v.agent().name() + " in the latest decision; state " + v.state()
        + (v.stateReason().isEmpty() ? "" : ": " + v.stateReason()));
    d.routes().stream().filter(r -> r.agent().equals(v.agent().name()) && !r.chosen()).limit(5)
        .forEach(r -> out.add("  not " + r.subject() + ": " + r.reason() + " [" + r.ruleId() + "]"));
    return out;
  }
}
