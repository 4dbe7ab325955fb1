package dev.timmy.cli;

import dev.timmy.Sanitizer;
import dev.timmy.decide.AgentState;
import dev.timmy.decide.CheckItem;
import dev.timmy.decide.Decision;
import dev.timmy.decide.EscalationItem;
import dev.timmy.decide.Explanation;
import dev.timmy.decide.PriorityItem;
import dev.timmy.decide.ProposalItem;
import dev.timmy.decide.RouteItem;
import dev.timmy.decide.Scored;
import dev.timmy.decide.VetoItem;
import dev.timmy.facts.Agent;
import dev.timmy.facts.AgentLoad;
import dev.timmy.facts.AgentRecord;
import dev.timmy.facts.AutomationLoop;
import dev.timmy.facts.Disk;
import dev.timmy.facts.HostMetrics;
import dev.timmy.facts.Issue;
import dev.timmy.facts.OllamaModel;
import dev.timmy.facts.StaleFile;
import dev.timmy.facts.PullRequest;
import dev.timmy.facts.Quota;
import dev.timmy.facts.Snapshot;
import dev.timmy.facts.Subjects;
import dev.timmy.facts.WorkItem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders decisions for a terminal: the ranked backlog table, the agents, and a subject's
 * explanation (an agent's, {@code agent:<name>}, with its work in flight and record). Everything it
 * returns has passed the {@link Sanitizer}: titles, reasons and logins come from Gitea.
 */
public final class TextReport {
  private final Snapshot snapshot;
  private final Map<String, String> titles = new HashMap<>();

  public TextReport(Snapshot snapshot) {
    this.snapshot = snapshot;
    for (Issue i : snapshot.issues()) titles.put(i.subject(), Sanitizer.clip(i.title(), 500));
    for (PullRequest p : snapshot.pulls()) titles.put(p.subject(), Sanitizer.clip(p.title(), 500));
  }

  public String backlog(Decision d) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("Timmy at %s · rules %s · snapshot %s · %d issues, %d PRs · %d firings%n",
        d.snapshot().takenAt(), d.rulesRevision(), d.snapshot().complete() ? "complete" : "PARTIAL " + d.snapshot().gaps(),
        snapshot.issues().size(), snapshot.pulls().size(), d.firings()));
    out.append(String.format("%n%4s %5s  %-28s %-38s %-11s %s%n", "RANK", "PRIO", "SUBJECT", "TITLE", "ROUTE", "PROPOSALS"));
    for (PriorityItem p : d.priorities()) {
      String route = d.chosenRoute(p.subject()).map(RouteItem::agent).orElse("—");
      List<String> props = proposalWords(d.proposalsOf(p.subject()));
      out.append(String.format("%4d %5d  %-28s %-38s %-11s %s%n", p.rank(), p.total(), p.subject(),
          cut(titles.getOrDefault(p.subject(), ""), 38), route, props.isEmpty() ? "" : props.get(0)));
      for (String more : props.subList(Math.min(1, props.size()), props.size())) {
        out.append(String.format("%91s %s%n", "", more));
      }
    }
    List<ProposalItem> pulls = d.proposals().stream()
        .filter(p -> d.priorityOf(p.subject()).isEmpty() && titles.containsKey(p.subject())).toList();
    if (!pulls.isEmpty()) {
      out.append(String.format("%nPull requests%n"));
      for (ProposalItem p : pulls) {
        out.append(String.format("  %-28s %-38s %s%n", p.subject(), cut(titles.get(p.subject()), 38),
            proposalWords(List.of(p)).get(0)));
      }
    }
    out.append(house(d));
    if (!d.escalations().isEmpty()) {
      out.append(String.format("%nEscalations to Alex%n"));
      for (EscalationItem e : d.escalations()) {
        out.append(String.format("  %-28s %s [%s]%n", e.subject(), e.reason(), e.ruleId()));
      }
    }
    out.append(agents(d));
    return Sanitizer.terminal(out.toString());
  }

  /**
   * One line per agent: its state as the rules derived it (the typed {@link AgentState}), its
   * load, quota and record; then its stuck work and why it is offline.
   */
  public String agents(Decision d) {
    if (snapshot.agents().isEmpty()) return "";
    StringBuilder out = new StringBuilder();
    out.append(String.format("%nAgents%n  %-11s %-8s %-8s %-22s %s%n", "NAME", "STATE", "LOAD", "QUOTA", "RECORD"));
    for (Agent a : snapshot.agents()) {
      String subject = Subjects.agent(a.name());
      Optional<AgentState> state = d.agentState(a.name());
      String word = state.map(t -> t.state().name()).orElse("?");
      int open = snapshot.loads().stream().filter(l -> l.agent().equals(a.name())).mapToInt(AgentLoad::openAssignments).sum();
      out.append(String.format("  %-11s %-8s %-8s %-22s %s%n", a.name(), word, open + " of " + a.maxConcurrent(),
          quota(a, d), record(a).map(AgentRecord::words).orElse("—")));
      state.filter(t -> t.state() == AgentState.State.OFFLINE)
          .ifPresent(t -> out.append(String.format("      %s: %s%n", t.state(), t.reasons())));
      check(d, subject, "ci-record").filter(c -> !c.ok())
          .ifPresent(c -> out.append(String.format("      pull requests keep failing CI: %s  [%s]%n", c.detail(), c.ruleId())));
      for (WorkItem w : work(a)) {
        check(d, w.subject(), "stuck").filter(CheckItem::ok)
            .ifPresent(c -> out.append(String.format("      stuck: %s — %s  [%s]%n", w.subject(), c.detail(), c.ruleId())));
      }
    }
    return Sanitizer.terminal(out.toString());
  }

  /** The house: host, models, loops and cleanup, each with what the rules decided about it. */
  public String house(Decision d) {
    StringBuilder out = new StringBuilder();
    HostMetrics h = snapshot.host();
    if (h == null && snapshot.models().isEmpty() && snapshot.loops().isEmpty() && snapshot.staleFiles().isEmpty()) {
      return "";
    }
    out.append(String.format("%nHouse%n"));
    if (h != null) {
      out.append(String.format("  %-44s memory %.0f%% used (%d MB free of %d), swap %d MB, cpu %.0f%%%s%n",
          "host " + h.hostname(), 100 * h.memUsedFraction(), h.memAvailable() >> 20, h.memTotal() >> 20,
          h.swapUsed() >> 20, 100 * Math.max(0, h.cpuLoad()), decided(d, Subjects.HOST)));
    }
    for (Disk disk : snapshot.disks()) {
      out.append(String.format("  %-44s %.0f%% free%n", "disk " + disk.mount(), 100 * disk.freeFraction()));
    }
    if (snapshot.ollamaDown() != null) out.append(String.format("  %-44s %s%n", "ollama", "DOWN: " + snapshot.ollamaDown().reason()));
    for (OllamaModel m : snapshot.models()) {
      out.append(String.format("  %-44s %s %s%s%n", Subjects.model(m.name()), m.role(), m.loaded() ? "loaded" : "available",
          decided(d, Subjects.model(m.name()))));
    }
    for (AutomationLoop l : snapshot.loops()) {
      out.append(String.format("  %-44s %s, %d failure(s) in a row%s%n", Subjects.loop(l.name()), l.kind(),
          l.consecutiveFailures(), decided(d, Subjects.loop(l.name()))));
    }
    for (StaleFile f : snapshot.staleFiles()) {
      out.append(String.format("  %-44s %d KB, modified %s%s%n", cut(Subjects.file(f.path()), 44), f.sizeBytes() >> 10,
          f.modifiedAt(), decided(d, Subjects.file(f.path()))));
    }
    return Sanitizer.terminal(out.toString());
  }

  private static String decided(Decision d, String subject) {
    List<String> words = new java.util.ArrayList<>(proposalWords(d.proposalsOf(subject)));
    for (EscalationItem e : d.escalationsOf(subject)) words.add("ESCALATE (" + e.ruleId() + ")");
    return words.isEmpty() ? "" : "  → " + String.join(", ", words);
  }

  public String explain(Explanation x) {
    StringBuilder out = new StringBuilder();
    out.append(x.subject());
    String title = titles.get(x.subject());
    if (title != null) out.append(" — \"").append(title).append('"');
    out.append(String.format("  (rules %s)%n", x.rulesRevision()));
    if (x.empty()) {
      out.append("The rules concluded nothing about this subject (is it open and in the snapshot?)\n");
      return Sanitizer.terminal(out.toString());
    }
    if (x.priority() != null) {
      PriorityItem p = x.priority();
      out.append(String.format("%nPriority %d, rank %d of %d%n", p.total(), p.rank(), x.backlogSize()));
      for (Scored s : p.parts()) out.append(scored(s));
    }
    if (!x.checks().isEmpty()) {
      out.append(String.format("%nConditions%n"));
      for (CheckItem c : x.checks()) {
        out.append(String.format("  %s %-18s %s  [%s %s]%n", c.mark(), c.name(), c.detail(), c.ruleId(), c.title()));
      }
    }
    Subjects.agentName(x.subject()).ifPresent(name -> out.append(agentFacts(name)));
    if (!x.routes().isEmpty()) {
      out.append(String.format("%nRoutes%n"));
      for (RouteItem r : x.routes()) {
        out.append(String.format("  %s %-11s score %3d  %s%n", r.chosen() ? "→" : " ", r.agent(), r.score(), r.reason()));
        for (Scored s : r.parts()) out.append("      ").append(scored(s));
      }
    }
    out.append(String.format("%nProposals%n"));
    if (x.proposals().isEmpty()) out.append("  none\n");
    for (ProposalItem p : x.proposals()) {
      out.append(String.format("  %s %s%s — %s  [%s %s]%n", p.vetoed() ? "✘" : "•", p.kind(), params(p), p.reason(), p.ruleId(), p.title()));
      out.append(String.format("      from: %s%n", String.join("; ", p.facts())));
      for (VetoItem v : p.vetoes()) {
        out.append(String.format("      vetoed: %s  [%s %s]%n", v.reason(), v.ruleId(), v.title()));
      }
    }
    if (!x.escalations().isEmpty()) {
      out.append(String.format("%nEscalations%n"));
      for (EscalationItem e : x.escalations()) out.append(String.format("  ! %s  [%s %s]%n", e.reason(), e.ruleId(), e.title()));
    }
    if (!x.whyNot().isEmpty()) {
      out.append(String.format("%nWhy not%n"));
      for (String w : x.whyNot()) out.append("  ").append(w).append('\n');
    }
    return Sanitizer.terminal(out.toString());
  }

  /** What the snapshot says of one agent: roster entry, load, work in flight, quota and record. */
  private String agentFacts(String name) {
    Agent a = snapshot.agents().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
    if (a == null) return String.format("%nNo agent named %s in the roster%n", name);
    StringBuilder out = new StringBuilder();
    out.append(String.format("%nRoster: %s (%s), login %s, ready label %s, up to %d at once%s%n", a.name(), a.kind(),
        a.login(), a.readyLabel(), a.maxConcurrent(), a.enabled() ? "" : ", disabled"));
    List<WorkItem> items = work(a);
    out.append(String.format("%nWork in flight%n"));
    if (items.isEmpty()) out.append("  none\n");
    for (WorkItem w : items) {
      out.append(String.format("  %-28s %-17s since %s  %s%n", w.subject(), w.stage(), w.since(), w.detail()));
    }
    snapshot.quotas().stream().filter(a::spends).forEach(q -> out.append(String.format("%nQuota: %s%n", q.words())));
    record(a).ifPresent(r -> out.append(String.format("%nRecord over %s%n", r.words())));
    return out.toString();
  }

  private List<WorkItem> work(Agent a) {
    return snapshot.work().stream().filter(w -> w.agent().equals(a.name())).toList();
  }

  private Optional<AgentRecord> record(Agent a) {
    return snapshot.records().stream().filter(r -> r.agent().equals(a.name())).findFirst();
  }

  private String quota(Agent a, Decision d) {
    Optional<Quota> q = snapshot.quotas().stream().filter(a::spends).findFirst();
    if (q.isEmpty()) return "—";
    boolean low = check(d, Subjects.agent(a.name()), "quota").map(c -> !c.ok()).orElse(false);
    return String.format("%s %.0f%%%s", q.get().provider(), 100 * q.get().remainingFraction(), low ? " LOW" : "");
  }

  private static Optional<CheckItem> check(Decision d, String subject, String name) {
    return d.checksOf(subject).stream().filter(c -> c.name().equals(name)).findFirst();
  }

  private static String scored(Scored s) {
    return String.format("  %+5d  %-10s %s — %s%n", s.points(), s.ruleId(), s.title(), s.reason());
  }

  private static List<String> proposalWords(List<ProposalItem> proposals) {
    return proposals.stream().map(p -> (p.vetoed() ? "✘ " : "") + p.kind() + params(p)
        + (p.vetoed() ? " (vetoed " + p.vetoes().get(0).ruleId() + ": " + p.vetoes().get(0).reason() + ")" : "")).toList();
  }

  private static String params(ProposalItem p) {
    String shown = p.params().entrySet().stream().filter(e -> !e.getKey().equals("body"))
        .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).collect(Collectors.joining(" "));
    return shown.isEmpty() ? "" : " " + shown;
  }

  private static String cut(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "…";
  }
}
