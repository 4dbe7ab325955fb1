package dev.timmy.observe;

import dev.timmy.config.OwnerConfig;
import dev.timmy.facts.Agent;
import dev.timmy.facts.Issue;
import dev.timmy.facts.Quota;
import dev.timmy.facts.Snapshot;
import dev.timmy.facts.TriageFacts;
import dev.timmy.observe.gitea.GiteaSource;
import dev.timmy.observe.house.HouseSources;
import dev.timmy.observe.quota.QuotaReading;
import dev.timmy.observe.quota.QuotaSource;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The live snapshot: the Gitea backlog, the roster and owner from timmy.yml, and, when a
 * {@code house:} section is configured, the host, Ollama, loops and cleanup candidates, and with
 * triage on, what the local models said of the issues. What a
 * source could not read becomes a gap, which makes the snapshot partial (non-destructive only).
 * The snapshot is as observed: the cycle derives the rest.
 */
public final class LiveObserver implements Observer {
  private final GiteaSource gitea;
  private final OwnerConfig owner;
  private final List<Agent> agents;
  private final HouseSources house;
  private final QuotaSource quota;
  private final InstantSource clock;
  private final Function<List<Issue>, TriageFacts> triage;

  /**
   * {@code triage} says what the local models said earlier of these issues (the triage runner's
   * journaled answers, back-offs and budget). {@code house}, {@code quota} and {@code triage} may
   * be null: that part is then not observed.
   */
  public LiveObserver(GiteaSource gitea, OwnerConfig owner, List<Agent> agents, HouseSources house, QuotaSource quota,
      InstantSource clock, Function<List<Issue>, TriageFacts> triage) {
    this.gitea = gitea;
    this.owner = owner;
    this.agents = List.copyOf(agents);
    this.house = house;
    this.quota = quota;
    this.clock = clock;
    this.triage = triage;
  }

  @Override
  public Snapshot observe() {
    Backlog b = gitea.read();
    Snapshot s = Snapshot.ofBacklog(clock.instant(), b.complete(), b.gaps(), owner.toOwner(), b.issues(), b.pulls(),
        b.comments(), agents).withHistory(b.history());
    for (String repo : b.unreadRepos()) s = s.withUnreadRepo(repo);
    List<Quota> quotas = List.of();
    List<String> gaps = new ArrayList<>();
    if (quota != null) {
      QuotaReading q = quota.read();
      quotas = q.quotas();
      gaps.addAll(q.gaps());
    }
    if (house != null) {
      House h = house.read();
      List<Quota> all = new ArrayList<>(h.quotas());
      all.addAll(quotas);
      quotas = all;
      s = s.withHouse(h.host(), h.disks(), h.processes(), h.models(), h.ollamaDown(), h.loops(), h.staleFiles(), quotas);
      gaps.addAll(h.gaps());
    } else {
      s = s.withQuotas(quotas);
    }
    for (String gap : gaps) s = s.withGap(gap);
    // What the models said earlier (journaled): answers feed this cycle, never wait for one.
    return triage == null ? s : s.withTriage(triage.apply(s.issues()));
  }
}
