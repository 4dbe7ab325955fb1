package dev.timmy.facts;

import java.time.Instant;
import java.util.List;

/**
 * A {@link Snapshot} built by naming its parts, so a caller never passes 22 positional values.
 * Every list starts empty, the snapshot complete, the house parts unknown (null). {@link #build}
 * makes the record as given; the loads, work and records are derived by the derive stage
 * ({@code dev.timmy.derive.Derive}), not here.
 */
public final class SnapshotBuilder {
  private Instant takenAt;
  private boolean complete = true;
  private List<String> gaps = List.of();
  private Owner owner;
  private List<Issue> issues = List.of();
  private List<PullRequest> pulls = List.of();
  private List<Comment> comments = List.of();
  private List<Agent> agents = List.of();
  private List<AgentLoad> loads = List.of();
  private List<Quota> quotas = List.of();
  private HostMetrics host;
  private List<Disk> disks = List.of();
  private List<ProcessInfo> processes = List.of();
  private List<OllamaModel> models = List.of();
  private OllamaDown ollamaDown;
  private List<AutomationLoop> loops = List.of();
  private List<StaleFile> staleFiles = List.of();
  private History history = History.none();
  private List<WorkItem> work = List.of();
  private List<AgentRecord> records = List.of();
  private List<WorkRecord> workRecords = List.of();
  private TriageFacts triage = TriageFacts.off();
  private List<String> unreadRepos = List.of();

  SnapshotBuilder(Instant takenAt) {
    this.takenAt = takenAt;
  }

  /** A builder holding every part of {@code s}. */
  SnapshotBuilder(Snapshot s) {
    takenAt = s.takenAt();
    complete = s.complete();
    gaps = s.gaps();
    owner = s.owner();
    issues = s.issues();
    pulls = s.pulls();
    comments = s.comments();
    agents = s.agents();
    loads = s.loads();
    quotas = s.quotas();
    host = s.host();
    disks = s.disks();
    processes = s.processes();
    models = s.models();
    ollamaDown = s.ollamaDown();
    loops = s.loops();
    staleFiles = s.staleFiles();
    history = s.history();
    work = s.work();
    records = s.records();
    workRecords = s.workRecords();
    triage = s.triage();
    unreadRepos = s.unreadRepos();
  }

  public SnapshotBuilder takenAt(Instant v) { takenAt = v; return this; }
  public SnapshotBuilder complete(boolean v) { complete = v; return this; }
  public SnapshotBuilder gaps(List<String> v) { gaps = v; return this; }
  public SnapshotBuilder owner(Owner v) { owner = v; return this; }
  public SnapshotBuilder issues(List<Issue> v) { issues = v; return this; }
  public SnapshotBuilder pulls(List<PullRequest> v) { pulls = v; return this; }
  public SnapshotBuilder comments(List<Comment> v) { comments = v; return this; }
  public SnapshotBuilder agents(List<Agent> v) { agents = v; return this; }
  public SnapshotBuilder loads(List<AgentLoad> v) { loads = v; return this; }
  public SnapshotBuilder quotas(List<Quota> v) { quotas = v; return this; }
  public SnapshotBuilder host(HostMetrics v) { host = v; return this; }
  public SnapshotBuilder disks(List<Disk> v) { disks = v; return this; }
  public SnapshotBuilder processes(List<ProcessInfo> v) { processes = v; return this; }
  public SnapshotBuilder models(List<OllamaModel> v) { models = v; return this; }
  public SnapshotBuilder ollamaDown(OllamaDown v) { ollamaDown = v; return this; }
  public SnapshotBuilder loops(List<AutomationLoop> v) { loops = v; return this; }
  public SnapshotBuilder staleFiles(List<StaleFile> v) { staleFiles = v; return this; }
  public SnapshotBuilder history(History v) { history = v; return this; }
  public SnapshotBuilder work(List<WorkItem> v) { work = v; return this; }
  public SnapshotBuilder records(List<AgentRecord> v) { records = v; return this; }
  public SnapshotBuilder workRecords(List<WorkRecord> v) { workRecords = v; return this; }
  public SnapshotBuilder triage(TriageFacts v) { triage = v; return this; }
  public SnapshotBuilder unreadRepos(List<String> v) { unreadRepos = v; return this; }

  /** The snapshot as given, nothing derived. */
  public Snapshot build() {
    return new Snapshot(takenAt, complete, gaps, owner, issues, pulls, comments, agents, loads, quotas, host, disks,
        processes, models, ollamaDown, loops, staleFiles, history, work, records, workRecords, triage, unreadRepos);
  }
}
