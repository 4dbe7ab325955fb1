package dev.timmy.cycle;

import dev.timmy.Bugs;
import dev.timmy.config.TriageConfig;
import dev.timmy.decide.Decision;
import dev.timmy.decide.PriorityItem;
import dev.timmy.decide.TriageRequestItem;
import dev.timmy.facts.Issue;
import dev.timmy.facts.ModelRole;
import dev.timmy.facts.Snapshot;
import dev.timmy.facts.Triage;
import dev.timmy.facts.TriageBackoff;
import dev.timmy.facts.TriageBudget;
import dev.timmy.facts.TriageFacts;
import dev.timmy.journal.TriageLog;
import dev.timmy.host.OllamaClient;
import dev.timmy.observe.triage.TriageAnswer;
import dev.timmy.observe.triage.TriagePrompt;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The brain beside the cycle. Before a cycle's rules run, {@link #facts} tells them what is known
 * (the journaled answers for each open issue's current version, the asks in back-off, the budget);
 * after the cycle, {@link #finished} takes the rules' {@link TriageRequestItem}s and asks the
 * models on its own thread, one call at a time, each within the configured timeout. A cycle never
 * waits for a model: an answer is journaled and becomes a fact of a later cycle. The limits hold
 * in Java whatever the rules ask: at most {@code callsPerCycle} new calls a cycle (the highest
 * ranked issues first), never past {@code callsPerHour}, never two calls about one issue at once.
 */
public final class TriageRunner implements CycleListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TriageRunner.class);
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration MAX_BACKOFF = Duration.ofDays(1);

  private final OllamaClient ollama;
  private final TriageLog log;
  private final TriageConfig config;
  private final InstantSource clock;
  private final ExecutorService worker;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  /** The journaled calls by issue version, read at start; the runner is the journal's only writer of them. */
  private final Map<String, List<TriageLog.Call>> known = new ConcurrentHashMap<>();

  public TriageRunner(OllamaClient ollama, TriageLog log, TriageConfig config, InstantSource clock) {
    this.ollama = ollama;
    this.log = log;
    this.config = config;
    this.clock = clock;
    this.worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "timmy-triage");
      t.setDaemon(true);
      return t;
    });
    log.all().forEach(this::remember);
  }

  /** What the rules may know about {@code issues} now. */
  public TriageFacts facts(List<Issue> issues) {
    Instant now = clock.instant();
    List<Triage> answers = new ArrayList<>();
    List<TriageBackoff> backoffs = new ArrayList<>();
    for (Issue i : issues) {
      if (!i.open() || i.pull()) continue;
      List<TriageLog.Call> calls = known.getOrDefault(key(i.subject(), i.updatedAt()), List.of());
      if (calls.isEmpty()) continue;
      best(calls).ifPresent(answers::add);
      backoffs.addAll(backoffs(calls));
    }
    int used = log.callsSince(now.minus(HOUR)) + inFlight.size();
    return new TriageFacts(answers, backoffs, new TriageBudget(config.callsPerCycle(), config.callsPerHour(), used));
  }

  /** Takes the cycle's requests and asks beside it; returns at once. */
  @Override
  public void finished(CycleOutcome outcome) {
    if (outcome.decision() != null && outcome.snapshot() != null) submit(outcome.snapshot(), outcome.decision());
  }

  /** Asks, beside the caller, what {@code decision} requests about the issues of {@code snapshot}. */
  void submit(Snapshot snapshot, Decision decision) {
    Map<String, Issue> issues = new HashMap<>();
    for (Issue i : snapshot.issues()) issues.put(i.subject(), i);
    int room = Math.min(config.callsPerCycle(), config.callsPerHour() - log.callsSince(clock.instant().minus(HOUR)) - inFlight.size());
    for (TriageRequestItem r : chosen(decision)) {
      if (room <= 0) break;
      Issue issue = issues.get(r.subject());
      // Only the configured models, in their roles, about an open issue of this snapshot: whatever a rule names.
      if (issue == null || !issue.open() || r.role() == ModelRole.OTHER || ollama.roleOf(r.model()) != r.role()) continue;
      if (!inFlight.add(r.subject())) continue;
      room--;
      worker.execute(() -> {
        try {
          ask(r, issue);
        } finally {
          inFlight.remove(r.subject());
        }
      });
    }
  }

  /** Waits up to {@code timeout} for the calls already taken (tests, shutdown). */
  public boolean idle(Duration timeout) throws InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    while (!inFlight.isEmpty()) {
      if (System.nanoTime() > until) return false;
      Thread.sleep(10);
    }
    return true;
  }

  @Override
  public void close() {
    worker.shutdownNow();
    try {
      worker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One request per issue (the complex model's when both are asked), in the decision's rank order. */
  static List<TriageRequestItem> chosen(Decision d) {
    Map<String, Integer> rank = new HashMap<>();
    for (PriorityItem p : d.priorities()) rank.put(p.subject(), p.rank());
    Map<String, TriageRequestItem> one = new LinkedHashMap<>();
    for (TriageRequestItem r : d.triage()) one.merge(r.subject(), r, (a, b) -> b.role().compareTo(a.role()) > 0 ? b : a);
    return one.values().stream()
        .sorted(Comparator.comparingInt((TriageRequestItem r) -> rank.getOrDefault(r.subject(), Integer.MAX_VALUE))
            .thenComparing(TriageRequestItem::subject))
        .toList();
  }

  private void ask(TriageRequestItem r, Issue issue) {
    Instant at = clock.instant();
    String failure;
    try {
      OllamaClient.Chat reply = ollama.chat(r.model(), TriagePrompt.messages(issue, config.maxBodyChars()),
          TriagePrompt.schema(), config.timeout());
      TriageAnswer.Judged judged = TriageAnswer.judge(reply.content(), r.subject(), r.model(), r.role(), at, issue.updatedAt());
      if (judged.ok()) {
        log.answered(judged.triage());
        remember(new TriageLog.Call(r.subject(), issue.updatedAt(), r.model(), r.role(), at, judged.triage(), null));
        return;
      }
      failure = judged.failure();
    } catch (InterruptedIOException e) {
      failure = "timeout after " + config.timeoutSeconds() + " s";
    } catch (IOException e) {
      failure = e.getMessage();
    } catch (RuntimeException e) {
      failure = Bugs.contain(LOG, "triage of " + r.subject() + " with " + r.model(), e);
    }
    log.failed(r.subject(), issue.updatedAt(), r.model(), r.role(), at, failure);
    remember(new TriageLog.Call(r.subject(), issue.updatedAt(), r.model(), r.role(), at, null, failure));
  }

  private void remember(TriageLog.Call c) {
    known.compute(key(c.subject(), c.issueUpdatedAt()), (k, list) -> {
      List<TriageLog.Call> more = list == null ? new ArrayList<>() : new ArrayList<>(list);
      more.add(c);
      return List.copyOf(more);
    });
  }

  private static String key(String subject, Instant issueUpdatedAt) {
    return subject + '@' + issueUpdatedAt.toEpochMilli();
  }

  /** The answer the rules see: the complex model's latest good one, else the fast model's. */
  private static java.util.Optional<Triage> best(List<TriageLog.Call> calls) {
    return calls.stream().map(TriageLog.Call::triage).filter(t -> t != null)
        .max(Comparator.comparing((Triage t) -> t.role()).thenComparing(Triage::at));
  }

  /** Per model: failures since its last good answer, the back-off doubling with each. */
  private List<TriageBackoff> backoffs(List<TriageLog.Call> calls) {
    Map<String, List<TriageLog.Call>> byModel = new LinkedHashMap<>();
    for (TriageLog.Call c : calls) {
      if (c.triage() != null) byModel.remove(c.model());
      else byModel.computeIfAbsent(c.model(), k -> new ArrayList<>()).add(c);
    }
    List<TriageBackoff> out = new ArrayList<>();
    byModel.forEach((model, failures) -> {
      TriageLog.Call last = failures.get(failures.size() - 1);
      Duration wait = Duration.ofMinutes(config.backoffMinutes()).multipliedBy(1L << Math.min(failures.size() - 1, 10));
      if (wait.compareTo(MAX_BACKOFF) > 0) wait = MAX_BACKOFF;
      out.add(new TriageBackoff(last.subject(), model, last.failure(), last.at(), last.at().plus(wait)));
    });
    return out;
  }
}
