package dev.timmy.facts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything observed in one cycle. A snapshot is {@code complete} only when every source read
 * all it should; {@code gaps} says what is missing, and a partial snapshot may feed
 * non-destructive proposals only. {@code history} is what closed within the agent window. An
 * observed snapshot has no {@code loads}, {@code work}, {@code records} or {@code workRecords}: those
 * are derived from the rest by the derive stage ({@code dev.timmy.derive.Derive}), so the rules
 * never count by themselves; here they are only carried.
 */
public record Snapshot(
    Instant takenAt,
    boolean complete,
    List<String> gaps,
    Owner owner,
    List<Issue> issues,
    List<PullRequest> pulls,
    List<Comment> comments,
    List<Agent> agents,
    List<AgentLoad> loads,
    List<Quota> quotas,
    HostMetrics host,
    List<Disk> disks,
    List<ProcessInfo> processes,
    List<OllamaModel> models,
    OllamaDown ollamaDown,
    List<AutomationLoop> loops,
    List<StaleFile> staleFiles,
    History history,
    List<WorkItem> work,
    List<AgentRecord> records,
    List<WorkRecord> workRecords,
    TriageFacts triage,
    List<String> unreadRepos) {

  public Snapshot {
    gaps = List.copyOf(gaps);
    issues = List.copyOf(issues);
    pulls = List.copyOf(pulls);
    comments = List.copyOf(comments);
    agents = List.copyOf(agents);
    loads = List.copyOf(loads);
    quotas = List.copyOf(quotas);
    disks = List.copyOf(disks);
    processes = List.copyOf(processes);
    models = List.copyOf(models);
    loops = List.copyOf(loops);
    staleFiles = List.copyOf(staleFiles);
    history = history == null ? History.none() : history;
    work = work == null ? List.of() : List.copyOf(work);
    records = records == null ? List.of() : List.copyOf(records);
    workRecords = workRecords == null ? List.of() : List.copyOf(workRecords);
    triage = triage == null ? TriageFacts.off() : triage;
    unreadRepos = unreadRepos == null ? List.of() : List.copyOf(unreadRepos);
  }

  /** A snapshot taken at {@code takenAt}, built by naming its parts: every list empty, complete, no house. */
  public static SnapshotBuilder builder(Instant takenAt) {
    return new SnapshotBuilder(takenAt);
  }

  /** A builder holding every part of this snapshot, to change a few. */
  public SnapshotBuilder toBuilder() {
    return new SnapshotBuilder(this);
  }

  /** A snapshot of a backlog and roster only, as observed (nothing derived); the house parts are empty. */
  public static Snapshot ofBacklog(
      Instant takenAt, boolean complete, List<String> gaps, Owner owner, List<Issue> issues,
      List<PullRequest> pulls, List<Comment> comments, List<Agent> agents) {
    return builder(takenAt).complete(complete).gaps(gaps).owner(owner).issues(issues).pulls(pulls).comments(comments)
        .agents(agents).build();
  }

  public Clock clock() {
    return new Clock(takenAt);
  }

  /**
   * Every fact to put before the rules: the clock, its completeness, the owner and each record of
   * each list, the derived ones (work in flight, the agents' loads and records overall and by kind
   * and area of work) included, and Timmy's notes (of its comments and of the issues it opened)
   * (the raw history is not: the records say what the rules need of it), and the brain's facts.
   */
  public List<Object> facts() {
    List<Object> all = new ArrayList<>();
    all.add(clock());
    all.add(DayClock.of(takenAt));
    all.add(new SnapshotState(complete, gaps));
    if (owner != null) all.add(owner);
    if (host != null) all.add(host);
    if (ollamaDown != null) all.add(ollamaDown);
    for (List<?> part : List.of(issues, pulls, comments, agents, loads, quotas, disks, processes,
        models, loops, staleFiles, work, records, workRecords)) {
      all.addAll(part);
    }
    for (Issue i : issues) if (i.note() != null) all.add(i.note());
    for (Comment c : comments) if (c.note() != null) all.add(c.note());
    all.addAll(triage.facts());
    return all;
  }

  /** The same snapshot taken at another instant (to replay a recording at a chosen time); derive it again after. */
  public Snapshot at(Instant when) {
    return toBuilder().takenAt(when).build();
  }

  /** The same snapshot with house parts taken from {@code house}. */
  public Snapshot withHouse(
      HostMetrics host, List<Disk> disks, List<ProcessInfo> processes, List<OllamaModel> models,
      OllamaDown ollamaDown, List<AutomationLoop> loops, List<StaleFile> staleFiles, List<Quota> quotas) {
    return toBuilder().host(host).disks(disks).processes(processes).models(models).ollamaDown(ollamaDown).loops(loops)
        .staleFiles(staleFiles).quotas(quotas).build();
  }

  /** The same snapshot with what closed within the agent window. */
  public Snapshot withHistory(History closed) {
    return toBuilder().history(closed).build();
  }

  /** The same snapshot with these quotas (from a quota source) in place of the ones it had. */
  public Snapshot withQuotas(List<Quota> read) {
    return toBuilder().quotas(read).build();
  }

  /** The same snapshot with what the brain knows of its issues (cached answers, back-offs, budget). */
  public Snapshot withTriage(TriageFacts known) {
    return toBuilder().triage(known).build();
  }

  /**
   * The same snapshot marked partial (with a gap, when it had none) because {@code repo} could not
   * be fully read: what Alex said or labelled there may be missing, so nothing is written about
   * its subjects ({@link #holdsSeen}).
   */
  public Snapshot withUnreadRepo(String repo) {
    List<String> unread = new ArrayList<>(unreadRepos);
    unread.add(repo);
    List<String> more = gaps.isEmpty() ? List.of(repo + ": not fully read") : gaps;
    return toBuilder().complete(false).gaps(more).unreadRepos(unread).build();
  }

  /**
   * True when every hold that could bear on {@code subject} (an {@code owner/repo#N}) was read:
   * its repository's issues, pulls and comments all came in this cycle. False for a subject that
   * is not an item.
   */
  public boolean holdsSeen(String subject) {
    return Subjects.canonical(subject)
        .map(c -> unreadRepos.stream().noneMatch(r -> c.startsWith(r.toLowerCase(java.util.Locale.ROOT) + "#")))
        .orElse(false);
  }

  /** The same snapshot marked partial, with one more gap. */
  public Snapshot withGap(String gap) {
    List<String> more = new ArrayList<>(gaps);
    more.add(gap);
    return toBuilder().complete(false).gaps(more).build();
  }
}
