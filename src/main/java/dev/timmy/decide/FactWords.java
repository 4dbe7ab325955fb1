package dev.timmy.decide;

import dev.timmy.facts.Agent;
import dev.timmy.facts.AgentLoad;
import dev.timmy.facts.AgentRecord;
import dev.timmy.facts.AutomationLoop;
import dev.timmy.facts.Clock;
import dev.timmy.facts.Comment;
import dev.timmy.facts.DayClock;
import dev.timmy.facts.Disk;
import dev.timmy.facts.HostMetrics;
import dev.timmy.facts.Issue;
import dev.timmy.facts.OllamaModel;
import dev.timmy.facts.Owner;
import dev.timmy.facts.ProcessInfo;
import dev.timmy.facts.PullRequest;
import dev.timmy.facts.Quota;
import dev.timmy.facts.StaleFile;
import dev.timmy.facts.TimmyNote;
import dev.timmy.facts.Triage;
import dev.timmy.facts.TriageBackoff;
import dev.timmy.facts.TriageBudget;
import dev.timmy.facts.WorkItem;
import dev.timmy.facts.WorkRecord;
import java.util.Collection;
import java.util.stream.Collectors;

/** Says a matched fact in a few words, for explanations. */
final class FactWords {
  private FactWords() {}

  static String of(Object fact) {
    if (fact instanceof Issue i) return "issue " + i.subject() + " " + i.labels();
    if (fact instanceof PullRequest p) {
      return "pull " + p.subject() + " ci=" + p.ciState() + " approvals=" + p.approvedBy()
          + (p.draft() ? " draft" : "") + (p.mergeable() ? "" : " not-mergeable");
    }
    if (fact instanceof Comment c) return "comment " + c.id() + " by " + c.author() + " on " + c.subject();
    if (fact instanceof TimmyNote n) {
      return "Timmy's " + n.kind() + (n.topic().isEmpty() ? "" : " " + n.topic()) + " note on " + n.subject() + " of " + n.at();
    }
    if (fact instanceof Agent a) return "agent " + a.name() + " (" + a.kind() + ")";
    if (fact instanceof AgentLoad l) return "load of " + l.agent() + ": " + l.openAssignments() + " open";
    if (fact instanceof Clock c) return "clock " + c.now();
    if (fact instanceof DayClock c) return "day clock " + c.now() + " (the hour)";
    if (fact instanceof Owner o) return "owner " + o.login();
    if (fact instanceof Check c) return "check " + c.name() + (c.ok() ? " ✔ " : " ✘ ") + c.subject();
    if (fact instanceof Ranked r) return "rank " + r.rank() + " of " + r.subject() + " (" + r.total() + ")";
    if (fact instanceof Chosen c) return "route " + c.subject() + " → " + c.agent();
    if (fact instanceof Proposal p) return "proposal " + p.key();
    if (fact instanceof HostMetrics h) {
      return String.format("host memory %.0f%% used", 100 * h.memUsedFraction());
    }
    if (fact instanceof Disk d) return String.format("disk %s %.0f%% free", d.mount(), 100 * d.freeFraction());
    if (fact instanceof ProcessInfo p) return "process " + p.name() + " pid " + p.pid();
    if (fact instanceof OllamaModel m) return "model " + m.name() + (m.loaded() ? " loaded" : "");
    if (fact instanceof AutomationLoop l) return "loop " + l.name() + " failures=" + l.consecutiveFailures();
    if (fact instanceof Quota q) return String.format("quota %s %.0f%% left", q.provider(), 100 * q.remainingFraction());
    if (fact instanceof StaleFile f) return "file " + f.path();
    if (fact instanceof WorkItem w) return "work " + w.subject() + " with " + w.agent() + " at " + w.stage() + " since " + w.since();
    if (fact instanceof Triage t) return "triage of " + t.subject() + ": " + t.words();
    if (fact instanceof TriageLabel t) return "triage label of " + t.subject() + ": area " + t.area() + ", kind " + t.kind() + " " + t.source();
    if (fact instanceof TriageBackoff b) return "triage back-off of " + b.subject() + " (" + b.model() + ") until " + b.retryAfter();
    if (fact instanceof TriageBudget b) return "triage budget " + b.usedLastHour() + " of " + b.perHour() + " calls an hour";
    if (fact instanceof AgentRecord r) return "record of " + r.agent() + " over " + r.words();
    if (fact instanceof WorkRecord r) return "record of " + r.agent() + ": " + r.words();
    String text = fact instanceof Collection<?> c // a collect: its members whatever order the session keeps them in
        ? c.stream().map(FactWords::of).sorted().collect(Collectors.joining(", ", "[", "]"))
        : String.valueOf(fact);
    return text.length() > 120 ? text.substring(0, 117) + "…" : text;
  }
}
