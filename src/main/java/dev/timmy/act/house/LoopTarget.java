package dev.timmy.act.house;

import dev.timmy.act.ActionRefused;
import dev.timmy.act.Target;
import dev.timmy.config.HouseConfig.LoopSpec;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.ProposalItem;
import dev.timmy.facts.Subjects;
import dev.timmy.host.RestartLedger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Restarts a loop named by the subject {@code loop:<name>} with the argv list its config holds,
 * never through a shell: the rules can name a loop but never supply a command. The command runs
 * with a timeout, stdin closed, stdout and stderr captured together; the outcome carries the
 * exit code and the output, truncated. Every restart that ran its command is written to the
 * {@link RestartLedger}, which is what {@code restartsRecent} counts: a command that fails, times
 * out or cannot start is a restart too, so a loop whose restart is broken reaches "still failing
 * after N restarts → tell Alex" instead of being retried every cycle. A loop that is not in the
 * config or not restartable is refused ({@link ActionRefused}), in dry-run too.
 */
public final class LoopTarget implements Target {
  static final int OUTPUT_LIMIT = 2_000;

  private final Map<String, LoopSpec> loops = new LinkedHashMap<>();
  private final Duration timeout;
  private final RestartLedger ledger;
  private final Clock clock;

  public LoopTarget(List<LoopSpec> loops, Duration timeout, RestartLedger ledger, Clock clock) {
    for (LoopSpec l : loops) this.loops.put(l.name(), l);
    this.timeout = timeout;
    this.ledger = ledger;
    this.clock = clock;
  }

  @Override
  public Set<ActionKind> kinds() {
    return Set.of(ActionKind.RESTART_LOOP);
  }

  @Override
  public Optional<String> refusal(ProposalItem proposal) {
    try {
      restartable(spec(proposal));
      return Optional.empty();
    } catch (ActionRefused e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * Done when Timmy restarted it less than one period ago: the loop gets a period to show life
   * before another restart, so a slow start is not restarted every cycle.
   */
  @Override
  public boolean alreadyDone(ProposalItem proposal) throws ActionRefused {
    LoopSpec spec = spec(proposal);
    Instant now = clock.instant();
    return ledger.last(spec.name())
        .map(t -> t.isAfter(now.minusSeconds(Math.max(60, spec.periodSeconds()))))
        .orElse(false);
  }

  @Override
  public String perform(ProposalItem proposal) throws IOException {
    LoopSpec spec = restartable(spec(proposal));
    try {
      return run(spec);
    } finally {
      ledger.record(spec.name(), clock.instant());
    }
  }

  private String run(LoopSpec spec) throws IOException {
    Process process = new ProcessBuilder(spec.restart()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    Output output = Output.drain(process.getInputStream());
    boolean finished;
    try {
      finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      throw new IOException("restart of " + spec.name() + " interrupted", e);
    }
    if (!finished) {
      kill(process);
      throw new IOException("restart of " + spec.name() + ": " + spec.restart() + " still running after "
          + timeout.toSeconds() + " s, killed; output: " + output.text());
    }
    int exit = process.exitValue();
    if (exit != 0) {
      throw new IOException("restart of " + spec.name() + ": " + spec.restart() + " exited " + exit + "; output: " + output.text());
    }
    return "restarted " + spec.name() + " with " + spec.restart() + ": exit 0; output: " + output.text();
  }

  private LoopSpec spec(ProposalItem p) throws ActionRefused {
    String name = Subjects.loopName(p.subject())
        .orElseThrow(() -> new ActionRefused(p.id() + ": expected subject loop:<name>, found " + p.subject()));
    LoopSpec spec = loops.get(name);
    if (spec == null) throw new ActionRefused("loop " + name + ": not in house.loops, so Timmy has no command for it");
    return spec;
  }

  private static LoopSpec restartable(LoopSpec spec) throws ActionRefused {
    if (!spec.canRestart()) {
      throw new ActionRefused("loop " + spec.name() + ": not restartable in house.loops (restartable="
          + spec.restartable() + ", restart=" + spec.restart() + ")");
    }
    return spec;
  }

  /** Reads a process's output on its own thread so a chatty command cannot block on a full pipe. */
  private static final class Output {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Thread reader;
    private long total;

    private Output(InputStream in) {
      reader = new Thread(() -> copy(in), "loop-restart-output");
      reader.setDaemon(true);
    }

    static Output drain(InputStream in) {
      Output o = new Output(in);
      o.reader.start();
      return o;
    }

    private void copy(InputStream in) {
      byte[] buf = new byte[4096];
      try (in) {
        for (int n; (n = in.read(buf)) >= 0; ) {
          synchronized (this) {
            total += n;
            int room = OUTPUT_LIMIT - bytes.size();
            if (room > 0) bytes.write(buf, 0, Math.min(room, n));
          }
        }
      } catch (IOException e) {
        // The process was killed and its pipe closed: what was read so far is the output.
      }
    }

    String text() {
      try {
        reader.join(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (this) {
        String s = bytes.toString(StandardCharsets.UTF_8).strip();
        return total > OUTPUT_LIMIT ? s + "… (" + total + " bytes, truncated)" : s;
      }
    }
  }

  /** A restart that must stop stops whole: its children first, so none is left behind. */
  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
