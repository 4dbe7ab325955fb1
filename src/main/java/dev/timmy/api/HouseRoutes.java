package dev.timmy.api;

import dev.timmy.decide.AgentState;
import dev.timmy.decide.Decision;
import dev.timmy.decide.ProposalItem;
import dev.timmy.decide.RouteItem;
import dev.timmy.facts.Agent;
import dev.timmy.facts.AgentLoad;
import dev.timmy.facts.Snapshot;
import dev.timmy.facts.WorkRecords;
import dev.timmy.journal.ActionRow;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The agents and the house as the latest cycle saw them, each with what the rules made of it. */
final class HouseRoutes {
  private final Backend b;

  HouseRoutes(Backend backend) {
    this.b = backend;
  }

  /** Serialised once per decided cycle (see {@link AnswerCache}). */
  void agents(Context ctx) {
    Latest.Decided x = b.latest().require();
    AnswerCache.send(ctx, x.answer("agents", this::agents));
  }

  /** As {@code GET /api/agents}, as a value (the MCP tools). */
  Wire.Agents agents() {
    return agents(b.latest().require());
  }

  private Wire.Agents agents(Latest.Decided x) {
    Decision d = x.decision();
    Map<String, List<ActionRow>> actions = actionsBySubject(x);
    Map<String, AgentLoad> loads = x.snapshot().loads().stream().collect(Collectors.toMap(AgentLoad::agent, l -> l, (p, q) -> p));
    List<Wire.AgentView> views = x.snapshot().agents().stream().map(a -> {
      String subject = Catalog.agent(a);
      List<RouteItem> routes = d.routes().stream().filter(r -> r.chosen() && r.agent().equals(a.name())).toList();
      List<ProposalItem> proposals = d.proposals().stream().filter(p -> addressedTo(p, a)).toList();
      Snapshot s = x.snapshot();
      Optional<AgentState> state = d.agentState(a.name());
      return new Wire.AgentView(subject, a, state.map(t -> t.state().name()).orElse(""),
          state.map(AgentState::reasons).orElse(""), loads.get(a.name()),
          s.work().stream().filter(w -> w.agent().equals(a.name())).toList(),
          s.records().stream().filter(r -> r.agent().equals(a.name())).findFirst().orElse(null),
          WorkRecords.count(s.takenAt(), List.of(a), s.history()),
          s.quotas().stream().filter(a::spends).findFirst().orElse(null), routes, proposals, d.checksOf(subject),
          d.escalationsOf(subject), actions.getOrDefault(subject, List.of()));
    }).toList();
    return new Wire.Agents(x.cycle().id(), x.snapshot().takenAt(), views);
  }

  /** Serialised once per decided cycle (see {@link AnswerCache}). */
  void house(Context ctx) {
    Latest.Decided x = b.latest().require();
    AnswerCache.send(ctx, x.answer("house", this::house));
  }

  /** As {@code GET /api/house}, as a value (the MCP tools). */
  Wire.House house() {
    return house(b.latest().require());
  }

  private Wire.House house(Latest.Decided x) {
    Snapshot s = x.snapshot();
    Map<String, List<ActionRow>> actions = actionsBySubject(x);
    Concerns c = new Concerns(x.decision(), actions);
    return new Wire.House(x.cycle().id(), s.takenAt(), s.complete(), s.gaps(), c.of(Catalog.HOST, s.host()),
        c.all(s.disks(), Catalog::disk), c.all(s.models(), Catalog::model), s.ollamaDown(), c.all(s.loops(), Catalog::loop),
        c.all(s.staleFiles(), Catalog::file), c.all(s.processes(), Catalog::process), s.quotas());
  }

  /** The decision and actions about each house subject. */
  private record Concerns(Decision d, Map<String, List<ActionRow>> actions) {
    <T> Wire.Concern<T> of(String subject, T fact) {
      return new Wire.Concern<>(subject, fact, d.checksOf(subject), d.proposalsOf(subject), d.escalationsOf(subject),
          actions.getOrDefault(subject, List.of()));
    }

    <T> List<Wire.Concern<T>> all(List<T> facts, Function<T, String> subject) {
      return facts.stream().map(f -> of(subject.apply(f), f)).toList();
    }
  }

  /**
   * A proposal is addressed to an agent when it hands it work (its ready label, its login) or
   * names it ({@code agent} parameter, or the subject {@code agent:NAME}).
   */
  static boolean addressedTo(ProposalItem p, Agent a) {
    return p.subject().equals(Catalog.agent(a))
        || a.name().equalsIgnoreCase(p.param("agent"))
        || (a.login() != null && a.login().equalsIgnoreCase(p.param("login")))
        || (a.readyLabel() != null && a.readyLabel().equalsIgnoreCase(p.param("label")));
  }

  private Map<String, List<ActionRow>> actionsBySubject(Latest.Decided x) {
    return x.actions().bySubject(b.journal());
  }
}
