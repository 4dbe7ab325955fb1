package dev.timmy.scenarios;

import dev.timmy.derive.Derive;
import dev.timmy.facts.AutomationLoop;
import dev.timmy.facts.Comment;
import dev.timmy.facts.Disk;
import dev.timmy.facts.History;
import dev.timmy.facts.HostMetrics;
import dev.timmy.facts.OllamaDown;
import dev.timmy.facts.OllamaModel;
import dev.timmy.facts.ProcessInfo;
import dev.timmy.facts.Quota;
import dev.timmy.facts.Snapshot;
import dev.timmy.facts.StaleFile;
import dev.timmy.facts.Triage;
import dev.timmy.facts.TriageBackoff;
import dev.timmy.facts.TriageBudget;
import dev.timmy.facts.TriageFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code given:} part of a scenario: the snapshot the rules see. Backlog facts and agents
 * are filled with defaults ({@link IssueSpec} etc.); house facts and the history of closed work
 * are taken as written, and so are the brain's facts (triage answers, back-offs, budget). Agent loads, work in flight and records are derived, as in a real cycle.
 * Comments by {@code timmyLogin} (default {@value #TIMMY}) that end with Timmy's marker are its
 * notes; anyone else's marker is an ordinary comment, as in Gitea.
 */
record GivenSpec(
    Instant now, Boolean complete, List<String> gaps, OwnerSpec owner, String timmyLogin, List<IssueSpec> issues,
    List<PullSpec> pulls, List<CommentSpec> comments, List<AgentSpec> agents, HostMetrics host,
    List<Disk> disks, List<ProcessInfo> processes, List<OllamaModel> models, OllamaDown ollamaDown,
    List<AutomationLoop> loops, List<StaleFile> staleFiles, List<Quota> quotas, History history,
    List<Triage> triage, List<TriageBackoff> triageBackoffs, TriageBudget triageBudget) {

  static final String TIMMY = "timmy";

  GivenSpec {
    Defaults.require(now != null, "given needs now (an ISO-8601 instant such as 2026-11-23T09:00:00Z)");
  }

  Snapshot snapshot() {
    String timmy = Defaults.or(timmyLogin, TIMMY);
    List<Comment> said = new ArrayList<>();
    List<CommentSpec> written = Defaults.list(comments);
    for (int i = 0; i < written.size(); i++) said.add(written.get(i).toFact(now, i + 1, timmy));
    return Derive.from(Snapshot.builder(now).complete(Defaults.or(complete, true)).gaps(Defaults.list(gaps))
        .owner(owner == null ? OwnerSpec.DEFAULT : owner.toFact())
        .issues(Defaults.list(issues).stream().map(i -> i.toFact(now, timmy)).toList())
        .pulls(Defaults.list(pulls).stream().map(p -> p.toFact(now)).toList())
        .comments(said)
        .agents(Defaults.list(agents).stream().map(AgentSpec::toFact).toList())
        .quotas(Defaults.list(quotas)).host(host).disks(Defaults.list(disks)).processes(Defaults.list(processes))
        .models(Defaults.list(models)).ollamaDown(ollamaDown).loops(Defaults.list(loops)).staleFiles(Defaults.list(staleFiles))
        .history(history == null ? History.none() : history)
        .triage(new TriageFacts(triage, triageBackoffs, triageBudget)).build());
  }
}
