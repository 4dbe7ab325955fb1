package dev.timmy.service;

import dev.timmy.act.Authority;
import dev.timmy.act.Executor;
import dev.timmy.act.Target;
import dev.timmy.act.gitea.GiteaTarget;
import dev.timmy.act.house.HouseTargets;
import dev.timmy.api.Answers;
import dev.timmy.api.ApiServer;
import dev.timmy.api.Backend;
import dev.timmy.api.DashboardEvents;
import dev.timmy.api.Latest;
import dev.timmy.api.Metrics;
import dev.timmy.config.Secrets;
import dev.timmy.config.ServiceConfig;
import dev.timmy.config.TimmyConfig;
import dev.timmy.cycle.Cycle;
import dev.timmy.cycle.CycleLoop;
import dev.timmy.observe.LiveObserver;
import dev.timmy.observe.Observer;
import dev.timmy.cycle.RulesWatcher;
import dev.timmy.cycle.TriageRunner;
import dev.timmy.host.OllamaClient;
import dev.timmy.decide.RuleBook;
import dev.timmy.decide.RuleErrors;
import dev.timmy.act.house.RestartLedgerSeeder;
import dev.timmy.observe.quota.QuotaSource;
import dev.timmy.journal.Journal;
import dev.timmy.journal.JournalException;
import dev.timmy.act.Mode;
import dev.timmy.mcp.McpServers;
import dev.timmy.mcp.Tools;
import dev.timmy.observe.DemoHouse;
import dev.timmy.cycle.CycleTrigger;
import dev.timmy.gitea.GiteaClient;
import dev.timmy.observe.gitea.GiteaSource;
import dev.timmy.host.Host;
import dev.timmy.observe.house.HouseSources;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;

/**
 * Timmy as a service, assembled from timmy.yml and the environment: the journal, the rules with
 * hot reload, the observer (demo house, or Gitea plus the house), the targets, the authority and
 * executor, the cycle loop, the webhook trigger and the API, over one shared OkHttp client.
 * {@link #assemble} checks everything it can before anything starts; {@link #start} listens and
 * starts the loop; {@link #close} stops in reverse order and waits for a running cycle.
 */
public final class Service implements AutoCloseable {
  private final TimmyConfig config;
  private final int port;
  private final OkHttpClient http;
  private final Journal journal;
  private final JournalLock lock;
  private final RuleBook rules;
  private final Cycle cycle;
  private final CycleLoop loop;
  private final CycleTrigger webhooks;
  private final ApiServer api;
  private final Backend backend;
  private final Latest latest;
  private final TriageRunner triage;
  private final Mode mode;
  private final String source;
  private final AtomicBoolean closing = new AtomicBoolean();
  private final CountDownLatch closed = new CountDownLatch(1);

  private Service(TimmyConfig config, ServeOptions options, Secrets secrets, OkHttpClient http, Journal journal,
      RuleBook rules, Wiring wiring, JournalLock lock) {
    this.config = config;
    this.lock = lock;
    this.port = options.port() != null ? options.port() : config.service().port();
    this.http = http;
    this.journal = journal;
    this.rules = rules;
    this.mode = wiring.mode;
    this.source = config.demoMode() ? "demo" : "gitea";
    this.latest = new Latest();
    this.triage = wiring.triage;
    Metrics metrics = new Metrics();
    DashboardEvents events = new DashboardEvents();
    Executor executor = new Executor(wiring.targets, journal, mode);
    Authority authority = new Authority(config.owner(), config.budgets(), journal.reader(), options.clock(),
        Authority.scope(config));
    this.cycle = new Cycle(wiring.observer, rules, authority, executor, journal,
        Duration.ofDays(config.journal().retentionDays()),
        (triage == null ? latest.andThen(metrics) : latest.andThen(metrics).andThen(triage)).andThen(events));
    this.loop = new CycleLoop(cycle, new RulesWatcher(rules), Duration.ofSeconds(config.service().cycleSeconds()));
    this.webhooks = new CycleTrigger(options.webhookQuiet(), options.webhookMaxDelay(), () -> loop.triggerNow("webhook"));
    List<Target> targets = List.copyOf(wiring.targets);
    this.backend = new Backend(journal.reader(), rules, loop, latest, metrics, secrets, mode, source,
        webhooks::signal, options.cycleWait(), events, journal.deliveries(), () -> authority.breakers().of(targets),
        cycleLimit(config), options.clock());
    Answers answers = new Answers(backend);
    this.api = new ApiServer(backend, McpServers.http(new Tools(answers), answers::requireAdmin));
  }

  /** Builds everything, or refuses with every problem found; nothing listens or runs yet. */
  public static Service assemble(TimmyConfig config, Secrets secrets, ServeOptions options) throws ServiceException {
    boolean live = options.live() || config.service().live();
    List<String> problems = new ArrayList<>(config.problems());
    if (options.live() && config.demoMode()) {
      problems.add("--live: expected a gitea: section in the config (the demo house is dry-run only), found none");
    }
    problems.addAll(secrets.problems(live ? withLive(config) : config));
    if (options.port() != null && (options.port() < 0 || options.port() > 65_535)) {
      problems.add("--port: expected 0..65535, found " + options.port());
    }
    Path fixtures = Path.of(config.service().fixturesDir());
    if (config.demoMode()) {
      try {
        DemoHouse.settings(fixtures);
      } catch (IOException e) {
        problems.add("service.fixturesDir: expected the demo house (demo.yml, agents.yml, gitea/), found: " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) throw new ServiceException(problems);
    RuleBook rules = openRules(Path.of(config.service().rulesDir()), Duration.ofSeconds(config.service().evaluationSeconds()));
    // One Timmy per journal: a second one would act on the same backlog again.
    JournalLock lock = JournalLock.acquire(Path.of(config.journal().path()), options.clock());
    try {
      return assemble(config, secrets, options, fixtures, live, rules, lock);
    } catch (ServiceException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  private static Service assemble(TimmyConfig config, Secrets secrets, ServeOptions options, Path fixtures, boolean live,
      RuleBook rules, JournalLock lock) throws ServiceException {
    Journal journal;
    try {
      journal = Journal.open(Path.of(config.journal().path()), options.clock());
    } catch (JournalException e) {
      throw new ServiceException(List.of("journal.path: " + e.getMessage()));
    }
    OkHttpClient http = new OkHttpClient();
    Wiring wiring = Wiring.of(config, secrets, options, http, fixtures, live, journal);
    if (wiring.house != null) {
      // Restarts counted in memory start empty: take the recent ones back from the journal.
      RestartLedgerSeeder.seed(wiring.house.host().ledger(), journal.reader(),
          Duration.ofMinutes(config.house().restartWindowMinutes()), options.clock().instant());
    }
    return new Service(config, options, secrets, http, journal, rules, wiring, lock);
  }

  /** Listens, recovers what an earlier stop left half done, and starts the loop (first cycle at once). */
  public Service start() throws ServiceException {
    try {
      api.start(config.service().bind(), port);
    } catch (RuntimeException e) {
      close();
      throw new ServiceException(List.of("service.bind/port: cannot listen on " + config.service().bind() + ":" + port
          + ": " + e.getMessage()));
    }
    loop.start();
    return this;
  }

  /** Stops the API, the webhook trigger and the loop (after its running cycle), then the HTTP client. */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) return;
    try {
      api.close();
      webhooks.close();
      loop.close();
      if (triage != null) triage.close();
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
      lock.close();
      closed.countDown();
    }
  }

  /** Blocks until {@link #close} has finished (from a shutdown hook, say). */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  public boolean awaitClosed(Duration timeout) throws InterruptedException {
    return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public String url() {
    return "http://" + config.service().bind() + ":" + api.port();
  }

  public int port() {
    return api.port();
  }

  public Mode mode() {
    return mode;
  }

  /** {@code demo} or {@code gitea}. */
  public String source() {
    return source;
  }

  public Cycle cycle() {
    return cycle;
  }

  public CycleLoop loop() {
    return loop;
  }

  public Journal journal() {
    return journal;
  }

  public RuleBook rules() {
    return rules;
  }

  /** The brain beside the cycle; null with triage off. */
  public TriageRunner triage() {
    return triage;
  }

  public Latest latest() {
    return latest;
  }

  public ApiServer api() {
    return api;
  }

  /** What the API reads, for other front ends (the MCP tools over stdio). */
  public Backend backend() {
    return backend;
  }

  /** A cycle running longer than its period (at least a minute) is overdue: health says degraded. */
  static Duration cycleLimit(TimmyConfig config) {
    return Duration.ofSeconds(Math.max(60, config.service().cycleSeconds()));
  }

  private static RuleBook openRules(Path dir, Duration deadline) throws ServiceException {
    try {
      return RuleBook.open(dir, deadline);
    } catch (RuleErrors e) {
      List<String> lines = new ArrayList<>(List.of("service.rulesDir: the rules in " + dir + " do not compile:"));
      e.errors().forEach(r -> lines.add("  " + r));
      throw new ServiceException(lines);
    }
  }

  private static TimmyConfig withLive(TimmyConfig c) {
    return new TimmyConfig(c.owner(), c.agents(), c.gitea(), c.house(),
        c.service().asLive(), c.budgets(), c.journal(), c.quota(), c.triage());
  }

  /** Where snapshots come from, what acts, and in which mode. */
  private record Wiring(Observer observer, List<Target> targets, Mode mode, HouseSources house, TriageRunner triage) {
    static Wiring of(TimmyConfig config, Secrets secrets, ServeOptions options, OkHttpClient http, Path fixtures,
        boolean live, Journal journal) {
      Mode mode = live ? Mode.LIVE : Mode.DRY_RUN;
      if (config.demoMode()) {
        List<Target> targets = options.targets() != null ? options.targets() : List.of(new DemoTarget());
        return new Wiring(() -> DemoHouse.load(fixtures), targets, mode, null, null);
      }
      // One clock for everything that reads time, so a test (or a replay) fixes them all at once.
      Clock clock = options.clock().withZone(ZoneOffset.UTC);
      GiteaClient client = new GiteaClient(config.gitea(), secrets.giteaToken(), http, GiteaClient.Sleeper.THREAD);
      Host host = config.house() == null ? null : Host.of(config.house(), http);
      HouseSources house = host == null ? null : new HouseSources(config.house(), host, http, new GiteaCiSource(client), clock);
      // Real targets in dry-run too: they are only asked whether they would refuse, which is journaled.
      List<Target> targets = new ArrayList<>(List.of(new GiteaTarget(client, config.owner().toOwner())));
      if (house != null) targets.addAll(HouseTargets.of(config.house(), host, clock));
      QuotaSource quota = config.quota() == null ? null : QuotaSource.of(config.quota(), http, System.getenv());
      TriageRunner triage = house == null || !config.triage().enabled() ? null : triage(config, http, journal, clock);
      return new Wiring(new LiveObserver(new GiteaSource(client, clock), config.owner(), config.agents(), house, quota,
          options.clock(), triage == null ? null : triage::facts),
          options.targets() != null ? options.targets() : targets, mode, house, triage);
    }

    /** Its own Ollama client: a model may think for minutes, longer than the house's reads may take. */
    private static TriageRunner triage(TimmyConfig config, OkHttpClient http, Journal journal, Clock clock) {
      Duration timeout = config.triage().timeout();
      OkHttpClient slow = http.newBuilder().readTimeout(timeout).callTimeout(timeout).build();
      OllamaClient ollama = new OllamaClient(slow, config.house().ollamaUrl(), config.house().fastModel(),
          config.house().complexModel(), timeout);
      return new TriageRunner(ollama, journal.triage(), config.triage(), clock);
    }
  }
}
