package dev.timmy.mcp;

import dev.timmy.api.Answers;
import dev.timmy.api.Backend;
import dev.timmy.api.Latest;
import dev.timmy.config.ConfigException;
import dev.timmy.config.ConfigProblem;
import dev.timmy.config.JournalConfig;
import dev.timmy.config.Secrets;
import dev.timmy.config.ServiceConfig;
import dev.timmy.config.TimmyConfig;
import dev.timmy.decide.RuleBook;
import dev.timmy.decide.RuleErrors;
import dev.timmy.journal.Journal;
import dev.timmy.journal.Replay;
import dev.timmy.journal.JournalReader;
import dev.timmy.journal.CycleRow;
import dev.timmy.cycle.CycleOutcome;
import dev.timmy.act.Mode;
import dev.timmy.service.ServeOptions;
import dev.timmy.service.Service;
import dev.timmy.service.ServiceException;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * {@code timmy mcp}: the tools over stdio until the client closes stdin. Without {@code --config}
 * it evaluates the bundled demo house once (or {@code --fixtures DIR} with {@code --rules DIR}) (a dry-run cycle into a temporary journal, deleted
 * after); with {@code --config} it reads the journal of a running Timmy and answers from its
 * last good cycle (its stored snapshot decided again), observing nothing; the running server's
 * {@code POST /mcp} answers from the live cycle. Protocol only on {@code out}; problems on err.
 */
public final class McpCommand {
  private final PrintStream err;
  private final Map<String, String> env;

  public McpCommand(PrintStream err, Map<String, String> env) {
    this.err = err;
    this.env = Map.copyOf(env);
  }

  /** Serves until {@code in} ends; returns the exit code (1 when it cannot start). */
  public int run(Path configFile, Path rules, Path fixtures, boolean admin, InputStream in, OutputStream out) {
    Path tmp = null;
    Service service = null;
    try {
      Backend backend;
      if (configFile == null) {
        tmp = Files.createTempDirectory("timmy-mcp-");
        service = demo(tmp, rules, fixtures);
        backend = service.backend();
      } else {
        backend = journalOf(configFile);
      }
      EndWatch stdin = new EndWatch(in);
      McpSyncServer server = McpServers.stdio(new Tools(new Answers(backend)), admin, stdin, out);
      stdin.ended.await();
      server.closeGracefully();
      return 0;
    } catch (ServiceException e) {
      err.println("timmy: cannot serve MCP:");
      e.problems().forEach(p -> err.println("  " + p));
      return 1;
    } catch (IOException e) {
      err.println("timmy: cannot serve MCP: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } finally {
      if (service != null) service.close();
      if (tmp != null) delete(tmp);
    }
  }

  /** The last good cycle with its stored snapshot, as a decided cycle; empty when the journal has none. */
  private Optional<CycleOutcome> lastDecided(JournalReader reader, RuleBook rules) {
    Optional<CycleRow> row = reader.lastGoodCycle();
    if (row.isEmpty() || row.get().snapshotDigest() == null) return Optional.empty();
    try {
      Replay r = Replay.of(reader, rules, row.get().id());
      if (!r.sameRules()) {
        err.println("timmy: cycle " + r.cycleId() + " was decided by rules " + r.journaledRevision() + ", not the "
            + r.rulesRevision() + " on disk: answering with its journaled decision");
      }
      return Optional.of(new CycleOutcome(row.get(), r.snapshot(), r.sameRules() ? r.replayed() : r.journaled(),
          List.of(), Duration.ZERO));
    } catch (IllegalArgumentException e) {
      err.println("timmy: " + e.getMessage() + "; the tools that need a snapshot answer no_snapshot");
      return Optional.empty();
    }
  }

  /** The demo house, decided once by a real dry-run cycle into a journal under {@code dir}. */
  private Service demo(Path dir, Path rules, Path fixtures) throws ServiceException {
    TimmyConfig d = TimmyConfig.demo();
    ServiceConfig s = d.service();
    s = new ServiceConfig(s.port(), s.bind(), s.cycleSeconds(), false, (rules == null ? Path.of(s.rulesDir()) : rules).toString(),
        (fixtures == null ? Path.of(s.fixturesDir()) : fixtures).toString());
    TimmyConfig config = new TimmyConfig(d.owner(), d.agents(), d.gitea(), d.house(), s, d.budgets(),
        new JournalConfig(dir.resolve("timmy.db").toString(), d.journal().retentionDays()), d.quota());
    Service service = Service.assemble(config, Secrets.fromEnvironment(env, config), ServeOptions.defaults());
    service.cycle().run("mcp");
    return service;
  }

  /**
   * The journal and rules a running Timmy's config names, read only, with its last good cycle
   * decided again from the snapshot the journal stored (with the journaled decision when the rules
   * on disk are not that cycle's), so every tool answers as that cycle did; observes nothing.
   */
  private Backend journalOf(Path file) throws ServiceException {
    TimmyConfig config;
    try {
      config = TimmyConfig.load(file);
    } catch (ConfigException e) {
      throw new ServiceException(e.problems().stream().map(ConfigProblem::toString).toList());
    }
    Path journal = Path.of(config.journal().path());
    if (!Files.isRegularFile(journal)) {
      throw new ServiceException(List.of("journal.path: expected the journal of a running Timmy, found no file at " + journal));
    }
    RuleBook rules;
    try {
      rules = RuleBook.open(Path.of(config.service().rulesDir()));
    } catch (RuleErrors e) {
      throw new ServiceException(e.errors().stream().map(r -> "service.rulesDir: " + r).toList());
    }
    JournalReader reader = Journal.open(journal).reader();
    Latest latest = new Latest();
    lastDecided(reader, rules).ifPresent(latest::finished);
    return new Backend(reader, rules, null, latest, null,
        Secrets.fromEnvironment(env, config), Mode.DRY_RUN, config.demoMode() ? "demo" : "gitea", () -> {}, null, null, null, List::of, Duration.ofMinutes(1),
        InstantSource.system());
  }

  /** Counts down when the stream ends: the client closed stdin, so the server stops. */
  private static final class EndWatch extends FilterInputStream {
    final CountDownLatch ended = new CountDownLatch(1);

    EndWatch(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      return ended(super.read());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return ended(super.read(b, off, len));
    }

    private int ended(int n) {
      if (n < 0) ended.countDown();
      return n;
    }

    @Override
    public void close() throws IOException {
      ended.countDown();
      super.close();
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      // a temporary folder left behind is harmless; say so rather than fail the exit
      System.err.println("timmy: could not delete " + dir + ": " + e.getMessage());
    }
  }
}
